import { Alert, App, Button, Card, Descriptions, Form, Grid, Input, Radio, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import {
  useRateAnswer,
  useReadAnswer,
  type PublicInquiry,
  type ReadAnswer,
  type Satisfaction,
} from "../../api/queries/inquiries";
import { useApplicationsVocabulary } from "../../api/queries/vocabulary";
import { usePageTitle } from "../../lib/usePageTitle";

const TITLE = "咨询留言答复查询";

interface Asked {
  number: string;
  token: string;
}

/** 咨询留言答复查询: the asker reads the answer with the number and the code, and rates it once. */
export function AnswerPage() {
  usePageTitle(TITLE);
  // The portal is not inside antd's App (its first load does without it); this page's messages are.
  return (
    <App component={false}>
      <Answer />
    </App>
  );
}

function Answer() {
  const [params] = useSearchParams();
  const [form] = Form.useForm<Asked>();
  const wide = Grid.useBreakpoint().md ?? true;
  const [shown, setShown] = useState<{ inquiry: PublicInquiry; asked: ReadAnswer } | null>(null);
  const read = useReadAnswer({ onSuccess: (inquiry, asked) => setShown({ inquiry, asked }) });

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {TITLE}
          </Typography.Title>
        }
      >
        <Form<Asked>
          form={form}
          layout={wide ? "inline" : "vertical"}
          initialValues={{ number: params.get("number") ?? "" }}
          onFinish={(values) => {
            setShown(null);
            read.mutate({ inquiryId: Number(values.number.trim()), token: values.token.trim() });
          }}
        >
          <Form.Item
            name="number"
            label="编号"
            rules={[
              { required: true, whitespace: true, message: "请填写编号" },
              { pattern: /^\s*\d{1,12}\s*$/, message: "编号是提交时显示的数字" },
            ]}
          >
            <Input inputMode="numeric" autoComplete="off" style={{ width: wide ? 160 : "100%" }} />
          </Form.Item>
          <Form.Item
            name="token"
            label="查询码"
            rules={[
              { required: true, whitespace: true, message: "请填写查询码" },
              { min: 4, message: "查询码至少4位" },
            ]}
          >
            <Input autoComplete="off" maxLength={20} style={{ width: wide ? 160 : "100%" }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={read.isPending} block={!wide}>
            查询
          </Button>
        </Form>
        {read.isError && <Alert type="error" showIcon style={{ marginTop: 16 }} title={read.error.message} />}
      </Card>
      {shown && <Inquiry inquiry={shown.inquiry} asked={shown.asked} onRated={(inquiry) => setShown({ ...shown, inquiry })} />}
    </Space>
  );
}

function Inquiry({
  inquiry,
  asked,
  onRated,
}: {
  inquiry: PublicInquiry;
  asked: ReadAnswer;
  onRated: (inquiry: PublicInquiry) => void;
}) {
  const answered = inquiry.answered_on !== null;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {inquiry.subject}
        </Typography.Title>
      }
    >
      <Descriptions bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="受理单位">{inquiry.unit_name}</Descriptions.Item>
        <Descriptions.Item label="类别">{inquiry.kind_label}</Descriptions.Item>
        <Descriptions.Item label="收到日期">{inquiry.received_on}</Descriptions.Item>
        <Descriptions.Item label="答复期限">{inquiry.answer_due_on}</Descriptions.Item>
        <Descriptions.Item label="状态">
          {answered ? <Tag color="green">已答复</Tag> : <Tag color="blue">待答复</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="答复日期">{inquiry.answered_on ?? "—"}</Descriptions.Item>
        <Descriptions.Item label="内容" span="filled">
          <div style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{inquiry.content}</div>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
        答复
      </Typography.Title>
      {answered ? (
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} data-testid="inquiry-answer">
          {inquiry.answer}
        </Typography.Paragraph>
      ) : (
        <Alert
          type="info"
          showIcon
          title="尚未答复"
          description={`单位将在 ${inquiry.answer_due_on} 前答复，请届时再来查看。`}
        />
      )}
      {answered && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
            评价
          </Typography.Title>
          {inquiry.satisfaction_label ? (
            <Typography.Paragraph role="status">
              您的评价：<Typography.Text strong>{inquiry.satisfaction_label}</Typography.Text>。感谢您的反馈。
            </Typography.Paragraph>
          ) : (
            <RateForm asked={asked} onRated={onRated} />
          )}
        </>
      )}
    </Card>
  );
}

function RateForm({ asked, onRated }: { asked: ReadAnswer; onRated: (inquiry: PublicInquiry) => void }) {
  const { message } = App.useApp();
  const vocabulary = useApplicationsVocabulary();
  const [form] = Form.useForm<{ satisfaction: Satisfaction }>();
  const rate = useRateAnswer({
    onSuccess: (inquiry) => {
      message.success("评价已提交");
      onRated(inquiry);
    },
    onError: (error) => message.error(error.message),
  });
  return (
    <Form<{ satisfaction: Satisfaction }>
      form={form}
      layout="vertical"
      onFinish={(values) => rate.mutate({ ...asked, satisfaction: values.satisfaction })}
    >
      <Form.Item
        name="satisfaction"
        label="您对答复是否满意（只能评价一次）"
        rules={[{ required: true, message: "请选择满意程度" }]}
      >
        <Radio.Group options={vocabulary.data?.inquiries.satisfaction ?? []} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={rate.isPending}>
        提交评价
      </Button>
    </Form>
  );
}
