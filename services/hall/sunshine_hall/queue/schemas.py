"""The queue's API contract: tickets, the window console, appointments, figures."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Annotated, Self

from pydantic import BaseModel, Field, field_validator, model_validator

from sunshine_hall.queue.models import BookingStatus, Priority, TicketStatus
from sunshine_kit.ids import MAX_ID

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
MOBILE = re.compile(r"^1[3-9]\d{9}$")


class TicketIn(BaseModel):
    """Take a ticket at a centre, for an item (the windows that accept it call it) or for one
    window. Priority tickets (green channel, elderly, disabled) are given by staff at the door,
    with the reason they checked."""

    centre_id: Id
    item_id: Id | None = None
    window_id: Id | None = None
    priority: Priority = Priority.NONE
    priority_reason: str = Field("", max_length=200)

    @model_validator(mode="after")
    def _one_target(self) -> Self:
        if (self.item_id is None) == (self.window_id is None):
            raise ValueError("请选择办理事项或窗口（二选一）")
        if self.priority == Priority.APPOINTMENT:
            raise ValueError("预约票由签到取得，请使用预约码签到")
        if self.priority != Priority.NONE and not self.priority_reason.strip():
            raise ValueError("优先票须填写优先理由（priority_reason）")
        return self


class TicketOut(BaseModel):
    """A ticket as the person holding it and the window see it (no personal data)."""

    id: int
    number: str
    centre_id: int
    service_day: date
    item_id: int | None
    item_name: str | None = None
    window_id: int | None
    priority: Priority
    priority_reason: str
    status: TicketStatus
    taken_at: datetime
    called_at: datetime | None
    called_window_id: int | None
    called_window_number: int | None = None
    calls: int
    finished_at: datetime | None
    case_number: str


class TicketTaken(BaseModel):
    """What the kiosk prints: the number, how many are ahead and about how long it takes."""

    ticket: TicketOut
    centre_name: str
    waiting_ahead: int
    estimated_wait_minutes: int
    window_numbers: list[int] = Field(description="可办理的窗口号")


class CallOut(BaseModel):
    """The ticket now at the window (none when nobody waits for it)."""

    ticket: TicketOut | None
    waiting: int = Field(description="该窗口仍在等候的人数")


class TransferIn(BaseModel):
    window_id: Id


class FinishIn(BaseModel):
    case_number: str = Field("", max_length=30, description="受理后产生的办件编号，未受理留空")


class WindowBrief(BaseModel):
    id: int
    number: int
    name: str
    ticket_prefix: str
    open: bool


class DeskWindow(WindowBrief):
    """One of the clerk's windows, with what waits there."""

    centre_id: int
    centre_name: str
    waiting: int
    current: TicketOut | None


class ConsoleOut(BaseModel):
    """The window console: the ticket at the window, the queue it calls from, and the windows
    of the centre a ticket may be transferred to."""

    window: DeskWindow
    queue: list[TicketOut]
    transfer_to: list[WindowBrief]


class ItemChoice(BaseModel):
    id: int
    name: str
    window_numbers: list[int]
    waiting: int
    bookable: bool = Field(description="是否有可预约时段")


class CentreOut(BaseModel):
    id: int
    name: str
    address: str
    hours: str
    phone: str


class CentreChoices(BaseModel):
    """What a person may take a ticket for at a centre."""

    centre: CentreOut
    items: list[ItemChoice]
    windows: list[WindowBrief]


class BoardWindow(BaseModel):
    number: int
    name: str
    current: str | None = Field(description="当前叫号")
    called_at: datetime | None


class BoardCall(BaseModel):
    number: str
    window_number: int
    window_name: str
    called_at: datetime


class BoardState(BaseModel):
    """The hall's display screen: each window's current call, the latest calls, and how many
    wait in each area (by the letter of their numbers)."""

    centre_id: int
    centre_name: str
    windows: list[BoardWindow]
    recent: list[BoardCall]
    waiting: dict[str, int]


class SlotIn(BaseModel):
    centre_id: Id
    item_id: Id
    day: date
    starts_at: time
    ends_at: time
    capacity: int = Field(ge=1, le=500)

    @model_validator(mode="after")
    def _order(self) -> Self:
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at: 结束时间须晚于开始时间")
        return self


class SlotOut(BaseModel):
    id: int
    centre_id: int
    item_id: int
    day: date
    starts_at: time
    ends_at: time
    capacity: int
    booked: int
    available: int


class BookingIn(BaseModel):
    slot_id: Id
    name: str = Field(min_length=1, max_length=50)
    phone: str = Field(min_length=11, max_length=11, description="手机号")

    @field_validator("phone")
    @classmethod
    def _mobile(cls, value: str) -> str:
        if not MOBILE.match(value):
            raise ValueError("请输入11位手机号")
        return value

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("请填写姓名")
        return value.strip()


class BookingOut(BaseModel):
    """A booking as its holder sees it: keep the code, show it at the centre."""

    code: str
    status: BookingStatus
    name_masked: str
    phone_masked: str
    slot: SlotOut
    centre_name: str
    item_name: str


class CheckInIn(BaseModel):
    code: str = Field(min_length=4, max_length=12)


class QueueFigure(BaseModel):
    """Served tickets and their average times, in seconds."""

    id: int
    name: str
    served: int
    no_show: int
    average_wait_seconds: int | None
    average_service_seconds: int | None


class QueueStats(BaseModel):
    centre_id: int
    date_from: date
    date_to: date
    tickets: int
    served: int
    no_show: int
    average_wait_seconds: int | None
    average_service_seconds: int | None
    by_window: list[QueueFigure]
    by_item: list[QueueFigure]
