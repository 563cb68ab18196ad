// The steps a case offers now, exactly as the service lists them (`next_steps`), each with the
// form it needs. The one-time notice is chosen from the item's materials and can be printed.
import { App, Button, Checkbox, Empty, Form, Input, InputNumber, Radio, Select, Space } from "antd";
import { useState } from "react";
import { useCaseStep, type Case, type StepCall, type StepName } from "../../../api/queries/hallCases";
import { DELIVERY_METHODS, STEP_LABELS, SUSPENSION_KINDS } from "./labels";
import { OneOpenCollapse } from "../../../components/OneOpenCollapse";

interface NoticeForm {
  chosen: number[];
  problems: Record<string, string>;
  note: string;
}

function StepForm({ shown, step, run, busy }: { shown: Case; step: StepName; run: (call: StepCall) => void; busy: boolean }) {
  const [form] = Form.useForm();
  const submit = (label: string, danger = false) => (
    <Button type="primary" danger={danger} htmlType="submit" loading={busy}>
      {label}
    </Button>
  );
  switch (step) {
    case "accept":
      return (
        <Space orientation="vertical">
          <span>材料齐全、符合法定形式，予以受理；办理时限从今天起算。</span>
          <Button type="primary" loading={busy} onClick={() => run({ step, body: undefined })}>
            受理
          </Button>
        </Space>
      );
    case "notify_missing":
      return (
        <Form<NoticeForm>
          form={form}
          layout="vertical"
          onFinish={(values) =>
            run({
              step,
              body: {
                materials: values.chosen.map((id) => ({
                  material_id: id,
                  problem: values.problems?.[String(id)] || "未提交",
                })),
                note: values.note ?? "",
              },
            })
          }
        >
          <Form.Item name="chosen" label="缺少或不符合要求的材料（一次告知全部）" rules={[{ required: true, message: "请至少选择一项材料" }]}>
            <Checkbox.Group style={{ display: "flex", flexDirection: "column", gap: 8 }}>
              {shown.item_materials.map((m) => (
                <Space key={m.id} align="baseline">
                  <Checkbox value={m.id}>{m.name}</Checkbox>
                  <Form.Item name={["problems", String(m.id)]} noStyle>
                    <Input
                      aria-label={`${m.name}的问题`}
                      placeholder="问题，如 缺少签字、已过有效期"
                      style={{ width: 280, maxWidth: "100%" }}
                      maxLength={500}
                    />
                  </Form.Item>
                </Space>
              ))}
            </Checkbox.Group>
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {submit("出具一次性告知书")}
        </Form>
      );
    case "refuse":
      return (
        <Form form={form} layout="vertical" onFinish={(v: { reason: string }) => run({ step, body: v })}>
          <Form.Item name="reason" label="不予受理的理由（将报备政务服务中心）" rules={[{ required: true, min: 2, message: "请写明理由" }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          {submit("不予受理", true)}
        </Form>
      );
    case "add_step":
      return (
        <Form form={form} layout="inline" onFinish={(v: { step: string; note?: string }) => run({ step, body: { step: v.step, note: v.note ?? "" } })}>
          <Form.Item name="step" rules={[{ required: true, message: "请填写环节" }]}>
            <Input aria-label="环节" placeholder="环节，如 审查、现场核查" maxLength={40} />
          </Form.Item>
          <Form.Item name="note">
            <Input aria-label="说明" placeholder="说明" maxLength={2000} />
          </Form.Item>
          {submit("登记")}
        </Form>
      );
    case "suspend":
      return (
        <Form form={form} layout="vertical" onFinish={(v) => run({ step, body: v })}>
          <Form.Item name="kind" label="特别程序" rules={[{ required: true, message: "请选择特别程序" }]}>
            <Select options={SUSPENSION_KINDS} />
          </Form.Item>
          <Form.Item name="reason" label="理由" rules={[{ required: true, min: 2, message: "请写明理由" }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="approved_by" label="批准人" rules={[{ required: true, message: "请填写批准人" }]}>
            <Input maxLength={100} />
          </Form.Item>
          {submit("开始特别程序（中止计时）")}
        </Form>
      );
    case "resume":
      return (
        <Button type="primary" loading={busy} onClick={() => run({ step, body: {} })}>
          特别程序今天结束，恢复计时
        </Button>
      );
    case "extend":
      return (
        <Form form={form} layout="vertical" onFinish={(v) => run({ step, body: v })}>
          <Form.Item name="working_days" label={`延长工作日（已延期 ${shown.extension_working_days} 个，合计不超过10个）`} rules={[{ required: true, message: "请填写天数" }]}>
            <InputNumber min={1} max={10 - shown.extension_working_days} />
          </Form.Item>
          <Form.Item name="reason" label="理由" rules={[{ required: true, min: 2, message: "请写明理由" }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="approved_by" label="批准的负责人" rules={[{ required: true, message: "请填写批准人" }]}>
            <Input maxLength={100} />
          </Form.Item>
          {submit("延期")}
        </Form>
      );
    case "decide":
      return (
        <Form form={form} layout="vertical" initialValues={{ decision: "granted" }} onFinish={(v) => run({ step, body: { decision: v.decision, reason: v.reason ?? "" } })}>
          <Form.Item name="decision" label="决定">
            <Radio.Group options={[{ value: "granted", label: "准予" }, { value: "denied", label: "不予（报备政务服务中心）" }]} />
          </Form.Item>
          <Form.Item name="reason" label="理由（不予时必填）">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {submit("作出决定")}
        </Form>
      );
    case "complete":
      return (
        <Form form={form} layout="vertical" onFinish={(v: { fee_yuan?: number; note?: string }) =>
          run({ step, body: { fee_fen: v.fee_yuan === undefined || v.fee_yuan === null ? null : Math.round(v.fee_yuan * 100), note: v.note ?? "" } })
        }>
          <Form.Item name="fee_yuan" label="收费（元，留空按事项收费标准）">
            <InputNumber min={0} precision={2} />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input maxLength={2000} />
          </Form.Item>
          {submit("办结")}
        </Form>
      );
    case "deliver":
      return (
        <Form form={form} layout="inline" initialValues={{ method: "window" }} onFinish={(v) => run({ step, body: v })}>
          <Form.Item name="method">
            <Radio.Group aria-label="送达方式" options={DELIVERY_METHODS} />
          </Form.Item>
          {submit("送达")}
        </Form>
      );
    case "split":
      return (
        <Form form={form} layout="vertical" onFinish={(v: { item_ids: string }) =>
          run({ step, body: { item_ids: v.item_ids.split(/[,，\s]+/).filter(Boolean).map(Number) } })
        }>
          <Form.Item name="item_ids" label="并联办理的其他事项编号（逗号分隔）" rules={[{ required: true, message: "请填写事项编号" }]}>
            <Input />
          </Form.Item>
          {submit("发起并联审批")}
        </Form>
      );
    case "review_refusal":
      return (
        <Form form={form} layout="vertical" onFinish={(v) => run({ step, body: v })}>
          <Form.Item name="note" label="审核意见" rules={[{ required: true, message: "请填写意见" }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {submit("审核")}
        </Form>
      );
  }
}

export function CaseSteps({ shown }: { shown: Case }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState<string>();
  const mutation = useCaseStep(shown.id, {
    onSuccess: (_, call) => {
      void message.success(`${STEP_LABELS[call.step]}：已完成`);
      setOpen(undefined);
    },
    onError: (error) => void message.error(error.message),
  });
  const steps = shown.next_steps.filter((s): s is StepName => s in STEP_LABELS);
  if (steps.length === 0) {
    return <Empty description={shown.status === "completed" ? "办件已办结" : "当前没有您可以办理的环节"} />;
  }
  return (
    <OneOpenCollapse
      open={open}
      onOpen={setOpen}
      items={steps.map((step) => ({
        key: step,
        label: STEP_LABELS[step],
        children: <StepForm shown={shown} step={step} run={(call) => mutation.mutate(call)} busy={mutation.isPending} />,
      }))}
    />
  );
}
