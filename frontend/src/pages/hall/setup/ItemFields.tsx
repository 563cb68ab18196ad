import { Col, Form, Input, InputNumber, Row, Select, Switch } from "antd";
import { useHallVocabulary } from "../../../api/queries/hallItems";
import { optionsOf } from "../../../lib/vocabulary";

/** The form's field names, as the API names them (its errors are shown on the field). */
export const ITEM_FIELDS = [
  "code",
  "unit_id",
  "name",
  "category",
  "hall_level",
  "kind",
  "legal_basis",
  "conditions",
  "procedure",
  "legal_limit_days",
  "promised_limit_days",
  "fee_basis",
  "fee_standard",
  "fee_yuan",
  "fee_fen",
  "authority",
  "location",
  "hours",
  "phone",
  "online",
] as const;

/** Yuan as typed (two decimals at most) to integer fen, without a float's rounding. */
export function yuanToFen(yuan: number | string | null | undefined): number {
  if (yuan === null || yuan === undefined || yuan === "") return 0;
  const [whole = "0", cents = ""] = String(yuan).split(".");
  return Number(whole) * 100 + Number(cents.padEnd(2, "0").slice(0, 2));
}

export function fenToYuan(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

/** The 八公开 of an item, as the editor's form shows them (inside a Form). */
export function ItemFields({ disabled }: { disabled: boolean }) {
  const vocabulary = useHallVocabulary();
  const kind = Form.useWatch("kind") as string | undefined;
  const instant = kind === "instant";
  const text = (name: string, label: string, required = false) => (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: `请填写${label}` }] : []}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} disabled={disabled} />
    </Form.Item>
  );
  return (
    <>
      <Form.Item name="name" label="事项名称" rules={[{ required: true, message: "请填写事项名称" }]}>
        <Input disabled={disabled} maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="category" label="事项类别" rules={[{ required: true, message: "请选择类别" }]}>
            <Select options={optionsOf(vocabulary.data?.categories)} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="hall_level" label="办理层级" rules={[{ required: true, message: "请选择层级" }]}>
            <Select options={optionsOf(vocabulary.data?.hall_levels)} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label="办件类型" rules={[{ required: true, message: "请选择办件类型" }]}>
            <Select options={optionsOf(vocabulary.data?.kinds)} disabled={disabled} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="legal_limit_days"
            label="法定办结时限（工作日）"
            extra={instant ? "即办件当场办结，时限为0" : undefined}
          >
            <InputNumber min={0} max={365} precision={0} disabled={disabled || instant} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="promised_limit_days"
            label="承诺办结时限（工作日）"
            extra={instant ? undefined : "不得超过法定时限"}
          >
            <InputNumber min={0} max={365} precision={0} disabled={disabled || instant} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="online" label="可网上办理" valuePropName="checked">
            <Switch disabled={disabled} />
          </Form.Item>
        </Col>
      </Row>
      {text("legal_basis", "设定依据")}
      {text("conditions", "受理条件")}
      {text("procedure", "办理流程")}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="fee_yuan" label="收费金额（元）" extra="不收费填0">
            <InputNumber min={0} precision={2} stringMode disabled={disabled} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="fee_standard" label="收费标准">
            <Input disabled={disabled} maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
      {text("fee_basis", "收费依据")}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="authority" label="办理机构">
            <Input disabled={disabled} maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label="咨询与监督电话">
            <Input disabled={disabled} maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="location" label="办理地点">
            <Input disabled={disabled} maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="hours" label="办理时间">
            <Input disabled={disabled} maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
