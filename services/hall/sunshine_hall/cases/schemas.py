"""The API contract of cases (办件): what the window sends, what the desk and the applicant see."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints, model_validator

from sunshine_hall.cases.clock import MAX_EXTENSION_WORKING_DAYS
from sunshine_hall.cases.models import Decision, SuspensionKind

Text200 = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=2000)]
Person = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]


class CaseReceiveIn(BaseModel):
    """收件: an applicant at a window, from a called ticket or walking in."""

    window_id: Id
    item_id: Id = Field(description="事项（须为该窗口受理的事项）")
    ticket_id: Id | None = Field(None, description="叫号票；无票直接到窗口时为空")
    applicant_type: Literal["natural_person", "legal_person"] = "natural_person"
    applicant_name: Text200
    applicant_id_number: Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=40, pattern=r"^[0-9A-Za-z-]*$")
    ] = Field("", description="身份证号或统一社会信用代码")
    applicant_phone: Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=30, pattern=r"^[0-9+ -]*$")
    ] = ""
    first_asked_by: Annotated[str, StringConstraints(strip_whitespace=True, max_length=50)] = Field(
        "", description="首问责任人账号；为空时为收件人本人"
    )
    green_channel: bool = Field(False, description="绿色通道（重点项目、老年人、残疾人等）")


class Received(BaseModel):
    id: int
    number: str
    query_code: str = Field(description="查询码：只显示这一次，请打印给申请人")
    status: str


class MissingMaterialIn(BaseModel):
    material_id: Id
    problem: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class NoticeIn(BaseModel):
    """一次性告知: every missing or defective material at once."""

    materials: list[MissingMaterialIn] = Field(min_length=1, max_length=100)
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] = ""


class RefuseIn(BaseModel):
    """不予受理: with its reasons, reported to the centre (否定报备)."""

    reason: Reason


class StepIn(BaseModel):
    step: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)] = (
        Field(description="环节名称，如 审查、现场核查、会签")
    )
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] = ""


class SuspendIn(BaseModel):
    kind: SuspensionKind
    reason: Reason
    approved_by: Person = Field(description="批准人")
    started_on: date | None = Field(None, description="开始日期，默认今天")


class ResumeIn(BaseModel):
    ended_on: date | None = Field(None, description="结束日期，默认今天")


class ExtendIn(BaseModel):
    working_days: int = Field(ge=1, le=MAX_EXTENSION_WORKING_DAYS, description="延长的工作日")
    reason: Reason
    approved_by: Person = Field(description="批准的负责人")


class DecideIn(BaseModel):
    decision: Decision
    reason: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] = ""

    @model_validator(mode="after")
    def _denial_has_reasons(self) -> DecideIn:
        if self.decision is Decision.DENIED and len(self.reason) < 2:
            raise ValueError("不予许可（不予办理）须写明理由")
        return self


class CompleteIn(BaseModel):
    fee_fen: int | None = Field(None, ge=0, le=10**11, description="收费（分）；默认为事项的收费")
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] = ""


class DeliverIn(BaseModel):
    method: Literal["window", "post", "electronic"] = Field(description="窗口领取/邮寄/电子送达")


class SubCasesIn(BaseModel):
    """并联审批: the items of other units this case needs, each a sub-case."""

    item_ids: list[Id] = Field(min_length=1, max_length=20)


class ReviewIn(BaseModel):
    note: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class ProgressIn(BaseModel):
    number: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=30)]
    query_code: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)
    ]


class ClockOut(BaseModel):
    """The dates of a case: legal and promised, and how far it is from them."""

    accepted_on: date | None
    legal_due_on: date | None
    promised_due_on: date | None
    working_days_left: int | None = Field(description="距承诺办结日的工作日，负数为已超期")
    legal_working_days_left: int | None
    paused_working_days: int
    suspended: bool
    warning: str = Field(description="none / yellow 黄牌 / red 红牌（以承诺办结日为准）")
    legal_overdue: bool
    provisional: bool
    completion: str | None = Field(description="on_the_spot / early / on_time / late")


class NoticeOut(BaseModel):
    id: int
    materials: list[dict[str, object]]
    note: str
    notified_on: date
    notified_by: str
    completed_on: date | None


class SuspensionOut(BaseModel):
    id: int
    kind: str
    reason: str
    approved_by: str
    started_on: date
    ended_on: date | None
    created_by: str


class ExtensionOut(BaseModel):
    id: int
    working_days: int
    reason: str
    approved_by: str
    approved_on: date
    created_by: str


class StepOut(BaseModel):
    step: str
    label: str
    note: str
    by: str
    at: datetime


class MaterialRef(BaseModel):
    """A material of the case's item, for the one-time notice's checklist."""

    id: int
    name: str
    required: bool


class SubCaseOut(BaseModel):
    id: int
    number: str
    item_name: str
    unit_id: int
    status: str


class CaseRow(BaseModel):
    id: int
    number: str
    item_id: int
    item_name: str
    unit_id: int
    window_id: int | None
    clerk: str
    applicant_name: str
    status: str
    status_label: str
    green_channel: bool
    accepted_on: date | None
    promised_due_on: date | None
    legal_due_on: date | None
    warning: str
    completed_on: date | None


class CasePage(BaseModel):
    items: list[CaseRow]
    total: int
    page: int
    size: int


class CaseOut(CaseRow):
    """The case desk's view: masked applicant, clock, timeline, and what may happen next."""

    item_kind: str
    item_version: int
    item_materials: list[MaterialRef]
    centre_id: int
    ticket_id: int | None
    parent_id: int | None
    channel: str
    applicant_type: str
    applicant_id_number: str = Field(description="已脱敏")
    applicant_phone: str = Field(description="已脱敏")
    first_asked_by: str
    received_at: datetime
    not_accepted_reason: str
    decision: str | None
    decision_reason: str
    decided_on: date | None
    decided_by: str
    refusal_reported_at: datetime | None
    refusal_reviewed_by: str
    on_the_spot: bool
    delivered_on: date | None
    delivery_method: str
    fee_fen: int
    extension_working_days: int
    clock: ClockOut
    notices: list[NoticeOut]
    suspensions: list[SuspensionOut]
    extensions: list[ExtensionOut]
    steps: list[StepOut]
    sub_cases: list[SubCaseOut]
    next_steps: list[str] = Field(description="此刻可做的操作（由服务端根据状态给出）")


class ProgressOut(BaseModel):
    """What the applicant sees with the number and query code: no personal data beyond the
    masked name."""

    number: str
    item_name: str
    applicant_name: str = Field(description="已脱敏，如 张*")
    status: str
    status_label: str
    accepted_on: date | None
    promised_due_on: date | None
    completed_on: date | None
    delivered_on: date | None
    missing_materials: list[str]
    steps: list[StepOut]
