import { Alert, DatePicker, Empty, Form, Input, InputNumber, Radio, Select, Space, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState, type ReactNode } from "react";
import { applicationSteps, useHandlersOf } from "../../../api/queries/applications";
import { useApplicationsVocabulary, useLabels } from "../../../api/queries/vocabulary";
import type { components } from "../../../api/schema";
import {
  handlerOptions,
  reasonOptions,
  type Application,
  type ApplicationStep,
  type OpinionKind,
  type Outcome,
} from "../../../lib/applications";
import { officeToday } from "../../../lib/dates";
import { optionsOf } from "../../../lib/vocabulary";
import { ActionForm, StepOffer, type FormValues } from "./ActionForm";
import { OneOpenCollapse } from "../../../components/OneOpenCollapse";

type Schemas = components["schemas"];
const required = (text: string) => [{ required: true, message: text }];
const today = () => officeToday();
const iso = (day: Dayjs) => day.format("YYYY-MM-DD");

// The fee is asked in 元 and sent in 分.
type FeeValues = Omit<FormValues<Schemas["ApplicationsFeeNoticeIn"]>, "fee_fen"> & { fee_yuan: number };
const feeBody = ({ fee_yuan, notified_on, due_on }: FeeValues): Schemas["ApplicationsFeeNoticeIn"] => ({
  fee_fen: Math.round(Number(fee_yuan) * 100),
  notified_on: typeof notified_on === "string" ? notified_on : iso(notified_on),
  due_on: typeof due_on === "string" ? due_on : iso(due_on),
});

// The catalogue items already published are typed as tags (strings) and sent as ids.
type DecisionValues = Omit<Schemas["ApplicationsDecisionIn"], "linked_item_ids"> & { linked_item_ids?: string[] };
const decisionBody = ({ linked_item_ids, ...rest }: DecisionValues): Schemas["ApplicationsDecisionIn"] => ({
  ...rest,
  linked_item_ids: (linked_item_ids ?? []).map(Number),
});

