import { Button, Card, Form, Input, Modal, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { useCloseFollowUp, useFollowUps, type FollowUpOut, type FollowUpQuery } from "../../../api/queries/hallRatings";
import { PagedTable } from "../../../components/PagedTable";
import { usePageTitle } from "../../../lib/usePageTitle";
import { PageHeading } from "../Headings";

const VIEWS = [
  { value: "open", label: "待回访整改" },
  { value: "overdue", label: "已逾期" },
  { value: "closed", label: "已办结" },
] as const;
type View = (typeof VIEWS)[number]["value"];

function queryOf(view: View, page: number): FollowUpQuery {
  if (view === "overdue") return { overdue: true, page };
  return { status: view, page };
}

/** 差评回访整改 (电子监察): every bad rating's follow-up, open ones by due date, overdue flagged. */
export function FollowUpsPage() {
  const [params, setParams] = useSearchParams();
  const view = (VIEWS.find((v) => v.value === params.get("view"))?.value ?? "open") as View;
  const page = Number(params.get("page") ?? 1);
  const query = useFollowUps(queryOf(view, page));
  const [closing, setClosing] = useState<FollowUpOut | null>(null);
  const [form] = Form.useForm<{ result: string }>();
  const close = useCloseFollowUp({ onSuccess: () => setClosing(null) });
  usePageTitle("差评回访整改");

  return (
    <Card title={<PageHeading>差评回访整改</PageHeading>}>
      <Segmented
        aria-label="显示的回访"
        style={{ marginBottom: 16 }}
        options={VIEWS.map((v) => ({ value: v.value, label: v.label }))}
        value={view}
        onChange={(value) => setParams({ view: String(value) })}
      />
      <PagedTable<FollowUpOut>
        rowKey="id"
        query={query}
        page={page}
        pageSize={20}
        countUnit="条"
        label="回访整改列表"
        onPageChange={(next) => setParams({ view, page: String(next) })}
        columns={[
          { title: "办件编号", dataIndex: "case_number" },
          { title: "事项", dataIndex: "item_name" },
          { title: "整改单位", dataIndex: "unit_name" },
          {
            title: "评价",
            render: (_, row) => (
              <Space orientation="vertical" size={0}>
                <Tag color="red">{row.level_label}</Tag>
                {row.comment ? <Typography.Text type="secondary">{row.comment}</Typography.Text> : null}
              </Space>
            ),
          },
          {
            title: "期限",
            render: (_, row) => (
              <Space>
                {row.due_on}
                {row.overdue ? <Tag color="red">逾期</Tag> : null}
              </Space>
            ),
          },
          {
            title: "结果",
            render: (_, row) =>
              row.status === "closed" ? `${row.result}（${row.closed_by}，${row.closed_on}）` : "—",
          },
          {
            title: "操作",
            render: (_, row) =>
              row.actions.includes("close") ? (
                <Button
                  size="small"
                  onClick={() => {
                    form.resetFields();
                    setClosing(row);
                  }}
                >
                  办结
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        title={closing ? `办结回访整改：${closing.case_number}` : ""}
        open={!!closing}
        okText="办结"
        confirmLoading={close.isPending}
        onCancel={() => setClosing(null)}
        onOk={() => form.submit()}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ result }) => closing && close.mutate({ id: closing.id, result })}
        >
          <Form.Item
            name="result"
            label="回访情况与整改结果"
            rules={[{ required: true, min: 2, message: "请填写回访情况与整改结果" }]}
          >
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
          {close.error ? <Typography.Text type="danger">{close.error.message}</Typography.Text> : null}
        </Form>
      </Modal>
    </Card>
  );
}
