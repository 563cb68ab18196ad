"""The staff view offers only the steps the law still allows today, and several waits (a fee, a
consultation) may be open at once, each step allowed on its own facts.

Dates counted by hand on the 2026 calendar; today, in these tests, is after every fixed date."""

from __future__ import annotations

from typing import Any

from applications_builders import HANDLER, add_test_district, application_in, days_from_today
from applications_builders import registered as registered_on
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession


async def _post(client: AsyncClient, app: dict[str, Any], step: str, body: dict[str, Any]) -> Any:
    return await client.post(f"/applications/{app['id']}/{step}", json=body, headers=HANDLER)


async def test_steps_bounded_by_the_reply_period_are_not_offered_after_it(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    # Received Mon 3 Aug. Supplement notice by the 7th working day: 4-7 (4), 10, 11, Wed 12 Aug
    # (7). Reply by the 20th: 12 Aug (7), 13, 14 (9), 17-21 (14), 24-28 (19), Mon 31 Aug (20).
    # Today is past both: no supplement notice, fee notice, request to explain or extension.
    app = await registered_on(client, received_on="2026-08-03")
    assert app["clock"]["supplement_notice_due_on"] == "2026-08-12"
    assert app["clock"]["reply_due_on"] == "2026-08-31"
    assert app["next_steps"] == ["opinions", "decision", "assign", "remedies"]
    # Refused, not only hidden, when dated after the due date.
    extension = {"working_days": 10, "approved_by": "李主任", "reason": "档案分散"}
    late = await _post(client, app, "extension", {**extension, "notified_on": "2026-09-01"})
    assert late.status_code == 409 and late.json()["error"]["code"] == "reply_period_over"
    # A notice dated within its time may still be recorded, though no longer offered.
    notice = {"request": "请明确所需信息的学年", "due_on": "2026-08-28"}
    recorded = await _post(
        client, app, "supplement-request", {**notice, "requested_on": "2026-08-12"}
    )
    assert recorded.status_code == 200, recorded.text


async def test_steps_still_in_time_are_offered(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    # Received yesterday: within the 7 and the 20 working days.
    app = await application_in(client, "in_progress")
    for step in ("supplement-request", "explanation-request", "extension", "fee-notice"):
        assert step in app["next_steps"], step


async def test_a_fee_and_a_consultation_may_both_be_open(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await application_in(client, "awaiting_fee")
    today = days_from_today(0)
    asked = await _post(
        client, app, "opinions", {"kind": "agency", "party": "锦华区财政局", "asked_on": today}
    )
    assert asked.status_code == 200, asked.text
    # Both are open: the status names the applicant's wait, both steps are offered.
    assert asked.json()["status"] == "awaiting_fee"
    assert {"fee-paid", "opinion-answer"} <= set(asked.json()["next_steps"])
    paid = await _post(client, app, "fee-paid", {"paid_on": today})
    assert paid.status_code == 200, paid.text
    # Paid while the consultation is open: the clock stays suspended (Art. 32, 42).
    assert paid.json()["status"] == "consulting"
    assert paid.json()["clock"]["phase"] == "suspended"
    opinion = paid.json()["opinions"][0]["id"]
    answered = await _post(
        client, app, f"opinions/{opinion}/answer", {"answered_on": today, "answer": "同意"}
    )
    assert answered.json()["status"] == "in_progress"
    assert "decision" in answered.json()["next_steps"]


async def test_answering_the_consultation_first_leaves_the_fee_awaited(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await application_in(client, "consulting")
    today = days_from_today(0)
    notice = {"fee_fen": 5_000, "notified_on": today, "due_on": days_from_today(20)}
    assert (await _post(client, app, "fee-notice", notice)).status_code == 200
    opinion = app["opinions"][0]["id"]
    answered = await _post(
        client, app, f"opinions/{opinion}/answer", {"answered_on": today, "answer": "同意"}
    )
    assert answered.json()["status"] == "awaiting_fee"
    assert "fee-paid" in answered.json()["next_steps"]
    assert "decision" not in answered.json()["next_steps"]


async def test_the_handler_reads_the_reply_letter_before_sending_it(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await application_in(client, "in_progress")
    before = await client.get(f"/applications/{app['id']}/letter", headers=HANDLER)
    assert before.status_code == 409
    refused = {
        "outcome": "not_disclosed",
        "outcome_reason": 4,
        "explanation": "涉及第三方商业秘密，第三方不同意公开",
        "legal_basis": "《中华人民共和国政府信息公开条例》第十五条",
    }
    assert (await _post(client, app, "decision", refused)).status_code == 200
    letter = await client.get(f"/applications/{app['id']}/letter", headers=HANDLER)
    assert letter.status_code == 200, letter.text
    text = "".join(letter.json()["paragraphs"])
    # 不予公开: reconsideration first (行政复议法 2023 第二十三条), then a lawsuit.
    assert "先向" in text and "申请行政复议" in text and "第二十三条" in text
    assert "6个月内" not in text
