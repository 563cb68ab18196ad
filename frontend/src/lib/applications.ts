// 依申请公开: the labels, the annual report's taxonomy of results and the checks the form makes
// before the applications service makes them again.
import type { components } from "../api/schema";

type Schemas = components["schemas"];
export type ApplicationStatus = Schemas["ApplicationsStatus"];
export type Outcome = Schemas["ApplicationsOutcome"];
export type Urgency = Schemas["ApplicationsUrgency"];
export type Channel = Schemas["ApplicationsChannel"];
export type OrganisationKind = Schemas["ApplicationsOrganisationKind"];
export type ApplicantType = Schemas["ApplicationsApplicantType"];
export type RemedyKind = Schemas["ApplicationsRemedyKind"];
export type RemedyResult = Schemas["ApplicationsRemedyResult"];
export type OpinionKind = Schemas["ApplicationsOpinionKind"];
export type Phase = Schemas["ApplicationsPhase"];
export type InboxRow = Schemas["ApplicationsInboxRow"];
export type Application = Schemas["ApplicationsApplicationOut"];
export type PublicStatus = Schemas["ApplicationsPublicStatus"];

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  awaiting_receipt: "待确认收到",
  in_progress: "办理中",
  awaiting_supplement: "待补正",
  consulting: "征求意见中",
  awaiting_fee: "待缴费",
  decided: "已拟定答复",
  closed: "已答复办结",
};

export const STATUS_COLOURS: Record<ApplicationStatus, string> = {
  awaiting_receipt: "purple",
  in_progress: "blue",
  awaiting_supplement: "gold",
  consulting: "cyan",
  awaiting_fee: "gold",
  decided: "geekblue",
  closed: "default",
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  online: "网上申请",
  letter: "信函",
  fax: "传真",
  email: "电子邮件",
  in_person: "当面提交",
};

export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  natural_person: "自然人",
  legal_person: "法人或其他组织",
};

// The five columns of the annual report's table 三.
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  business: "商业企业",
  research: "科研机构",
  public_welfare: "社会公益组织",
  legal_service: "法律服务机构",
  other: "其他",
};

export const FORM_LABELS: Record<string, string> = {
  electronic: "电子文档",
  paper: "纸质文本",
  post: "邮寄",
};

export const PHASE_LABELS: Record<Phase, string> = {
  running: "计时中",
  awaiting_supplement: "等待补正（停止计时）",
  suspended: "征求意见或待缴费（不计入期限）",
  closed: "已办结",
};

export const OPINION_KIND_LABELS: Record<OpinionKind, string> = {
  third_party: "征求第三方意见",
  agency: "征求其他机关意见",
};

export const REMEDY_KIND_LABELS: Record<RemedyKind, string> = {
  reconsideration: "行政复议",
  litigation: "行政诉讼（未经复议）",
  litigation_after_reconsideration: "行政诉讼（复议后起诉）",
};

export const REMEDY_RESULT_LABELS: Record<RemedyResult, string> = {
  upheld: "结果维持",
  corrected: "结果纠正",
  other: "其他结果",
  pending: "尚未审结",
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  disclosed: "予以公开",
  partly_disclosed: "部分公开",
  not_disclosed: "不予公开",
  unavailable: "无法提供",
  not_processed: "不予处理",
  other: "其他处理",
};

// The numbered sub-items of each result, in the annual report's order (the API takes the
// 1-based position); the same list as the service's OUTCOME_REASONS.
export const OUTCOME_REASONS: Record<Outcome, readonly string[]> = {
  disclosed: [],
  partly_disclosed: [],
  not_disclosed: [
    "属于国家秘密",
    "其他法律行政法规禁止公开",
    "危及“三安全一稳定”",
    "保护第三方合法权益",
    "属于三类内部事务信息",
    "属于四类过程性信息",
    "属于行政执法案卷",
    "属于行政查询事项",
  ],
  unavailable: ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"],
  not_processed: [
    "信访举报投诉类申请",
    "重复申请",
    "要求提供公开出版物",
    "无正当理由大量反复申请",
    "要求行政机关确认或重新出具已获取信息",
  ],
  other: [
    "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "其他",
  ],
};

/** The sub-reason choices of a result, valued by their 1-based number. */
export function reasonOptions(outcome: Outcome | undefined): { value: number; label: string }[] {
  if (!outcome) return [];
  return OUTCOME_REASONS[outcome].map((label, index) => ({
    value: index + 1,
    label: `${index + 1}. ${label}`,
  }));
}

/** "不予公开 · 3. 危及“三安全一稳定”", or just the result when it has no sub-items. */
export function outcomeText(outcome: Outcome | null | undefined, reason: number | null | undefined) {
  if (!outcome) return "—";
  const label = OUTCOME_LABELS[outcome];
  const sub = reason ? OUTCOME_REASONS[outcome][reason - 1] : undefined;
  return sub ? `${label} · ${reason}. ${sub}` : label;
}

/** Refusing in whole or part needs reasons and a legal basis (条例第三十六条). */
export function needsLegalBasis(outcome: Outcome | undefined): boolean {
  return outcome === "partly_disclosed" || outcome === "not_disclosed";
}

/** The colour of the working days left: red once overdue, orange within 5, green otherwise. */
export function urgencyColour(workingDaysLeft: number | null | undefined): string | undefined {
  if (workingDaysLeft === null || workingDaysLeft === undefined) return undefined;
  if (workingDaysLeft < 0) return "red";
  if (workingDaysLeft <= 5) return "orange";
  return "green";
}

export function workingDaysText(left: number | null | undefined): string {
  if (left === null || left === undefined) return "不计时";
  if (left < 0) return `已逾期 ${-left} 个工作日`;
  if (left === 0) return "今日到期";
  return `剩余 ${left} 个工作日`;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** GB 11643: 17 digits and the check character computed from them. */
export function validIdCard(number: string): boolean {
  const value = number.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const total = ID_WEIGHTS.reduce((sum, weight, i) => sum + Number(value[i]) * weight, 0);
  return ID_CHECK[total % 11] === value[17];
}

/** An 11-digit mobile number or a landline with its area code, as the service accepts. */
export function validPhone(phone: string): boolean {
  const value = phone.trim();
  return /^1[3-9]\d{9}$/.test(value) || /^0\d{2,3}-?\d{7,8}$/.test(value);
}

export const ID_CARD = "居民身份证";

export const HISTORY_LABELS: Record<string, string> = {
  "application.submitted": "申请人网上提交",
  "application.received": "确认收到申请",
  "application.assigned": "分配经办人",
  "application.supplement_requested": "发出补正通知",
  "application.supplement_received": "收到补正材料",
  "application.opinion_asked": "征求意见",
  "application.opinion_answered": "记录意见",
  "application.extended": "延长答复期限",
  "application.fee_notified": "发出收费通知",
  "application.fee_paid": "申请人缴费",
  "application.decided": "拟定答复结果",
  "application.replied": "作出答复",
  "application.remedy_added": "登记复议或诉讼",
  "application.remedy_updated": "更新复议或诉讼结果",
};

export function historyLabel(action: string): string {
  return HISTORY_LABELS[action] ?? action;
}
