"""How the applications service's audit entries read: its words for the kit's 审计日志
(`sunshine_kit.audit.words`), from the labels its vocabulary serves (one place for both)."""

from __future__ import annotations

from sunshine_applications.applications import labels
from sunshine_applications.applications.models import HistoryAction
from sunshine_applications.inquiries import schemas as inquiries
from sunshine_kit.audit.words import AuditWords, Subject, codes

AUDIT_WORDS = AuditWords(
    subjects={
        "application": Subject("申请", ("tracking_number",)),
        "inquiry": Subject("咨询或留言"),
        "demo": Subject("演示数据"),
    },
    actions={
        **codes(labels.HISTORY_LABELS),
        **codes(inquiries.HISTORY_LABELS),
        # The timeline's words name the applicant; in the log the applicant is already the
        # one who acts ("申请人 网上提交了 申请 …", not "申请人 申请人网上提交").
        HistoryAction.SUBMITTED.value: "网上提交了",
    },
    fields={
        "tracking_number": "申请编号",
        "status": "状态",
        "channel": "渠道",
        "received_on": "收到日期",
        "handler": "经办人",
        "requested_on": "通知日期",
        "asked_on": "征求日期",
        "answered_on": "答复日期",
        "party": "征求对象",
        "kind": "种类",
        "opinion_id": "征求意见（编号）",
        "reasonable": "理由成立",
        "working_days": "延长工作日",
        "approved_by": "批准人",
        "due_on": "期限",
        "later_reply_on": "另行答复日期",
        "fee_fen": "信息处理费（分）",
        "paid_on": "缴费日期",
        "outcome": "答复结果",
        "outcome_reason": "细项",
        "replied_on": "答复日期",
        "remedy_id": "复议或诉讼（编号）",
        "result": "结果",
        "answer_due_on": "答复期限",
        "satisfaction": "评价",
    },
    values={
        "status": codes(labels.STATUS_LABELS),
        "channel": {**codes(inquiries.CHANNEL_LABELS), **codes(labels.CHANNEL_LABELS)},
        "outcome": codes(labels.OUTCOME_LABELS),
        "result": codes(labels.REMEDY_RESULT_LABELS),
        "satisfaction": codes(inquiries.SATISFACTION_LABELS),
    },
    hidden=frozenset({"id"}),
    actors={"applicant": "申请人", "asker": "提问人"},
)
