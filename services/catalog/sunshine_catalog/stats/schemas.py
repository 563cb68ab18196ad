from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class CatalogueFigures(BaseModel):
    """Figures of one unit's catalogue, for the reporting service."""

    unit_id: int
    unit_name: str
    columns: int = Field(description="本单位目录中的栏目数")
    article20_columns: int = Field(description="其中对应《条例》第二十条的栏目数")


class ColumnCount(BaseModel):
    column_id: int
    column_name: str
    count: int


class UnitCount(BaseModel):
    unit_id: int
    unit_name: str
    count: int


class ChannelCount(BaseModel):
    channel: str
    count: int


class DocumentFigures(BaseModel):
    """规章 or 行政规范性文件 in the year, as table 二 of the annual report counts them."""

    issued: int = Field(description="本年制发件数")
    repealed: int = Field(description="本年废止件数")
    valid: int = Field(description="现行有效件数（年末）")


class Timeliness(BaseModel):
    published: int = Field(description="本年发布")
    on_time: int = Field(description="在20个工作日内发布")
    late: int = Field(description="超期发布")
    on_time_rate: float | None = Field(description="按时发布率，无发布时为空")


class ItemFigures(BaseModel):
    """A unit's (or its subtree's) proactive disclosure in a year, for the reporting service."""

    unit_id: int
    unit_name: str
    year: int
    include_subunits: bool
    published: int = Field(description="本年主动公开信息数")
    by_month: list[int] = Field(description="1至12月各月发布数")
    by_unit: list[UnitCount] = Field(description="各单位发布数（含下属单位时）")
    by_column: list[ColumnCount]
    by_document_type: dict[str, int]
    by_channel: list[ChannelCount]
    regulations: DocumentFigures = Field(description="规章")
    normative_documents: DocumentFigures = Field(description="行政规范性文件")
    timeliness: Timeliness


class MonthCount(BaseModel):
    month: str = Field(description="YYYY-MM（北京时间）")
    count: int


class LabelledChannelCount(BaseModel):
    channel: str
    label: str
    count: int


class UnitPeriodCounts(BaseModel):
    """One unit's period, as the monthly bulletin scores it."""

    unit_id: int
    unit_name: str
    published: int = Field(description="期间主动公开信息数")
    late: int = Field(description="其中超过20个工作日发布")
    overdue_unpublished: int = Field(description="超期仍未发布（期末前到期，读取时仍未发布）")
    policy_documents: int = Field(description="期间发布的规章和行政规范性文件")
    interpretations_late: int = Field(description="其中未在3个工作日内发布解读的（截至期末）")


class PeriodItemFigures(BaseModel):
    """A unit's (or its subtree's) proactive disclosure in any period, unit by unit: for the
    reporting service's monthly bulletin and work summaries."""

    unit_id: int
    unit_name: str
    date_from: date
    date_to: date
    include_subunits: bool
    published: int = Field(description="期间主动公开信息数")
    on_time: int = Field(description="在20个工作日内发布")
    late: int = Field(description="超期发布")
    overdue_unpublished: int = Field(description="超期仍未发布")
    interpretations: int = Field(description="期间发布的政策解读")
    by_month: list[MonthCount]
    by_column: list[ColumnCount]
    by_channel: list[LabelledChannelCount]
    by_unit: list[UnitPeriodCounts] = Field(description="范围内每个单位一行")
