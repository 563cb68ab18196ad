// 办件详情: the case as the desk handles it — applicant (masked), legal and promised dates with
// the working days left, the steps it offers now, and its timeline of steps, special procedures
// and extensions with dates, reasons and approvers. A one-time notice prints for the applicant.
import { Button, Card, Col, Descriptions, List, Row, Space, Statistic, Table, Tag, Timeline, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { useCase, type Case } from "../../../api/queries/hallCases";
import { QueryError } from "../../../components/QueryError";
import { usePageTitle } from "../../../lib/usePageTitle";
import { PageHeading, SectionHeading } from "../Headings";
import { CaseSteps } from "./CaseSteps";
import { COMPLETION_LABELS, SUSPENSION_KINDS, warningLabel, daysLeft, yuan } from "./labels";

const kindLabel = (kind: string) => SUSPENSION_KINDS.find((k) => k.value === kind)?.label ?? kind;

function ClockCard({ shown }: { shown: Case }) {
  const clock = shown.clock;
  const warning = warningLabel(clock.warning);
  return (
    <Card title={<SectionHeading>办理时限</SectionHeading>} size="small">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title="受理日期" value={clock.accepted_on ?? "未受理"} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="承诺办结日期" value={clock.promised_due_on ?? "—"} />
          <Typography.Text type={clock.warning === "red" ? "danger" : undefined}>
            {daysLeft(clock.working_days_left)}
          </Typography.Text>
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="法定办结日期" value={clock.legal_due_on ?? "—"} />
          <Typography.Text type={clock.legal_overdue ? "danger" : undefined}>
            {daysLeft(clock.legal_working_days_left)}
          </Typography.Text>
        </Col>
        <Col xs={12} md={6}>
          <Space orientation="vertical">
            <Tag color={warning.color}>{warning.text}</Tag>
            {clock.suspended && <Tag color="purple">特别程序中，不计时</Tag>}
            {clock.paused_working_days > 0 && <span>已扣除特别程序 {clock.paused_working_days} 个工作日</span>}
            {clock.completion && <Tag color="green">{COMPLETION_LABELS[clock.completion]}</Tag>}
            {clock.provisional && <Typography.Text type="warning">跨未公布放假安排的年度，日期为暂定</Typography.Text>}
          </Space>
        </Col>
      </Row>
    </Card>
  );
}

function NoticeCard({ shown }: { shown: Case }) {
  const notice = shown.notices[shown.notices.length - 1];
  if (!notice) return null;
  return (
    <Card
      size="small"
      title={<SectionHeading>一次性告知书</SectionHeading>}
      className="printable-notice"
      extra={
        <Button size="small" onClick={() => window.print()}>
          打印
        </Button>
      }
    >
      <Typography.Paragraph>
        {shown.applicant_name}：您申请办理的“{shown.item_name}”（办件编号 {shown.number}），经审查，下列材料缺少或不符合要求，请补齐后到窗口办理：
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={notice.materials as { name: string; problem: string }[]}
        renderItem={(m, index) => (
          <List.Item>
            {index + 1}. {m.name}：{m.problem}
          </List.Item>
        )}
      />
      {notice.note && <Typography.Paragraph>{notice.note}</Typography.Paragraph>}
      <Typography.Text type="secondary">
        告知日期 {notice.notified_on}，告知人 {notice.notified_by}
        {notice.completed_on ? `；已于 ${notice.completed_on} 补齐` : ""}
      </Typography.Text>
    </Card>
  );
}

export function CasePage() {
  const { caseId } = useParams();
  const query = useCase(Number(caseId));
  usePageTitle(query.data ? `办件 ${query.data.number}` : "办件详情");
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const shown = query.data;
  if (!shown) return <Card loading />;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Card
        title={
          <Space wrap>
            <PageHeading>办件 {shown.number}</PageHeading>
            <Tag>{shown.status_label}</Tag>
            {shown.green_channel && <Tag color="blue">绿色通道</Tag>}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="事项">{shown.item_name}（{shown.item_kind === "instant" ? "即办件" : "承诺件"}）</Descriptions.Item>
          <Descriptions.Item label="申请人">{shown.applicant_name}</Descriptions.Item>
          <Descriptions.Item label="证件号码">{shown.applicant_id_number || "—"}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{shown.applicant_phone || "—"}</Descriptions.Item>
          <Descriptions.Item label="受理人">{shown.clerk}</Descriptions.Item>
          <Descriptions.Item label="首问责任人">{shown.first_asked_by}</Descriptions.Item>
          <Descriptions.Item label="收费">{yuan(shown.fee_fen)}</Descriptions.Item>
          {shown.decision && (
            <Descriptions.Item label="决定">
              {shown.decision === "granted" ? "准予" : `不予：${shown.decision_reason}`}
            </Descriptions.Item>
          )}
          {shown.not_accepted_reason && <Descriptions.Item label="不予受理理由">{shown.not_accepted_reason}</Descriptions.Item>}
          {shown.parent_id && (
            <Descriptions.Item label="主办件">
              <Link to={`/console/hall/cases/${shown.parent_id}`}>查看主办件</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <ClockCard shown={shown} />
      <Card title={<SectionHeading>办理</SectionHeading>} size="small">
        <CaseSteps shown={shown} />
      </Card>
      <NoticeCard shown={shown} />
      {shown.sub_cases.length > 0 && (
        <Card title={<SectionHeading>并联审批子办件</SectionHeading>} size="small">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={shown.sub_cases}
            columns={[
              { title: "编号", dataIndex: "number", render: (n: string, r) => <Link to={`/console/hall/cases/${r.id}`}>{n}</Link> },
              { title: "事项", dataIndex: "item_name" },
              { title: "状态", dataIndex: "status", render: (s: string) => (s === "completed" ? "已办结" : "办理中") },
            ]}
          />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<SectionHeading>办理过程</SectionHeading>} size="small">
            <Timeline
              items={shown.steps.map((s) => ({
                children: (
                  <>
                    <strong>{s.label}</strong> {new Date(s.at).toLocaleString("zh-CN")} {s.by}
                    {s.note && <div>{s.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<SectionHeading>特别程序与延期</SectionHeading>} size="small">
            <List
              size="small"
              locale={{ emptyText: "无" }}
              dataSource={[
                ...shown.suspensions.map((s) => ({
                  key: `s${s.id}`,
                  text: `特别程序（${kindLabel(s.kind)}）${s.started_on} 至 ${s.ended_on ?? "今"}，理由：${s.reason}，批准人：${s.approved_by}`,
                })),
                ...shown.extensions.map((e) => ({
                  key: `e${e.id}`,
                  text: `延期 ${e.working_days} 个工作日（${e.approved_on}），理由：${e.reason}，批准人：${e.approved_by}`,
                })),
              ]}
              renderItem={(row) => <List.Item key={row.key}>{row.text}</List.Item>}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
