"""The catalogue's time limits against the real 2026 holiday arrangement.

Every expected date was counted by hand on the 2026 calendar (Spring Festival 15–23 February
off with Saturdays 14 and 28 February worked; Mid-Autumn 25–27 September; National Day 1–7
October off with Saturday 10 October worked).
"""

from __future__ import annotations

from datetime import date

from sunshine_catalog.items.deadlines import (
    archive_date,
    at_risk,
    interpretation_due,
    interpretation_overdue,
    publication_due,
)
from sunshine_kit.calendar.days import WorkingDayCalendar

calendar = WorkingDayCalendar()


def test_twenty_working_days_without_a_holiday() -> None:
    # Monday 3 August: four full weeks.
    due = publication_due(calendar, date(2026, 8, 3))
    assert (due.date, due.provisional) == (date(2026, 8, 31), False)


def test_twenty_working_days_across_the_spring_festival() -> None:
    # Friday 13 February: Saturday 14 worked (1), 15–23 off, 24 February to 19 March (2–20)
    # with Saturday 28 February worked.
    assert publication_due(calendar, date(2026, 2, 13)).date == date(2026, 3, 19)


def test_a_year_without_an_arrangement_gives_a_provisional_date() -> None:
    assert publication_due(calendar, date(2099, 3, 2)).provisional


def test_at_risk_is_the_last_working_week_before_the_deadline() -> None:
    assert [at_risk(days) for days in (-1, 0, 5, 6)] == [False, True, True, False]


def test_an_interpretation_is_due_three_working_days_after_its_policy() -> None:
    # Wednesday 23 September: Thursday 24 (1), Mid-Autumn 25–27 off, Monday 28 (2), Tuesday 29.
    assert interpretation_due(calendar, date(2026, 9, 23)).date == date(2026, 9, 29)
    assert interpretation_overdue(calendar, date(2026, 9, 23), date(2026, 9, 29)) is None
    assert interpretation_overdue(calendar, date(2026, 9, 23), date(2026, 9, 30)) == (
        date(2026, 9, 29),
        1,
    )
    # National Day does not count: 30 September (1), then Thursday 8 October (2).
    assert interpretation_overdue(calendar, date(2026, 9, 23), date(2026, 10, 8)) == (
        date(2026, 9, 29),
        2,
    )


def test_the_archive_date_follows_the_retention_period() -> None:
    assert archive_date(10, date(2026, 8, 3)) == date(2036, 8, 3)
    assert archive_date(10, date(2024, 2, 29)) == date(2034, 2, 28)
    assert archive_date(None, date(2026, 8, 3)) is None
