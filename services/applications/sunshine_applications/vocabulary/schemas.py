"""The service's vocabulary: every enumeration of applications and inquiries with its labels.

Built once from the labels the service itself uses (`applications.labels`,
`inquiries.schemas`), so that the SPA shows the words the API, the letters and the reports use.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from sunshine_applications.applications import labels
from sunshine_applications.applications.schemas import (
    ID_CARD,
    LEGAL_BASIS_REQUIRED,
    RECEIVING_UNIT_TYPES,
)
from sunshine_applications.inquiries import schemas as inquiries
from sunshine_kit.vocabulary import Term, terms


class OutcomeReason(BaseModel):
    """A numbered sub-item of a result (a row of the annual report)."""

    number: int = Field(description="细项序号，即答复的 outcome_reason")
    label: str


class OutcomeTerm(Term):
    """A result of the annual report's taxonomy, with its sub-items."""

    reasons: list[OutcomeReason] = Field(description="细项，按序号；没有细项的为空")
    legal_basis_required: bool = Field(description="是否须写明理由和法律依据")


class InquiriesVocabulary(BaseModel):
    """咨询与留言."""

    kinds: list[Term]
    channels: list[Term]
    satisfaction: list[Term]
    states: list[Term]
    history: list[Term] = Field(description="办理记录中的操作名称")


class ApplicationsVocabulary(BaseModel):
    """依申请公开 and 咨询与留言: each enumeration's values with their labels, in display order."""

    statuses: list[Term]
    channels: list[Term]
    applicant_types: list[Term]
    organisation_kinds: list[Term]
    forms: list[Term]
    phases: list[Term]
    urgencies: list[Term]
    opinion_kinds: list[Term]
    remedy_kinds: list[Term]
    remedy_results: list[Term]
    outcomes: list[OutcomeTerm]
    steps: list[Term] = Field(description="办理环节（staff view 的 next_steps）")
    history: list[Term] = Field(description="办理记录中的操作名称")
    id_card: str = Field(description="核验号码的证件类型（居民身份证）")
    receiving_unit_types: list[str] = Field(
        description="可以受理申请和咨询留言的单位类型（网关的单位类型值）；其他类型和已撤销的单位不受理"
    )
    inquiries: InquiriesVocabulary


VOCABULARY = ApplicationsVocabulary(
    statuses=terms(labels.STATUS_LABELS),
    channels=terms(labels.CHANNEL_LABELS),
    applicant_types=terms(labels.APPLICANT_TYPE_LABELS),
    organisation_kinds=terms(labels.ORGANISATION_KIND_LABELS),
    forms=terms(labels.FORM_LABELS),
    phases=terms(labels.PHASE_LABELS),
    urgencies=terms(labels.URGENCY_LABELS),
    opinion_kinds=terms(labels.OPINION_KIND_LABELS),
    remedy_kinds=terms(labels.REMEDY_KIND_LABELS),
    remedy_results=terms(labels.REMEDY_RESULT_LABELS),
    outcomes=[
        OutcomeTerm(
            value=str(outcome),
            label=label,
            reasons=[
                OutcomeReason(number=number, label=reason)
                for number, reason in enumerate(labels.OUTCOME_REASONS[outcome], start=1)
            ],
            legal_basis_required=outcome in LEGAL_BASIS_REQUIRED,
        )
        for outcome, label in labels.OUTCOME_LABELS.items()
    ],
    steps=terms(labels.STEP_LABELS),
    history=terms(labels.HISTORY_LABELS),
    id_card=ID_CARD,
    receiving_unit_types=[str(t) for t in RECEIVING_UNIT_TYPES],
    inquiries=InquiriesVocabulary(
        kinds=terms(inquiries.KIND_LABELS),
        channels=terms(inquiries.CHANNEL_LABELS),
        satisfaction=terms(inquiries.SATISFACTION_LABELS),
        states=terms(inquiries.STATE_LABELS),
        history=terms(inquiries.HISTORY_LABELS),
    ),
)
