from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class UnitItemFigures(BaseModel):
    """One unit's publication deadlines today (the unit itself, not those below it)."""

    unit_id: int
    unit_name: str
    parent_id: int | None
    at_risk: int = Field(description="即将到期：未发布、5个工作日内到期（期限监督“即将到期”）")
    late: int = Field(description="已逾期：逾期未发布，或今年、去年逾期发布（期限监督“已逾期”）")
    missing_interpretations: int = Field(
        description="政策解读缺失或迟发的规章、行政规范性文件（期限监督“政策解读缺失”）"
    )


class CatalogOverview(BaseModel):
    """工作台概览 of the disclosure office: the catalogue's deadlines, unit by unit."""

    unit_id: int
    unit_name: str
    today: date = Field(description="按哪一天计算")
    units: list[UnitItemFigures] = Field(description="本单位及下属单位（未撤销），按单位排序")
