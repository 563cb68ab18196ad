from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from sunshine_kit.calendar.days import YearArrangement


class YearArrangementIn(BaseModel):
    holidays: list[date] = Field(description="放假日期")
    workdays: list[date] = Field(default_factory=list, description="调休上班日期（周末上班）")
    note: str = Field("", max_length=200, description="依据，如国务院办公厅通知文号")

    def to_arrangement(self, year: int) -> YearArrangement:
        return YearArrangement(
            year=year, holidays=frozenset(self.holidays), workdays=frozenset(self.workdays)
        )


class YearArrangementOut(BaseModel):
    year: int
    source: Literal["builtin", "loaded"]
    holidays: list[date]
    workdays: list[date]
    note: str = ""


class YearArrangementPush(YearArrangementIn):
    """A loaded year as the gateway sends it to each service."""

    year: int

    @model_validator(mode="after")
    def _valid(self) -> YearArrangementPush:
        self.to_arrangement(self.year)
        return self
