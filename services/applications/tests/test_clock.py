"""The statutory clock against the real 2026 holiday arrangement.

Every expected date was counted by hand on the 2026 calendar (Spring Festival 15–23 February
off with Saturdays 14 and 28 February worked; Qingming 4–6 April; Mid-Autumn 25–27 September;
National Day 1–7 October off with Sunday 20 September and Saturday 10 October worked).
"""

from __future__ import annotations

from datetime import date

import pytest

from sunshine_applications.applications.clock import (
    ClockFacts,
    Pause,
    Phase,
    Urgency,
    compute,
    third_party_answer_due,
)
from sunshine_kit.calendar.days import WorkingDayCalendar

calendar = WorkingDayCalendar()


def clock(today: date = date(2026, 1, 5), **facts: object):  # type: ignore[no-untyped-def]
    return compute(calendar, ClockFacts(**facts), today)  # type: ignore[arg-type]


def test_received_just_before_spring_festival() -> None:
    c = clock(received_on=date(2026, 2, 13), today=date(2026, 2, 13))
    assert c.supplement_notice_due_on == date(2026, 3, 2)
    assert c.reply_due_on == date(2026, 3, 19)
    assert c.phase == Phase.RUNNING and not c.provisional


def test_received_just_before_national_day() -> None:
    c = clock(received_on=date(2026, 9, 30), today=date(2026, 9, 30))
    assert c.reply_due_on == date(2026, 11, 3)


def test_received_on_an_adjusted_working_saturday() -> None:
    c = clock(received_on=date(2026, 2, 28), today=date(2026, 2, 28))
    assert c.reply_due_on == date(2026, 3, 27)


def test_a_third_party_consultation_across_the_holidays_does_not_count() -> None:
    plain = clock(received_on=date(2026, 9, 14), today=date(2026, 9, 14))
    assert plain.reply_due_on == date(2026, 10, 16)
    # Asked Friday 18 September, answered Friday 9 October: 10 working days paused
    # (20 Sep worked Sunday, 21–24, 28–30 September, 8–9 October).
    consulted = clock(
        received_on=date(2026, 9, 14),
        pauses=(Pause(date(2026, 9, 18), date(2026, 10, 9)),),
        today=date(2026, 10, 12),
    )
    assert consulted.paused_working_days == 10
    assert consulted.reply_due_on == date(2026, 10, 30)
    assert consulted.phase == Phase.RUNNING


def test_an_open_consultation_suspends_and_moves_the_due_date() -> None:
    open_on_the_22nd = clock(
        received_on=date(2026, 9, 14),
        pauses=(Pause(date(2026, 9, 18)),),
        today=date(2026, 9, 22),
    )
    assert open_on_the_22nd.phase == Phase.SUSPENDED
    assert open_on_the_22nd.paused_working_days == 3  # 20, 21, 22 September
    assert open_on_the_22nd.reply_due_on == date(2026, 10, 21)


def test_the_third_party_has_fifteen_working_days() -> None:
    due, provisional = third_party_answer_due(calendar, date(2026, 9, 18))
    # 20 Sep, 21–24, 28–30 Sep, 8–9, 10 (Saturday worked), 12–15 October.
    assert due == date(2026, 10, 15) and not provisional


def test_extended_by_twenty_working_days_across_qingming() -> None:
    c = clock(received_on=date(2026, 2, 13), extension_working_days=20, today=date(2026, 3, 20))
    assert c.reply_due_on == date(2026, 4, 17)
    with pytest.raises(ValueError):
        clock(received_on=date(2026, 2, 13), extension_working_days=21)


def test_the_clock_stops_for_a_supplement_and_restarts_from_its_receipt() -> None:
    waiting = clock(
        received_on=date(2026, 8, 3),
        supplement_requested_on=date(2026, 8, 7),
        today=date(2026, 9, 1),
    )
    assert waiting.phase == Phase.AWAITING_SUPPLEMENT
    assert waiting.reply_due_on is None and waiting.urgency == Urgency.NONE
    restarted = clock(
        received_on=date(2026, 8, 3),
        supplement_requested_on=date(2026, 8, 7),
        supplement_received_on=date(2026, 9, 22),
        today=date(2026, 9, 22),
    )
    assert restarted.started_on == date(2026, 9, 22)
    assert restarted.reply_due_on == date(2026, 10, 27)


def test_due_soon_and_overdue() -> None:
    soon = clock(received_on=date(2026, 2, 13), today=date(2026, 3, 12))
    assert (soon.working_days_left, soon.urgency) == (5, Urgency.DUE_SOON)
    normal = clock(received_on=date(2026, 2, 13), today=date(2026, 3, 11))
    assert (normal.working_days_left, normal.urgency) == (6, Urgency.NORMAL)
    late = clock(received_on=date(2026, 2, 13), today=date(2026, 3, 20))
    assert (late.working_days_left, late.urgency) == (-1, Urgency.OVERDUE)


def test_a_deadline_in_2027_is_provisional_until_2027_is_loaded() -> None:
    c = clock(received_on=date(2026, 12, 15), today=date(2026, 12, 15))
    assert c.provisional
    inside = clock(received_on=date(2026, 11, 2), today=date(2026, 11, 2))
    assert not inside.provisional


def test_a_closed_application_keeps_its_due_date_and_no_countdown() -> None:
    c = clock(received_on=date(2026, 2, 13), closed_on=date(2026, 3, 10), today=date(2026, 6, 1))
    assert c.phase == Phase.CLOSED
    assert c.reply_due_on == date(2026, 3, 19) and c.working_days_left is None
