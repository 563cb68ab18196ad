import { Form, Input, Radio, Select } from "antd";
import type { ApplicationsVocabulary } from "../../../api/queries/vocabulary";
import { validIdCard, validPhone } from "../../../lib/applications";
import { validEmail } from "../../../lib/contact";
import { AgencyPicker } from "./AgencyPicker";

// The fields the API may name in its errors, for the form to show them in place.
export const APPLICANT_FIELDS = [
  "unit_id",
  "applicant_type",
  "organisation_kind",
  "organisation_name",
  "applicant_name",
  "id_type",
  "id_number",
  "phone",
  "email",
  "address",
  "description",
  "purpose",
  "form",
] as const;

// Other papers an applicant may show; the service checks the number of the one it names (id_card).
const OTHER_ID_TYPES = ["护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "统一社会信用代码"];
// 获取形式 that need somewhere to deliver to (the service refuses them without it, naming the field).
const ELECTRONIC = "electronic";
const POST = "post";
// As short as the service takes a postal address (applications.schemas.POSTAL_ADDRESS_MIN).
const ADDRESS_MIN = 5;

/**
 * What an applicant states (条例第二十九条), checked here as the service checks it, with the
 * choices and their words from the service's vocabulary.
 */
export function ApplicantFields({ legal, vocabulary }: { legal: boolean; vocabulary: ApplicationsVocabulary }) {
  const idCard = vocabulary.id_card;
  const form = Form.useFormInstance();
  const delivery = Form.useWatch("form", form) as string | undefined;
  return (
    <>
    <Form.Item
      name="unit_id"
      label="申请的行政机关"
      rules={[{ required: true, message: "请选择行政机关" }]}
      extra="输入名称查找，如“民政”；社区、村民委员会不受理申请，请选择其所属的街道办事处或乡镇人民政府。"
    >
      <AgencyPicker label="申请的行政机关" placeholder="请选择或输入行政机关名称" />
    </Form.Item>
    <Form.Item name="applicant_type" label="申请人类型" rules={[{ required: true }]}>
      <Radio.Group options={vocabulary.applicant_types} />
    </Form.Item>
    {legal && (
      <>
        <Form.Item
          name="organisation_kind"
          label="组织类别"
          rules={[{ required: true, message: "法人或其他组织须选择组织类别" }]}
        >
          <Select
            aria-label="组织类别"
            placeholder="请选择"
            options={vocabulary.organisation_kinds}
          />
        </Form.Item>
        <Form.Item
          name="organisation_name"
          label="组织名称"
          rules={[{ required: true, whitespace: true, message: "法人或其他组织须填写组织名称" }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </>
    )}
    <Form.Item
      name="applicant_name"
      label={legal ? "联系人姓名" : "姓名"}
      rules={[
        { required: true, whitespace: true, message: "请填写姓名" },
        { min: 2, message: "姓名至少2个字" },
      ]}
    >
      <Input maxLength={100} />
    </Form.Item>
    <Form.Item name="id_type" label="证件类型" rules={[{ required: true }]}>
      <Select aria-label="证件类型" options={[idCard, ...OTHER_ID_TYPES].map((t) => ({ value: t, label: t }))} />
    </Form.Item>
    <Form.Item
      name="id_number"
      label="证件号码"
      dependencies={["id_type"]}
      rules={[
        { required: true, whitespace: true, message: "请填写证件号码" },
        ({ getFieldValue }) => ({
          validator: (_, value?: string) =>
            !value || getFieldValue("id_type") !== idCard || validIdCard(value)
              ? Promise.resolve()
              : Promise.reject(new Error("居民身份证号码不正确，请核对18位号码")),
        }),
      ]}
    >
      <Input maxLength={50} />
    </Form.Item>
    <Form.Item
      name="phone"
      label="联系电话"
      rules={[
        { required: true, whitespace: true, message: "请填写联系电话" },
        {
          validator: (_, value?: string) =>
            !value || validPhone(value)
              ? Promise.resolve()
              : Promise.reject(new Error("请填写11位手机号码或带区号的固定电话")),
        },
      ]}
    >
      <Input maxLength={30} />
    </Form.Item>
    <Form.Item name="form" label="获取政府信息的方式" rules={[{ required: true, message: "请选择获取方式" }]}>
      <Radio.Group options={vocabulary.forms} />
    </Form.Item>
    <Form.Item
      name="email"
      label="电子邮箱"
      dependencies={["form"]}
      required={delivery === ELECTRONIC}
      extra={delivery === ELECTRONIC ? "以电子文档形式获取的，答复和信息发送到这个邮箱。" : undefined}
      rules={[
        ({ getFieldValue }) => ({
          validator: (_, value?: string) => {
            const email = value?.trim() ?? "";
            if (!email && getFieldValue("form") === ELECTRONIC)
              return Promise.reject(new Error("以电子文档形式获取的，须填写电子邮箱"));
            if (email && !validEmail(email)) return Promise.reject(new Error("电子邮箱格式不正确"));
            return Promise.resolve();
          },
        }),
      ]}
    >
      <Input maxLength={100} inputMode="email" autoComplete="email" />
    </Form.Item>
    <Form.Item
      name="address"
      label="通信地址"
      dependencies={["form"]}
      required={delivery === POST}
      extra={delivery === POST ? "邮寄的，请写明省市区、街道门牌，答复和信息寄到这个地址。" : undefined}
      rules={[
        ({ getFieldValue }) => ({
          validator: (_, value?: string) =>
            getFieldValue("form") === POST && (value?.trim().length ?? 0) < ADDRESS_MIN
              ? Promise.reject(new Error("邮寄的，须填写通信地址（省市区、街道门牌）"))
              : Promise.resolve(),
        }),
      ]}
    >
      <Input maxLength={200} autoComplete="street-address" />
    </Form.Item>
    <Form.Item
      name="description"
      label="所需政府信息的名称、文号或者便于查询的其他特征性描述"
      rules={[
        { required: true, whitespace: true, message: "请描述所需的政府信息" },
        { min: 5, message: "描述至少5个字" },
      ]}
    >
      <Input.TextArea rows={4} maxLength={5000} showCount />
    </Form.Item>
    <Form.Item name="purpose" label="用途（可不填）">
      <Input maxLength={500} />
    </Form.Item>
    </>
  );
}
