"""The catalogue's time limits, as pure functions over the working-day calendar.

- Article 26 (《政府信息公开条例》第二十六条): an item is published within 20 working days of
  the date it was formed or changed; one due within 5 working days is at risk.
- 政策解读 goes out with its policy document ("同步组织、同步审签、同步部署"): a policy
  document still without a published interpretation 3 working days after its own publication
  is flagged.
- The archive date (归档) follows from the column's retention period.

Every working-day date comes from `WorkingDayCalendar`; one that rests on a year without a
loaded holiday arrangement is marked provisional, and so is every figure counted from it.
"""

from __future__ import annotations

from datetime import date

from sunshine_kit.calendar.days import WorkingDate, WorkingDayCalendar

PUBLICATION_WORKING_DAYS = 20  # Article 26
INTERPRETATION_WORKING_DAYS = 3  # 政策解读 "同步": within 3 working days of the policy
AT_RISK_WORKING_DAYS = 5


def publication_due(calendar: WorkingDayCalendar, formed_on: date) -> WorkingDate:
    """The last day to publish an item formed (or changed) on `formed_on`."""
    return calendar.add_working_days(formed_on, PUBLICATION_WORKING_DAYS)


def at_risk(days_left: int) -> bool:
    """Not yet late, but due within the at-risk week."""
    return 0 <= days_left <= AT_RISK_WORKING_DAYS


def interpretation_due(calendar: WorkingDayCalendar, policy_published_on: date) -> WorkingDate:
    """The last day to publish the interpretation of a policy document published that day."""
    return calendar.add_working_days(policy_published_on, INTERPRETATION_WORKING_DAYS)


def interpretation_overdue(
    calendar: WorkingDayCalendar, policy_published_on: date, today: date
) -> tuple[date, int] | None:
    """The interpretation's due date and the working days it is overdue `today`; None while
    it is not yet due."""
    due = interpretation_due(calendar, policy_published_on)
    if today <= due.date:
        return None
    return due.date, calendar.working_days_between(due.date, today).days


def archive_date(retention_years: int | None, formed_on: date) -> date | None:
    """The day an item of a column keeping its items `retention_years` is archived (None:
    kept for good); an item formed on 29 February is archived on the 28th."""
    if retention_years is None:
        return None
    try:
        return formed_on.replace(year=formed_on.year + retention_years)
    except ValueError:  # 29 February
        return formed_on.replace(year=formed_on.year + retention_years, day=28)
