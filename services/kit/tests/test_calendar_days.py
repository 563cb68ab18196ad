"""Working-day arithmetic against the State Council's real 2026 arrangement.

Each expected date below was counted by hand on the State Council's 2026 holiday notice, not
computed by the code under test.
"""

from __future__ import annotations

from datetime import date

import pytest

from sunshine_kit.calendar.days import (
    WorkingDate,
    WorkingDayCalendar,
    YearArrangement,
    builtin_arrangement,
)

calendar = WorkingDayCalendar()


def test_spring_festival_2026_days_off_and_adjusted_saturdays() -> None:
    for day in range(15, 24):
        assert not calendar.is_working_day(date(2026, 2, day)), f"2月{day}日 is a holiday"
    assert calendar.is_working_day(date(2026, 2, 14))  # Saturday, worked
    assert calendar.is_working_day(date(2026, 2, 28))  # Saturday, worked
    assert calendar.is_working_day(date(2026, 2, 24))
    assert not calendar.is_working_day(date(2026, 2, 21))  # a Saturday inside the holiday


def test_national_day_2026_days_off_and_adjusted_weekend_days() -> None:
    for day in range(1, 8):
        assert not calendar.is_working_day(date(2026, 10, day))
    assert calendar.is_working_day(date(2026, 9, 20))  # Sunday, worked
    assert calendar.is_working_day(date(2026, 10, 10))  # Saturday, worked
    assert not calendar.is_working_day(date(2026, 10, 11))  # an ordinary Sunday


def test_twenty_working_days_from_just_before_spring_festival() -> None:
    # Friday 13 February: 14 Feb (worked Saturday) is day 1, then nothing until 24 Feb.
    due = calendar.add_working_days(date(2026, 2, 13), 20)
    assert due.date == date(2026, 3, 19)
    assert not due.provisional


def test_receipt_on_an_adjusted_working_saturday_counts_from_the_next_working_day() -> None:
    assert calendar.add_working_days(date(2026, 2, 14), 1).date == date(2026, 2, 24)
    assert calendar.add_working_days(date(2026, 2, 14), 20).date == date(2026, 3, 20)


def test_twenty_working_days_across_mid_autumn_and_national_day() -> None:
    # Friday 18 September: Sunday 20 Sep is day 1; 25–27 Sep and 1–7 Oct are off; 10 Oct worked.
    assert calendar.add_working_days(date(2026, 9, 18), 1).date == date(2026, 9, 20)
    assert calendar.add_working_days(date(2026, 9, 18), 20).date == date(2026, 10, 22)
    assert calendar.add_working_days(date(2026, 9, 30), 3).date == date(2026, 10, 10)


def test_seven_working_days_for_a_supplement_notice() -> None:
    assert calendar.add_working_days(date(2026, 2, 13), 7).date == date(2026, 3, 2)


def test_zero_days_is_the_start_itself_and_negative_is_refused() -> None:
    assert calendar.add_working_days(date(2026, 5, 1), 0).date == date(2026, 5, 1)
    with pytest.raises(ValueError):
        calendar.add_working_days(date(2026, 5, 1), -1)


def test_working_days_between_counts_used_and_left() -> None:
    assert calendar.working_days_between(date(2026, 2, 13), date(2026, 3, 19)).days == 20
    assert calendar.working_days_between(date(2026, 3, 19), date(2026, 2, 13)).days == -20
    assert calendar.working_days_between(date(2026, 10, 1), date(2026, 10, 7)).days == 0
    assert calendar.working_days_between(date(2026, 2, 13), date(2026, 2, 13)).days == 0


def test_next_working_day_and_on_or_after() -> None:
    assert calendar.next_working_day(date(2026, 9, 30)).date == date(2026, 10, 8)
    assert calendar.working_day_on_or_after(date(2026, 10, 3)).date == date(2026, 10, 8)
    assert calendar.working_day_on_or_after(date(2026, 10, 10)).date == date(2026, 10, 10)


def test_a_deadline_reaching_into_2027_is_provisional_until_2027_is_loaded() -> None:
    own = WorkingDayCalendar()
    start = date(2026, 12, 18)  # Friday
    before = own.add_working_days(start, 20)
    assert before == WorkingDate(date(2027, 1, 15), provisional=True)  # plain weekends assumed
    assert own.working_days_between(start, date(2027, 1, 5)).provisional
    assert not own.add_working_days(start, 5).provisional  # stays inside 2026

    own.load(
        YearArrangement(
            2027,
            holidays=frozenset({date(2027, 1, 1), date(2027, 1, 4), date(2027, 1, 5)}),
            workdays=frozenset({date(2027, 1, 9)}),
        )
    )
    # Three weekdays off, one Saturday worked: the deadline moves two working days later.
    assert own.add_working_days(start, 20) == WorkingDate(date(2027, 1, 19), provisional=False)


def test_a_loaded_arrangement_overrides_the_builtin_year() -> None:
    own = WorkingDayCalendar(
        [YearArrangement(2026, holidays=frozenset({date(2026, 3, 2)}), workdays=frozenset())]
    )
    assert not own.is_working_day(date(2026, 3, 2))
    assert own.is_working_day(date(2026, 2, 16))  # the loaded year replaces the builtin whole


def test_builtin_years_end_with_2026() -> None:
    assert calendar.builtin_years()[-1] == 2026
    assert builtin_arrangement(2027) is None
    assert not calendar.has_arrangement(2027)


@pytest.mark.parametrize(
    ("holidays", "workdays", "message"),
    [
        ({date(2026, 12, 31)}, set(), "不在 2027 年内"),
        ({date(2027, 1, 9)}, {date(2027, 1, 9)}, "既是放假日又是调休上班日"),
        (set(), {date(2027, 1, 6)}, "本来就是工作日"),
    ],
)
def test_an_inconsistent_arrangement_is_refused_naming_the_date(
    holidays: set[date], workdays: set[date], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        YearArrangement(2027, frozenset(holidays), frozenset(workdays))
