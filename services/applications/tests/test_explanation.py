"""Asking the applicant to explain a request clearly beyond a reasonable quantity or frequency
(说明理由, 条例第三十五条): its own step, its own time, the reply clock not running meanwhile.

Every date is counted by hand on the 2026 calendar (no holiday in August; Sunday 20 September
worked). The application is received Monday 3 August: its reply is due, without a pause, on the
20th working day after: 4-7 (4), 10-14 (9), 17-21 (14), 24-28 (19), Monday 31 August (20).
The office asks for an explanation on Wednesday 5 August; 15 working days from it, the day named
is 6, 7 (2), 10-14 (7), 17-21 (12), 24, 25, Wednesday 26 August (15).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from applications_builders import HANDLER, add_test_district
from applications_builders import registered as registered_on
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.clock import (
    ClockFacts,
    Phase,
    compute,
    explanation_due,
    explanation_pause,
    kept,
)
from sunshine_kit.calendar.days import WorkingDayCalendar

calendar = WorkingDayCalendar()
RECEIVED = date(2026, 8, 3)
ASKED = date(2026, 8, 5)
NAMED_DAY = date(2026, 8, 26)


def _facts(received_on: date | None = None, **overrides: Any) -> ClockFacts:
    wait = explanation_pause(ASKED, NAMED_DAY, received_on)
    return ClockFacts(received_on=RECEIVED, explanation=wait, **overrides)


def test_the_day_named_is_fifteen_working_days_unless_the_office_sets_another() -> None:
    assert explanation_due(calendar, ASKED) == (NAMED_DAY, False)
    # 10 working days: 6, 7 (2), 10-14 (7), 17, 18, Wednesday 19 August (10).
    assert explanation_due(calendar, ASKED, 10) == (date(2026, 8, 19), False)


def test_the_clock_does_not_run_while_the_explanation_is_awaited() -> None:
    waiting = compute(calendar, _facts(), date(2026, 8, 20))
    assert waiting.phase == Phase.AWAITING_EXPLANATION
    # Kept for the inbox: the wait counted to the day named, 6-26 August, 15 working days
    # paused → the 35th working day after 3 August: 31 August (20), 1-4 September (24), 7-11
    # (29), 14-18 (34), the worked Sunday 20 September (35).
    stored = kept(calendar, _facts(), date(2026, 8, 20))
    assert (stored.reply_due_on, stored.paused_working_days) == (date(2026, 9, 20), 15)


def test_the_explanation_received_ends_the_pause_without_restarting_the_clock() -> None:
    # Explained Wednesday 12 August: 6, 7, 10, 11, 12 August paused (5), and the two days
    # counted before the notice (4, 5 August) still count: the 25th working day after 3 August,
    # 31 August (20), 1, 2, 3, 4 (24), Monday 7 September (25).
    explained = compute(calendar, _facts(date(2026, 8, 12)), date(2026, 8, 13))
    assert explained.phase == Phase.RUNNING
    assert (explained.reply_due_on, explained.paused_working_days) == (date(2026, 9, 7), 5)


def test_a_later_reply_date_set_for_a_reasonable_explanation_is_the_due_date() -> None:
    later = date(2026, 9, 30)
    clock = compute(calendar, _facts(date(2026, 8, 12), later_reply_on=later), date(2026, 9, 8))
    assert clock.reply_due_on == later and clock.working_days_left is not None
    # From Tuesday 8 September: 9-11 (3), 14-18 (8), 20 (9, worked Sunday), 21-24 (13), 25 is
    # Mid-Autumn, 28-30 (16).
    assert clock.working_days_left == 16


def test_no_explanation_by_the_day_named_and_the_clock_runs_again() -> None:
    lapsed = compute(calendar, _facts(), date(2026, 9, 1))
    assert lapsed.phase == Phase.RUNNING
    assert lapsed.reply_due_on == date(2026, 9, 20)  # as counted above: 15 days paused


async def _post(client: AsyncClient, app: dict[str, Any], step: str, body: dict[str, Any]) -> Any:
    return await client.post(f"/applications/{app['id']}/{step}", json=body, headers=HANDLER)


ASK = {"requested_on": "2026-08-05", "request": "一年内就同一事项提出申请三十余次，请说明理由"}


async def test_asked_to_explain_then_found_reasonable_with_a_later_reply_date(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered_on(client, received_on="2026-08-03")
    asked = await _post(client, app, "explanation-request", ASK)
    assert asked.status_code == 200, asked.text
    view = asked.json()
    assert view["status"] == "awaiting_explanation"
    assert view["explanation_due_on"] == "2026-08-26"
    assert "explanation-request" not in view["next_steps"]
    # Today (after 26 August) the applicant's day is over: nothing to record any more.
    assert "explanation-received" not in view["next_steps"]
    assert "decision" in view["next_steps"]  # as given up: 其他处理 3 only

    fresh = await registered_on(client, received_on="2026-08-03")
    assert (await _post(client, fresh, "explanation-request", ASK)).status_code == 200
    too_early = {"received_on": "2026-08-12", "reasonable": True, "finding": "课题研究所需"}
    not_later = await _post(
        client, fresh, "explanation-received", {**too_early, "later_reply_on": "2026-09-07"}
    )
    assert not_later.status_code == 422 and "later_reply_on" in not_later.text
    assert "2026-09-07" in not_later.text  # the statutory date it must exceed
    explained = await _post(
        client, fresh, "explanation-received", {**too_early, "later_reply_on": "2026-09-30"}
    )
    assert explained.status_code == 200, explained.text
    body = explained.json()
    assert body["status"] == "in_progress" and body["explanation_reasonable"] is True
    assert body["clock"]["reply_due_on"] == "2026-09-30"
    assert body["clock"]["paused_working_days"] == 5
    assert body["later_reply_on"] == "2026-09-30"


async def test_an_unreasonable_explanation_is_answered_not_processed_four(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered_on(client, received_on="2026-08-03")
    assert (await _post(client, app, "explanation-request", ASK)).status_code == 200
    unreasonable = {"received_on": "2026-08-12", "reasonable": False, "finding": "无正当理由"}
    with_date = await _post(
        client, app, "explanation-received", {**unreasonable, "later_reply_on": "2026-09-30"}
    )
    assert with_date.status_code == 422 and "later_reply_on" in with_date.text
    found = await _post(client, app, "explanation-received", unreasonable)
    assert found.status_code == 200, found.text
    view = found.json()
    assert (view["status"], view["outcome"], view["outcome_reason"]) == (
        "decided",
        "not_processed",
        4,
    )
    assert "reply" in view["next_steps"]
    assert view["clock"]["reply_due_on"] == "2026-09-07"  # 5 days paused, as counted above


async def test_no_explanation_by_the_day_named_is_closed_as_other_processing_three(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered_on(client, received_on="2026-08-03")
    assert (await _post(client, app, "explanation-request", ASK)).status_code == 200
    late = await _post(
        client,
        app,
        "explanation-received",
        {"received_on": "2026-08-27", "reasonable": True, "finding": "课题研究所需"},
    )
    assert late.status_code == 409 and late.json()["error"]["code"] == "explanation_lapsed"
    ordinary = await _post(client, app, "decision", {"outcome": "disclosed"})
    assert ordinary.status_code == 409 and ordinary.json()["error"]["code"] == "not_ready"
    given_up = await _post(
        client,
        app,
        "decision",
        {"outcome": "other", "outcome_reason": 3, "explanation": "逾期未说明理由，视为放弃"},
    )
    assert given_up.status_code == 200, given_up.text
    # Paused 6-26 August (15): due the worked Sunday 20 September, as counted above.
    assert given_up.json()["clock"]["reply_due_on"] == "2026-09-20"
    tracked = await client.post(
        "/applications/track",
        json={"tracking_number": app["tracking_number"], "query_code": app["query_code"]},
    )
    assert "要求说明理由（2026-08-26前）" in [step["what"] for step in tracked.json()["steps"]]


async def test_a_request_to_explain_goes_out_within_the_reply_period_and_once(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered_on(client, received_on="2026-08-03")
    # The reply was due Monday 31 August.
    late = await _post(client, app, "explanation-request", {**ASK, "requested_on": "2026-09-01"})
    assert late.status_code == 409 and late.json()["error"]["code"] == "reply_period_over"
    assert "2026-08-31" in late.text
    on_the_last_day = {**ASK, "requested_on": "2026-08-31", "working_days": 10}
    in_time = await _post(client, app, "explanation-request", on_the_last_day)
    assert in_time.status_code == 200, in_time.text
    # 10 working days from Monday 31 August: 1-4 (4), 7-11 (9), Monday 14 September (10).
    assert in_time.json()["explanation_due_on"] == "2026-09-14"
    again = await _post(client, app, "explanation-request", on_the_last_day)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "explanation_already_requested"
