import { ArrowDownOutlined, ArrowUpOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Switch,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { api, unwrap } from "../../../api/client";
import { ApiError, formErrors } from "../../../api/errors";
import { useUnits } from "../../../api/queries";
import { useCurrentUser } from "../../../auth/useAuth";
import {
  columnOptions,
  flattenColumns,
  reorderedSortOrders,
  siblingsOf,
  withDisabled,
  type ColumnNode,
} from "../../../lib/catalog";
import { UNIT_TYPE_LABELS } from "../../../lib/labels";
import { QueryError } from "../../QueryError";
import { useColumnTemplate, useUnitColumns } from "../queries";
import { UnitPicker } from "../UnitPicker";

type UnitType = keyof typeof UNIT_TYPE_LABELS;
const UNIT_TYPE_OPTIONS = (Object.keys(UNIT_TYPE_LABELS) as UnitType[]).map((t) => ({
  value: t,
  label: UNIT_TYPE_LABELS[t],
}));

// Table rows: leaves have no `children` key, so antd draws no expand button for them.
type Row = Omit<ColumnNode, "children"> & { children?: Row[] };
function rows(nodes: ColumnNode[]): Row[] {
  return nodes.map(({ children, ...column }) =>
    children?.length ? { ...column, children: rows(children) } : column,
  );
}

interface ColumnValues {
  name: string;
  code: string;
  parent_id?: number | null;
  article20_item?: number | null;
  retention_years?: number | null;
  hidden_for_unit_types: UnitType[];
}
const COLUMN_FIELDS = ["name", "code", "parent_id", "article20_item", "retention_years", "hidden_for_unit_types"] as const;

type Editing = { mode: "add"; parentId: number | null } | { mode: "edit"; column: ColumnNode } | null;

/** 栏目管理: the catalogue template the office keeps for every unit, and moving items between columns. */
export function ColumnsPage() {
  const template = useColumnTemplate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing>(null);
  const [moving, setMoving] = useState<ColumnNode | null>(null);
  const [merging, setMerging] = useState<ColumnNode | null>(null);
  const [migrating, setMigrating] = useState(false);
  const tree = useMemo(() => template.data ?? [], [template.data]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["catalogue"] });

  // Reordering renumbers the siblings 10, 20, 30…: the order shown is the order saved.
  const reorder = useMutation({
    mutationFn: async ({ column, step }: { column: ColumnNode; step: -1 | 1 }) => {
      const changes = reorderedSortOrders(siblingsOf(tree, column.id), column.id, step);
      for (const change of changes) {
        await unwrap(
          api.PATCH("/api/catalog/columns/{column_id}", {
            params: { path: { column_id: change.id } },
            body: { sort_order: change.sort_order, to_top_level: false },
          }),
        );
      }
    },
    onSuccess: () => void refresh(),
    onError: (error) => message.error(error.message),
  });

  if (template.isError) return <QueryError error={template.error} onRetry={() => template.refetch()} />;

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card
        title="栏目管理"
        extra={
          <Space>
            <Button onClick={() => setMigrating(true)}>迁移栏目信息</Button>
            <Button type="primary" onClick={() => setEditing({ mode: "add", parentId: null })}>
              新增一级栏目
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          目录模板适用于全区各单位；对某类单位隐藏的栏目不出现在该类单位的公开目录中。调整栏目后，可将原栏目中的信息迁移到新栏目，信息的索引号和链接不变。
        </Typography.Paragraph>
        <Table<Row>
          rowKey="id"
          size="small"
          loading={template.isPending}
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
              render: (types: UnitType[]) => types.map((t) => <Tag key={t}>{UNIT_TYPE_LABELS[t]}</Tag>),
            },
            {
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
                      onClick={() => reorder.mutate({ column, step: -1 })}
                    />
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined />}
                      aria-label={`下移 ${row.name}`}
                      disabled={index === siblings.length - 1 || reorder.isPending}
                      onClick={() => reorder.mutate({ column, step: 1 })}
                    />
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>
      <UnitColumnSettings tree={tree} />
      <ColumnDialog tree={tree} editing={editing} onClose={() => setEditing(null)} onSaved={refresh} />
      <MoveDialog tree={tree} column={moving} onClose={() => setMoving(null)} onSaved={refresh} />
      <MergeDialog tree={tree} column={merging} onClose={() => setMerging(null)} onSaved={refresh} />
      <MigrateDialog tree={tree} open={migrating} onClose={() => setMigrating(false)} />
    </Space>
  );
}

