"""The 双公示 time limit: a 行政许可 or 行政处罚 decision is made public within 7 working days of
the day it was made (《关于推进行政许可和行政处罚等信用信息公示工作的通知》, 自作出行政决定之日起
7个工作日内). The decision day is day zero."""

from __future__ import annotations

from datetime import date

from sunshine_kit.calendar.days import WorkingDayCalendar

PUBLICITY_WORKING_DAYS = 7


def publicity_due(calendar: WorkingDayCalendar, decided_on: date) -> date:
    """The last day the decision of `decided_on` may appear in the 双公示 column."""
    return calendar.add_working_days(decided_on, PUBLICITY_WORKING_DAYS).date
