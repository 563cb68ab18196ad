"""The centres' and windows' API: the hall's set-up for the office, the public list of centres,
and the clerk's own windows."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from sunshine_hall.items.models import HallLevel, ItemStatus
from sunshine_hall.windows.models import WindowKind
from sunshine_kit.ids import MAX_ID

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Account = Annotated[
    str, Field(min_length=1, max_length=50, pattern=r"^[A-Za-z0-9_.@-]+$", description="账号")
]
TicketPrefix = Annotated[
    str, Field(min_length=1, max_length=2, pattern=r"^[A-Z]{1,2}$", description="号票字母，如 A")
]


class CentreIn(BaseModel):
    unit_id: Id = Field(description="主办单位")
    level: HallLevel
    name: Annotated[str, Field(min_length=1, max_length=200)]
    address: Annotated[str, Field(max_length=300)] = ""
    hours: Annotated[str, Field(max_length=200, description="办公时间")] = ""
    phone: Annotated[str, Field(max_length=100)] = ""


class CentreUpdate(BaseModel):
    level: HallLevel | None = None
    name: Annotated[str | None, Field(min_length=1, max_length=200)] = None
    address: Annotated[str | None, Field(max_length=300)] = None
    hours: Annotated[str | None, Field(max_length=200)] = None
    phone: Annotated[str | None, Field(max_length=100)] = None


class CentreSummary(BaseModel):
    id: int
    unit_id: int
    unit_name: str
    level: HallLevel
    name: str
    address: str
    hours: str
    phone: str
    window_count: int
    created_at: datetime


class WindowIn(BaseModel):
    number: Annotated[int, Field(ge=1, le=999, description="窗口号")]
    name: Annotated[str, Field(min_length=1, max_length=100)]
    kind: WindowKind = WindowKind.UNIT
    ticket_prefix: TicketPrefix = "A"
    open: bool = True


class WindowUpdate(BaseModel):
    number: Annotated[int | None, Field(ge=1, le=999)] = None
    name: Annotated[str | None, Field(min_length=1, max_length=100)] = None
    kind: WindowKind | None = None
    ticket_prefix: TicketPrefix | None = None
    open: bool | None = None


class UnitRef(BaseModel):
    id: int
    name: str


class StaffMember(BaseModel):
    account: Account
    display_name: Annotated[str, Field(max_length=100, description="姓名")] = ""
    unit_id: Id | None = Field(None, description="所属进驻单位")


class AcceptedItem(BaseModel):
    id: int
    code: str
    name: str
    unit_id: int
    status: ItemStatus


class WindowOut(BaseModel):
    id: int
    centre_id: int
    number: int
    name: str
    kind: WindowKind
    ticket_prefix: str
    open: bool
    units: list[UnitRef]
    staff: list[StaffMember]
    items: list[AcceptedItem]


class CentreDetail(CentreSummary):
    windows: list[WindowOut]


class MyWindow(WindowOut):
    """A window the caller is stationed at, with its centre."""

    centre_name: str
    centre_level: HallLevel


class WindowUnitsIn(BaseModel):
    unit_ids: Annotated[list[Id], Field(max_length=100, description="进驻单位")]


class WindowStaffIn(BaseModel):
    staff: Annotated[list[StaffMember], Field(max_length=100)]


class WindowItemsIn(BaseModel):
    item_ids: Annotated[list[Id], Field(max_length=2000, description="本窗口受理的事项")]


class PublicItemRef(BaseModel):
    id: int
    code: str
    name: str


class PublicWindow(BaseModel):
    id: int
    number: int
    name: str
    kind: WindowKind
    ticket_prefix: str
    open: bool
    items: list[PublicItemRef]


class PublicCentre(BaseModel):
    """A centre as the public sees it, for choosing where to take a ticket."""

    id: int
    unit_name: str
    level: HallLevel
    name: str
    address: str
    hours: str
    phone: str
    windows: list[PublicWindow]
