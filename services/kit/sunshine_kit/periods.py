"""A statistics period (统计期间) of Beijing calendar days, as every component's `…/period`
figures and the reporting service's summaries take it: the rule is written once here."""

from __future__ import annotations

from datetime import date

from sunshine_kit.errors import InvalidInput

# At most a year: what the bulletin (a month) and work summaries (a quarter, a half, a year) ask
# for, so that a period's months line up with the same months a year earlier; longer ranges are
# the annual figures' business.
MAX_DAYS = 366


def check_period(date_from: date, date_to: date) -> None:
    """The period in order and at most a year, else a 422 naming `date_to`."""
    if date_to < date_from:
        raise InvalidInput("date_to", "结束日期不能早于开始日期", code="period_invalid")
    if (date_to - date_from).days >= MAX_DAYS:
        raise InvalidInput("date_to", "统计期间不能超过一年", code="period_invalid")
