import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form } from "antd";
import dayjs from "dayjs";
import { useState, type ReactNode } from "react";
import { ApiError, formErrors } from "../../api/errors";

// Date pickers give dayjs values; the API takes ISO dates.
function withIsoDates(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, dayjs.isDayjs(value) ? value.format("YYYY-MM-DD") : value]),
  );
}

interface Props {
  applicationId: number;
  /** The form's field names, so that the API's field errors show on them. */
  fields: readonly string[];
  submitText: string;
  done: string;
  run: (values: Record<string, unknown>) => Promise<unknown>;
  initialValues?: Record<string, unknown>;
  children: ReactNode;
}

/** One step on an application: its fields, the call, and the API's refusal shown in place. */
export function ActionForm({ applicationId, fields, submitText, done, run, initialValues, children }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [refusal, setRefusal] = useState<string | null>(null);
  const step = useMutation({
    mutationFn: (values: Record<string, unknown>) => run(withIsoDates(values)),
    onSuccess: () => {
      setRefusal(null);
      form.resetFields();
      message.success(done);
      void queryClient.invalidateQueries({ queryKey: ["application", applicationId] });
      void queryClient.invalidateQueries({ queryKey: ["applications"] });
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setFields(formErrors(error, fields));
      setRefusal(error.message);
    },
  });
  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => step.mutate(values)}>
      {children}
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={step.isPending}>
        {submitText}
      </Button>
    </Form>
  );
}
