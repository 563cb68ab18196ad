"""Periods of the reports: checked once, shifted a year back, cut into months (pure functions).

Every date here is a Beijing calendar day, as the sources count them.
"""

from __future__ import annotations

import calendar
from datetime import date

from sunshine_kit import periods
from sunshine_kit.errors import InvalidInput

FIRST_DAY = date(2008, 5, 1)  # 《政府信息公开条例》施行之日


def check_period(date_from: date, date_to: date, today: date) -> None:
    """A period the reports can count: the sources' rule (`sunshine_kit.periods`: in order, at
    most a year), not before the Regulations and not after today."""
    if date_from < FIRST_DAY:
        raise InvalidInput("date_from", "不能早于2008年5月1日（条例施行）", code="period_invalid")
    periods.check_period(date_from, date_to)
    if date_from > today:
        raise InvalidInput("date_from", "开始日期不能晚于今天", code="period_invalid")


def year_earlier(day: date) -> date:
    """The same day a year earlier; 29 February becomes 28 February."""
    last = calendar.monthrange(day.year - 1, day.month)[1]
    return day.replace(year=day.year - 1, day=min(day.day, last))


def months_of(date_from: date, date_to: date) -> list[str]:
    """The months the period touches, as YYYY-MM, in order."""
    months: list[str] = []
    year, month = date_from.year, date_from.month
    while (year, month) <= (date_to.year, date_to.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
