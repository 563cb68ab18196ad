import { App, Checkbox, Form, Input, InputNumber, Modal, TreeSelect } from "antd";
import { ApiError, formErrors } from "../../../api/errors";
import { useSaveColumn, type ColumnChange } from "../../../api/queries/catalog";
import { useGatewayVocabulary } from "../../../api/queries/vocabulary";
import type { components } from "../../../api/schema";
import { columnOptions, type ColumnNode } from "../../../lib/catalog";

type UnitType = components["schemas"]["UnitType"];

interface ColumnValues {
  name: string;
  code: string;
  parent_id?: number | null;
  article20_item?: number | null;
  retention_years?: number | null;
  hidden_for_unit_types: UnitType[];
}
const COLUMN_FIELDS = ["name", "code", "parent_id", "article20_item", "retention_years", "hidden_for_unit_types"] as const;

export type Editing = { mode: "add"; parentId: number | null } | { mode: "edit"; column: ColumnNode } | null;

// Only the name, the retention and the unit types it is hidden for change once a column exists.
function changeOf(editing: Editing, values: ColumnValues): ColumnChange {
  if (editing?.mode === "edit") {
    return {
      columnId: editing.column.id,
      body: {
        name: values.name,
        retention_years: values.retention_years ?? null,
        hidden_for_unit_types: values.hidden_for_unit_types ?? [],
        to_top_level: false,
      },
    };
  }
  return {
    body: {
      name: values.name,
      code: values.code,
      parent_id: values.parent_id ?? null,
      article20_item: values.article20_item ?? null,
      retention_years: values.retention_years ?? null,
      hidden_for_unit_types: values.hidden_for_unit_types ?? [],
    },
  };
}

/** A new column of the template (at the top or under another), or changes to one. */
export function ColumnDialog({
  tree,
  editing,
  onClose,
}: {
  tree: ColumnNode[];
  editing: Editing;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const unitTypes = useGatewayVocabulary();
  const [form] = Form.useForm<ColumnValues>();
  const save = useSaveColumn({
    onSuccess: (column) => {
      message.success(`已保存栏目 ${column.name}`);
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
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(changeOf(editing, v))} preserve={false}>
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
          <Checkbox.Group options={unitTypes.data?.unit_types ?? []} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
