"""The clock of a case against the real 2026 holiday arrangement.

Every expected date was counted by hand on the 2026 calendar (weekday holidays: 1-2 Jan,
16-20 and 23 Feb, 6 Apr, 1, 4, 5 May, 19 Jun, 25 Sep, 1, 2, 5, 6, 7 Oct; worked weekends:
4 Jan, 14 Feb, 28 Feb, 9 May, 20 Sep, 10 Oct). Acceptance is day zero.
"""

from __future__ import annotations

from datetime import date

import pytest

from sunshine_hall.cases.clock import (
    CaseFacts,
    Completion,
    Suspension,
    Warning,
    completion,
    compute,
    yellow_horizon,
)
from sunshine_kit.calendar.days import WorkingDayCalendar

calendar = WorkingDayCalendar()


def clock(today: date, yellow: int = 1, **facts: object):  # type: ignore[no-untyped-def]
    defaults: dict[str, object] = {"legal_limit_days": 20, "promised_limit_days": 10}
    return compute(calendar, CaseFacts(**{**defaults, **facts}), today, yellow)  # type: ignore[arg-type]


def test_accepted_before_the_spring_festival() -> None:
    c = clock(date(2026, 2, 13), accepted_on=date(2026, 2, 13), promised_limit_days=5)
    # Promised 5: 14 Feb (worked Saturday) 1; 16-20 and 23 Feb off; 24, 25, 26, 27 Feb: 2-5.
    assert c.promised_due_on == date(2026, 2, 27)
    # Legal 20: 28 Feb (worked Saturday) 6; 2-6 Mar 7-11; 9-13 Mar 12-16; 16-19 Mar 17-20.
    assert c.legal_due_on == date(2026, 3, 19)
    assert c.warning is Warning.NONE and not c.provisional


def test_accepted_before_national_day() -> None:
    c = clock(date(2026, 9, 30), accepted_on=date(2026, 9, 30), promised_limit_days=3)
    # 1-7 Oct off; 8 Oct 1, 9 Oct 2, Saturday 10 Oct (worked) 3.
    assert c.promised_due_on == date(2026, 10, 10)
    # 12-16 Oct 4-8, 19-23 Oct 9-13, 26-30 Oct 14-18, 2 Nov 19, 3 Nov 20.
    assert c.legal_due_on == date(2026, 11, 3)


def test_an_instant_item_is_due_the_day_it_is_accepted() -> None:
    c = clock(
        date(2026, 5, 7), accepted_on=date(2026, 5, 7), legal_limit_days=0, promised_limit_days=0
    )
    assert c.promised_due_on == c.legal_due_on == date(2026, 5, 7)
    assert c.working_days_left == 0 and c.warning is Warning.YELLOW
    assert completion(date(2026, 5, 7), c.promised_due_on, date(2026, 5, 7)) is (
        Completion.ON_THE_SPOT
    )


def test_a_suspension_across_the_holidays_does_not_count() -> None:
    plain = clock(date(2026, 9, 14), accepted_on=date(2026, 9, 14))
    # 15-18 Sep 1-4, Sunday 20 Sep (worked) 5, 21-24 Sep 6-9, 25 Sep off, 28 Sep 10.
    assert plain.promised_due_on == date(2026, 9, 28)
    # 29, 30 Sep 11-12, 8, 9, 10 (worked Saturday) Oct 13-15, 12-16 Oct 16-20.
    assert plain.legal_due_on == date(2026, 10, 16)
    # Suspended Friday 18 Sep to Friday 9 Oct: 20 Sep, 21-24, 28-30 Sep, 8-9 Oct: 10 days.
    suspended = clock(
        date(2026, 10, 12),
        accepted_on=date(2026, 9, 14),
        suspensions=(Suspension(date(2026, 9, 18), date(2026, 10, 9)),),
    )
    assert suspended.paused_working_days == 10
    # Promised: 4 counted by 18 Sep, then 10 Oct 5, 12-16 Oct 6-10.
    assert suspended.promised_due_on == date(2026, 10, 16)
    # Legal: 16 Oct 10, 19-23 Oct 11-15, 26-30 Oct 16-20.
    assert suspended.legal_due_on == date(2026, 10, 30)
    assert not suspended.suspended


