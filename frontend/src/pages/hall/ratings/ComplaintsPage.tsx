import { Button, Card, Descriptions, Form, Input, Modal, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { useComplaints, useComplaintStep, type ComplaintOut, type ComplaintQuery } from "../../../api/queries/hallRatings";
import { PagedTable } from "../../../components/PagedTable";
import { usePageTitle } from "../../../lib/usePageTitle";
import { PageHeading } from "../Headings";

const STATUS = {
  received: { label: "待处理", color: "orange" },
  handling: { label: "处理中", color: "blue" },
  closed: { label: "已办结", color: "green" },
} as const;
const VIEWS = [{ value: "", label: "全部" }, ...Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label }))];

type Acting = { complaint: ComplaintOut; action: "handle" | "close" } | null;

/** 效能投诉 (电子监察): complaints about the windows in reach, handled and closed with a result. */
export function ComplaintsPage() {
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") ?? "") as ComplaintQuery["status"] | "";
  const page = Number(params.get("page") ?? 1);
  const query = useComplaints({ page, ...(status ? { status } : {}) });
  const [acting, setActing] = useState<Acting>(null);
  const [form] = Form.useForm<{ text: string }>();
  const step = useComplaintStep({ onSuccess: () => setActing(null) });
  usePageTitle("效能投诉");

  const open = (complaint: ComplaintOut, action: "handle" | "close") => {
    form.resetFields();
    setActing({ complaint, action });
  };

  return (
    <Card title={<PageHeading>效能投诉</PageHeading>}>
      <Segmented
        aria-label="显示的投诉"
        style={{ marginBottom: 16 }}
        options={VIEWS}
        value={status ?? ""}
        onChange={(value) => setParams(value ? { status: String(value) } : {})}
      />
      <PagedTable<ComplaintOut>
        rowKey="id"
        query={query}
        page={page}
        pageSize={20}
        countUnit="件"
        label="投诉列表"
        onPageChange={(next) => setParams({ ...(status ? { status } : {}), page: String(next) })}
        expandable={{
          columnTitle: <span className="sr-only">详情</span>,
          expandedRowRender: (row) => (
            <Descriptions column={1} size="small">
              <Descriptions.Item label="投诉内容">{row.content}</Descriptions.Item>
              <Descriptions.Item label="投诉人">
                {row.complainant_name || "匿名"} {row.complainant_phone}
              </Descriptions.Item>
              <Descriptions.Item label="调查处理情况">{row.handling_note || "—"}</Descriptions.Item>
              <Descriptions.Item label="处理结果">{row.result || "—"}</Descriptions.Item>
            </Descriptions>
          ),
        }}
        columns={[
          { title: "投诉编号", dataIndex: "number" },
          { title: "服务中心", dataIndex: "centre_name" },
          { title: "窗口", dataIndex: "window_label" },
          { title: "被投诉人", render: (_, row) => row.clerk_name || "（窗口）" },
          {
            title: "状态",
            render: (_, row) => {
              const shown = STATUS[row.status as keyof typeof STATUS];
              return <Tag color={shown?.color}>{shown?.label ?? row.status}</Tag>;
            },
          },
          { title: "收到时间", render: (_, row) => new Date(row.received_at).toLocaleString("zh-CN") },
          {
            title: "操作",
            render: (_, row) => (
              <Space>
                {row.actions.includes("handle") ? (
                  <Button size="small" onClick={() => open(row, "handle")}>
                    记录处理
                  </Button>
                ) : null}
                {row.actions.includes("close") ? (
                  <Button size="small" type="primary" onClick={() => open(row, "close")}>
                    办结
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        title={acting ? `${acting.action === "handle" ? "记录调查处理情况" : "办结投诉"}：${acting.complaint.number}` : ""}
        open={!!acting}
        okText={acting?.action === "close" ? "办结" : "保存"}
        confirmLoading={step.isPending}
        onCancel={() => setActing(null)}
        onOk={() => form.submit()}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ text }) => {
            if (!acting) return;
            const id = acting.complaint.id;
            step.mutate(acting.action === "handle" ? { id, action: "handle", note: text } : { id, action: "close", result: text });
          }}
        >
          <Form.Item
            name="text"
            label={acting?.action === "close" ? "处理结果（将反馈投诉人）" : "调查处理情况"}
            rules={[{ required: true, min: 2, message: "请填写" }]}
          >
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
          {step.error ? <Typography.Text type="danger">{step.error.message}</Typography.Text> : null}
        </Form>
      </Modal>
    </Card>
  );
}
