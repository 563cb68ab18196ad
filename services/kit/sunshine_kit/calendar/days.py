"""The working-day calendar: which days count towards the law's deadlines.

The Regulations count in working days (工作日): Monday to Friday, except the official public
holidays, plus the weekend days the State Council's yearly notice turns into working days
(调休上班). `chinesecalendar` carries the arrangement of every year it knows (to the end of
2026 in the pinned release); later years are loaded by an ops admin through the gateway, which
sends them to every service. A date computed through a year with no arrangement is marked
provisional: it assumes plain weekends and will move once that year's notice is loaded.

Days are counted the way Article 31 and the courts count them: the day of receipt is day zero,
so "within 20 working days of receipt" ends on the 20th working day after it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo

from chinese_calendar import constants

SATURDAY = 5
# Legal dates are the offices' dates: a day starts at midnight in Beijing, not in UTC.
BEIJING = ZoneInfo("Asia/Shanghai")


def today() -> date:
    """Today's date where the offices are."""
    return datetime.now(BEIJING).date()


@dataclass(frozen=True)
class YearArrangement:
    """One year's official arrangement: days off that would be working days, and the reverse."""

    year: int
    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        for day in sorted(self.holidays | self.workdays):
            if day.year != self.year:
                raise ValueError(f"{day.isoformat()} 不在 {self.year} 年内")
        for day in sorted(self.holidays & self.workdays):
            raise ValueError(f"{day.isoformat()} 不能既是放假日又是调休上班日")
        for day in sorted(self.workdays):
            if day.weekday() < SATURDAY:
                raise ValueError(f"{day.isoformat()} 是周一至周五，本来就是工作日，不是调休上班日")


@dataclass(frozen=True)
class WorkingDate:
    """A computed date, and whether it rests on a year whose arrangement is not yet known."""

    date: date
    provisional: bool


@dataclass(frozen=True)
class WorkingDayCount:
    days: int
    provisional: bool


def _builtin_years() -> range:
    years = {d.year for d in constants.holidays} | {d.year for d in constants.workdays}
    return range(min(years), max(years) + 1)


BUILTIN_YEARS = _builtin_years()


@cache
def builtin_arrangement(year: int) -> YearArrangement | None:
    """The arrangement `chinesecalendar` ships for `year`, or None outside its range."""
    if year not in BUILTIN_YEARS:
        return None
    return YearArrangement(
        year,
        holidays=frozenset(d for d in constants.holidays if d.year == year),
        workdays=frozenset(d for d in constants.workdays if d.year == year),
    )


class WorkingDayCalendar:
    """Working-day arithmetic over the built-in years and any loaded arrangements.

    A loaded arrangement overrides the built-in one for its year (a correction wins). Each
    year's working days are kept as a sorted list of ordinals so that adding or counting
    working days is a binary search, not a walk: the applications service recomputes the due
    state of every open application in one pass.
    """

    def __init__(
        self, arrangements: Iterable[YearArrangement] = (), *, use_builtin: bool = True
    ) -> None:
        self._loaded: dict[int, YearArrangement] = {}
        self._use_builtin = use_builtin
        self._ordinals: dict[int, list[int]] = {}
        for arrangement in arrangements:
            self.load(arrangement)

    def load(self, arrangement: YearArrangement) -> None:
        self._loaded[arrangement.year] = arrangement
        self._ordinals.pop(arrangement.year, None)

    def builtin_years(self) -> range:
        return BUILTIN_YEARS if self._use_builtin else range(0)

    def arrangement(self, year: int) -> YearArrangement | None:
        loaded = self._loaded.get(year)
        if loaded is not None:
            return loaded
        return builtin_arrangement(year) if self._use_builtin else None

    def has_arrangement(self, year: int) -> bool:
        return self.arrangement(year) is not None

    def is_working_day(self, day: date) -> bool:
        arrangement = self.arrangement(day.year)
        if arrangement is not None:
            if day in arrangement.workdays:
                return True
            if day in arrangement.holidays:
                return False
        return day.weekday() < SATURDAY

    def _working_ordinals(self, year: int) -> list[int]:
        ordinals = self._ordinals.get(year)
        if ordinals is None:
            first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
            ordinals = [
                n for n in range(first, last + 1) if self.is_working_day(date.fromordinal(n))
            ]
            self._ordinals[year] = ordinals
        return ordinals

    def add_working_days(self, start: date, n: int) -> WorkingDate:
        """The `n`th working day after `start` (`start` itself is day zero)."""
        if n < 0:
            raise ValueError("n must not be negative")
        provisional = not self.has_arrangement(start.year)
        if n == 0:
            return WorkingDate(start, provisional)
        year, after = start.year, start.toordinal()
        while True:
            ordinals = self._working_ordinals(year)
            index = bisect_right(ordinals, after)
            remaining = len(ordinals) - index
            if n <= remaining:
                return WorkingDate(date.fromordinal(ordinals[index + n - 1]), provisional)
            n -= remaining
            year += 1
            provisional |= not self.has_arrangement(year)

    def working_days_between(self, start: date, end: date) -> WorkingDayCount:
        """Working days after `start` up to and including `end`; negative when `end` is earlier.

        `working_days_between(received, today)` is how many working days have been used;
        `working_days_between(today, due)` is how many are left (negative once overdue).
        """
        if end < start:
            count = self.working_days_between(end, start)
            return WorkingDayCount(-count.days, count.provisional)
        days, provisional = 0, False
        for year in range(start.year, end.year + 1):
            provisional |= not self.has_arrangement(year)
            ordinals = self._working_ordinals(year)
            low = bisect_right(ordinals, start.toordinal()) if year == start.year else 0
            high = bisect_right(ordinals, end.toordinal()) if year == end.year else len(ordinals)
            days += high - low
        return WorkingDayCount(days, provisional)

    def next_working_day(self, day: date) -> WorkingDate:
        """The first working day strictly after `day`."""
        return self.add_working_days(day, 1)

    def working_day_on_or_after(self, day: date) -> WorkingDate:
        """`day` if it is a working day, else the next one (e.g. a receipt date on a holiday)."""
        if self.is_working_day(day):
            return WorkingDate(day, not self.has_arrangement(day.year))
        return self.next_working_day(day)

    def working_days_in(self, first: date, last: date) -> list[date]:
        """Every working day from `first` to `last` inclusive, in order."""
        out: list[date] = []
        for year in range(first.year, last.year + 1):
            ordinals = self._working_ordinals(year)
            low = bisect_left(ordinals, first.toordinal())
            high = bisect_right(ordinals, last.toordinal())
            out.extend(date.fromordinal(n) for n in ordinals[low:high])
        return out