function ColumnDialog({
  tree,
  editing,
  onClose,
  onSaved,
}: {
  tree: ColumnNode[];
  editing: Editing;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ColumnValues>();
  const save = useMutation({
    mutationFn: (values: ColumnValues) => {
      if (editing?.mode === "edit") {
        return unwrap(
          api.PATCH("/api/catalog/columns/{column_id}", {
            params: { path: { column_id: editing.column.id } },
            body: {
              name: values.name,
              retention_years: values.retention_years ?? null,
              hidden_for_unit_types: values.hidden_for_unit_types ?? [],
              to_top_level: false,
            },
          }),
        );
      }
      return unwrap(
        api.POST("/api/catalog/columns", {
          body: {
            name: values.name,
            code: values.code,
            parent_id: values.parent_id ?? null,
            article20_item: values.article20_item ?? null,
            retention_years: values.retention_years ?? null,
            hidden_for_unit_types: values.hidden_for_unit_types ?? [],
          },
        }),
      );
    },
    onSuccess: (column) => {
      message.success(`已保存栏目 ${column.name}`);
      onSaved();
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setFields(formErrors(error, COLUMN_FIELDS));
      message.error(error.message);
    },
  });
  const adding = editing?.mode === "add";
  const initial: Partial<ColumnValues> =
    editing?.mode === "edit"
      ? { ...editing.column, hidden_for_unit_types: editing.column.hidden_for_unit_types }
      : { parent_id: editing?.parentId ?? null, hidden_for_unit_types: [] };

  return (
    <Modal
      open={editing !== null}
      title={adding ? "新增栏目" : "修改栏目"}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} preserve={false}>
        <Form.Item
          label="栏目名称"
          name="name"
          rules={[{ required: true, whitespace: true, min: 2, max: 100, message: "栏目名称为2至100字" }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          label="栏目编码"
          name="code"
          rules={[{ required: adding, pattern: /^[A-Z0-9-]{2,40}$/, message: "2至40位大写字母、数字或横线" }]}
        >
          <Input disabled={!adding} placeholder="如 X-EDU-ENROL" />
        </Form.Item>
        {adding && (
          <>
            <Form.Item label="上级栏目" name="parent_id">
              <TreeSelect
                aria-label="上级栏目"
                allowClear
                showSearch
                treeNodeFilterProp="title"
                placeholder="不选为一级栏目"
                treeData={columnOptions(tree)}
              />
            </Form.Item>
            <Form.Item label="对应《条例》第二十条第几项" name="article20_item">
              <InputNumber min={1} max={15} style={{ width: "100%" }} />
            </Form.Item>
          </>
        )}
        <Form.Item label="保管期限（年）" name="retention_years" tooltip="不填为永久保存">
          <InputNumber min={1} max={100} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item label="对以下类型的单位隐藏" name="hidden_for_unit_types">
          <Checkbox.Group options={UNIT_TYPE_OPTIONS} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MoveDialog({
  tree,
  column,
  onClose,
  onSaved,
}: {
  tree: ColumnNode[];
  column: ColumnNode | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [parent, setParent] = useState<number | undefined>();
  const move = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH("/api/catalog/columns/{column_id}", {
          params: { path: { column_id: column!.id } },
          body: parent ? { parent_id: parent, to_top_level: false } : { to_top_level: true },
        }),
      ),
    onSuccess: (moved) => {
      message.success(`已移动栏目 ${moved.name}`);
      setParent(undefined);
      onSaved();
      onClose();
    },
    onError: (error) => message.error(error.message),
  });
  // A column cannot go under itself or its own sub-columns.
  const below = new Set(column ? flattenColumns([column]).map((c) => c.id) : []);

  return (
    <Modal
      open={column !== null}
      title={`移动栏目：${column?.name ?? ""}`}
      okText="移动"
      cancelText="取消"
      confirmLoading={move.isPending}
      onOk={() => move.mutate()}
      onCancel={() => {
        setParent(undefined);
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>移到以下栏目之下（不选则设为一级栏目）：</Typography.Paragraph>
      <TreeSelect
        aria-label="新的上级栏目"
        allowClear
        showSearch
        treeNodeFilterProp="title"
        style={{ width: "100%" }}
        placeholder="设为一级栏目"
        treeData={withDisabled(columnOptions(tree), below)}
        value={parent}
        onChange={(value?: number) => setParent(value)}
      />
    </Modal>
  );
}

/** 栏目合并: the column and its items go into another; old links to it lead to that one. */
function MergeDialog({
  tree,
  column,
  onClose,
  onSaved,
}: {
  tree: ColumnNode[];
  column: ColumnNode | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [into, setInto] = useState<number | undefined>();
  const merge = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/catalog/columns/{column_id}/merge", {
          params: { path: { column_id: column!.id } },
          body: { into_column_id: into! },
        }),
      ),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ["items"] });
      void queryClient.invalidateQueries({ queryKey: ["published"] });
      modal.success({
        title: "合并完成",
        content: `“${column?.name}”已并入“${result.columns[0]?.name ?? ""}”，迁移信息 ${result.moved} 条；原栏目的链接指向新栏目。`,
      });
      setInto(undefined);
      onSaved();
      onClose();
    },
    onError: (error) => message.error(error.message),
  });
  const self = new Set(column ? flattenColumns([column]).map((c) => c.id) : []);
  return (
    <Modal
      open={column !== null}
      title={`合并栏目：${column?.name ?? ""}`}
      okText="合并"
      cancelText="取消"
      okButtonProps={{ danger: true, disabled: !into }}
      confirmLoading={merge.isPending}
      onOk={() => merge.mutate()}
      onCancel={() => {
        setInto(undefined);
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>合并后本栏目停用，其中的信息全部移入以下栏目：</Typography.Paragraph>
      <TreeSelect
        aria-label="并入的栏目"
        showSearch
        treeNodeFilterProp="title"
        style={{ width: "100%" }}
        treeData={withDisabled(columnOptions(tree), self)}
        value={into}
        onChange={(value?: number) => setInto(value)}
      />
    </Modal>
  );
}

function MigrateDialog({ tree, open, onClose }: { tree: ColumnNode[]; open: boolean; onClose: () => void }) {
  const user = useCurrentUser()!;
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ from_column_id: number; to_column_id: number; unit_id?: number }>();
  const migrate = useMutation({
    mutationFn: (values: { from_column_id: number; to_column_id: number; unit_id?: number }) =>
      unwrap(
        api.POST("/api/catalog/items/move", {
          body: {
            from_column_id: values.from_column_id,
            to_column_id: values.to_column_id,
            unit_id: values.unit_id ?? null,
          },
        }),
      ),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ["items"] });
      void queryClient.invalidateQueries({ queryKey: ["published"] });
      modal.success({ title: "迁移完成", content: `已迁移 ${result.moved} 条信息，索引号和链接保持不变。` });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        form.setFields(formErrors(error, ["from_column_id", "to_column_id", "unit_id"] as const));
      }
      message.error(error.message);
    },
  });
  const options = columnOptions(tree);
  return (
    <Modal
      open={open}
      title="迁移栏目信息"
      okText="迁移"
      cancelText="取消"
      confirmLoading={migrate.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="将原栏目中的信息移到新栏目；已发布的信息同步报送省级平台。"
      />
      <Form form={form} layout="vertical" onFinish={(v) => migrate.mutate(v)} preserve={false}>
        <Form.Item label="原栏目" name="from_column_id" rules={[{ required: true, message: "请选择原栏目" }]}>
          <TreeSelect aria-label="原栏目" showSearch treeNodeFilterProp="title" treeData={options} />
        </Form.Item>
        <Form.Item
          label="新栏目"
          name="to_column_id"
          dependencies={["from_column_id"]}
          rules={[
            { required: true, message: "请选择新栏目" },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value && value === getFieldValue("from_column_id")
                  ? Promise.reject(new Error("新栏目不能与原栏目相同"))
                  : Promise.resolve(),
            }),
          ]}
        >
          <TreeSelect aria-label="新栏目" showSearch treeNodeFilterProp="title" treeData={options} />
        </Form.Item>
        <Form.Item label="只迁移该单位的信息" name="unit_id" tooltip="不选为全部单位">
          <UnitPicker label="只迁移该单位的信息" within={user.unit_id} placeholder="全部单位" width="100%" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One unit's catalogue: which template columns it shows (a unit may hide a column it has no use for). */
