from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from sunshine_applications.applications.clock import EXPLANATION_WORKING_DAYS, Phase, Urgency
from sunshine_applications.applications.labels import OUTCOME_LABELS, OUTCOME_REASONS
from sunshine_applications.applications.models import (
    ApplicantType,
    ApplicationStep,
    Channel,
    OpinionKind,
    OrganisationKind,
    Outcome,
    RemedyKind,
    RemedyResult,
    Status,
)
from sunshine_kit.ids import MAX_ID
from sunshine_kit.units.models import UnitType

# Refusing in whole or in part needs the reasons and the legal basis (条例第三十六条).
LEGAL_BASIS_REQUIRED = frozenset({Outcome.PARTLY_DISCLOSED, Outcome.NOT_DISCLOSED})
# The ID document whose number is checked (GB 11643); other documents are taken as written.
ID_CARD = "居民身份证"
# The units an application (or a consultation) may be addressed to: the administrative organs
# the Regulations bind (第二条、第十条) — the government, its departments, the streets and
# townships. Residents' and villagers' committees are self-governing bodies: the street or
# township above them answers. The intake refuses the rest (and closed units) with a 422 naming
# unit_id; the vocabulary lists these types so that the portal offers only such units.
RECEIVING_UNIT_TYPES = (
    UnitType.GOVERNMENT,
    UnitType.DEPARTMENT,
    UnitType.STREET,
    UnitType.TOWNSHIP,
)
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
# Shorter than this cannot hold a street and a number (the SPA says the same).
POSTAL_ADDRESS_MIN = 5
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_card_check(digits: str) -> str:
    """GB 11643: the check character of an ID card number's first 17 digits."""
    total = sum(int(d) * w for d, w in zip(digits, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def valid_id_card(number: str) -> bool:
    """GB 11643: 17 digits and their check character."""
    return bool(re.fullmatch(r"\d{17}[\dX]", number)) and id_card_check(number[:17]) == number[17]


def valid_email(value: str) -> bool:
    """Something the office can send to: one @, a dotted domain, no spaces."""
    return bool(_EMAIL.match(value))


def valid_contact(value: str) -> bool:
    """A mobile number, a landline with its area code, or an e-mail address."""
    return bool(_MOBILE.match(value) or _LANDLINE.match(value) or _EMAIL.match(value))


class ApplicationIn(BaseModel):
    """What an applicant fills in (online) or staff copy from a letter, fax or visit."""

    unit_id: int = Field(ge=1, le=MAX_ID, description="申请的行政机关")
    applicant_type: ApplicantType
    organisation_kind: OrganisationKind | None = Field(
        None, description="法人或其他组织的类别", validate_default=True
    )
    applicant_name: str = Field(min_length=2, max_length=100, description="姓名或联系人")
    organisation_name: str = Field(
        "", max_length=200, description="法人或其他组织名称", validate_default=True
    )
    id_type: str = Field(ID_CARD, max_length=30, description="证件类型")
    id_number: str = Field(min_length=4, max_length=50, description="证件号码")
    phone: str = Field(min_length=7, max_length=30, description="联系电话")
    # Before the e-mail and the address: which of them is required depends on it. Left out, it is
    # paper (纸质文本), the one form that needs neither.
    form: str = Field(
        "paper",
        pattern="^(paper|electronic|post)$",
        description="获取形式：electronic 须填电子邮箱，post 须填通信地址；不填为 paper",
    )
    email: str = Field(
        "", max_length=100, description="电子邮箱（电子文档形式必填）", validate_default=True
    )
    address: str = Field(
        "", max_length=200, description="通信地址（邮寄必填）", validate_default=True
    )
    description: str = Field(min_length=5, max_length=5000, description="所需政府信息的描述")
    purpose: str = Field("", max_length=500, description="用途（可不填）")

    @field_validator("applicant_name", "description", "phone", "id_number", mode="before")
    @classmethod
    def _strip(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value

    @field_validator("organisation_kind")
    @classmethod
    def _kind(cls, value: OrganisationKind | None, info: ValidationInfo) -> OrganisationKind | None:
        legal = info.data.get("applicant_type") == ApplicantType.LEGAL_PERSON
        if legal and value is None:
            raise ValueError("法人或其他组织须选择组织类别")
        if not legal and value is not None:
            raise ValueError("自然人不填写组织类别")
        return value

    @field_validator("organisation_name")
    @classmethod
    def _organisation(cls, value: str, info: ValidationInfo) -> str:
        value = value.strip()
        if info.data.get("applicant_type") == ApplicantType.LEGAL_PERSON and not value:
            raise ValueError("法人或其他组织须填写组织名称")
        return value

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        if not (_MOBILE.match(value) or _LANDLINE.match(value)):
            raise ValueError("请填写11位手机号码或带区号的固定电话")
        return value

    @field_validator("id_number")
    @classmethod
    def _id_number(cls, value: str, info: ValidationInfo) -> str:
        value = value.upper()
        if info.data.get("id_type") == ID_CARD and not valid_id_card(value):
            raise ValueError("居民身份证号码不正确，请核对18位号码")
        return value

    @field_validator("email")
    @classmethod
    def _email(cls, value: str, info: ValidationInfo) -> str:
        value = value.strip()
        if value and not valid_email(value):
            raise ValueError("电子邮箱格式不正确")
        if not value and info.data.get("form") == "electronic":
            raise ValueError("以电子文档形式获取的，须填写电子邮箱")
        return value

    @field_validator("address")
    @classmethod
    def _address(cls, value: str, info: ValidationInfo) -> str:
        value = value.strip()
        if len(value) < POSTAL_ADDRESS_MIN and info.data.get("form") == "post":
            raise ValueError("邮寄的，须填写通信地址（省市区、街道门牌）")
        return value


class RegisteredApplicationIn(ApplicationIn):
    """An application staff register: the channel and its dates decide the received date."""

    channel: Channel
    submitted_on: date = Field(description="提交或寄出日期")
    signed_for_on: date | None = Field(None, description="信函签收日期", validate_default=True)
    confirmed_on: date | None = Field(
        None, description="传真、电子邮件确认收到日期", validate_default=True
    )

    @field_validator("channel")
    @classmethod
    def _not_online(cls, value: Channel) -> Channel:
        if value == Channel.ONLINE:
            raise ValueError("网上申请由申请人在门户提交")
        return value

    @field_validator("signed_for_on")
    @classmethod
    def _signed(cls, value: date | None, info: ValidationInfo) -> date | None:
        if info.data.get("channel") == Channel.LETTER and value is None:
            raise ValueError("信函申请须填写签收日期")
        return _not_before_submission(value, info)

    @field_validator("confirmed_on")
    @classmethod
    def _confirmed(cls, value: date | None, info: ValidationInfo) -> date | None:
        if info.data.get("channel") in (Channel.FAX, Channel.EMAIL) and value is None:
            raise ValueError("传真、电子邮件申请须填写确认收到日期")
        return _not_before_submission(value, info)


def _not_before_submission(value: date | None, info: ValidationInfo) -> date | None:
    submitted = info.data.get("submitted_on")
    if value is not None and submitted is not None and value < submitted:
        raise ValueError("收到日期不能早于提交日期")
    return value


class Submitted(BaseModel):
    """What the applicant keeps: the query code is shown this once only."""

    tracking_number: str
    query_code: str
    received_on: date | None


class TrackIn(BaseModel):
    tracking_number: str = Field(min_length=5, max_length=30)
    query_code: str = Field(min_length=4, max_length=20)


class ClockOut(BaseModel):
    phase: Phase
    started_on: date | None
    supplement_notice_due_on: date | None
    reply_due_on: date | None
    working_days_left: int | None
    paused_working_days: int
    urgency: Urgency
    provisional: bool


class OpinionOut(BaseModel):
    id: int
    kind: OpinionKind
    party: str
    asked_on: date
    letter_received_on: date
    answer_due_on: date | None
    answered_on: date | None
    answer: str


class ApplicationOut(BaseModel):
    """An application as staff see it; ID number, phone, e-mail and address masked except for
    its handler (`personal_data.masking`)."""

    id: int
    unit_id: int
    unit_name: str
    tracking_number: str
    channel: Channel
    applicant_type: ApplicantType
    organisation_kind: OrganisationKind | None
    applicant_name: str
    organisation_name: str
    id_type: str
    id_number: str
    phone: str
    email: str
    address: str
    description: str
    purpose: str
    form: str
    submitted_on: date
    received_on: date | None
    status: Status
    handler: str | None
    supplement_requested_on: date | None
    supplement_due_on: date | None
    supplement_request: str
    supplement_received_on: date | None
    explanation_requested_on: date | None
    explanation_request: str
    explanation_due_on: date | None = Field(description="申请人说明理由的期限（第三十五条）")
    explanation_received_on: date | None
    explanation_reasonable: bool | None
    later_reply_on: date | None = Field(description="延迟答复的合理期限（第三十五条）")
    extension_working_days: int
    extension_approved_by: str
    extension_reason: str
    fee_fen: int
    fee_notified_on: date | None
    fee_due_on: date | None
    fee_paid_on: date | None
    outcome: Outcome | None
    outcome_label: str | None
    outcome_reason: int | None
    outcome_explanation: str
    legal_basis: str
    linked_item_ids: list[int]
    replied_on: date | None
    repeat_of_id: int | None
    clock: ClockOut | None
    opinions: list[OpinionOut]
    masked: bool = Field(description="证件号码、电话、电子邮箱和通信地址是否已遮蔽")
    next_steps: list[ApplicationStep] = Field(
        description="当前用户现在可以办理的环节（按角色、所在单位、申请状态和条例的限制）"
    )
    created_at: datetime


class NextAction(StrEnum):
    """What an open application waits for next, by which the inbox orders it (下一步)."""

    CONFIRM_RECEIPT = "confirm_receipt"  # 确认收到（确认后起算，条例第三十一条）
    SUPPLEMENT = "supplement"  # 等待补正，期满未补正可按其他处理1答复
    EXPLANATION = "explanation"  # 等待说明理由，期满视为放弃
    FEE = "fee"  # 等待缴费，期满未缴可按其他处理2答复
    REPLY = "reply"  # 在答复期限前答复
    NONE = "none"  # 已办结


class InboxRow(BaseModel):
    id: int
    tracking_number: str
    unit_id: int
    applicant_name: str
    description: str
    channel: Channel
    status: Status
    handler: str | None
    submitted_on: date
    received_on: date | None
    reply_due_on: date | None
    working_days_left: int | None
    urgency: Urgency
    provisional: bool
    next_action: NextAction = Field(description="下一步：列表按它排序")
    next_action_on: date | None = Field(description="下一步的期限（待确认收到的为提交日期）")
    next_action_label: str = Field(description="下一步及其期限，如“待补正，补正期限 2026-03-02”")


class InboxPage(BaseModel):
    items: list[InboxRow]
    total: int
    page: int
    size: int
    awaiting_receipt: int = Field(
        description="范围内网上提交、待确认收到的申请数（确认收到后才开始计时，不论筛选条件）"
    )


class PublicStep(BaseModel):
    at: date
    what: str


class PublicStatus(BaseModel):
    """What anyone with the tracking number and query code sees."""

    tracking_number: str
    unit_name: str
    applicant_name: str
    description: str
    status: Status
    status_label: str
    received_on: date | None
    reply_due_on: date | None
    due_provisional: bool
    supplement_request: str
    supplement_due_on: date | None
    outcome_label: str | None
    outcome_explanation: str
    replied_on: date | None
    steps: list[PublicStep]


class ConfirmReceiptIn(BaseModel):
    received_on: date = Field(description="确认收到日期")


class AssignIn(BaseModel):
    handler: str = Field(min_length=1, max_length=50, description="经办人用户名")


class SupplementRequestIn(BaseModel):
    requested_on: date
    request: str = Field(min_length=5, max_length=5000, description="需补正的全部事项")
    due_on: date = Field(description="申请人补正期限")


class SupplementReceivedIn(BaseModel):
    received_on: date


class ExplanationRequestIn(BaseModel):
    """说明理由通知 (Article 35): what the applicant is asked to explain and how long they have."""

    requested_on: date = Field(description="通知日期")
    request: str = Field(
        min_length=5, max_length=5000, description="申请数量、频次明显超过合理范围的情况"
    )
    working_days: int = Field(
        EXPLANATION_WORKING_DAYS, ge=1, le=30, description="说明理由的期限（工作日），默认15"
    )


class ExplanationReceivedIn(BaseModel):
    """The explanation came: whether the office finds the reasons sound, and, if the reply
    cannot be given within Article 33's time, the later reply date it sets."""

    received_on: date = Field(description="收到说明日期")
    reasonable: bool = Field(description="理由是否合理")
    finding: str = Field(min_length=2, max_length=5000, description="审查意见")
    later_reply_on: date | None = Field(
        None, description="理由合理但无法按期答复时确定的延迟答复期限", validate_default=True
    )

    @field_validator("later_reply_on")
    @classmethod
    def _only_when_reasonable(cls, value: date | None, info: ValidationInfo) -> date | None:
        if value is not None and info.data.get("reasonable") is False:
            raise ValueError("理由不合理的，告知不予处理，不确定延迟答复期限")
        return value


class OpinionIn(BaseModel):
    kind: OpinionKind
    party: str = Field(min_length=2, max_length=200)
    asked_on: date
    letter_received_on: date | None = Field(
        None, description="对方收到征求意见函的日期；不填则为发函当日"
    )


class OpinionAnswerIn(BaseModel):
    answered_on: date
    answer: str = Field("", max_length=5000)


class ExtensionIn(BaseModel):
    working_days: int = Field(ge=1, le=20, description="延长工作日数，不超过20")
    approved_by: str = Field(min_length=2, max_length=50, description="批准的机关负责人")
    reason: str = Field(min_length=2, max_length=500)
    notified_on: date = Field(description="告知申请人日期")


class FeeNoticeIn(BaseModel):
    fee_fen: int = Field(gt=0, le=100_000_000, description="信息处理费（分）")
    notified_on: date
    due_on: date


class FeePaidIn(BaseModel):
    paid_on: date


class DecisionIn(BaseModel):
    outcome: Outcome
    outcome_reason: int | None = Field(
        None, ge=1, le=8, description="细项序号", validate_default=True
    )
    explanation: str = Field("", max_length=10_000, description="理由与说明")
    legal_basis: str = Field("", max_length=2000, description="法律依据", validate_default=True)
    linked_item_ids: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field(
        default_factory=list, max_length=100, description="已公开的目录信息"
    )

    @field_validator("outcome_reason")
    @classmethod
    def _reason_fits(cls, value: int | None, info: ValidationInfo) -> int | None:
        outcome = info.data.get("outcome")
        if outcome is None:
            return value
        reasons, label = OUTCOME_REASONS[outcome], OUTCOME_LABELS[outcome]
        if reasons and value is None:
            raise ValueError(f"“{label}”须选择细项")
        if not reasons and value is not None:
            raise ValueError(f"“{label}”没有细项")
        if value is not None and value > len(reasons):
            raise ValueError(f"“{label}”只有{len(reasons)}个细项")
        return value

    @field_validator("legal_basis")
    @classmethod
    def _reasons_given(cls, value: str, info: ValidationInfo) -> str:
        refused = info.data.get("outcome") in LEGAL_BASIS_REQUIRED
        if refused and not (value.strip() and str(info.data.get("explanation", "")).strip()):
            raise ValueError("部分公开或不予公开须写明理由和法律依据")
        return value


class ReplyIn(BaseModel):
    replied_on: date = Field(description="答复（送达）日期")


class RemedyIn(BaseModel):
    kind: RemedyKind
    filed_on: date
    result: RemedyResult = RemedyResult.PENDING
    decided_on: date | None = None
    note: str = Field("", max_length=2000)


class RemedyUpdate(BaseModel):
    result: RemedyResult
    decided_on: date | None = None
    note: str | None = Field(None, max_length=2000)


class RemedyOut(BaseModel):
    id: int
    application_id: int
    kind: RemedyKind
    filed_on: date
    result: RemedyResult
    decided_on: date | None
    note: str
