// The words of the case desk: what a warning, a step and a delivery method are called.
import type { StepName } from "../../../api/queries/hallCases";

const WARNING_LABELS: Record<string, { text: string; color: string }> = {
  yellow: { text: "黄牌预警", color: "gold" },
  red: { text: "红牌警告", color: "red" },
};

/** The tag of a warning level (yellow: near the promised date; red: past it). */
export function warningLabel(warning: string): { text: string; color: string } {
  return WARNING_LABELS[warning] ?? { text: "正常", color: "green" };
}

export const STEP_LABELS: Record<StepName, string> = {
  accept: "受理",
  notify_missing: "一次性告知",
  refuse: "不予受理",
  add_step: "登记办理环节",
  suspend: "特别程序（中止计时）",
  resume: "特别程序结束",
  extend: "延期",
  decide: "作出决定",
  complete: "办结",
  deliver: "送达",
  split: "并联审批",
  review_refusal: "审核否定报备",
};

export const SUSPENSION_KINDS: { value: string; label: string }[] = [
  { value: "expert_review", label: "专家评审" },
  { value: "site_inspection", label: "现场勘验" },
  { value: "hearing", label: "听证" },
  { value: "public_notice", label: "公示" },
  { value: "testing", label: "检验检测" },
  { value: "other", label: "其他法定特别程序" },
];

export const DELIVERY_METHODS: { value: "window" | "post" | "electronic"; label: string }[] = [
  { value: "window", label: "窗口领取" },
  { value: "post", label: "邮寄送达" },
  { value: "electronic", label: "电子送达" },
];

export const COMPLETION_LABELS: Record<string, string> = {
  on_the_spot: "当场办结",
  early: "提前办结",
  on_time: "按期办结",
  late: "超期办结",
};

/** 50.00 元 from 5000 fen. */
export function yuan(fen: number): string {
  return `${(fen / 100).toFixed(2)} 元`;
}

/** "还剩 3 个工作日", "今天到期", "已超期 2 个工作日". */
export function daysLeft(left: number | null | undefined): string {
  if (left === null || left === undefined) return "—";
  if (left > 0) return `还剩 ${left} 个工作日`;
  if (left === 0) return "今天到期";
  return `已超期 ${-left} 个工作日`;
}
