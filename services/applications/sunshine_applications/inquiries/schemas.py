from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, Field, field_validator

from sunshine_applications.applications.schemas import valid_contact
from sunshine_applications.inquiries.models import (
    InquiryAction,
    InquiryChannel,
    InquiryKind,
    Satisfaction,
)
from sunshine_kit.ids import MAX_ID


class InquiryState(StrEnum):  # the list's filter
    OPEN = "open"  # 未答复
    OVERDUE = "overdue"  # 逾期未答复
    ANSWERED = "answered"  # 已答复


# What each value is called, in the order people see them (also served, through
# GET /vocabulary, to the SPA).
KIND_LABELS = {InquiryKind.CONSULTATION: "咨询", InquiryKind.MAILBOX: "领导信箱/留言"}
CHANNEL_LABELS = {
    InquiryChannel.ON_SITE: "现场",
    InquiryChannel.PHONE: "电话",
    InquiryChannel.ONLINE: "网上",
}
SATISFACTION_LABELS = {
    Satisfaction.SATISFIED: "满意",
    Satisfaction.BASICALLY_SATISFIED: "基本满意",
    Satisfaction.UNSATISFIED: "不满意",
}
STATE_LABELS = {
    InquiryState.OPEN: "未答复",
    InquiryState.OVERDUE: "逾期未答复",
    InquiryState.ANSWERED: "已答复",
}
HISTORY_LABELS = {
    InquiryAction.RECEIVED: "收到咨询或留言",
    InquiryAction.ANSWERED: "答复",
    InquiryAction.RATED: "提问人评价",
}


class InquiryIn(BaseModel):
    """What someone asks on the portal (online)."""

    unit_id: int = Field(ge=1, le=MAX_ID, description="咨询或留言的单位")
    kind: InquiryKind
    subject: str = Field(min_length=2, max_length=200, description="标题")
    content: str = Field(min_length=5, max_length=5000, description="内容")
    asker_name: str = Field(min_length=1, max_length=100, description="姓名")
    asker_contact: str = Field(
        min_length=5, max_length=100, description="电话或电子邮件：手机、带区号的固定电话或电子邮箱"
    )

    @field_validator("subject", "content", "asker_name", "asker_contact", mode="before")
    @classmethod
    def _strip(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value

    @field_validator("asker_contact")
    @classmethod
    def _reachable(cls, value: str) -> str:
        if not valid_contact(value):
            raise ValueError("请填写11位手机号码、带区号的固定电话或电子邮箱")
        return value


class RegisteredInquiryIn(InquiryIn):
    """A consultation staff take at the counter or on the phone."""

    channel: InquiryChannel
    received_on: date

    @field_validator("channel")
    @classmethod
    def _not_online(cls, value: InquiryChannel) -> InquiryChannel:
        if value == InquiryChannel.ONLINE:
            raise ValueError("网上咨询和留言由提问人在门户提交")
        return value


class InquirySubmitted(BaseModel):
    """What the asker keeps: the code is shown this once only."""

    id: int
    token: str = Field(description="查询码：凭此查看答复并评价")
    received_on: date
    answer_due_on: date
    due_provisional: bool


class InquiryOut(BaseModel):
    """An inquiry as staff see it; the contact is masked except for those who answer it
    (`personal_data.masking`)."""

    id: int
    unit_id: int
    kind: InquiryKind
    kind_label: str
    channel: InquiryChannel
    subject: str
    content: str
    asker_name: str
    asker_contact: str
    masked: bool = Field(description="联系方式是否已遮蔽")
    received_on: date
    answer_due_on: date
    due_provisional: bool
    overdue: bool = Field(description="已过答复期限仍未答复")
    can_answer: bool = Field(description="当前用户现在可以答复")
    answered_on: date | None
    answer: str
    answered_by: str | None
    satisfaction: Satisfaction | None
    created_at: datetime


class InquiryPage(BaseModel):
    items: list[InquiryOut]
    total: int
    page: int
    size: int


class AnswerIn(BaseModel):
    answer: str = Field(min_length=2, max_length=10_000)
    answered_on: date = Field(description="答复日期")


class SatisfactionIn(BaseModel):
    token: str = Field(min_length=4, max_length=20, description="查询码")
    satisfaction: Satisfaction


class PublicInquiry(BaseModel):
    """What the asker sees with the code: the question, the answer, nothing personal."""

    id: int
    unit_name: str
    kind: InquiryKind
    kind_label: str
    subject: str
    content: str
    received_on: date
    answer_due_on: date
    answered_on: date | None
    answer: str
    satisfaction: Satisfaction | None
    satisfaction_label: str | None