function DecisionFields() {
  const form = Form.useFormInstance();
  const vocabulary = useApplicationsVocabulary();
  const outcome = Form.useWatch("outcome", form) as Outcome | undefined;
  const term = vocabulary.data?.outcomes.find((o) => o.value === outcome);
  const reasons = reasonOptions(term);
  // Refusing in whole or part needs reasons and a legal basis (条例第三十六条): the service says which.
  const needsLegalBasis = !!term?.legal_basis_required;
  return (
    <>
      <Form.Item name="outcome" label="答复结果" rules={required("请选择答复结果")}>
        <Select
          aria-label="答复结果"
          options={optionsOf<Outcome>(vocabulary.data?.outcomes)}
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
        rules={needsLegalBasis ? required("部分公开或不予公开须写明理由") : []}
      >
        <Input.TextArea rows={3} maxLength={10000} />
      </Form.Item>
      <Form.Item
        name="legal_basis"
        label="法律依据"
        rules={needsLegalBasis ? required("部分公开或不予公开须写明法律依据") : []}
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

/** 收到说明理由 (条例第三十五条): the finding, and a later reply date only when the reasons are sound. */
function ExplanationFindingFields({ dueOn }: { dueOn: string | null }) {
  const form = Form.useFormInstance();
  const reasonable = Form.useWatch("reasonable", form) as boolean | undefined;
  return (
    <>
      <Typography.Paragraph type="secondary">
        申请人应于 {dueOn ?? "—"} 前说明理由；逾期未说明的，视为放弃申请，可按“其他处理”答复。
      </Typography.Paragraph>
      <Space wrap>
        <Form.Item name="received_on" label="收到说明日期" rules={required("请选择日期")}>
          <DatePicker aria-label="收到说明日期" />
        </Form.Item>
        <Form.Item name="reasonable" label="审查结论" rules={required("请选择审查结论")}>
          <Radio.Group
            aria-label="审查结论"
            onChange={() => form.setFieldValue("later_reply_on", undefined)}
            options={[
              { value: true, label: "理由合理" },
              { value: false, label: "理由不合理（不予处理）" },
            ]}
          />
        </Form.Item>
        {reasonable === true && (
          <Form.Item
            name="later_reply_on"
            label="延迟答复期限"
            tooltip="理由合理但无法在法定期限内答复的，确定延迟答复的合理期限；不填则按法定期限答复"
          >
            <DatePicker aria-label="延迟答复期限" />
          </Form.Item>
        )}
      </Space>
      <Form.Item
        name="finding"
        label="审查意见"
        rules={[...required("请填写审查意见"), { min: 2, message: "至少2个字" }]}
      >
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      {reasonable === false && (
        <Alert
          type="warning"
          showIcon
          title="将按“不予处理”第4项（无正当理由大量反复申请）拟定答复，随后作出答复"
        />
      )}
    </>
  );
}

interface Panel {
  key: string;
  label: string;
  children: ReactNode;
}

/**
 * 办理: one panel for each step the service lists in the application's `next_steps` (what this
 * user may do now, by role, unit, status and the Regulations' limits), in its order, the first
 * of them open. Once a step is recorded, what it recorded is said above and the step now first
 * is offered: marked 下一步, its button focused. 登记复议或诉讼 is with the remedies below.
 */
export function ApplicationSteps({ application }: { application: Application }) {
  const label = useLabels("applications");
  const vocabulary = useApplicationsVocabulary();
  const id = application.id;
  const steps = applicationSteps(id);
  const opinionKinds = optionsOf<OpinionKind>(vocabulary.data?.opinion_kinds);
  const handlers = useHandlersOf(application.unit_id, application.next_steps.includes("assign"));
  // The step just recorded, until the next one is.
  const [done, setDone] = useState<string | null>(null);

  const panelsOf = (step: ApplicationStep): Panel[] => {
    const panel = (children: ReactNode): Panel[] => [{ key: step, label: label("steps", step), children }];
    switch (step) {
      case "receipt":
        return panel(
          <ActionForm
            applicationId={id}
            submit={steps.confirmReceipt}
            submitText="确认收到"
            done="已确认收到，开始计时"
            initialValues={{ received_on: today() }}
          >
            <Form.Item name="received_on" label="确认收到日期" rules={required("请选择日期")}>
              <DatePicker aria-label="确认收到日期" />
            </Form.Item>
          </ActionForm>,
        );
      case "assign":
        return panel(
          <ActionForm
            applicationId={id}
            submit={steps.assign}
            submitText="分配"
            done="已分配经办人"
            initialValues={{ handler: application.handler ?? undefined }}
          >
            <Form.Item
              name="handler"
              label="经办人"
              extra="本机关的依申请公开经办人及上级政务公开办人员；经办人可查看申请人完整的个人信息。"
              rules={required("请选择经办人")}
            >
              <Select
                aria-label="经办人"
                showSearch
                optionFilterProp="label"
                placeholder="请选择经办人"
                loading={handlers.isPending}
                notFoundContent={handlers.isError ? "无法读取人员名单" : "没有可选的经办人"}
                style={{ maxWidth: 360 }}
                options={handlerOptions(handlers.data, application.unit_id)}
              />
            </Form.Item>
          </ActionForm>,
        );
      case "supplement-request":
        return panel(
          <ActionForm
            applicationId={id}
            submit={steps.requestSupplement}
            submitText="发出补正通知"
            done="已发出补正通知，停止计时"
            initialValues={{ requested_on: today(), due_on: today().add(15, "day") }}
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
            <Form.Item
              name="request"
              label="需补正的事项"
              rules={[...required("请填写补正事项"), { min: 5, message: "至少5个字" }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </ActionForm>,
        );
      case "supplement-received":
        return panel(
          <ActionForm
            applicationId={id}
            submit={steps.supplementReceived}
            submitText="记录收到补正"
            done="已收到补正，重新计时"
            initialValues={{ received_on: today() }}
          >
            <Form.Item name="received_on" label="收到补正日期" rules={required("请选择日期")}>
              <DatePicker />
            </Form.Item>
          </ActionForm>,
        );
      case "explanation-request":
        return panel(
          <ActionForm
            applicationId={id}
            submit={steps.requestExplanation}
            submitText="发出说明理由通知"
            done="已要求申请人说明理由，等待期间不计入答复期限"
            initialValues={{ requested_on: today(), working_days: 15 }}
          >
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="申请的数量、频次明显超过合理范围的，可以要求申请人说明理由（条例第三十五条）；须在答复期限内发出，只能发出一次。等待说明期间不计入答复期限，说明期限按工作日计算。"
            />
            <Space wrap>
              <Form.Item name="requested_on" label="通知日期" rules={required("请选择日期")}>
                <DatePicker aria-label="说明理由通知日期" />
              </Form.Item>
              <Form.Item name="working_days" label="说明期限（工作日）" rules={required("请填写天数")}>
                <InputNumber aria-label="说明期限（工作日）" min={1} max={30} />
              </Form.Item>
            </Space>
            <Form.Item
              name="request"
              label="需说明的情况"
              rules={[...required("请填写需说明的情况"), { min: 5, message: "至少5个字" }]}
            >
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
          </ActionForm>,
        );
      case "explanation-received":
        return panel(
          <ActionForm
            applicationId={id}
            submit={steps.explanationReceived}
            submitText="记录说明及审查结论"
            done="已记录申请人的说明"
            initialValues={{ received_on: today() }}
          >
            <ExplanationFindingFields dueOn={application.explanation_due_on} />
          </ActionForm>,
        );
      case "opinions":
        return panel(
          <ActionForm
            applicationId={id}
            submit={steps.askOpinion}
            submitText="发出征求意见"
            done="已征求意见，期间不计入答复期限"
            initialValues={{ kind: "third_party", asked_on: today() }}
          >
            <Space wrap>
              <Form.Item name="kind" label="类型" rules={required("请选择类型")}>
                <Select aria-label="征求意见类型" style={{ width: 180 }} options={opinionKinds} />
              </Form.Item>
              <Form.Item
                name="party"
                label="第三方或机关名称"
                rules={[...required("请填写名称"), { min: 2, message: "至少2个字" }]}
              >
                <Input style={{ width: 260 }} />
              </Form.Item>
              <Form.Item name="asked_on" label="征求日期" rules={required("请选择日期")}>
                <DatePicker />
              </Form.Item>
              <Form.Item
                name="letter_received_on"
                label="对方收到函件日期"
                tooltip="不填则为发函当日；对方答复期限为收到后15个工作日，期满未答复不再暂停计时"
              >
                <DatePicker />
              </Form.Item>
            </Space>
          </ActionForm>,
        );
      case "opinion-answer":
        // One answer for each opinion still awaited.
        return application.opinions
          .filter((opinion) => opinion.answered_on === null)
          .map((opinion) => ({
            key: `${step}-${opinion.id}`,
            label: `${label("steps", step)}：${opinion.party}`,
            children: (
              <ActionForm
                applicationId={id}
                submit={steps.answerOpinion(opinion.id)}
                submitText="记录意见"
                done="已记录意见"
                initialValues={{ answered_on: today() }}
              >
                <Typography.Paragraph type="secondary">
                  {label("opinion_kinds", opinion.kind)}，{opinion.asked_on} 发出，
                  {opinion.letter_received_on} 收到
                  {opinion.answer_due_on &&
                    `，应于 ${opinion.answer_due_on} 前答复（逾期未答复的，答复期限不再暂停）`}
                </Typography.Paragraph>
                <Form.Item name="answered_on" label="答复日期" rules={required("请选择日期")}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="answer" label="意见内容">
                  <Input.TextArea rows={2} />
                </Form.Item>
              </ActionForm>
            ),
          }));
      case "extension":
        return panel(
          <ActionForm
            applicationId={id}
            submit={steps.extend}
            submitText="延长期限"
            done="已延长答复期限"
            initialValues={{ working_days: 20, notified_on: today() }}
          >
            <Space wrap>
              <Form.Item name="working_days" label="延长工作日数（不超过20）" rules={required("请填写天数")}>
                <InputNumber min={1} max={20} />
              </Form.Item>
              <Form.Item
                name="approved_by"
                label="批准的机关负责人"
                rules={[...required("请填写批准人"), { min: 2, message: "至少2个字" }]}
              >
                <Input />
              </Form.Item>
              <Form.Item name="notified_on" label="告知申请人日期" rules={required("请选择日期")}>
                <DatePicker />
              </Form.Item>
            </Space>
            <Form.Item name="reason" label="延期理由" rules={[...required("请填写理由"), { min: 2, message: "至少2个字" }]}>
              <Input />
            </Form.Item>
          </ActionForm>,
        );
      case "fee-notice":
        return panel(
          <ActionForm
            applicationId={id}
            submit={steps.notifyFee}
            toBody={feeBody}
            submitText="发出收费通知"
            done="已发出收费通知"
            initialValues={{ notified_on: today(), due_on: today().add(20, "day") }}
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
          </ActionForm>,
        );
      case "fee-paid":
        return panel(
          <ActionForm
            applicationId={id}
            submit={steps.feePaid}
            submitText="记录缴费"
            done="已记录缴费，恢复计时"
            initialValues={{ paid_on: today() }}
          >
            <Form.Item name="paid_on" label="缴费日期" rules={required("请选择日期")}>
              <DatePicker />
            </Form.Item>
          </ActionForm>,
        );
      case "decision":
        return panel(
          <ActionForm
            applicationId={id}
            submit={steps.decide}
            toBody={decisionBody}
            submitText="保存答复结果"
            done="已保存答复结果"
          >
            <DecisionFields />
          </ActionForm>,
        );
      case "reply":
        return panel(
          <ActionForm
            applicationId={id}
            submit={steps.reply}
            submitText="确认已答复"
            done="已答复，申请办结"
            initialValues={{ replied_on: today() }}
          >
            <Form.Item name="replied_on" label="答复（送达）日期" rules={required("请选择日期")}>
              <DatePicker aria-label="答复日期" />
            </Form.Item>
          </ActionForm>,
        );
      case "remedies":
        return [];
      default: {
        // A step this SPA does not know yet is not offered (and the compiler asks for it).
        const unknown: never = step;
        void unknown;
        return [];
      }
    }
  };

  const panels = application.next_steps.flatMap(panelsOf);
  const recorded = done && (
    <Alert
      type="success"
      showIcon
      role="status"
      style={{ marginBottom: 12 }}
      title={`已办理：${done}。当前状态：${label("statuses", application.status)}`}
      description={panels[0] ? `下一步：${panels[0].label}` : undefined}
    />
  );
  if (!panels.length) {
    return (
      <>
        {recorded}
        <Empty description={application.status === "closed" ? "申请已办结" : "当前没有您可以办理的环节"} />
      </>
    );
  }
  // New steps open the first of them; after a step is recorded, that one is offered next: marked,
  // and its button focused.
  const items = panels.map((p, index) => {
    const next = !!done && index === 0;
    return {
      ...p,
      label: next ? (
        <Space>
          {p.label}
          <Tag color="blue">下一步</Tag>
        </Space>
      ) : (
        p.label
      ),
      children: (
        <StepOffer.Provider value={{ onRecorded: () => setDone(p.label), offeredNext: next }}>
          {p.children}
        </StepOffer.Provider>
      ),
    };
  });
  return (
    <>
      {recorded}
      <OneOpenCollapse key={application.next_steps.join()} items={items} />
    </>
  );
}
