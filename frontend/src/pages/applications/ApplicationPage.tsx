import { Card, Col, Descriptions, Row, Skeleton, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useParams } from "react-router-dom";
import { useApplication, useApplicationHistory, useHandlersOf } from "../../api/queries/applications";
import { useApplicationsVocabulary, useLabels } from "../../api/queries/vocabulary";
import { HistoryTimeline } from "../../components/HistoryTimeline";
import { QueryError } from "../../components/QueryError";
import { useCurrentUser } from "../../auth/useAuth";
import { handlerName, outcomeText, STATUS_COLOURS } from "../../lib/applications";
import { can } from "../../lib/navigation";
import { usePageTitle } from "../../lib/usePageTitle";
import { ApplicationSteps } from "./components/ApplicationSteps";
import { ClockPanel } from "./components/ClockPanel";
import { ReplyLetter } from "./components/ReplyLetter";
import { Remedies } from "./components/Remedies";

/** A section's heading, below the page's h1. */
function Section({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}

/** 申请详情: the application, its clock, its history and the steps the caller may take now. */
export function ApplicationPage() {
  const id = Number(useParams().applicationId);
  const user = useCurrentUser();
  const vocabulary = useApplicationsVocabulary();
  const label = useLabels("applications");
  const application = useApplication(id);
  const history = useApplicationHistory(id);
  const unitId = application.data?.unit_id ?? 0;
  const people = useHandlersOf(unitId, unitId > 0 && !!application.data?.handler);
  usePageTitle(application.data ? `申请 ${application.data.tracking_number}` : "申请详情");
  if (application.isPending) return <Skeleton active />;
  if (application.isError) return <QueryError error={application.error} onRetry={() => application.refetch()} />;
  const a = application.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
              申请 {a.tracking_number}
            </Typography.Title>
            <Tag color={STATUS_COLOURS[a.status]}>{label("statuses", a.status)}</Tag>
          </Space>
        }
      >
        {a.masked && (
          <Typography.Paragraph type="secondary">证件号码和电话已遮蔽，仅经办人可见完整信息。</Typography.Paragraph>
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="受理机关">{a.unit_name}</Descriptions.Item>
          <Descriptions.Item label="渠道">{label("channels", a.channel)}</Descriptions.Item>
          <Descriptions.Item label="申请人">
            {a.applicant_name}（{label("applicant_types", a.applicant_type)}
            {a.organisation_kind && ` · ${label("organisation_kinds", a.organisation_kind)}`}）
          </Descriptions.Item>
          <Descriptions.Item label="组织名称">{a.organisation_name || "—"}</Descriptions.Item>
          <Descriptions.Item label={a.id_type}>{a.id_number}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{a.phone}</Descriptions.Item>
          <Descriptions.Item label="通信地址">{a.address || "—"}</Descriptions.Item>
          <Descriptions.Item label="获取方式">{label("forms", a.form)}</Descriptions.Item>
          <Descriptions.Item label="提交日期">{a.submitted_on}</Descriptions.Item>
          <Descriptions.Item label="收到日期">{a.received_on ?? "待确认"}</Descriptions.Item>
          <Descriptions.Item label="经办人">{handlerName(a.handler, people.data)}</Descriptions.Item>
          <Descriptions.Item label="重复申请">{a.repeat_of_id ? `与申请 #${a.repeat_of_id} 内容相同` : "否"}</Descriptions.Item>
          <Descriptions.Item label="申请内容" span={2}>
            {a.description}
          </Descriptions.Item>
          <Descriptions.Item label="用途" span={2}>
            {a.purpose || "—"}
          </Descriptions.Item>
          {a.supplement_requested_on && (
            <Descriptions.Item label="补正" span={2}>
              {a.supplement_requested_on} 通知，期限 {a.supplement_due_on}；
              {a.supplement_received_on ? `${a.supplement_received_on} 收到补正` : "尚未补正"}。{a.supplement_request}
            </Descriptions.Item>
          )}
          {a.explanation_requested_on && (
            <Descriptions.Item label="说明理由" span={2}>
              {a.explanation_requested_on} 通知，应于 {a.explanation_due_on} 前说明；
              {a.explanation_received_on
                ? `${a.explanation_received_on} 收到说明，${a.explanation_reasonable ? "理由合理" : "理由不合理"}`
                : "尚未说明"}
              {a.later_reply_on && `；延迟答复期限 ${a.later_reply_on}`}。{a.explanation_request}
            </Descriptions.Item>
          )}
          {a.fee_notified_on && (
            <Descriptions.Item label="信息处理费" span={2}>
              {(a.fee_fen / 100).toFixed(2)} 元，{a.fee_notified_on} 通知，期限 {a.fee_due_on}；
              {a.fee_paid_on ? `${a.fee_paid_on} 已缴` : "未缴"}
            </Descriptions.Item>
          )}
          {a.opinions.length > 0 && (
            <Descriptions.Item label="征求意见" span={2}>
              {a.opinions.map((o) => (
                <div key={o.id}>
                  {label("opinion_kinds", o.kind)}：{o.party}，{o.asked_on} 发出，
                  {o.answered_on ? `${o.answered_on} 答复：${o.answer || "—"}` : "尚未答复"}
                </div>
              ))}
            </Descriptions.Item>
          )}
          {a.outcome && (
            <Descriptions.Item label="答复结果" span={2}>
              <Typography.Text strong>{outcomeText(vocabulary.data?.outcomes, a.outcome, a.outcome_reason)}</Typography.Text>
              {a.outcome_explanation && <div>{a.outcome_explanation}</div>}
              {a.legal_basis && <div>法律依据：{a.legal_basis}</div>}
              {a.linked_item_ids.length > 0 && <div>目录信息：{a.linked_item_ids.join("、")}</div>}
              {a.replied_on && <div>答复日期：{a.replied_on}</div>}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={<Section>办理</Section>}>
            <ApplicationSteps key={a.id} application={a} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size="large" style={{ width: "100%" }}>
            <Card title={<Section>法定期限</Section>}>
              <ClockPanel application={a} />
            </Card>
            <Card title={<Section>办理记录</Section>}>
              <HistoryTimeline query={history} label={(action) => label("history", action)} />
            </Card>
          </Space>
        </Col>
      </Row>
      {/* The letter exists once the decision is taken, to the reply and after it. */}
      {a.outcome && user && can(user, "handle_applications") && (
        <Card title={<Section>答复告知书</Section>}>
          <ReplyLetter application={a} />
        </Card>
      )}
      <Card title={<Section>行政复议和行政诉讼</Section>}>
        <Remedies application={a} />
      </Card>
    </Space>
  );
}
