"""Work-summary figures (工作总结): what a unit's or a region's summary of a period quotes, with
the same period of the previous year. A figure is `None` exactly when its source could not be
read (listed in `missing`), never zero in its place."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, Field

from sunshine_reporting.annual.schemas import Source
from sunshine_reporting.summary.sources import SourceGap


class ChangeKind(StrEnum):
    RATIO = "ratio"  # 同比增减百分比：(本期 - 上年同期) / 上年同期
    POINTS = "points"  # 比率的同比增减，以百分点计：本期 - 上年同期


class Figure(BaseModel):
    key: str
    label: str
    unit: str = Field(description="计量单位：条、件、%")
    source: Source
    current: float | None = Field(description="本期（比率为0至1的小数）；来源缺失为空")
    previous: float | None = Field(description="上年同期；来源缺失为空")
    change: float | None = Field(
        description="同比：counts 为增减比例（上年同期为0时为空），rates 为增减的百分点/100"
    )
    change_kind: ChangeKind


class MonthRow(BaseModel):
    """One month of the period, beside the same month a year earlier."""

    month: str = Field(description="YYYY-MM")
    items: int | None = Field(description="主动公开信息数")
    items_previous: int | None
    applications: int | None = Field(description="新收政府信息公开申请")
    applications_previous: int | None
    hall_accepted: int | None = Field(description="大厅受理办件")
    hall_accepted_previous: int | None


class Share(BaseModel):
    key: str
    label: str
    count: int


class UnitRow(BaseModel):
    """One unit of a region's summary (its own figures, not its subtree's)."""

    unit_id: int
    unit_name: str
    items: int | None
    applications: int | None
    hall_accepted: int | None


class WorkSummary(BaseModel):
    unit_id: int
    unit_name: str
    include_subunits: bool
    date_from: date
    date_to: date
    previous_from: date = Field(description="上年同期起")
    previous_to: date = Field(description="上年同期止")
    read_at: datetime
    figures: list[Figure]
    by_month: list[MonthRow]
    by_column: list[Share] | None = Field(description="主动公开按栏目（来源缺失为空）")
    by_channel: list[Share] | None = Field(description="主动公开按发布渠道")
    by_unit: list[UnitRow] = Field(description="各单位（含下属单位时）")
    missing: list[SourceGap] = Field(description="本期缺失的来源")
    missing_previous: list[SourceGap] = Field(description="上年同期缺失的来源")
