"""What each value of the applications' enumerations is called, in the order people see them.

The one place these words are written: the API's labels, the reply letter, the statistics and
the SPA (through GET /vocabulary) all read them here.
"""

from __future__ import annotations

from sunshine_applications.applications.clock import Phase, Urgency
from sunshine_applications.applications.models import (
    ApplicantType,
    ApplicationStep,
    Channel,
    HistoryAction,
    OpinionKind,
    OrganisationKind,
    Outcome,
    RemedyKind,
    RemedyResult,
    Status,
)

# As the applicant reads them when following the application (and staff in the console).
STATUS_LABELS = {
    Status.AWAITING_RECEIPT: "已提交，待确认收到",
    Status.IN_PROGRESS: "办理中",
    Status.AWAITING_SUPPLEMENT: "待补正",
    Status.AWAITING_EXPLANATION: "待申请人说明理由",
    Status.CONSULTING: "征求意见中",
    Status.AWAITING_FEE: "待缴纳信息处理费",
    Status.DECIDED: "答复拟定中",
    Status.CLOSED: "已答复",
}
CHANNEL_LABELS = {
    Channel.ONLINE: "网上申请",
    Channel.LETTER: "信函",
    Channel.FAX: "传真",
    Channel.EMAIL: "电子邮件",
    Channel.IN_PERSON: "当面提交",
}
APPLICANT_TYPE_LABELS = {
    ApplicantType.NATURAL_PERSON: "自然人",
    ApplicantType.LEGAL_PERSON: "法人或其他组织",
}
# The five columns of the annual report's table 三.
ORGANISATION_KIND_LABELS = {
    OrganisationKind.BUSINESS: "商业企业",
    OrganisationKind.RESEARCH: "科研机构",
    OrganisationKind.PUBLIC_WELFARE: "社会公益组织",
    OrganisationKind.LEGAL_SERVICE: "法律服务机构",
    OrganisationKind.OTHER: "其他",
}
# The form the applicant wants the information in (the values of ApplicationIn.form).
FORM_LABELS = {"electronic": "电子文档", "paper": "纸质文本", "post": "邮寄"}
PHASE_LABELS = {
    Phase.RUNNING: "计时中",
    Phase.AWAITING_SUPPLEMENT: "等待补正（停止计时）",
    Phase.AWAITING_EXPLANATION: "等待说明理由（不计入期限）",
    Phase.SUSPENDED: "征求意见或待缴费（不计入期限）",
    Phase.CLOSED: "已办结",
}
URGENCY_LABELS = {
    Urgency.NORMAL: "正常",
    Urgency.DUE_SOON: "5个工作日内到期",
    Urgency.OVERDUE: "已逾期",
    Urgency.NONE: "不计时",
}
OPINION_KIND_LABELS = {
    OpinionKind.THIRD_PARTY: "征求第三方意见",
    OpinionKind.AGENCY: "征求其他机关意见",
}
# The rows of the annual report's table 四.
REMEDY_KIND_LABELS = {
    RemedyKind.RECONSIDERATION: "行政复议",
    RemedyKind.LITIGATION: "行政诉讼（未经复议直接起诉）",
    RemedyKind.LITIGATION_AFTER_RECONSIDERATION: "行政诉讼（复议后起诉）",
}
REMEDY_RESULT_LABELS = {
    RemedyResult.UPHELD: "结果维持",
    RemedyResult.CORRECTED: "结果纠正",
    RemedyResult.OTHER: "其他结果",
    RemedyResult.PENDING: "尚未审结",
}
OUTCOME_LABELS = {
    Outcome.DISCLOSED: "予以公开",
    Outcome.PARTLY_DISCLOSED: "部分公开",
    Outcome.NOT_DISCLOSED: "不予公开",
    Outcome.UNAVAILABLE: "无法提供",
    Outcome.NOT_PROCESSED: "不予处理",
    Outcome.OTHER: "其他处理",
}
# The numbered sub-items of each result in the annual report (e.g. 不予公开 1–8); a decision
# names one by its 1-based position.
OUTCOME_REASONS: dict[Outcome, tuple[str, ...]] = {
    Outcome.DISCLOSED: (),
    Outcome.PARTLY_DISCLOSED: (),
    Outcome.NOT_DISCLOSED: (
        "属于国家秘密",
        "其他法律行政法规禁止公开",
        "危及“三安全一稳定”",
        "保护第三方合法权益",
        "属于三类内部事务信息",
        "属于四类过程性信息",
        "属于行政执法案卷",
        "属于行政查询事项",
    ),
    Outcome.UNAVAILABLE: (
        "本机关不掌握相关政府信息",
        "没有现成信息需要另行制作",
        "补正后申请内容仍不明确",
    ),
    Outcome.NOT_PROCESSED: (
        "信访举报投诉类申请",
        "重复申请",
        "要求提供公开出版物",
        "无正当理由大量反复申请",
        "要求行政机关确认或重新出具已获取信息",
    ),
    Outcome.OTHER: (
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "其他",
    ),
}
# The buttons of the console, in the order an application goes through them.
STEP_LABELS = {
    ApplicationStep.RECEIPT: "确认收到",
    ApplicationStep.ASSIGN: "分配经办人",
    ApplicationStep.SUPPLEMENT_REQUEST: "补正通知",
    ApplicationStep.SUPPLEMENT_RECEIVED: "收到补正",
    ApplicationStep.EXPLANATION_REQUEST: "要求说明理由",
    ApplicationStep.EXPLANATION_RECEIVED: "收到说明理由",
    ApplicationStep.OPINIONS: "征求意见",
    ApplicationStep.OPINION_ANSWER: "记录意见",
    ApplicationStep.EXTENSION: "延长答复期限",
    ApplicationStep.FEE_NOTICE: "收费通知",
    ApplicationStep.FEE_PAID: "已缴费",
    ApplicationStep.DECISION: "拟定答复",
    ApplicationStep.REPLY: "作出答复",
    ApplicationStep.REMEDIES: "登记复议或诉讼",
}
HISTORY_LABELS = {
    HistoryAction.SUBMITTED: "申请人网上提交",
    HistoryAction.RECEIVED: "确认收到申请",
    HistoryAction.ASSIGNED: "分配经办人",
    HistoryAction.SUPPLEMENT_REQUESTED: "发出补正通知",
    HistoryAction.SUPPLEMENT_RECEIVED: "收到补正材料",
    HistoryAction.EXPLANATION_REQUESTED: "要求申请人说明理由",
    HistoryAction.EXPLANATION_RECEIVED: "收到申请人说明理由",
    HistoryAction.OPINION_ASKED: "征求意见",
    HistoryAction.OPINION_ANSWERED: "记录意见",
    HistoryAction.EXTENDED: "延长答复期限",
    HistoryAction.FEE_NOTIFIED: "发出收费通知",
    HistoryAction.FEE_PAID: "申请人缴费",
    HistoryAction.DECIDED: "拟定答复结果",
    HistoryAction.REPLIED: "作出答复",
    HistoryAction.REMEDY_ADDED: "登记复议或诉讼",
    HistoryAction.REMEDY_UPDATED: "更新复议或诉讼结果",
}
