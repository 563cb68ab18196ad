import { ArrowDownOutlined, ArrowUpOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Space, Switch, Table, Tag, Typography, type TableColumnType } from "antd";
import { useMemo, useState } from "react";
import {
  useColumnTemplate,
  useReorderColumns,
  useSetUnitColumn,
  useTemplateRights,
  useUnitColumns,
} from "../../../api/queries/catalog";
import { useUnits } from "../../../api/queries/units";
import { useLabels } from "../../../api/queries/vocabulary";
import type { components } from "../../../api/schema";
import { useCurrentUser } from "../../../auth/useAuth";
import { QueryError } from "../../../components/QueryError";
import { UnitTreeSelect } from "../../../components/UnitTreeSelect";
import { flattenColumns, reorderedSortOrders, siblingsOf, type ColumnNode } from "../../../lib/catalog";
import { usePageTitle } from "../../../lib/usePageTitle";
import { ColumnDialog, type Editing } from "../components/ColumnDialog";
import { MergeColumnDialog } from "../components/MergeColumnDialog";
import { MigrateItemsDialog } from "../components/MigrateItemsDialog";
import { MoveColumnDialog } from "../components/MoveColumnDialog";

type UnitType = components["schemas"]["UnitType"];

// Table rows: leaves have no `children` key, so antd draws no expand button for them.
type Row = Omit<ColumnNode, "children"> & { children?: Row[] };
function rows(nodes: ColumnNode[]): Row[] {
  return nodes.map(({ children, ...column }) =>
    children?.length ? { ...column, children: rows(children) } : column,
  );
}

const heading = { margin: 0, fontSize: 20 } as const;

/**
 * 栏目管理: the catalogue template the office of the top unit keeps for every unit, and moving
 * items between columns; each office hides columns in its units' catalogues. The page asks the
 * catalog what the user may do (`template/rights`) and offers only that.
 */
export function ColumnsPage() {
  usePageTitle("栏目管理");
  const rights = useTemplateRights();
  const keeper = !!rights.data?.can_change_template;
  const template = useColumnTemplate();
  const label = useLabels("gateway");
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing>(null);
  const [moving, setMoving] = useState<ColumnNode | null>(null);
  const [merging, setMerging] = useState<ColumnNode | null>(null);
  const [migrating, setMigrating] = useState(false);
  const tree = useMemo(() => template.data ?? [], [template.data]);
  // Reordering renumbers the siblings 10, 20, 30…: the order shown is the order saved.
  const reorder = useReorderColumns({ onError: (error) => message.error(error.message) });
  const move = (column: ColumnNode, step: -1 | 1) =>
    reorder.mutate(reorderedSortOrders(siblingsOf(tree, column.id), column.id, step));

  const actions: TableColumnType<Row> = {
    title: "操作",
    key: "actions",
    width: 380,
    render: (_: unknown, row) => {
      const column = flattenColumns(tree).find((c) => c.id === row.id)!;
      const siblings = siblingsOf(tree, row.id);
      const index = siblings.findIndex((c) => c.id === row.id);
      return (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setEditing({ mode: "edit", column })}>
            修改
          </Button>
          <Button size="small" onClick={() => setEditing({ mode: "add", parentId: row.id })}>
            新增下级
          </Button>
          <Button size="small" onClick={() => setMoving(column)}>
            移动
          </Button>
          <Button size="small" onClick={() => setMerging(column)}>
            并入
          </Button>
          <Button
            size="small"
            icon={<ArrowUpOutlined />}
            aria-label={`上移 ${row.name}`}
            disabled={index <= 0 || reorder.isPending}
            onClick={() => move(column, -1)}
          />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={`下移 ${row.name}`}
            disabled={index === siblings.length - 1 || reorder.isPending}
            onClick={() => move(column, 1)}
          />
        </Space>
      );
    },
  };

  if (template.isError) return <QueryError error={template.error} onRetry={() => template.refetch()} />;
  if (rights.isError) return <QueryError error={rights.error} onRetry={() => rights.refetch()} />;

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card
        title={
          <Typography.Title level={1} style={heading}>
            栏目管理
          </Typography.Title>
        }
        extra={
          keeper && (
            <Space>
              <Button onClick={() => setMigrating(true)}>迁移栏目信息</Button>
              <Button type="primary" onClick={() => setEditing({ mode: "add", parentId: null })}>
                新增一级栏目
              </Button>
            </Space>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          目录模板适用于全区各单位；对某类单位隐藏的栏目不出现在该类单位的公开目录中。调整栏目后，可将原栏目中的信息迁移到新栏目，信息的索引号和链接不变。
        </Typography.Paragraph>
        {rights.data && !keeper && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={rights.data.reason}
            description={rights.data.can_hide_columns ? "可在下方“单位目录设置”中设置所辖单位的目录显示哪些栏目。" : undefined}
          />
        )}
        <Table<Row>
          rowKey="id"
          size="small"
          loading={template.isPending || rights.isPending}
          dataSource={rows(tree)}
          pagination={false}
          columns={[
            { title: "栏目名称", dataIndex: "name" },
            { title: "编码", dataIndex: "code", width: 200 },
            {
              title: "条例第二十条",
              dataIndex: "article20_item",
              width: 110,
              render: (n: number | null) => (n ? `第${n}项` : "—"),
            },
            {
              title: "保管期限",
              dataIndex: "retention_years",
              width: 90,
              render: (years: number | null) => (years ? `${years}年` : "永久"),
            },
            {
              title: "对以下单位隐藏",
              dataIndex: "hidden_for_unit_types",
              width: 180,
              render: (types: UnitType[]) => types.map((t) => <Tag key={t}>{label("unit_types", t)}</Tag>),
            },
            // Changing the template: only for whom the catalog says may (the top unit's office).
            ...(keeper ? [actions] : []),
          ]}
        />
      </Card>
      {rights.data?.can_hide_columns && <UnitColumnSettings tree={tree} />}
      {keeper && (
        <>
          <ColumnDialog tree={tree} editing={editing} onClose={() => setEditing(null)} />
          <MoveColumnDialog tree={tree} column={moving} onClose={() => setMoving(null)} />
          <MergeColumnDialog tree={tree} column={merging} onClose={() => setMerging(null)} />
          <MigrateItemsDialog tree={tree} open={migrating} onClose={() => setMigrating(false)} />
        </>
      )}
    </Space>
  );
}


