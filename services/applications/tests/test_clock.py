"""The statutory clock against the real 2026 holiday arrangement.

Every expected date was counted by hand on the 2026 calendar (Spring Festival 15–23 February
off with Saturdays 14 and 28 February worked; Qingming 4–6 April; Labour Day 1–5 May off with
Saturday 9 May worked; Dragon Boat 19–21 June; Mid-Autumn 25–27 September; National Day 1–7
October off with Sunday 20 September and Saturday 10 October worked). 2027 has no arrangement.
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
    consulted_answer_due,
    kept,
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
    due, provisional = consulted_answer_due(calendar, date(2026, 9, 18))
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


def test_overlapping_consultations_pause_their_common_days_once() -> None:
    # Received Mon 14 Sep. Third party asked Fri 18 Sep, answered Fri 9 Oct: paused 20 Sep,
    # 21–24, 28–30 Sep, 8–9 Oct (10). Agency asked Mon 28 Sep, answered Mon 12 Oct: paused
    # 29–30 Sep, 8–9 Oct (already paused), 10 (Saturday worked), 12 Oct: 2 more, 12 in all
    # (a sum would say 16). Counting days: 15–18 Sep (4), 13–16 Oct (8), 19–23 (13),
    # 26–30 (18), 2 Nov (19), 3 Nov (20).
    c = clock(
        received_on=date(2026, 9, 14),
        pauses=(
            Pause(date(2026, 9, 18), date(2026, 10, 9)),
            Pause(date(2026, 9, 28), date(2026, 10, 12)),
        ),
        today=date(2026, 10, 13),
    )
    assert c.paused_working_days == 12
    assert c.reply_due_on == date(2026, 11, 3)
    # The same days twice pause them once: the agency's days lie inside the third party's.
    inside = clock(
        received_on=date(2026, 9, 14),
        pauses=(
            Pause(date(2026, 9, 18), date(2026, 10, 9)),
            Pause(date(2026, 9, 18), date(2026, 9, 30)),
        ),
        today=date(2026, 10, 13),
    )
    assert (inside.paused_working_days, inside.reply_due_on) == (10, date(2026, 10, 30))


def test_a_supplement_restarts_from_zero_so_earlier_pauses_no_longer_count() -> None:
    # Received Mon 3 Aug; an agency consulted Tue 4 Aug, answered Thu 6 Aug (5–6 Aug paused);
    # supplement asked Fri 7 Aug, received Tue 22 Sep. From 22 Sep: 23–24 (2; 25–27
    # Mid-Autumn), 28–30 (5; 1–7 Oct National Day), 8–9 (7), 10 Sat worked (8), 12–16 (13),
    # 19–23 (18), 26 (19), Tue 27 Oct (20): the days paused in August do not count.
    before = (Pause(date(2026, 8, 4), date(2026, 8, 6)),)
    restarted = clock(
        received_on=date(2026, 8, 3),
        supplement_requested_on=date(2026, 8, 7),
        supplement_received_on=date(2026, 9, 22),
        pauses=before,
        today=date(2026, 9, 22),
    )
    assert restarted.paused_working_days == 0
    assert restarted.reply_due_on == date(2026, 10, 27)
    # A fee notified Fri 9 Oct, paid Tue 13 Oct, after the restart, still pauses 10, 12 and
    # 13 Oct: 23–24 (2), 28–30 (5), 8–9 (7), 14–16 (10), 19–23 (15), 26–30 (20) → Fri 30 Oct.
    with_fee = clock(
        received_on=date(2026, 8, 3),
        supplement_requested_on=date(2026, 8, 7),
        supplement_received_on=date(2026, 9, 22),
        pauses=(*before, Pause(date(2026, 10, 9), date(2026, 10, 13))),
        today=date(2026, 10, 14),
    )
    assert (with_fee.paused_working_days, with_fee.reply_due_on) == (3, date(2026, 10, 30))


def test_a_consultation_pauses_at_most_the_consulted_partys_fifteen_working_days() -> None:
    # The letter reached the third party Tue 22 Sep. Its 15 working days: 23–24 (2), 28–30
    # (5), 8–9 (7), 10 Sat worked (8), 12–16 (13), 19 (14), Tue 20 Oct (15).
    assert consulted_answer_due(calendar, date(2026, 9, 22)) == (date(2026, 10, 20), False)
    # Received Mon 14 Sep, asked Fri 18 Sep, never answered: paused 20 Sep, 21–24, 28–30 Sep,
    # 8–10, 12–16, 19–20 Oct (18), and no more. Counting days: 15–18 Sep (4), 21–23 Oct (7),
    # 26–30 (12), 2–6 Nov (17), 9–11 Nov (20) → Wed 11 Nov.
    unanswered = (Pause(date(2026, 9, 18), letter_received_on=date(2026, 9, 22)),)
    c = clock(received_on=date(2026, 9, 14), pauses=unanswered, today=date(2026, 12, 2))
    assert c.phase == Phase.RUNNING
    assert c.paused_working_days == 18
    assert c.reply_due_on == date(2026, 11, 11)
    # 12–13 Nov (2), 16–20 (7), 23–27 (12), 30 Nov–2 Dec (15) working days late.
    assert (c.working_days_left, c.urgency) == (-15, Urgency.OVERDUE)
    # Within its 15 days the clock is suspended: on Tue 13 Oct, 13 days paused (20 Sep, 21–24,
    # 28–30, 8–10, 12–13 Oct): 33 working days after 14 Sep → Wed 4 Nov.
    waiting = clock(received_on=date(2026, 9, 14), pauses=unanswered, today=date(2026, 10, 13))
    assert waiting.phase == Phase.SUSPENDED
    assert (waiting.paused_working_days, waiting.reply_due_on) == (13, date(2026, 11, 4))
    # The row keeps the date the application will have if no answer comes, so the inbox needs
    # no daily refresh to show it once the 15 days end.
    assert kept(
        calendar, ClockFacts(received_on=date(2026, 9, 14), pauses=unanswered), date(2026, 10, 13)
    ).reply_due_on == date(2026, 11, 11)
    # An answer after the 15 days does not move the due date either.
    late_answer = clock(
        received_on=date(2026, 9, 14),
        pauses=(Pause(date(2026, 9, 18), date(2026, 10, 23), date(2026, 9, 22)),),
        today=date(2026, 10, 26),
    )
    assert late_answer.reply_due_on == date(2026, 11, 11)


def test_a_2026_due_date_stays_firm_when_today_is_in_2027() -> None:
    # Received Mon 2 Nov 2026: 3–6 (4), 9–13 (9), 16–20 (14), 23–27 (19), Mon 30 Nov (20).
    # On 5 January 2027 (no 2027 arrangement loaded) the date rests on 2026 alone.
    c = clock(received_on=date(2026, 11, 2), today=date(2027, 1, 5))
    assert c.reply_due_on == date(2026, 11, 30)
    assert not c.provisional
    assert c.urgency == Urgency.OVERDUE
