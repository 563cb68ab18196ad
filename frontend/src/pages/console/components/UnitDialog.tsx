import { App, Form, Input, InputNumber, Modal, Select, Switch } from "antd";
import { useEffect, useMemo } from "react";
import { ApiError, formErrors } from "../../../api/errors";
import { useSaveUnit, useUnits, type UnitChange } from "../../../api/queries/units";
import { useGatewayVocabulary } from "../../../api/queries/vocabulary";
import type { components } from "../../../api/schema";
import { UnitTreeSelect } from "../../../components/UnitTreeSelect";
import { subtreeIds, type Unit } from "../../../lib/units";

type UnitIn = components["schemas"]["UnitIn"];
const FIELDS = [
  "name",
  "credit_code",
  "type",
  "parent_id",
  "sort_order",
  "vertically_managed",
  "reconsideration_body",
] as const;
const NONE = new Set<number>();
const VERTICAL_HINT =
  "税务、海关、金融监管、统计调查队等实行垂直领导的单位：行政复议向其上一级主管部门申请，而非本级人民政府";
const BODY_REQUIRED = "请填写行政复议机关（上一级主管部门）";

export type Editing = { mode: "create"; parent: Unit } | { mode: "edit"; unit: Unit } | null;

function valuesOf(editing: NonNullable<Editing>): Partial<UnitIn> {
  if (editing.mode === "edit") return { ...editing.unit, parent_id: editing.unit.parent_id ?? undefined };
  return { parent_id: editing.parent.id, sort_order: 0, vertically_managed: false };
}

// A unit's type is fixed once it exists; the rest may change. The reconsideration body goes
// with the vertical-management switch: off, the unit names none.
function changeOf(editing: Editing, values: UnitIn): UnitChange {
  const vertically_managed = values.vertically_managed ?? false;
  const reconsideration_body = vertically_managed ? values.reconsideration_body?.trim() : null;
  if (editing?.mode !== "edit") return { body: { ...values, vertically_managed, reconsideration_body } };
  const { name, credit_code, parent_id, sort_order } = values;
  return {
    unitId: editing.unit.id,
    body: { name, credit_code, parent_id, sort_order, vertically_managed, reconsideration_body },
  };
}

/** A new unit under a parent, or changes to one (name, credit code, parent, order, and whether
 * it is vertically managed, with the body that hears reconsideration of its acts). */
export function UnitDialog({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const units = useUnits();
  const vocabulary = useGatewayVocabulary();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitIn>();
  const vertical = Form.useWatch("vertically_managed", form);
  // A unit cannot move under itself or a unit below it.
  const moveDisabled = useMemo(
    () => (editing?.mode === "edit" && units.data ? subtreeIds(units.data, editing.unit.id) : NONE),
    [editing, units.data],
  );
  // Each opening starts from the unit chosen, even while the last one closes.
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(valuesOf(editing));
  }, [editing, form]);
  const save = useSaveUnit({
    onSuccess: (unit, change) => {
      message.success(change.unitId !== undefined ? `已保存“${unit.name}”` : `已新增“${unit.name}”`);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setFields(formErrors(error, FIELDS));
      message.error(error.message);
    },
  });

  return (
    <Modal
      open={editing !== null}
      title={editing?.mode === "edit" ? `修改单位：${editing.unit.name}` : "新增单位"}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(changeOf(editing, values))}>
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
            options={vocabulary.data?.unit_types}
            loading={vocabulary.isPending}
          />
        </Form.Item>
        <Form.Item label="上级单位" name="parent_id" rules={[{ required: true, message: "请选择上级单位" }]}>
          <UnitTreeSelect
            label="上级单位"
            disabledIds={moveDisabled}
            expandAll
            allowClear={false}
            width="100%"
          />
        </Form.Item>
        <Form.Item label="排序号" name="sort_order">
          <InputNumber min={0} max={9999} />
        </Form.Item>
        <Form.Item
          label="垂直管理"
          name="vertically_managed"
          valuePropName="checked"
          tooltip={VERTICAL_HINT}
        >
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        {vertical && (
          <Form.Item
            label="行政复议机关"
            name="reconsideration_body"
            extra="上一级主管部门，答复告知书中写明，如：国家税务总局蓉州市税务局"
            rules={[{ required: true, whitespace: true, min: 2, message: BODY_REQUIRED }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
