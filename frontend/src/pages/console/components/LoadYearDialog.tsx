import { Alert, App, Form, Input, InputNumber, Modal } from "antd";
import { useEffect, useState } from "react";
import { ApiError } from "../../../api/errors";
import { useLoadCalendarYear } from "../../../api/queries/calendar";
import { parseDateList } from "../../../lib/dates";

interface LoadForm {
  year: number;
  holidays: string;
  workdays: string;
  note: string;
}

/** 加载年度节假日安排: the State Council's dates for a year, typed or pasted by the operator. */
export function LoadYearDialog({ open, year, onClose }: { open: boolean; year: number; onClose: () => void }) {
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<LoadForm>();
  // Each opening starts afresh, with the first year the calendar lacks.
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ year });
  }, [open, year, form]);
  const load = useLoadCalendarYear({
    onSuccess: (loaded) => {
      message.success(`${loaded.year} 年安排已加载，并已通知各业务系统`);
      onClose();
    },
    onError: (error) => setProblem(error instanceof ApiError ? error.message : "保存失败"),
  });

  const submit = (values: LoadForm) => {
    const holidays = parseDateList(values.holidays ?? "");
    const workdays = parseDateList(values.workdays ?? "");
    const invalid = [...holidays.invalid, ...workdays.invalid];
    if (invalid.length) {
      setProblem(`以下内容不是有效日期（应为 YYYY-MM-DD）：${invalid.join("、")}`);
      return;
    }
    setProblem(null);
    load.mutate({
      year: values.year,
      body: { holidays: holidays.dates, workdays: workdays.dates, note: values.note ?? "" },
    });
  };

  return (
    <Modal
      open={open}
      title="加载年度节假日安排"
      okText="加载并通知各系统"
      cancelText="取消"
      confirmLoading={load.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setProblem(null)}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="年份" name="year" rules={[{ required: true, message: "请输入年份" }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item
          label="放假日期"
          name="holidays"
          extra="每行或以逗号分隔一个日期，如 2027-01-01"
          rules={[{ required: true, whitespace: true, message: "请填写放假日期" }]}
        >
          <Input.TextArea rows={5} />
        </Form.Item>
        <Form.Item label="调休上班日期（周末上班）" name="workdays">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label="依据" name="note" extra="如国务院办公厅关于节假日安排的通知文号">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
