import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  TreeSelect,
} from "antd";
import { useMemo, useState } from "react";
import { api, unwrap } from "../../api/client";
import { ApiError, formErrors } from "../../api/errors";
import { useUnits } from "../../api/queries";
import type { components } from "../../api/schema";
import { hasAnyRole, useCurrentUser } from "../../auth/useAuth";
import { UNIT_TYPE_LABELS } from "../../lib/labels";
import { buildUnitTree, subtreeIds, type Unit, type UnitNode } from "../../lib/units";
import { QueryError } from "../QueryError";

type UnitIn = components["schemas"]["UnitIn"];
type UnitType = components["schemas"]["UnitType"];
const FIELDS = ["name", "credit_code", "type", "parent_id", "sort_order"] as const;

interface TreeOption {
  value: number;
  title: string;
  disabled?: boolean;
  children: TreeOption[];
}

function treeOptions(nodes: UnitNode[], disabled: Set<number>): TreeOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.name,
    disabled: disabled.has(n.id),
    children: treeOptions(n.children, disabled),
  }));
}

// Table rows: leaves have no `children` key, so antd draws no expand button for them.
type Row = Omit<UnitNode, "children"> & { children?: Row[] };
function rows(nodes: UnitNode[]): Row[] {
  return nodes.map(({ children, ...unit }) =>
    children.length ? { ...unit, children: rows(children) } : unit,
  );
}

type Editing = { mode: "create"; parent: Unit } | { mode: "edit"; unit: Unit } | null;

/** 单位管理: the organisation tree; the office adds, renames, moves and closes units. */
export function UnitsPage() {
  const user = useCurrentUser()!;
  const canEdit = hasAnyRole(user, ["office", "ops_admin"]);
  const units = useUnits();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [showClosed, setShowClosed] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [form] = Form.useForm<UnitIn>();

  const tree = useMemo(
    () => buildUnitTree(units.data ?? [], { includeClosed: showClosed }),
    [units.data, showClosed],
  );

  const save = useMutation({
    mutationFn: async (values: UnitIn) => {
      if (editing?.mode === "edit") {
        const { name, credit_code, parent_id, sort_order } = values;
        return unwrap(
          api.PATCH("/api/units/{unit_id}", {
            params: { path: { unit_id: editing.unit.id } },
            body: { name, credit_code, parent_id, sort_order },
          }),
        );
      }
      return unwrap(api.POST("/api/units", { body: values }));
    },
    onSuccess: (unit) => {
      message.success(editing?.mode === "edit" ? `已保存“${unit.name}”` : `已新增“${unit.name}”`);
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: ["units"] });
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setFields(formErrors(error, FIELDS));
      message.error(error.message);
    },
  });

  const close = useMutation({
    mutationFn: (unit: Unit) =>
      unwrap(api.POST("/api/units/{unit_id}/close", { params: { path: { unit_id: unit.id } } })),
    onSuccess: (unit) => {
      message.success(`已撤销“${unit.name}”`);
      void queryClient.invalidateQueries({ queryKey: ["units"] });
    },
    onError: (error) => message.error(error.message),
  });

  const open = (next: Editing) => {
    form.resetFields();
    if (next?.mode === "edit") form.setFieldsValue({ ...next.unit, parent_id: next.unit.parent_id ?? undefined });
    if (next?.mode === "create") form.setFieldsValue({ parent_id: next.parent.id, sort_order: 0 });
    setEditing(next);
  };

  const moveDisabled =
    editing?.mode === "edit" && units.data ? subtreeIds(units.data, editing.unit.id) : new Set<number>();

  if (units.isError) return <QueryError error={units.error} onRetry={() => units.refetch()} />;

  return (
    <Card
      title="单位管理"
      extra={
        <Space>
          <span>显示已撤销单位</span>
          <Switch checked={showClosed} onChange={setShowClosed} />
        </Space>
      }
    >
      <Table<Row>
        rowKey="id"
        loading={units.isPending}
        dataSource={rows(tree)}
        pagination={false}
        expandable={{ defaultExpandedRowKeys: tree.map((n) => n.id) }}
        columns={[
          { title: "单位名称", dataIndex: "name" },
          {
            title: "类型",
            dataIndex: "type",
            width: 110,
            render: (type: UnitType) => <Tag>{UNIT_TYPE_LABELS[type]}</Tag>,
          },
          { title: "统一社会信用代码", dataIndex: "credit_code", width: 210 },
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
                        <Button size="small" onClick={() => open({ mode: "create", parent: unit })}>
                          新增下级
                        </Button>
                        <Button size="small" onClick={() => open({ mode: "edit", unit })}>
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
      <Modal
        open={editing !== null}
        title={editing?.mode === "edit" ? `修改单位：${editing.unit.name}` : "新增单位"}
        okText="保存"
        cancelText="取消"
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          <Form.Item
            label="单位名称"
            name="name"
            rules={[{ required: true, whitespace: true, min: 2, message: "请输入单位名称（至少2个字）" }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            label="统一社会信用代码"
            name="credit_code"
            rules={[{ required: true, len: 18, message: "统一社会信用代码为18位" }]}
          >
            <Input maxLength={18} style={{ textTransform: "uppercase" }} />
          </Form.Item>
          <Form.Item label="单位类型" name="type" rules={[{ required: true, message: "请选择单位类型" }]}>
            <Select
              disabled={editing?.mode === "edit"}
              options={Object.entries(UNIT_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item label="上级单位" name="parent_id" rules={[{ required: true, message: "请选择上级单位" }]}>
            <TreeSelect
              treeData={treeOptions(buildUnitTree(units.data ?? []), moveDisabled)}
              treeDefaultExpandAll
              showSearch
              treeNodeFilterProp="title"
            />
          </Form.Item>
          <Form.Item label="排序号" name="sort_order">
            <InputNumber min={0} max={9999} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
