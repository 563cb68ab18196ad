import { Alert, App, Button, Card, Descriptions, Form, Result, Skeleton, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ApiError, formErrors } from "../../api/errors";
import { useApplyOnline } from "../../api/queries/applications";
import { useApplicationsVocabulary, type ApplicationsVocabulary } from "../../api/queries/vocabulary";
import type { components } from "../../api/schema";
import { QueryError } from "../../components/QueryError";
import type { ApplicantType } from "../../lib/applications";
import { APPLICANT_FIELDS, ApplicantFields } from "./components/ApplicantFields";

type Values = components["schemas"]["ApplicationsApplicationIn"];
type Submitted = components["schemas"]["ApplicationsSubmitted"];

/** 依申请公开: the online application form of 《政府信息公开条例》第二十九条. */
export function ApplyPage() {
  // The portal is not inside antd's App (its first load does without it); this page's messages are.
  const vocabulary = useApplicationsVocabulary();
  return (
    <App component={false}>
      {vocabulary.isPending ? (
        <Skeleton active />
      ) : vocabulary.isError ? (
        <QueryError error={vocabulary.error} onRetry={() => vocabulary.refetch()} />
      ) : (
        <ApplicationForm vocabulary={vocabulary.data} />
      )}
    </App>
  );
}

function ApplicationForm({ vocabulary }: { vocabulary: ApplicationsVocabulary }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState<Submitted | null>(null);
  const applicantType = Form.useWatch("applicant_type", form) as ApplicantType | undefined;
  const legal = applicantType === "legal_person";

  const submit = useApplyOnline({
    onSuccess: setDone,
    onError: (error) => {
      if (error instanceof ApiError) form.setFields(formErrors(error, APPLICANT_FIELDS));
      message.error(error.message);
    },
  });

  if (done) {
    return (
      <Card>
        <Result
          status="success"
          title="申请已提交"
          subTitle="行政机关确认收到后开始计算答复期限。请凭申请编号和查询码查询办理进度和答复结果。"
        />
        <Descriptions bordered column={1} style={{ maxWidth: 520, margin: "0 auto" }}>
          <Descriptions.Item label="申请编号">
            <Typography.Text strong copyable data-testid="tracking-number">
              {done.tracking_number}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="查询码">
            <Typography.Text strong copyable data-testid="query-code">
              {done.query_code}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Alert
          type="warning"
          showIcon
          style={{ maxWidth: 520, margin: "16px auto" }}
          title="请妥善保存申请编号和查询码"
          description="查询码只显示这一次，系统不保存其明文，遗失后无法找回。"
        />
        <div style={{ textAlign: "center" }}>
          <Link to={`/track?number=${encodeURIComponent(done.tracking_number)}`}>
            <Button type="primary">查询办理进度</Button>
          </Link>
        </div>
      </Card>
    );
  }

  return (
    <Card title="政府信息公开申请">
      <Typography.Paragraph type="secondary">
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
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          提交申请
        </Button>
      </Form>
    </Card>
  );
}
