import { Alert, Button, Card, Form, Input, Result, Select, Typography } from "antd";
import { useMemo } from "react";
import { ApiError, formErrors } from "../../../api/errors";
import { useComplaintTargets, useFileComplaint, type ComplaintIn } from "../../../api/queries/hallRatings";
import { QueryError } from "../../../components/QueryError";
import { usePageTitle } from "../../../lib/usePageTitle";
import { PageHeading } from "../Headings";

const COMPLAINT_FIELDS = ["window_id", "clerk_name", "content", "complainant_name", "complainant_phone"] as const;

interface Values extends ComplaintIn {
  centre_id: number;
}

/** 效能投诉 (public): a complaint about a window or one of its staff. */
export function ComplaintPage() {
  const [form] = Form.useForm<Values>();
  const targets = useComplaintTargets();
  const file = useFileComplaint({
    onError: (error) => {
      if (error instanceof ApiError) {
        form.setFields(formErrors(error, COMPLAINT_FIELDS));
      }
    },
  });
  const centreId = Form.useWatch("centre_id", form);
  const windowId = Form.useWatch("window_id", form);
  const windows = useMemo(
    () => targets.data?.find((c) => c.id === centreId)?.windows ?? [],
    [targets.data, centreId],
  );
  const staff = windows.find((w) => w.id === windowId)?.staff ?? [];
  usePageTitle(file.isSuccess ? "投诉已受理" : "效能投诉");

  if (file.isSuccess) {
    return (
      <Result
        status="success"
        title={<PageHeading>投诉已受理</PageHeading>}
        subTitle={`投诉编号 ${file.data.number}。电子监察部门将调查处理，并将结果反馈给您。`}
      />
    );
  }
  return (
    <Card title={<PageHeading>效能投诉</PageHeading>}>
      {targets.isError && <QueryError error={targets.error} onRetry={() => targets.refetch()} />}
      <Typography.Paragraph type="secondary">
        对窗口或工作人员的服务态度、办事效率、作风纪律等问题，可在此投诉。联系方式仅用于反馈处理结果。
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        onFinish={(values) =>
          file.mutate({
            window_id: values.window_id,
            content: values.content,
            clerk_name: values.clerk_name ?? "",
            complainant_name: values.complainant_name ?? "",
            complainant_phone: values.complainant_phone ?? "",
          })
        }
      >
        <Form.Item name="centre_id" label="服务中心" rules={[{ required: true, message: "请选择服务中心" }]}>
          <Select
            loading={targets.isPending}
            options={targets.data?.map((c) => ({ value: c.id, label: c.name }))}
            onChange={() => form.setFieldsValue({ window_id: undefined, clerk_name: undefined })}
          />
        </Form.Item>
        <Form.Item name="window_id" label="窗口" rules={[{ required: true, message: "请选择窗口" }]}>
          <Select
            options={windows.map((w) => ({ value: w.id, label: `${w.number}号窗口 ${w.name}` }))}
            onChange={() => form.setFieldsValue({ clerk_name: undefined })}
          />
        </Form.Item>
        <Form.Item name="clerk_name" label="被投诉的工作人员（不选则投诉窗口）">
          <Select allowClear options={staff.map((name) => ({ value: name, label: name }))} />
        </Form.Item>
        <Form.Item name="content" label="投诉内容" rules={[{ required: true, min: 5, message: "请至少写5个字" }]}>
          <Input.TextArea rows={5} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="complainant_name" label="您的姓名（选填）">
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item name="complainant_phone" label="联系电话（选填）">
          <Input maxLength={20} inputMode="tel" autoComplete="tel" />
        </Form.Item>
        {file.error && !(file.error instanceof ApiError && formErrors(file.error, COMPLAINT_FIELDS).length) ? (
          <Alert type="error" showIcon title={file.error.message} style={{ marginBottom: 16 }} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={file.isPending}>
          提交投诉
        </Button>
      </Form>
    </Card>
  );
}
