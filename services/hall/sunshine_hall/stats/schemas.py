"""Figures of the hall for the reporting service and the office."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class Count(BaseModel):
    key: str
    label: str
    cases: int


class LicensingDecisions(BaseModel):
    """年报表二 行政许可 本年处理决定数量: decisions made in the year on 行政许可 items."""

    granted: int = Field(description="准予")
    denied: int = Field(description="不予")
    total: int


class Timeliness(BaseModel):
    completed: int
    on_time: int = Field(description="按时办结（不晚于承诺办结日）")
    early: int
    on_the_spot: int
    on_time_rate: float | None = Field(description="按时办结率，无办结为空")
    early_rate: float | None
    on_the_spot_rate: float | None


class Satisfaction(BaseModel):
    """好差评 of the cases completed in the year (1 非常满意 … 5 非常不满意)."""

    rated: int
    satisfied: int = Field(description="非常满意、满意与基本满意（1至3级，同好差评模块）")
    rate: float | None = Field(description="满意率 = 满意 / 评价数，无评价为空")


class CaseFigures(BaseModel):
    year: int
    unit_id: int | None
    below: bool
    accepted: int = Field(description="本年受理件数")
    not_accepted: int = Field(description="本年不予受理件数")
    by_unit: list[Count]
    by_item: list[Count]
    by_category: list[Count]
    by_month: list[Count]
    licensing_decisions: LicensingDecisions
    timeliness: Timeliness
    satisfaction: Satisfaction
    fees_fen: int = Field(description="本年办结收取的行政事业性收费（分）")


class MonthCases(BaseModel):
    month: str = Field(description="YYYY-MM")
    accepted: int
    completed: int


class UnitPeriodCases(BaseModel):
    unit_id: int
    unit_name: str
    accepted: int
    completed: int
    on_time: int = Field(description="按时办结（不晚于承诺办结日）")
    rated: int
    satisfied: int = Field(description="非常满意、满意与基本满意")


class PeriodCaseFigures(BaseModel):
    """The hall's figures of any period, unit by unit: for the reporting service's monthly
    bulletin and work summaries."""

    date_from: date
    date_to: date
    unit_id: int | None
    below: bool
    accepted: int
    completed: int
    on_time: int
    rated: int
    satisfied: int
    on_time_rate: float | None = Field(description="按时办结率，无办结为空")
    satisfaction_rate: float | None = Field(description="满意率，无评价为空")
    fees_fen: int = Field(description="期间办结收取的行政事业性收费（分）")
    by_month: list[MonthCases]
    by_unit: list[UnitPeriodCases]
