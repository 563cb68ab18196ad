"""The API contract of electronic supervision: alerts, their handling, and the rates."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints


class AlertOut(BaseModel):
    id: int
    case_id: int
    number: str
    item_name: str
    level: str = Field(description="yellow 黄牌 / red 红牌")
    unit_id: int
    centre_id: int
    window_id: int | None
    clerk: str
    promised_due_on: date
    legal_due_on: date | None
    raised_on: date
    raised_at: datetime
    handled_at: datetime | None
    handled_by: str
    note: str


class AlertPage(BaseModel):
    items: list[AlertOut]
    total: int
    page: int
    size: int


class HandleIn(BaseModel):
    note: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=2, max_length=2000)
    ] = Field(description="处理意见，如 已督办、已约谈窗口负责人")


class SummaryOut(BaseModel):
    open_cases: int
    yellow: int
    red: int
    unhandled_alerts: int


class RateRow(BaseModel):
    key: str = Field(description="单位id、窗口id或受理人账号")
    label: str
    completed: int = Field(description="办结件数")
    on_time: int = Field(description="按时办结件数（办结日不晚于承诺办结日，含提前和当场）")
    early: int = Field(description="提前办结件数（早于承诺办结日）")
    on_the_spot: int = Field(description="当场办结件数（受理当日办结）")
    on_time_rate: float | None = Field(description="按时办结率 = 按时办结 / 办结，0到1；无办结为空")
    early_rate: float | None
    on_the_spot_rate: float | None


class RatesOut(BaseModel):
    month: str
    by: str
    rows: list[RateRow]
    total: RateRow
