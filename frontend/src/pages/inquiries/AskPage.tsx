import { Alert, App, Button, Card, Form, Result, Skeleton, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ApiError, formErrors } from "../../api/errors";
import { useAskOnline, type InquiryIn, type InquirySubmitted } from "../../api/queries/inquiries";
import { useUnits } from "../../api/queries/units";
import { useApplicationsVocabulary, type ApplicationsVocabulary } from "../../api/queries/vocabulary";
import { QueryError } from "../../components/QueryError";
import { InquiryFields } from "./InquiryFields";
import { usePageTitle } from "../../lib/usePageTitle";
import { labelOf } from "../../lib/vocabulary";
import { AgencyPicker } from "../applications/components/AgencyPicker";
import { Receipt } from "../applications/components/Receipt";

const TITLE = "咨询与留言";
// The fields the API may name in its errors, for the form to show them in place.
const FIELDS = ["unit_id", "kind", "subject", "content", "asker_name", "asker_contact"] as const;

/** 咨询与留言: a question (咨询) or a message to the leaders' mailbox (领导信箱), asked online. */
export function AskPage() {
  usePageTitle(TITLE);
  const vocabulary = useApplicationsVocabulary();
  // The portal is not inside antd's App (its first load does without it); this page's messages are.
  return (
    <App component={false}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {TITLE}
          </Typography.Title>
        }
      >
        {vocabulary.isPending ? (
          <Skeleton active />
        ) : vocabulary.isError ? (
          <QueryError error={vocabulary.error} onRetry={() => vocabulary.refetch()} />
        ) : (
          <AskForm vocabulary={vocabulary.data} />
        )}
      </Card>
    </App>
  );
}

function AskForm({ vocabulary }: { vocabulary: ApplicationsVocabulary }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<InquiryIn>();
  const [done, setDone] = useState<{ submitted: InquirySubmitted; body: InquiryIn } | null>(null);
  const ask = useAskOnline({
    onSuccess: (submitted, body) => {
      setDone({ submitted, body });
      window.scrollTo({ top: 0 });
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setFields(formErrors(error, FIELDS));
      message.error(error.message);
    },
  });

  if (done) return <AskReceipt {...done} vocabulary={vocabulary} />;

  return (
    <>
      <Typography.Paragraph>
        向行政机关咨询政府信息公开和办事方面的问题，或给单位负责人留言、提出意见建议。提交后请保存编号和查询码，凭此查看答复并评价。
        带 * 的为必填项。
      </Typography.Paragraph>
      <Form<InquiryIn>
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{ kind: vocabulary.inquiries.kinds[0]?.value as InquiryIn["kind"] | undefined }}
        onFinish={(values) => ask.mutate(values)}
        scrollToFirstError
      >
        <Form.Item
          name="unit_id"
          label="咨询或留言的单位"
          rules={[{ required: true, message: "请选择单位" }]}
          extra="输入名称查找，如“民政”。"
        >
          <AgencyPicker label="咨询或留言的单位" placeholder="请选择或输入单位名称" />
        </Form.Item>
        <InquiryFields kinds={vocabulary.inquiries.kinds} asker="self" />
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 24 }}
          title="个人信息保护"
          description="您的姓名和联系方式只用于答复和回访，加密保存，不对外公开；凭编号和查询码查看答复时也不显示。请不要在标题和内容中填写身份证号码、银行卡号等敏感信息。"
        />
        <Button type="primary" htmlType="submit" loading={ask.isPending} block>
          提交
        </Button>
      </Form>
    </>
  );
}

function AskReceipt({
  submitted,
  body,
  vocabulary,
}: {
  submitted: InquirySubmitted;
  body: InquiryIn;
  vocabulary: ApplicationsVocabulary;
}) {
  const units = useUnits();
  const unit = units.data?.find((u) => u.id === body.unit_id);
  const trackUrl = `${window.location.origin}/inquiries/track`;
  const lines = [
    { label: "受理单位", value: unit?.name ?? "—" },
    { label: "类别", value: labelOf(vocabulary.inquiries.kinds, body.kind) },
    { label: "编号", value: String(submitted.id), testId: "inquiry-number" },
    { label: "查询码", value: submitted.token, testId: "inquiry-code" },
    { label: "收到日期", value: submitted.received_on },
    {
      label: "答复期限",
      value: `${submitted.answer_due_on}${submitted.due_provisional ? "（暂定，以当年工作日安排为准）" : ""}`,
      testId: "inquiry-due",
    },
  ];
  return (
    <>
      <Result status="success" title="已提交" subTitle="单位将在答复期限前答复，请届时凭编号和查询码查看。" />
      <Alert
        type="warning"
        showIcon
        style={{ maxWidth: 560, margin: "0 auto 16px" }}
        title="请妥善保存编号和查询码"
        description="查询码只显示这一次，系统不保存其明文，遗失后无法找回。本平台暂未开通短信和电子邮件通知，请打印回执或复制保存。"
      />
      <Receipt
        heading="咨询留言回执"
        lines={lines}
        copy={`编号：${submitted.id}\n查询码：${submitted.token}\n查看答复：${trackUrl}`}
        howToTrack={
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            查看答复：访问 {trackUrl}（本网站“咨询答复查询”），输入编号和查询码，查看答复并评价。
          </Typography.Paragraph>
        }
        actions={<Link to={`/inquiries/track?number=${submitted.id}`}>查看答复</Link>}
      />
    </>
  );
}
