"""The clock's rules as staff see them: the staff view's due date, and the inbox agreeing.

The dates are those counted by hand in `test_clock.py` on the 2026 calendar."""

from __future__ import annotations

from typing import Any

from applications_builders import HANDLER, add_test_district, registered
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession


async def _step(client: AsyncClient, app_id: int, path: str, body: dict[str, Any]) -> Any:
    done = await client.post(f"/applications/{app_id}/{path}", json=body, headers=HANDLER)
    assert done.status_code == 200, done.text
    return done.json()


async def _inbox_due(client: AsyncClient, app_id: int) -> Any:
    inbox = await client.get("/applications", params={"include_closed": True}, headers=HANDLER)
    return next(row for row in inbox.json()["items"] if row["id"] == app_id)["reply_due_on"]


async def test_overlapping_consultations_pause_their_common_days_once(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client, received_on="2026-09-14")
    third = {"kind": "third_party", "party": "锦华区星火艺术培训学校", "asked_on": "2026-09-18"}
    first = (await _step(client, app["id"], "opinions", third))["opinions"][0]["id"]
    agency = {"kind": "agency", "party": "锦华区财政局", "asked_on": "2026-09-28"}
    second = (await _step(client, app["id"], "opinions", agency))["opinions"][1]["id"]
    await _step(
        client, app["id"], f"opinions/{first}/answer", {"answered_on": "2026-10-09", "answer": ""}
    )
    view = await _step(
        client, app["id"], f"opinions/{second}/answer", {"answered_on": "2026-10-12", "answer": ""}
    )
    assert view["clock"]["paused_working_days"] == 12
    assert view["clock"]["reply_due_on"] == "2026-11-03"
    assert await _inbox_due(client, app["id"]) == "2026-11-03"


async def test_a_supplement_restarts_the_clock_past_an_earlier_consultation(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client, received_on="2026-08-03")
    agency = {"kind": "agency", "party": "锦华区财政局", "asked_on": "2026-08-04"}
    opinion = (await _step(client, app["id"], "opinions", agency))["opinions"][0]["id"]
    await _step(
        client, app["id"], f"opinions/{opinion}/answer", {"answered_on": "2026-08-06", "answer": ""}
    )
    await _step(
        client,
        app["id"],
        "supplement-request",
        {"requested_on": "2026-08-07", "request": "请明确所需信息的学年", "due_on": "2026-08-28"},
    )
    view = await _step(client, app["id"], "supplement-received", {"received_on": "2026-09-22"})
    assert view["clock"]["paused_working_days"] == 0
    assert view["clock"]["reply_due_on"] == "2026-10-27"
    assert await _inbox_due(client, app["id"]) == "2026-10-27"


async def test_an_unanswered_consultation_stops_pausing_after_fifteen_working_days(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client, received_on="2026-09-14")
    view = await _step(
        client,
        app["id"],
        "opinions",
        {
            "kind": "third_party",
            "party": "锦华区星火艺术培训学校",
            "asked_on": "2026-09-18",
            "letter_received_on": "2026-09-22",
        },
    )
    opinion = view["opinions"][0]
    assert (opinion["letter_received_on"], opinion["answer_due_on"]) == (
        "2026-09-22",
        "2026-10-20",
    )
    # Today (2 December 2026 or later) is past the third party's 15 working days.
    assert view["clock"]["reply_due_on"] == "2026-11-11"
    assert view["clock"]["urgency"] == "overdue"
    assert await _inbox_due(client, app["id"]) == "2026-11-11"
    agency = await registered(client, received_on="2026-09-14")
    asked = await _step(
        client,
        agency["id"],
        "opinions",
        {"kind": "agency", "party": "锦华区财政局", "asked_on": "2026-09-18"},
    )
    # Unnamed, the letter was received the day it was sent: 15 working days → Thu 15 Oct.
    assert asked["opinions"][0]["letter_received_on"] == "2026-09-18"
    assert asked["opinions"][0]["answer_due_on"] == "2026-10-15"


async def test_a_letter_cannot_be_received_before_it_was_sent(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client, received_on="2026-09-14")
    refused = await client.post(
        f"/applications/{app['id']}/opinions",
        json={
            "kind": "agency",
            "party": "锦华区财政局",
            "asked_on": "2026-09-18",
            "letter_received_on": "2026-09-17",
        },
        headers=HANDLER,
    )
    assert refused.status_code == 422
    assert "letter_received_on" in refused.text
