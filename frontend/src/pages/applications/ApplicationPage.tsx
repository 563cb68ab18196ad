import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  Card,
  Col,
  Collapse,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { officeToday } from "../../lib/dates";
import { useParams } from "react-router-dom";
import { api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import { hasAnyRole, useCurrentUser } from "../../auth/useAuth";
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  FORM_LABELS,
  OPINION_KIND_LABELS,
  ORGANISATION_KIND_LABELS,
  OUTCOME_LABELS,
  PHASE_LABELS,
  REMEDY_KIND_LABELS,
  REMEDY_RESULT_LABELS,
  STATUS_COLOURS,
  STATUS_LABELS,
  historyLabel,
  needsLegalBasis,
  outcomeText,
  reasonOptions,
  urgencyColour,
  workingDaysText,
  type Application,
  type Outcome,
  type RemedyKind,
  type RemedyResult,
} from "../../lib/applications";
import { QueryError } from "../QueryError";
import { ActionForm } from "./ActionForm";

type Remedy = components["schemas"]["ApplicationsRemedyOut"];
type Body<K extends keyof components["schemas"]> = components["schemas"][K];

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
const required = (text: string) => [{ required: true, message: text }];
const today = () => officeToday();

function ClockPanel({ application }: { application: Application }) {
  const clock = application.clock;
  if (!clock) return <Alert type="info" showIcon title="确认收到申请后开始计算答复期限" />;
  return (
    <Descriptions bordered size="small" column={1}>
      <Descriptions.Item label="阶段">{PHASE_LABELS[clock.phase]}</Descriptions.Item>
      <Descriptions.Item label="计时起点">{clock.started_on ?? "—"}</Descriptions.Item>
      <Descriptions.Item label="答复期限">
        {clock.reply_due_on ?? "补正后重新计算"} {clock.provisional && <Tag>暂定</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label="剩余工作日">
        {clock.working_days_left === null ? (
          "不计时"
        ) : (
          <Tag color={urgencyColour(clock.working_days_left)}>{workingDaysText(clock.working_days_left)}</Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="不计入期限的工作日">{clock.paused_working_days}</Descriptions.Item>
      <Descriptions.Item label="补正通知最迟发出日">{clock.supplement_notice_due_on ?? "—"}</Descriptions.Item>
      {application.extension_working_days > 0 && (
        <Descriptions.Item label="延期">
          {application.extension_working_days} 个工作日（{application.extension_approved_by}批准）
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function History({ applicationId }: { applicationId: number }) {
  const history = useQuery({
    queryKey: ["application", applicationId, "history"],
    queryFn: () =>
      unwrap(
        api.GET("/api/applications/applications/{application_id}/history", {
          params: { path: { application_id: applicationId } },
        }),
      ),
  });
  if (history.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => history.refetch()} />;
  if (!history.data.length) return <Empty description="暂无记录" />;
  const entries = [...history.data].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  return (
    <Timeline
      items={entries.map((entry) => ({
        key: entry.id,
        content: (
          <>
            <Typography.Text strong>{historyLabel(entry.action)}</Typography.Text>{" "}
            <Typography.Text type="secondary">
              {entry.actor} · {dayjs(entry.at).format("YYYY-MM-DD HH:mm")}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}

function Remedies({ application, canHandle }: { application: Application; canHandle: boolean }) {
  const id = application.id;
  const remedies = useQuery({
    queryKey: ["application", id, "remedies"],
    queryFn: () =>
      unwrap(
        api.GET("/api/applications/applications/{application_id}/remedies", {
          params: { path: { application_id: id } },
        }),
      ),
  });
  return (
    <>
      {remedies.isError ? (
        <QueryError error={remedies.error} onRetry={() => remedies.refetch()} />
      ) : (
        <Table<Remedy>
          rowKey="id"
          size="small"
          pagination={false}
          loading={remedies.isPending}
          dataSource={remedies.data ?? []}
          locale={{ emptyText: "无行政复议或诉讼" }}
          columns={[
            { title: "类型", dataIndex: "kind", render: (k: RemedyKind) => REMEDY_KIND_LABELS[k] },
            { title: "提起日期", dataIndex: "filed_on" },
            { title: "结果", dataIndex: "result", render: (r: RemedyResult) => REMEDY_RESULT_LABELS[r] },
            { title: "审结日期", dataIndex: "decided_on", render: (d: string | null) => d ?? "—" },
            { title: "说明", dataIndex: "note" },
          ]}
        />
      )}
      {canHandle && (
        <div style={{ marginTop: 16 }}>
          <ActionForm
            applicationId={id}
            fields={["kind", "filed_on", "result", "decided_on", "note"]}
            submitText="登记复议或诉讼"
            done="已登记"
            initialValues={{ result: "pending" }}
            run={(values) =>
              unwrap(
                api.POST("/api/applications/applications/{application_id}/remedies", {
                  params: { path: { application_id: id } },
                  body: values as Body<"ApplicationsRemedyIn">,
                }),
              )
            }
          >
            <Space wrap>
              <Form.Item name="kind" label="类型" rules={required("请选择类型")}>
                <Select aria-label="复议或诉讼类型" style={{ width: 200 }} options={options(REMEDY_KIND_LABELS)} />
              </Form.Item>
              <Form.Item name="filed_on" label="提起日期" rules={required("请选择日期")}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="result" label="结果">
                <Select aria-label="复议或诉讼结果" style={{ width: 140 }} options={options(REMEDY_RESULT_LABELS)} />
              </Form.Item>
              <Form.Item name="decided_on" label="审结日期">
                <DatePicker />
              </Form.Item>
            </Space>
            <Form.Item name="note" label="说明">
              <Input maxLength={2000} />
            </Form.Item>
          </ActionForm>
        </div>
      )}
    </>
  );
}

function DecisionFields() {
  const form = Form.useFormInstance();
  const outcome = Form.useWatch("outcome", form) as Outcome | undefined;
  const reasons = reasonOptions(outcome);
  return (
    <>
      <Form.Item name="outcome" label="答复结果" rules={required("请选择答复结果")}>
        <Select
          aria-label="答复结果"
          options={options(OUTCOME_LABELS)}
          onChange={() => form.setFieldValue("outcome_reason", undefined)}
        />
      </Form.Item>
      {reasons.length > 0 && (
        <Form.Item name="outcome_reason" label="细项" rules={required("请选择细项")}>
          <Select aria-label="细项" options={reasons} />
        </Form.Item>
      )}
      <Form.Item
        name="explanation"
        label="理由与说明"
        rules={needsLegalBasis(outcome) ? required("部分公开或不予公开须写明理由") : []}
      >
        <Input.TextArea rows={3} maxLength={10000} />
      </Form.Item>
      <Form.Item
        name="legal_basis"
        label="法律依据"
        rules={needsLegalBasis(outcome) ? required("部分公开或不予公开须写明法律依据") : []}
      >
        <Input maxLength={2000} />
      </Form.Item>
      <Form.Item name="linked_item_ids" label="已公开的目录信息编号">
        <Select
          aria-label="已公开的目录信息编号"
          mode="tags"
          placeholder="输入信息编号后回车"
          tokenSeparators={[",", "，", " "]}
        />
      </Form.Item>
    </>
  );
}

function Actions({ application }: { application: Application }) {
  const id = application.id;
  const path = { params: { path: { application_id: id } } };
  const status = application.status;
  const open = status !== "closed";
  const received = application.received_on !== null;
  const stepsBeforeDecision = open && received && status !== "decided";
  const panels = [];

  if (status === "awaiting_receipt") {
    panels.push({
      key: "receipt",
      label: "确认收到",
      children: (
        <ActionForm
          applicationId={id}
          fields={["received_on"]}
          submitText="确认收到"
          done="已确认收到，开始计时"
          initialValues={{ received_on: today() }}
          run={(body) =>
            unwrap(api.POST("/api/applications/applications/{application_id}/receipt", { ...path, body: body as Body<"ApplicationsConfirmReceiptIn"> }))
          }
        >
          <Form.Item name="received_on" label="确认收到日期" rules={required("请选择日期")}>
            <DatePicker aria-label="确认收到日期" />
          </Form.Item>
        </ActionForm>
      ),
    });
  }
  if (open) {
    panels.push({
      key: "assign",
      label: "分配经办人",
      children: (
        <ActionForm
          applicationId={id}
          fields={["handler"]}
          submitText="分配"
          done="已分配"
          initialValues={{ handler: application.handler ?? "" }}
          run={(body) =>
            unwrap(api.POST("/api/applications/applications/{application_id}/assign", { ...path, body: body as Body<"ApplicationsAssignIn"> }))
          }
        >
          <Form.Item name="handler" label="经办人用户名" rules={required("请填写经办人")}>
            <Input style={{ width: 240 }} />
          </Form.Item>
        </ActionForm>
      ),
    });
  }
  if (stepsBeforeDecision && !application.supplement_requested_on) {
    panels.push({
      key: "supplement",
      label: "补正通知",
      children: (
        <ActionForm
          applicationId={id}
          fields={["requested_on", "request", "due_on"]}
          submitText="发出补正通知"
          done="已发出补正通知，停止计时"
          initialValues={{ requested_on: today(), due_on: today().add(15, "day") }}
          run={(body) =>
            unwrap(
              api.POST("/api/applications/applications/{application_id}/supplement-request", {
                ...path,
                body: body as Body<"ApplicationsSupplementRequestIn">,
              }),
            )
          }
        >
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`补正通知只能发出一次，须一次性告知全部事项，最迟于 ${application.clock?.supplement_notice_due_on ?? "—"} 发出`}
          />
          <Space wrap>
            <Form.Item name="requested_on" label="通知日期" rules={required("请选择日期")}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="due_on" label="补正期限" rules={required("请选择日期")}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item name="request" label="需补正的事项" rules={[...required("请填写补正事项"), { min: 5, message: "至少5个字" }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionForm>
      ),
    });
  }
  if (status === "awaiting_supplement") {
    panels.push({
      key: "supplement-received",
      label: "收到补正",
      children: (
        <ActionForm
          applicationId={id}
          fields={["received_on"]}
          submitText="记录收到补正"
          done="已收到补正，重新计时"
          initialValues={{ received_on: today() }}
          run={(body) =>
            unwrap(
              api.POST("/api/applications/applications/{application_id}/supplement-received", {
                ...path,
                body: body as Body<"ApplicationsSupplementReceivedIn">,
              }),
            )
          }
        >
          <Form.Item name="received_on" label="收到补正日期" rules={required("请选择日期")}>
            <DatePicker />
          </Form.Item>
        </ActionForm>
      ),
    });
  }
  if (stepsBeforeDecision && status !== "awaiting_supplement") {
    panels.push({
      key: "opinion",
      label: "征求意见",
      children: (
        <ActionForm
          applicationId={id}
          fields={["kind", "party", "asked_on"]}
          submitText="发出征求意见"
          done="已征求意见，期间不计入答复期限"
          initialValues={{ kind: "third_party", asked_on: today() }}
          run={(body) =>
            unwrap(api.POST("/api/applications/applications/{application_id}/opinions", { ...path, body: body as Body<"ApplicationsOpinionIn"> }))
          }
        >
          <Space wrap>
            <Form.Item name="kind" label="类型" rules={required("请选择类型")}>
              <Select aria-label="征求意见类型" style={{ width: 180 }} options={options(OPINION_KIND_LABELS)} />
            </Form.Item>
            <Form.Item name="party" label="第三方或机关名称" rules={[...required("请填写名称"), { min: 2, message: "至少2个字" }]}>
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="asked_on" label="征求日期" rules={required("请选择日期")}>
              <DatePicker />
            </Form.Item>
          </Space>
        </ActionForm>
      ),
    });
  }
  for (const opinion of application.opinions.filter((o) => o.answered_on === null)) {
    panels.push({
      key: `opinion-${opinion.id}`,
      label: `记录意见：${opinion.party}`,
      children: (
        <ActionForm
          applicationId={id}
          fields={["answered_on", "answer"]}
          submitText="记录意见"
          done="已记录意见"
          initialValues={{ answered_on: today() }}
          run={(body) =>
            unwrap(
              api.POST("/api/applications/applications/{application_id}/opinions/{opinion_id}/answer", {
                params: { path: { application_id: id, opinion_id: opinion.id } },
                body: body as Body<"ApplicationsOpinionAnswerIn">,
              }),
            )
          }
        >
          <Typography.Paragraph type="secondary">
            {OPINION_KIND_LABELS[opinion.kind]}，{opinion.asked_on} 发出
            {opinion.answer_due_on && `，第三方应于 ${opinion.answer_due_on} 前答复`}
          </Typography.Paragraph>
          <Form.Item name="answered_on" label="答复日期" rules={required("请选择日期")}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="answer" label="意见内容">
            <Input.TextArea rows={2} />
          </Form.Item>
        </ActionForm>
      ),
    });
  }
  if (stepsBeforeDecision && application.extension_working_days === 0) {
    panels.push({
      key: "extension",
      label: "延长答复期限",
      children: (
        <ActionForm
          applicationId={id}
          fields={["working_days", "approved_by", "reason", "notified_on"]}
          submitText="延长期限"
          done="已延长答复期限"
          initialValues={{ working_days: 20, notified_on: today() }}
          run={(body) =>
            unwrap(api.POST("/api/applications/applications/{application_id}/extension", { ...path, body: body as Body<"ApplicationsExtensionIn"> }))
          }
        >
          <Space wrap>
            <Form.Item name="working_days" label="延长工作日数（不超过20）" rules={required("请填写天数")}>
              <InputNumber min={1} max={20} />
            </Form.Item>
            <Form.Item name="approved_by" label="批准的机关负责人" rules={[...required("请填写批准人"), { min: 2, message: "至少2个字" }]}>
              <Input />
            </Form.Item>
            <Form.Item name="notified_on" label="告知申请人日期" rules={required("请选择日期")}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item name="reason" label="延期理由" rules={[...required("请填写理由"), { min: 2, message: "至少2个字" }]}>
            <Input />
          </Form.Item>
        </ActionForm>
      ),
    });
  }
  if (stepsBeforeDecision && !application.fee_notified_on) {
    panels.push({
      key: "fee",
      label: "收费通知",
      children: (
        <ActionForm
          applicationId={id}
          fields={["fee_fen", "notified_on", "due_on"]}
          submitText="发出收费通知"
          done="已发出收费通知"
          initialValues={{ notified_on: today(), due_on: today().add(20, "day") }}
          run={({ fee_yuan, ...rest }) =>
            unwrap(
              api.POST("/api/applications/applications/{application_id}/fee-notice", {
                ...path,
                body: { ...rest, fee_fen: Math.round(Number(fee_yuan) * 100) } as Body<"ApplicationsFeeNoticeIn">,
              }),
            )
          }
        >
          <Typography.Paragraph type="secondary">
            仅在申请数量、频次明显超过合理范围时收取信息处理费；缴费前的时间不计入答复期限。
          </Typography.Paragraph>
          <Space wrap>
            <Form.Item name="fee_yuan" label="信息处理费（元）" rules={required("请填写金额")}>
              <InputNumber min={0.01} step={10} precision={2} />
            </Form.Item>
            <Form.Item name="notified_on" label="通知日期" rules={required("请选择日期")}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="due_on" label="缴费期限" rules={required("请选择日期")}>
              <DatePicker />
            </Form.Item>
          </Space>
        </ActionForm>
      ),
    });
  }
  if (status === "awaiting_fee") {
    panels.push({
      key: "fee-paid",
      label: "已缴费",
      children: (
        <ActionForm
          applicationId={id}
          fields={["paid_on"]}
          submitText="记录缴费"
          done="已记录缴费，恢复计时"
          initialValues={{ paid_on: today() }}
          run={(body) =>
            unwrap(api.POST("/api/applications/applications/{application_id}/fee-paid", { ...path, body: body as Body<"ApplicationsFeePaidIn"> }))
          }
        >
          <Form.Item name="paid_on" label="缴费日期" rules={required("请选择日期")}>
            <DatePicker />
          </Form.Item>
        </ActionForm>
      ),
    });
  }
  if (open && received) {
    panels.push({
      key: "decision",
      label: status === "decided" ? "修改答复结果" : "答复结果",
      children: (
        <ActionForm
          applicationId={id}
          fields={["outcome", "outcome_reason", "explanation", "legal_basis", "linked_item_ids"]}
          submitText="保存答复结果"
          done="已保存答复结果"
          run={({ linked_item_ids, ...rest }) =>
            unwrap(
              api.POST("/api/applications/applications/{application_id}/decision", {
                ...path,
                body: {
                  ...rest,
                  linked_item_ids: ((linked_item_ids as string[] | undefined) ?? []).map(Number),
                } as Body<"ApplicationsDecisionIn">,
              }),
            )
          }
        >
          <DecisionFields />
        </ActionForm>
      ),
    });
  }
  if (status === "decided") {
    panels.push({
      key: "reply",
      label: "作出答复",
      children: (
        <ActionForm
          applicationId={id}
          fields={["replied_on"]}
          submitText="确认已答复"
          done="已答复，申请办结"
          initialValues={{ replied_on: today() }}
          run={(body) =>
            unwrap(api.POST("/api/applications/applications/{application_id}/reply", { ...path, body: body as Body<"ApplicationsReplyIn"> }))
          }
        >
          <Form.Item name="replied_on" label="答复（送达）日期" rules={required("请选择日期")}>
            <DatePicker aria-label="答复日期" />
          </Form.Item>
        </ActionForm>
      ),
    });
  }
  if (!panels.length) return <Empty description="申请已办结" />;
  // A new status brings new steps: open the first of them.
  return <Collapse key={status} accordion defaultActiveKey={panels[0]?.key} items={panels} />;
}

/** 申请详情: the application, its clock, its history and the next steps. */
export function ApplicationPage() {
  const user = useCurrentUser()!;
  const id = Number(useParams().applicationId);
  const canHandle = hasAnyRole(user, ["application_handler", "office"]);
  const application = useQuery({
    queryKey: ["application", id],
    queryFn: () =>
      unwrap(api.GET("/api/applications/applications/{application_id}", { params: { path: { application_id: id } } })),
  });
  if (application.isPending) return <Skeleton active />;
  if (application.isError) return <QueryError error={application.error} onRetry={() => application.refetch()} />;
  const a = application.data;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Card
        title={
          <Space>
            申请 {a.tracking_number}
            <Tag color={STATUS_COLOURS[a.status]}>{STATUS_LABELS[a.status]}</Tag>
          </Space>
        }
      >
        {a.masked && (
          <Typography.Paragraph type="secondary">证件号码和电话已遮蔽，仅经办人可见完整信息。</Typography.Paragraph>
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="受理机关">{a.unit_name}</Descriptions.Item>
          <Descriptions.Item label="渠道">{CHANNEL_LABELS[a.channel]}</Descriptions.Item>
          <Descriptions.Item label="申请人">
            {a.applicant_name}（{APPLICANT_TYPE_LABELS[a.applicant_type]}
            {a.organisation_kind && ` · ${ORGANISATION_KIND_LABELS[a.organisation_kind]}`}）
          </Descriptions.Item>
          <Descriptions.Item label="组织名称">{a.organisation_name || "—"}</Descriptions.Item>
          <Descriptions.Item label={a.id_type}>{a.id_number}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{a.phone}</Descriptions.Item>
          <Descriptions.Item label="通信地址">{a.address || "—"}</Descriptions.Item>
          <Descriptions.Item label="获取方式">{FORM_LABELS[a.form] ?? a.form}</Descriptions.Item>
          <Descriptions.Item label="提交日期">{a.submitted_on}</Descriptions.Item>
          <Descriptions.Item label="收到日期">{a.received_on ?? "待确认"}</Descriptions.Item>
          <Descriptions.Item label="经办人">{a.handler ?? "未分配"}</Descriptions.Item>
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
                  {OPINION_KIND_LABELS[o.kind]}：{o.party}，{o.asked_on} 发出，
                  {o.answered_on ? `${o.answered_on} 答复：${o.answer || "—"}` : "尚未答复"}
                </div>
              ))}
            </Descriptions.Item>
          )}
          {a.outcome && (
            <Descriptions.Item label="答复结果" span={2}>
              <Typography.Text strong>{outcomeText(a.outcome, a.outcome_reason)}</Typography.Text>
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
          <Card title="办理">{canHandle ? <Actions application={a} /> : <Empty description="只读" />}</Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size="large" style={{ width: "100%" }}>
            <Card title="法定期限">
              <ClockPanel application={a} />
            </Card>
            <Card title="办理记录">
              <History applicationId={a.id} />
            </Card>
          </Space>
        </Col>
      </Row>
      <Card title="行政复议和行政诉讼">
        <Remedies application={a} canHandle={canHandle} />
      </Card>
    </Space>
  );
}
