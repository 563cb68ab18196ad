from __future__ import annotations

from pydantic import BaseModel, Field


class UnitApplicationFigures(BaseModel):
    """One unit's open applications near or past their reply date (the unit itself)."""

    unit_id: int
    unit_name: str
    parent_id: int | None
    due_soon: int = Field(description="临近期限：5个工作日内到期（收件箱“临近期限”）")
    overdue: int = Field(description="已逾期：已过答复期限仍未办结（收件箱“已逾期”）")


class ApplicationsOverview(BaseModel):
    """工作台概览 of the disclosure office: applications due soon and overdue, unit by unit."""

    unit_id: int
    unit_name: str
    units: list[UnitApplicationFigures] = Field(
        description="本单位及下属单位（未撤销），按单位排序"
    )
