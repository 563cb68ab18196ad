// 依申请公开: the colours and texts of the clock, the results as the vocabulary lists them, and
// the checks the form makes before the applications service makes them again. The words of the
// codes are the service's (GET /api/applications/vocabulary).
import type { components } from "../api/schema";

type Schemas = components["schemas"];
export type ApplicationStatus = Schemas["ApplicationsStatus"];
export type Outcome = Schemas["ApplicationsOutcome"];
export type Urgency = Schemas["ApplicationsUrgency"];
export type Channel = Schemas["ApplicationsChannel"];
export type ApplicantType = Schemas["ApplicationsApplicantType"];
export type RemedyKind = Schemas["ApplicationsRemedyKind"];
export type RemedyResult = Schemas["ApplicationsRemedyResult"];
export type OpinionKind = Schemas["ApplicationsOpinionKind"];
export type InboxRow = Schemas["ApplicationsInboxRow"];
export type Application = Schemas["ApplicationsApplicationOut"];
export type PublicStatus = Schemas["ApplicationsPublicStatus"];
export type ApplicationStep = Schemas["ApplicationsApplicationStep"];
export type OutcomeTerm = Schemas["ApplicationsOutcomeTerm"];
export type NextAction = Schemas["ApplicationsNextAction"];
type Person = Schemas["PersonOut"];

// Antd Tag colours by status, keyed by the generated enum (a new status is a compile error
// here); the words are the service's vocabulary.
export const STATUS_COLOURS: Record<ApplicationStatus, string> = {
  awaiting_receipt: "purple",
  in_progress: "blue",
  awaiting_supplement: "gold",
  awaiting_explanation: "orange",
  consulting: "cyan",
  awaiting_fee: "gold",
  decided: "geekblue",
  closed: "default",
};

/** The sub-reason choices of a result (the vocabulary's numbered reasons). */
export function reasonOptions(outcome: OutcomeTerm | undefined): { value: number; label: string }[] {
  return (outcome?.reasons ?? []).map(({ number, label }) => ({ value: number, label: `${number}. ${label}` }));
}

/** "不予公开 · 3. 危及“三安全一稳定”", or just the result when it has no sub-items. */
export function outcomeText(
  outcomes: readonly OutcomeTerm[] | undefined,
  outcome: Outcome | null | undefined,
  reason: number | null | undefined,
): string {
  if (!outcome) return "—";
  const term = outcomes?.find((t) => t.value === outcome);
  if (!term) return outcomes ? outcome : "";
  const sub = reason ? term.reasons.find((r) => r.number === reason) : undefined;
  return sub ? `${term.label} · ${sub.number}. ${sub.label}` : term.label;
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

/** The handler by name ("周婷（教育局依申请公开）"), or the user name when not among the people
 * listed; "未分配" when there is none. */
export function handlerName(username: string | null | undefined, people: readonly Person[] | undefined): string {
  if (!username) return "未分配";
  return people?.find((p) => p.username === username)?.display_name ?? username;
}

/** The people to pick a handler from, as a select offers them: the name, and the unit when it
 * is not the application's own (the office above). */
export function handlerOptions(people: readonly Person[] | undefined, unitId: number): { value: string; label: string }[] {
  return (people ?? []).map((p) => ({
    value: p.username,
    label: p.unit_id === unitId ? p.display_name : `${p.display_name} · ${p.unit_name}`,
  }));
}

/** How the inbox marks a row's next action: the applicant's deadline, or the reply's. */
export function nextActionColour(action: NextAction, workingDaysLeft: number | null | undefined): string | undefined {
  if (action === "confirm_receipt") return "purple";
  if (action === "supplement" || action === "explanation" || action === "fee") return "gold";
  return urgencyColour(workingDaysLeft);
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