/** One unit's catalogue: which template columns it shows (a unit may hide a column it has no use for). */
function UnitColumnSettings({ tree }: { tree: ColumnNode[] }) {
  const user = useCurrentUser()!;
  const units = useUnits();
  const label = useLabels("gateway");
  const [unitId, setUnitId] = useState<number | undefined>();
  const unit = units.data?.find((u) => u.id === unitId);
  const shown = useUnitColumns(unitId);
  const shownIds = useMemo(() => new Set(flattenColumns(shown.data ?? []).map((c) => c.id)), [shown.data]);
  const { message } = App.useApp();
  const toggle = useSetUnitColumn(unitId, {
    onSuccess: (setting) => message.success(setting.hidden ? "已在本单位目录中隐藏" : "已在本单位目录中显示"),
    onError: (error) => message.error(error.message),
  });

  return (
    <Card
      title={
        <Typography.Title level={2} style={heading}>
          单位目录设置
        </Typography.Title>
      }
      extra={
        <UnitTreeSelect label="选择单位" within={user.unit_id} placeholder="选择单位" value={unitId} onChange={setUnitId} />
      }
    >
      {!unit ? (
        <Typography.Text type="secondary">选择一个单位，设置其公开目录显示哪些栏目。</Typography.Text>
      ) : shown.isError ? (
        <QueryError error={shown.error} onRetry={() => shown.refetch()} />
      ) : (
        <Table<Row>
          rowKey="id"
          size="small"
          loading={shown.isPending || toggle.isPending}
          dataSource={rows(tree)}
          pagination={false}
          columns={[
            { title: "栏目名称", dataIndex: "name" },
            { title: "编码", dataIndex: "code", width: 200 },
            {
              title: `在${unit.name}目录中显示`,
              key: "shown",
              width: 220,
              render: (_: unknown, row) =>
                row.hidden_for_unit_types.includes(unit.type) ? (
                  <Tag>对{label("unit_types", unit.type)}隐藏</Tag>
                ) : (
                  <Switch
                    aria-label={`在${unit.name}目录中显示 ${row.name}`}
                    checked={shownIds.has(row.id)}
                    onChange={(checked) => toggle.mutate({ columnId: row.id, hidden: !checked })}
                  />
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
