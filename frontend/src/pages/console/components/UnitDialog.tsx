import { App, Divider, Form, Input, InputNumber, Modal, Select, Switch, Typography } from "antd";
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
  "office_address",
  "office_phone",
  "office_hours",
  "postal_address",
  "postal_code",
  "office_email",
] as const;
// The disclosure office (政府信息公开工作机构) as the portal's 公开指南 shows it. The same checks
// as the gateway's, so that most mistakes are shown before saving.
const CONTACT = ["office_address", "office_phone", "office_hours", "postal_address", "postal_code", "office_email"] as const;
const PHONE = /^(0\d{2,3}-\d{7,8}(-\d{1,6})?|1[3-9]\d{9})$/;
const POSTAL_CODE = /^\d{6}$/;
const NONE = new Set<number>();
const VERTICAL_HINT =
  "税务、海关、金融监管、统计调查队等实行垂直领导的单位：行政复议向其上一级主管部门申请，而非本级人民政府";
const BODY_REQUIRED = "请填写行政复议机关（上一级主管部门）";

export type Editing = { mode: "create"; parent: Unit } | { mode: "edit"; unit: Unit } | null;

function valuesOf(editing: NonNullable<Editing>): Partial<UnitIn> {
  if (editing.mode === "edit") return { ...editing.unit, parent_id: editing.unit.parent_id ?? undefined };
  return { parent_id: editing.parent.id, sort_order: 0, vertically_managed: false };
}

// A contact field left empty is sent empty, which clears it.
function contactOf(values: UnitIn) {
  return Object.fromEntries(CONTACT.map((key) => [key, values[key]?.trim() ?? ""]));
}

// A unit's type is fixed once it exists; the rest may change. The reconsideration body goes
// with the vertical-management switch: off, the unit names none.
function changeOf(editing: Editing, values: UnitIn): UnitChange {
  const vertically_managed = values.vertically_managed ?? false;
  const reconsideration_body = vertically_managed ? values.reconsideration_body?.trim() : null;
  const contact = contactOf(values);
  if (editing?.mode !== "edit") return { body: { ...values, ...contact, vertically_managed, reconsideration_body } };
  const { name, credit_code, parent_id, sort_order } = values;
  return {
    unitId: editing.unit.id,
    body: { name, credit_code, parent_id, sort_order, vertically_managed, reconsideration_body, ...contact },
  };
}

/** A new unit under a parent, or changes to one (name, credit code, parent, order, whether it
 * is vertically managed with the body that hears reconsideration of its acts, and its disclosure
 * office's address, phone, hours, postal address and e-mail for the 公开指南). */
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
        <Divider titlePlacement="start" plain>
          政府信息公开工作机构（公开指南中公布）
        </Divider>
        <Typography.Paragraph type="secondary">
          公众当面提交申请、电话咨询和邮寄申请的地方，门户网站的“公开指南”页面向公众公布。
        </Typography.Paragraph>
        <Form.Item label="办公地址" name="office_address" rules={[{ min: 5, message: "地址至少5个字，写明街道和门牌号" }]}>
          <Input maxLength={200} placeholder="如：锦华区锦华大道二段88号区行政中心2号楼5层" />
        </Form.Item>
        <Form.Item
          label="咨询电话"
          name="office_phone"
          rules={[{ pattern: PHONE, message: "电话应为“区号-号码”（如 028-86000000）或11位手机号" }]}
        >
          <Input maxLength={40} placeholder="028-86000000" inputMode="tel" />
        </Form.Item>
        <Form.Item label="办公时间" name="office_hours">
          <Input maxLength={100} placeholder="工作日 9:00–12:00，13:30–17:30" />
        </Form.Item>
        <Form.Item label="通信地址" name="postal_address" rules={[{ min: 5, message: "地址至少5个字，写明街道和门牌号" }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="邮政编码" name="postal_code" rules={[{ pattern: POSTAL_CODE, message: "邮政编码应为6位数字" }]}>
          <Input maxLength={6} inputMode="numeric" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label="电子邮箱" name="office_email" rules={[{ type: "email", message: "电子邮箱格式不正确" }]}>
          <Input maxLength={100} inputMode="email" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
