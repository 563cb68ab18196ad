import { Form, Input, Radio } from "antd";
import { validContact } from "../../lib/contact";

interface Props {
  kinds: { value: string; label: string }[];
  /** The asker's own words on the portal; staff copy a caller's or visitor's. */
  asker: "self" | "staff";
}

/** What a consultation or message says and who to answer: the portal's form and the console's
 * registration of one taken by phone or at a counter ask the same, checked the same way. */
export function InquiryFields({ kinds, asker }: Props) {
  const self = asker === "self";
  return (
    <>
      <Form.Item name="kind" label="类别" rules={[{ required: true, message: "请选择类别" }]}>
        <Radio.Group options={kinds} />
      </Form.Item>
      <Form.Item
        name="subject"
        label="标题"
        rules={[
          { required: true, whitespace: true, message: "请填写标题" },
          { min: 2, message: "标题至少2个字" },
        ]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="content"
        label="内容"
        rules={[
          { required: true, whitespace: true, message: "请填写咨询或留言的内容" },
          { min: 5, message: "内容至少5个字" },
        ]}
      >
        <Input.TextArea rows={self ? 5 : 4} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item
        name="asker_name"
        label={self ? "姓名" : "提问人姓名"}
        rules={[{ required: true, whitespace: true, message: "请填写姓名" }]}
      >
        <Input maxLength={100} autoComplete={self ? "name" : "off"} />
      </Form.Item>
      <Form.Item
        name="asker_contact"
        label="联系电话或电子邮箱"
        extra={self ? "用于答复和必要的回访。" : undefined}
        rules={[
          { required: true, whitespace: true, message: "请填写联系电话或电子邮箱" },
          {
            validator: (_, value?: string) =>
              !value?.trim() || validContact(value.trim())
                ? Promise.resolve()
                : Promise.reject(new Error("请填写11位手机号码、带区号的固定电话或电子邮箱")),
          },
        ]}
      >
        <Input maxLength={100} />
      </Form.Item>
    </>
  );
}
