"""INTERIM (replaced by the calendar helper's module)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from chinese_calendar import constants


@dataclass(frozen=True)
class YearArrangement:
    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]

    def __post_init__(self) -> None:
        for day in self.holidays | self.workdays:
            if day.year != self.year:
                raise ValueError(f"{day.isoformat()} 不在 {self.year} 年内")


@dataclass(frozen=True)
class WorkingDate:
    date: date
    provisional: bool


@dataclass(frozen=True)
class WorkingDayCount:
    days: int
    provisional: bool


def builtin_arrangement(year: int) -> YearArrangement | None:
    holidays = frozenset(d for d in constants.holidays if d.year == year)
    workdays = frozenset(d for d in constants.workdays if d.year == year)
    if not holidays:
        return None
    return YearArrangement(year, holidays, workdays)


class WorkingDayCalendar:
    def __init__(
        self, arrangements: Iterable[YearArrangement] = (), *, use_builtin: bool = True
    ) -> None:
        self._loaded = {a.year: a for a in arrangements}
        self._use_builtin = use_builtin

    def load(self, arrangement: YearArrangement) -> None:
        self._loaded[arrangement.year] = arrangement

    def builtin_years(self) -> range:
        return range(2004, 2027)

    def arrangement(self, year: int) -> YearArrangement | None:
        return self._loaded.get(year) or (builtin_arrangement(year) if self._use_builtin else None)

    def has_arrangement(self, year: int) -> bool:
        return self.arrangement(year) is not None

    def is_working_day(self, day: date) -> bool:
        a = self.arrangement(day.year)
        if a is not None and day in a.workdays:
            return True
        if a is not None and day in a.holidays:
            return False
        return day.weekday() < 5

    def add_working_days(self, start: date, n: int) -> WorkingDate:
        day, provisional = start, not self.has_arrangement(start.year)
        while n > 0:
            day += timedelta(days=1)
            provisional |= not self.has_arrangement(day.year)
            if self.is_working_day(day):
                n -= 1
        return WorkingDate(day, provisional)