def test_an_open_suspension_pauses_up_to_today_and_stops_the_warnings() -> None:
    c = clock(
        date(2026, 9, 22),
        accepted_on=date(2026, 9, 14),
        suspensions=(Suspension(date(2026, 9, 18)),),
    )
    assert c.suspended and c.paused_working_days == 3  # 20, 21, 22 Sep
    # 4 counted by 18 Sep; 23, 24, 28, 29, 30 Sep 5-9; 8 Oct 10.
    assert c.promised_due_on == date(2026, 10, 8)
    assert c.warning is Warning.NONE


def test_overlapping_suspensions_pause_each_day_once() -> None:
    c = clock(
        date(2026, 10, 12),
        accepted_on=date(2026, 9, 14),
        suspensions=(
            Suspension(date(2026, 9, 18), date(2026, 9, 22)),
            Suspension(date(2026, 9, 21), date(2026, 9, 24)),
        ),
    )
    assert c.paused_working_days == 5  # 20, 21, 22, 23, 24 Sep
    # 4 by 18 Sep; 28, 29, 30 Sep 5-7; 8, 9, 10 Oct 8-10.
    assert c.promised_due_on == date(2026, 10, 10)


def test_an_extension_moves_both_dates_and_is_bounded() -> None:
    c = clock(
        date(2026, 2, 13),
        accepted_on=date(2026, 2, 13),
        promised_limit_days=5,
        extension_working_days=3,
    )
    # Promised 8: 27 Feb was the 5th; 28 Feb 6, 2 Mar 7, 3 Mar 8.
    assert c.promised_due_on == date(2026, 3, 3)
    # Legal 23: 19 Mar was the 20th; 20, 23, 24 Mar.
    assert c.legal_due_on == date(2026, 3, 24)
    with pytest.raises(ValueError, match="延期"):
        clock(date(2026, 2, 13), accepted_on=date(2026, 2, 13), extension_working_days=11)


@pytest.mark.parametrize(
    ("today", "left", "warning"),
    [
        (date(2026, 9, 23), 2, Warning.NONE),  # 24, 28 Sep left
        (date(2026, 9, 24), 1, Warning.YELLOW),  # 25 Sep off: only 28 Sep left
        (date(2026, 9, 26), 1, Warning.YELLOW),  # a Saturday: 28 Sep left
        (date(2026, 9, 28), 0, Warning.YELLOW),  # due today
        (date(2026, 9, 29), -1, Warning.RED),  # past the promised date
    ],
)
def test_the_warning_day_by_day(today: date, left: int, warning: Warning) -> None:
    c = clock(today, accepted_on=date(2026, 9, 14))  # promised 28 Sep, legal 16 Oct
    assert (c.working_days_left, c.warning) == (left, warning)
    assert not c.legal_overdue


def test_red_is_past_the_promised_date_and_the_legal_one_is_shown_too() -> None:
    c = clock(date(2026, 10, 19), accepted_on=date(2026, 9, 14))
    assert c.warning is Warning.RED and c.legal_overdue
    assert c.legal_working_days_left == -1  # 16 Oct was the legal date; 19 Oct is one past


def test_the_yellow_threshold_is_configurable() -> None:
    c = clock(date(2026, 9, 23), yellow=3, accepted_on=date(2026, 9, 14))
    assert c.warning is Warning.YELLOW


def test_the_yellow_horizon_is_what_the_sweep_compares_with() -> None:
    # On 23 Sep, one day ahead: 24 Sep is the last yellow working day (28 Sep is two away).
    assert yellow_horizon(calendar, date(2026, 9, 23), 1) == date(2026, 9, 27)
    assert yellow_horizon(calendar, date(2026, 9, 24), 1) == date(2026, 9, 28)
    # Friday 30 Sep: 1-7 Oct off, 8 Oct is the next working day.
    assert yellow_horizon(calendar, date(2026, 9, 30), 1) == date(2026, 10, 8)


@pytest.mark.parametrize(
    ("completed_on", "kind"),
    [
        (date(2026, 9, 14), Completion.ON_THE_SPOT),
        (date(2026, 9, 24), Completion.EARLY),
        (date(2026, 9, 28), Completion.ON_TIME),
        (date(2026, 9, 29), Completion.LATE),
    ],
)
def test_how_a_completed_case_kept_its_promise(completed_on: date, kind: Completion) -> None:
    c = clock(completed_on, accepted_on=date(2026, 9, 14), completed_on=completed_on)
    assert c.warning is Warning.NONE and c.working_days_left is None
    assert completion(date(2026, 9, 14), c.promised_due_on, completed_on) is kind
