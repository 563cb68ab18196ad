import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Skeleton, Space, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { Link, useParams } from "react-router-dom";
import { ApiError, formErrors } from "../../../api/errors";
import { useAnswerInquiry, useInquiry, useInquiryHistory, type Inquiry } from "../../../api/queries/inquiries";
import { useUnits } from "../../../api/queries/units";
import { useApplicationsVocabulary } from "../../../api/queries/vocabulary";
import { HistoryTimeline } from "../../../components/HistoryTimeline";
import { QueryError } from "../../../components/QueryError";
import { officeToday } from "../../../lib/dates";
import { usePageTitle } from "../../../lib/usePageTitle";
import { labelOf } from "../../../lib/vocabulary";
import { InquiryState } from "./InquiryState";

/** A section's heading, below the page's h1. */
function Section({ children }: { children: string }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}

/** One consultation or message: what was asked, by when it is due, and the answer (or the form to
 * give it, for those the service lets answer now). */
export function InquiryPage() {
  const inquiryId = Number(useParams().inquiryId);
  const inquiry = useInquiry(inquiryId);
  usePageTitle(inquiry.data ? `咨询与留言：${inquiry.data.subject}` : "咨询与留言");
  if (inquiry.isPending) return <Skeleton active />;
  if (inquiry.isError) return <QueryError error={inquiry.error} onRetry={() => inquiry.refetch()} />;
  return <InquiryView inquiry={inquiry.data} />;
}

function InquiryView({ inquiry }: { inquiry: Inquiry }) {
  const vocabulary = useApplicationsVocabulary();
  const words = vocabulary.data?.inquiries;
  const units = useUnits();
  const history = useInquiryHistory(inquiry.id);
  const unit = units.data?.find((u) => u.id === inquiry.unit_id);
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: "normal" }}>
            {inquiry.subject}
          </Typography.Title>
        }
        extra={<Link to="/console/inquiries">返回列表</Link>}
      >
        <Descriptions bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="编号">{inquiry.id}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <InquiryState inquiry={inquiry} states={words?.states} />
          </Descriptions.Item>
          <Descriptions.Item label="单位">{unit?.name ?? inquiry.unit_id}</Descriptions.Item>
          <Descriptions.Item label="类别">{inquiry.kind_label}</Descriptions.Item>
          <Descriptions.Item label="渠道">{labelOf(words?.channels, inquiry.channel)}</Descriptions.Item>
          <Descriptions.Item label="提问人">{inquiry.asker_name}</Descriptions.Item>
          <Descriptions.Item label="联系方式">
            {inquiry.asker_contact}
            {inquiry.masked && <Typography.Text type="secondary">（已遮蔽）</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="收到日期">{inquiry.received_on}</Descriptions.Item>
          <Descriptions.Item label="答复期限">
            {inquiry.answer_due_on} {inquiry.due_provisional && <Tag>暂定</Tag>}
            {inquiry.overdue && <Tag color="red">已逾期</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="满意度">
            {inquiry.satisfaction ? labelOf(words?.satisfaction, inquiry.satisfaction) : "—"}
          </Descriptions.Item>
          <Descriptions.Item label="内容" span="filled">
            <div style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{inquiry.content}</div>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={<Section>答复</Section>}>
        {inquiry.answered_on ? (
          <>
            <Typography.Paragraph type="secondary">
              {inquiry.answered_on} 答复{inquiry.answered_by ? `（${inquiry.answered_by}）` : ""}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} data-testid="inquiry-answer">
              {inquiry.answer}
            </Typography.Paragraph>
          </>
        ) : inquiry.can_answer ? (
          <AnswerForm inquiry={inquiry} />
        ) : (
          <Alert type="info" showIcon title="尚未答复" description="您可以查看，答复由本单位依申请公开经办人或政务公开办作出。" />
        )}
      </Card>
      <Card title={<Section>办理记录</Section>}>
        <HistoryTimeline query={history} label={(action) => labelOf(words?.history, action)} />
      </Card>
    </Space>
  );
}

interface AnswerValues {
  answer: string;
  answered_on: Dayjs;
}

function AnswerForm({ inquiry }: { inquiry: Inquiry }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerValues>();
  const today = officeToday();
  const answer = useAnswerInquiry(inquiry.id, {
    onSuccess: () => message.success("已答复，提问人可凭编号和查询码查看"),
    onError: (error) => {
      if (error instanceof ApiError) form.setFields(formErrors(error, ["answer", "answered_on"] as const));
      message.error(error.message);
    },
  });
  const received = dayjs(inquiry.received_on);
  return (
    <Form<AnswerValues>
      form={form}
      layout="vertical"
      style={{ maxWidth: 720 }}
      initialValues={{ answered_on: today }}
      onFinish={(values) =>
        answer.mutate({ answer: values.answer, answered_on: values.answered_on.format("YYYY-MM-DD") })
      }
    >
      <Form.Item
        name="answer"
        label="答复内容"
        rules={[
          { required: true, whitespace: true, message: "请填写答复内容" },
          { min: 2, message: "答复至少2个字" },
        ]}
        extra="提问人凭编号和查询码看到这段文字；答复后不能修改。"
      >
        <Input.TextArea rows={6} maxLength={10000} showCount />
      </Form.Item>
      <Form.Item name="answered_on" label="答复日期" rules={[{ required: true, message: "请选择答复日期" }]}>
        <DatePicker
          aria-label="答复日期"
          disabledDate={(day) => day.isBefore(received, "day") || day.isAfter(today, "day")}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={answer.isPending}>
        提交答复
      </Button>
    </Form>
  );
}
