import { Alert, App, Card, Form, Result, Skeleton, Typography, Button } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ApiError, formErrors } from "../../api/errors";
import { useApplyOnline } from "../../api/queries/applications";
import { useUnits } from "../../api/queries/units";
import { useApplicationsVocabulary, type ApplicationsVocabulary } from "../../api/queries/vocabulary";
import type { components } from "../../api/schema";
import { QueryError } from "../../components/QueryError";
import type { ApplicantType } from "../../lib/applications";
import { officeToday } from "../../lib/dates";
import { usePageTitle } from "../../lib/usePageTitle";
import { APPLICANT_FIELDS, ApplicantFields } from "./components/ApplicantFields";
import { Receipt } from "./components/Receipt";

type Values = components["schemas"]["ApplicationsApplicationIn"];
type Submitted = components["schemas"]["ApplicationsSubmitted"];

const TITLE = "政府信息公开申请";

/** 依申请公开: the online application form of 《政府信息公开条例》第二十九条. */
export function ApplyPage() {
  usePageTitle(TITLE);
  // The portal is not inside antd's App (its first load does without it); this page's messages are.
  const vocabulary = useApplicationsVocabulary();
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
          <ApplicationForm vocabulary={vocabulary.data} />
        )}
      </Card>
    </App>
  );
}

function ApplicationForm({ vocabulary }: { vocabulary: ApplicationsVocabulary }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState<{ submitted: Submitted; unitId: number } | null>(null);
  const applicantType = Form.useWatch("applicant_type", form) as ApplicantType | undefined;
  const legal = applicantType === "legal_person";

  const submit = useApplyOnline({
    onSuccess: (submitted, body) => {
      setDone({ submitted, unitId: body.unit_id });
      window.scrollTo({ top: 0 });
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setFields(formErrors(error, APPLICANT_FIELDS));
      message.error(error.message);
    },
  });

  if (done) return <SubmittedReceipt submitted={done.submitted} unitId={done.unitId} />;

  return (
    <>
      <Typography.Paragraph>
        依据《中华人民共和国政府信息公开条例》，公民、法人或者其他组织可以向行政机关申请获取政府信息。
        带 * 的为必填项。
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{ applicant_type: "natural_person", id_type: vocabulary.id_card, form: "electronic" }}
        onFinish={(values) => submit.mutate({ ...values, organisation_kind: legal ? values.organisation_kind : null })}
        scrollToFirstError
      >
        <ApplicantFields legal={legal} vocabulary={vocabulary} />
        <Button type="primary" htmlType="submit" loading={submit.isPending} block>
          提交申请
        </Button>
      </Form>
    </>
  );
}

/** The receipt: the tracking number and the query code, shown this once, to print or copy. */
function SubmittedReceipt({ submitted, unitId }: { submitted: Submitted; unitId: number }) {
  const units = useUnits();
  const unit = units.data?.find((u) => u.id === unitId);
  const trackUrl = `${window.location.origin}/track`;
  const lines = [
    { label: "受理机关", value: unit?.name ?? "—" },
    { label: "申请编号", value: submitted.tracking_number, testId: "tracking-number" },
    { label: "查询码", value: submitted.query_code, testId: "query-code" },
    { label: "提交日期", value: officeToday().format("YYYY-MM-DD") },
  ];
  if (unit?.office_phone) lines.push({ label: "咨询电话", value: unit.office_phone });
  return (
    <>
      <Result
        status="success"
        title="申请已提交"
        subTitle="行政机关确认收到后开始计算答复期限。请凭申请编号和查询码查询办理进度和答复结果。"
      />
      <Alert
        type="warning"
        showIcon
        style={{ maxWidth: 560, margin: "0 auto 16px" }}
        title="请妥善保存申请编号和查询码"
        description="查询码只显示这一次，系统不保存其明文，遗失后无法找回。本平台暂未开通短信和电子邮件通知，请打印回执或复制保存。"
      />
      <Receipt
        heading="政府信息公开申请回执"
        lines={lines}
        copy={`申请编号：${submitted.tracking_number}\n查询码：${submitted.query_code}\n查询地址：${trackUrl}`}
        howToTrack={
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            查询方式：访问 {trackUrl}（本网站“申请查询”），输入申请编号和查询码，查看办理进度、补正通知和答复结果。
          </Typography.Paragraph>
        }
        actions={
          <Link to={`/track?number=${encodeURIComponent(submitted.tracking_number)}`}>查询办理进度</Link>
        }
      />
    </>
  );
}
