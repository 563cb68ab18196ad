import { App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useCloseUnit, useUnits } from "../../api/queries/units";
import { useLabels } from "../../api/queries/vocabulary";
import { useCurrentUser } from "../../auth/useAuth";
import { QueryError } from "../../components/QueryError";
import { useScrollRegion } from "../../components/ScrollBox";
import { can } from "../../lib/navigation";
import { usePageTitle } from "../../lib/usePageTitle";
import { buildUnitTree, type Unit, type UnitNode } from "../../lib/units";
import { UnitDialog, type Editing } from "./components/UnitDialog";

// Table rows: leaves have no `children` key, so antd draws no expand button for them.
type Row = Omit<UnitNode, "children"> & { children?: Row[] };
function rows(nodes: UnitNode[]): Row[] {
  return nodes.map(({ children, ...unit }) =>
    children.length ? { ...unit, children: rows(children) } : unit,
  );
}

/** 单位管理: the organisation tree; the office adds, renames, moves and closes units. */
export function UnitsPage() {
  const user = useCurrentUser()!;
  const canEdit = can(user, "manage_units");
  const units = useUnits();
  const label = useLabels("gateway");
  const { message } = App.useApp();
  const [showClosed, setShowClosed] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  usePageTitle("单位管理");
  const table = useScrollRegion("单位列表");

  const tree = useMemo(
    () => buildUnitTree(units.data ?? [], { includeClosed: showClosed }),
    [units.data, showClosed],
  );

  const close = useCloseUnit({
    onSuccess: (unit) => message.success(`已撤销“${unit.name}”`),
    onError: (error) => message.error(error.message),
  });

  if (units.isError) return <QueryError error={units.error} onRetry={() => units.refetch()} />;

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          单位管理
        </Typography.Title>
      }
      extra={
        <Space>
          <span id="show-closed-units">显示已撤销单位</span>
          <Switch aria-labelledby="show-closed-units" checked={showClosed} onChange={setShowClosed} />
        </Space>
      }
    >
      <Table<Row>
        ref={table}
        rowKey="id"
        loading={units.isPending}
        dataSource={rows(tree)}
        pagination={false}
        scroll={{ x: "max-content" }}
        expandable={{ defaultExpandedRowKeys: tree.map((n) => n.id) }}
        columns={[
          { title: "单位名称", dataIndex: "name" },
          {
            title: "类型",
            dataIndex: "type",
            width: 110,
            render: (type: Unit["type"]) => <Tag>{label("unit_types", type)}</Tag>,
          },
          { title: "统一社会信用代码", dataIndex: "credit_code", width: 210 },
          {
            title: "行政复议机关",
            key: "reconsideration_body",
            width: 260,
            render: (_: unknown, unit: Row) =>
              unit.vertically_managed ? (
                <Space size={4}>
                  <Tag color="blue">垂直管理</Tag>
                  {unit.reconsideration_body}
                </Space>
              ) : null,
          },
          {
            title: "状态",
            dataIndex: "closed",
            width: 90,
            render: (closed: boolean) => (closed ? <Tag>已撤销</Tag> : <Tag color="green">正常</Tag>),
          },
          ...(canEdit
            ? [
                {
                  title: "操作",
                  key: "actions",
                  width: 240,
                  render: (_: unknown, unit: Row) =>
                    unit.closed ? null : (
                      <Space>
                        <Button size="small" onClick={() => setEditing({ mode: "create", parent: unit })}>
                          新增下级
                        </Button>
                        <Button size="small" onClick={() => setEditing({ mode: "edit", unit })}>
                          修改
                        </Button>
                        {unit.parent_id !== null && (
                          <Popconfirm
                            title={`撤销“${unit.name}”？`}
                            description="撤销后单位不再出现在门户，历史数据保留。下级单位须先撤销或移走。"
                            okText="撤销"
                            cancelText="取消"
                            onConfirm={() => close.mutate(unit)}
                          >
                            <Button size="small" danger>
                              撤销
                            </Button>
                          </Popconfirm>
                        )}
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <UnitDialog editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
