import { Alert, App, Button, Card, Descriptions, Form, Grid, Input, Space, Tag, Timeline, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { useTrackApplication, useTrackLetter } from "../../api/queries/applications";
import type { components } from "../../api/schema";
import { STATUS_COLOURS, type PublicStatus } from "../../lib/applications";
import { saveBlob } from "../../lib/download";
import { usePageTitle } from "../../lib/usePageTitle";

type TrackIn = components["schemas"]["ApplicationsTrackIn"];

const TITLE = "依申请公开办理进度查询";

/** 申请查询: an applicant follows an application with its tracking number and query code. */
export function TrackPage() {
  usePageTitle(TITLE);
  // The portal is not inside antd's App (its first load does without it); this page's messages are.
  return (
    <App component={false}>
      <Tracking />
    </App>
  );
}

function Tracking() {
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<TrackIn>();
  // One field under the other on a phone; side by side where there is room.
  const wide = Grid.useBreakpoint().md ?? true;

  const track = useTrackApplication();
  const letter = useTrackLetter({
    onSuccess: (blob, body) => saveBlob(blob, `答复书-${body.tracking_number}.pdf`),
    onError: (error) => message.error(error.message),
  });
  const status: PublicStatus | undefined = track.data;

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {TITLE}
          </Typography.Title>
        }
      >
        <Form<TrackIn>
          form={form}
          layout={wide ? "inline" : "vertical"}
          initialValues={{ tracking_number: params.get("number") ?? "" }}
          onFinish={(values) =>
            track.mutate({ tracking_number: values.tracking_number.trim(), query_code: values.query_code.trim() })
          }
        >
          <Form.Item name="tracking_number" label="申请编号" rules={[{ required: true, whitespace: true, message: "请填写申请编号" }]}>
            <Input placeholder="如 YSQ2026000123" style={{ width: wide ? 220 : "100%" }} autoComplete="off" />
          </Form.Item>
          <Form.Item name="query_code" label="查询码" rules={[{ required: true, whitespace: true, message: "请填写查询码" }]}>
            <Input style={{ width: wide ? 160 : "100%" }} autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={track.isPending} block={!wide}>
            查询
          </Button>
        </Form>
        {track.isError && <Alert type="error" showIcon style={{ marginTop: 16 }} title={track.error.message} />}
      </Card>
      {status && (
        <Card
          title={
            <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
              申请 {status.tracking_number}
            </Typography.Title>
          }
        >
          <Descriptions bordered column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="办理状态">
              <Tag color={STATUS_COLOURS[status.status]}>{status.status_label}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="受理机关">{status.unit_name}</Descriptions.Item>
            <Descriptions.Item label="申请人">{status.applicant_name}</Descriptions.Item>
            <Descriptions.Item label="收到申请日期">{status.received_on ?? "待确认"}</Descriptions.Item>
            <Descriptions.Item label="答复期限">
              {status.replied_on ? (
                "已答复"
              ) : status.reply_due_on ? (
                <>
                  {status.reply_due_on} {status.due_provisional && <Tag color="default">暂定</Tag>}
                </>
              ) : (
                "确认收到或补正后计算"
              )}
            </Descriptions.Item>
            <Descriptions.Item label="答复日期">{status.replied_on ?? "—"}</Descriptions.Item>
            <Descriptions.Item label="申请内容" span={2}>
              {status.description}
            </Descriptions.Item>
          </Descriptions>
          {status.supplement_request && status.status === "awaiting_supplement" && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 16 }}
              title={`请补正申请（补正期限：${status.supplement_due_on ?? "见通知"}）`}
              description={status.supplement_request}
            />
          )}
          {status.outcome_label && (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 16 }}
              title={`答复结果：${status.outcome_label}`}
              description={
                <>
                  {status.outcome_explanation && <Typography.Paragraph>{status.outcome_explanation}</Typography.Paragraph>}
                  <Button
                    loading={letter.isPending}
                    onClick={() => track.variables && letter.mutate(track.variables)}
                  >
                    下载答复书
                  </Button>
                </>
              }
            />
          )}
          <Typography.Title level={3} style={{ marginTop: 24, fontSize: 16 }}>
            办理过程
          </Typography.Title>
          <Timeline
            items={status.steps.map((step, index) => ({
              key: index,
              content: (
                <>
                  <Typography.Text type="secondary">{step.at}</Typography.Text> {step.what}
                </>
              ),
            }))}
          />
        </Card>
      )}
    </Space>
  );
}
