import { Tag } from "antd";
import type { Inquiry } from "../../../api/queries/inquiries";
import { labelOf, type Term } from "../../../lib/vocabulary";

/** 已答复 with its date, 逾期未答复 or 未答复: the service's `overdue` and `answered_on`, in the
 * service's words. */
export function InquiryState({ inquiry, states }: { inquiry: Inquiry; states: readonly Term[] | undefined }) {
  if (inquiry.answered_on) return <Tag color="green">{`${labelOf(states, "answered")} ${inquiry.answered_on}`}</Tag>;
  if (inquiry.overdue) return <Tag color="red">{labelOf(states, "overdue")}</Tag>;
  return <Tag color="blue">{labelOf(states, "open")}</Tag>;
}
