"""The follow-up clock of a bad rating (差评回访整改).

国务院办公厅《关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号）: every
差评 is verified with the applicant and put right; a problem that cannot be solved at once is
put right within 15 working days. The rating's day is day zero, so a rating given on a rest day
loses no working day; the follow-up is overdue from the day after its due date.
"""

from __future__ import annotations

from datetime import date

from sunshine_kit.calendar.days import WorkingDayCalendar

FOLLOW_UP_WORKING_DAYS = 15


def follow_up_due(calendar: WorkingDayCalendar, rated_on: date) -> date:
    """The last day to close the follow-up opened by a bad rating on `rated_on`."""
    return calendar.add_working_days(rated_on, FOLLOW_UP_WORKING_DAYS).date


def follow_up_overdue(due_on: date, today: date) -> bool:
    """Whether an open follow-up is past its due date."""
    return today > due_on
