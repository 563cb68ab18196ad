"""The dates a step is given, against today and the statutory periods (Articles 30, 32, 34, 42),
counted by hand on the 2026 calendar (today, in these tests, is after every fixed date used)."""

from __future__ import annotations

from typing import Any

from applications_builders import HANDLER, add_test_district, application_in, days_from_today
from applications_builders import registered as registered_on
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession


async def _post(client: AsyncClient, app: dict[str, Any], step: str, body: dict[str, Any]) -> Any:
    return await client.post(f"/applications/{app['id']}/{step}", json=body, headers=HANDLER)


def _refused_field(response: Any, field: str) -> bool:
    fields = response.json()["error"]["fields"]
    return response.status_code == 422 and any(f["field"].endswith(field) for f in fields)


async def test_nothing_is_recorded_as_done_tomorrow(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    tomorrow = days_from_today(1)
    awaiting = await application_in(client, "awaiting_receipt")
    receipt = await _post(client, awaiting, "receipt", {"received_on": tomorrow})
    assert _refused_field(receipt, "received_on"), receipt.text
    supplement = await application_in(client, "awaiting_supplement")
    back = await _post(client, supplement, "supplement-received", {"received_on": tomorrow})
    assert _refused_field(back, "received_on"), back.text
    consulting = await application_in(client, "consulting")
    opinion = consulting["opinions"][0]["id"]
    answered = await _post(
        client,
        consulting,
        f"opinions/{opinion}/answer",
        {"answered_on": tomorrow, "answer": "同意"},
    )
    assert _refused_field(answered, "answered_on"), answered.text
    fee = await application_in(client, "awaiting_fee")
    paid = await _post(client, fee, "fee-paid", {"paid_on": tomorrow})
    assert _refused_field(paid, "paid_on"), paid.text
    decided = await application_in(client, "decided")
    replied = await _post(client, decided, "reply", {"replied_on": tomorrow})
    assert _refused_field(replied, "replied_on"), replied.text


async def test_a_supplement_notice_after_seven_working_days_is_refused(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    # Received Mon 3 Aug; 7 working days: 4, 5, 6, 7, 10, 11, 12 Aug → last day Wed 12 Aug.
    app = await registered_on(client, received_on="2026-08-03")
    body = {"request": "请明确所需信息的学年", "due_on": "2026-08-28"}
    late = await _post(client, app, "supplement-request", {**body, "requested_on": "2026-08-13"})
    assert late.status_code == 409
    assert late.json()["error"]["code"] == "supplement_notice_late"
    assert "2026-08-12" in late.text
    in_time = await _post(client, app, "supplement-request", {**body, "requested_on": "2026-08-12"})
    assert in_time.status_code == 200, in_time.text


async def test_the_office_decides_once_an_unanswered_consultation_has_run_out(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered_on(client, received_on="2026-08-03")
    # Letter received Tue 4 Aug; 15 working days: 5-7 (3), 10-14 (8), 17-21 (13), 24 (14),
    # 25 Aug (15) → the answer was due Tue 25 Aug, long past.
    asked = await _post(
        client,
        app,
        "opinions",
        {"kind": "agency", "party": "锦华区财政局", "asked_on": "2026-08-04"},
    )
    assert asked.json()["opinions"][0]["answer_due_on"] == "2026-08-25"
    assert "decision" in asked.json()["next_steps"]
    decided = await _post(client, app, "decision", {"outcome": "disclosed"})
    assert decided.status_code == 200, decided.text
    # A consultation still within its 15 working days holds the decision back.
    recent = await application_in(client, "consulting")
    held = await _post(client, recent, "decision", {"outcome": "disclosed"})
    assert held.status_code == 409 and held.json()["error"]["code"] == "consulting"


async def test_a_fee_notice_goes_out_within_the_reply_period(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    # Received Mon 3 Aug; 20 working days: 4-7 (4), 10-14 (9), 17-21 (14), 24-28 (19),
    # Mon 31 Aug (20) → the reply was due Mon 31 Aug.
    app = await registered_on(client, received_on="2026-08-03")
    body = {"fee_fen": 10_000, "due_on": "2026-09-30"}
    late = await _post(client, app, "fee-notice", {**body, "notified_on": "2026-09-01"})
    assert late.status_code == 409 and late.json()["error"]["code"] == "reply_period_over"
    assert "2026-08-31" in late.text
    in_time = await _post(client, app, "fee-notice", {**body, "notified_on": "2026-08-31"})
    assert in_time.status_code == 200, in_time.text


async def test_an_unpaid_fee_lapses_only_after_twenty_working_days(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    lapsed_body = {"outcome": "other", "outcome_reason": 2, "explanation": "逾期未缴费"}
    # Notified yesterday with a time to pay that ended yesterday: not yet 20 working days.
    recent = await application_in(client, "in_progress")
    notice = {"fee_fen": 10_000, "notified_on": days_from_today(-1), "due_on": days_from_today(-1)}
    assert (await _post(client, recent, "fee-notice", notice)).status_code == 200
    early = await _post(client, recent, "decision", lapsed_body)
    assert _refused_field(early, "outcome_reason"), early.text
    # Received Tue 20 Oct, notified Mon 2 Nov; 20 working days: 3-6 (4), 9-13 (9), 16-20 (14),
    # 23-27 (19), Mon 30 Nov (20) → unpaid after Mon 30 Nov, and today is later.
    old = await registered_on(client, received_on="2026-10-20")
    notice = {"fee_fen": 10_000, "notified_on": "2026-11-02", "due_on": "2026-11-30"}
    assert (await _post(client, old, "fee-notice", notice)).status_code == 200
    lapsed = await _post(client, old, "decision", lapsed_body)
    assert lapsed.status_code == 200, lapsed.text


async def test_a_fee_paid_during_a_consultation_leaves_the_clock_suspended(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await application_in(client, "consulting")
    today = days_from_today(0)
    notice = {"fee_fen": 10_000, "notified_on": today, "due_on": days_from_today(15)}
    assert (await _post(client, app, "fee-notice", notice)).status_code == 200
    paid = await _post(client, app, "fee-paid", {"paid_on": today})
    assert paid.status_code == 200, paid.text
    assert paid.json()["status"] == "consulting"
    assert paid.json()["clock"]["phase"] == "suspended"
    assert "decision" not in paid.json()["next_steps"]