function UnitColumnSettings({ tree }: { tree: ColumnNode[] }) {
  const user = useCurrentUser()!;
  const units = useUnits();
  const [unitId, setUnitId] = useState<number | undefined>();
  const unit = units.data?.find((u) => u.id === unitId);
  const shown = useUnitColumns(unitId);
  const shownIds = useMemo(() => new Set(flattenColumns(shown.data ?? []).map((c) => c.id)), [shown.data]);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const toggle = useMutation({
    mutationFn: ({ columnId, hidden }: { columnId: number; hidden: boolean }) =>
      unwrap(
        api.PUT("/api/catalog/units/{unit_id}/columns/{column_id}/setting", {
          params: { path: { unit_id: unitId!, column_id: columnId } },
          body: { hidden },
        }),
      ),
    onSuccess: (setting) => {
      message.success(setting.hidden ? "已在本单位目录中隐藏" : "已在本单位目录中显示");
      void queryClient.invalidateQueries({ queryKey: ["catalogue", unitId] });
    },
    onError: (error) => message.error(error.message),
  });

  return (
    <Card
      title="单位目录设置"
      extra={
        <UnitPicker label="选择单位" within={user.unit_id} placeholder="选择单位" value={unitId} onChange={setUnitId} />
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
                  <Tag>对{UNIT_TYPE_LABELS[unit.type]}隐藏</Tag>
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
