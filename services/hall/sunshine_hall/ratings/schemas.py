"""The API of ratings, follow-ups, rating tablets and complaints."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from sunshine_hall.ratings.models import RatingChannel
from sunshine_kit.ids import MAX_ID
from sunshine_kit.pagination import Page

LEVEL_LABELS = {1: "非常满意", 2: "满意", 3: "基本满意", 4: "不满意", 5: "非常不满意"}

Level = Field(ge=1, le=5, description="1 非常满意、2 满意、3 基本满意、4 不满意、5 非常不满意")


class CaseKey(BaseModel):
    """What the applicant holds: the case's number and the query code on the receipt."""

    number: str = Field(min_length=4, max_length=30, description="办件编号")
    code: str = Field(min_length=4, max_length=20, description="查询码")


class PublicRatingIn(CaseKey):
    level: int = Level
    comment: str = Field("", max_length=500, description="评价意见")


class RateableCase(BaseModel):
    """The case as the rating page shows it: nothing personal."""

    number: str
    item_name: str
    unit_name: str
    completed_on: date | None
    rated: bool
    level: int | None = None


class RatingOut(BaseModel):
    id: int
    case_id: int
    level: int
    level_label: str
    channel: RatingChannel
    comment: str
    rated_at: datetime
    follow_up_id: int | None = Field(None, description="差评所开的回访整改")


class TabletKey(BaseModel):
    """Shown once when the office pairs a window's tablet: the tablet keeps it."""

    window_id: int
    key: str


class InvitationIn(BaseModel):
    case_id: int = Field(ge=1, le=MAX_ID)


class InvitationOut(BaseModel):
    """The rating a window's tablet offers now."""

    id: int
    window_id: int
    window_label: str
    case_number: str
    item_name: str
    clerk_name: str
    expires_at: datetime


class TabletRatingIn(BaseModel):
    invitation_id: int = Field(ge=1, le=MAX_ID)
    level: int = Level
    comment: str = Field("", max_length=500)


class FollowUpOut(BaseModel):
    id: int
    case_id: int
    case_number: str
    item_name: str
    unit_id: int
    unit_name: str
    level: int
    level_label: str
    comment: str
    status: str
    opened_on: date
    due_on: date
    overdue: bool
    result: str
    closed_on: date | None
    closed_by: str
    actions: list[str] = Field(description="此刻可做的操作：close")


FollowUpPage = Page[FollowUpOut]


class CloseFollowUpIn(BaseModel):
    result: str = Field(min_length=2, max_length=2000, description="回访情况与整改结果")


class WindowTarget(BaseModel):
    id: int
    number: int
    name: str
    staff: list[str] = Field(description="窗口工作人员姓名")


class CentreTargets(BaseModel):
    id: int
    name: str
    windows: list[WindowTarget]


class ComplaintIn(BaseModel):
    window_id: int = Field(ge=1, le=MAX_ID)
    clerk_name: str = Field("", max_length=100, description="被投诉的工作人员姓名，空为投诉窗口")
    content: str = Field(min_length=5, max_length=2000, description="投诉内容")
    complainant_name: str = Field("", max_length=50)
    complainant_phone: str = Field("", max_length=20, pattern=r"^[0-9+\- ]*$")


class ComplaintReceipt(BaseModel):
    number: str
    received_at: datetime


class ComplaintOut(BaseModel):
    id: int
    number: str
    centre_name: str
    window_label: str
    clerk_name: str
    content: str
    complainant_name: str = Field(description="已脱敏")
    complainant_phone: str = Field(description="已脱敏")
    status: str
    handling_note: str
    result: str
    handled_by: str
    received_at: datetime
    closed_at: datetime | None
    actions: list[str] = Field(description="此刻可做的操作：handle、close")


ComplaintPage = Page[ComplaintOut]


class HandleComplaintIn(BaseModel):
    note: str = Field(min_length=2, max_length=2000, description="调查处理情况")


class CloseComplaintIn(BaseModel):
    result: str = Field(min_length=2, max_length=2000, description="处理结果")
