"""The demo applications: every result present, dates the statutory clock agrees with, once."""

from __future__ import annotations

from applications_builders import BUREAU, HANDLER, add_test_district, applicant
from httpx import AsyncClient
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications import service
from sunshine_applications.applications.labels import OUTCOME_REASONS
from sunshine_applications.applications.models import (
    DisclosureApplication,
    OpinionRequest,
    Remedy,
    Status,
)
from sunshine_applications.demo.loader import load
from sunshine_applications.stats.service import applicant_column
from sunshine_kit.calendar.days import WorkingDayCalendar
from sunshine_kit.calendar.service import build_calendar

COUNT = 160


async def loaded(session: AsyncSession) -> list[DisclosureApplication]:
    await add_test_district(session)
    assert await load(session, count=COUNT) == COUNT
    await session.commit()
    return list((await session.scalars(select(DisclosureApplication))).all())


async def test_every_result_and_sub_reason_and_applicant_column_appears(
    session: AsyncSession,
) -> None:
    applications = await loaded(session)
    results = {(a.outcome, a.outcome_reason) for a in applications if a.status == Status.CLOSED}
    for outcome, reasons in OUTCOME_REASONS.items():
        for reason in range(1, len(reasons) + 1) if reasons else [None]:
            assert (outcome.value, reason) in results, (outcome, reason)
    columns = await session.scalars(select(applicant_column()).distinct())
    assert set(columns) == {
        "natural_person",
        "business",
        "research",
        "public_welfare",
        "legal_service",
        "other",
    }
    statuses = {a.status for a in applications}
    assert {Status.CLOSED, Status.IN_PROGRESS} <= statuses
    assert statuses & {Status.AWAITING_SUPPLEMENT, Status.CONSULTING, Status.DECIDED}
    repeat = next(a for a in applications if (a.outcome, a.outcome_reason) == ("not_processed", 2))
    earlier = next(a for a in applications if a.id == repeat.repeat_of_id)
    assert (earlier.fingerprint, earlier.unit_id) == (repeat.fingerprint, repeat.unit_id)
    assert await session.scalar(select(func.count()).select_from(OpinionRequest)) > 0
    # Written in batches with Core, and still encrypted (the columns' type does it).
    stored = (
        await session.execute(text("SELECT id_number, phone FROM disclosure_application"))
    ).all()
    assert all(n.startswith("pd1.") and p.startswith("pd1.") for n, p in stored)
    assert await session.scalar(select(func.count()).select_from(Remedy)) > 0


async def test_dates_follow_the_statutory_clock(session: AsyncSession) -> None:
    applications = await loaded(session)
    calendar: WorkingDayCalendar = await build_calendar(session)
    for a in applications:
        assert a.received_on is None or a.received_on >= a.submitted_on
        if a.replied_on is not None:
            assert a.status == Status.CLOSED and a.received_on is not None
            assert a.replied_on >= a.received_on
        if a.supplement_received_on is not None:
            # The clock starts again from the day the supplement came in.
            assert a.supplement_requested_on is not None
            assert a.supplement_requested_on <= a.supplement_received_on
            restart = calendar.add_working_days(a.supplement_received_on, 20).date
            assert a.reply_due_on is not None and a.reply_due_on >= restart
        if a.status not in (Status.CLOSED, Status.AWAITING_RECEIPT, Status.AWAITING_SUPPLEMENT):
            assert a.reply_due_on is not None, a.tracking_number
        if a.status == Status.AWAITING_RECEIPT:
            assert a.received_on is None and a.handler is None
    # The service recomputing every open application's due date finds nothing to change.
    assert await service.recompute_open(session, calendar) == 0
    years = {a.tracking_number[3:7] for a in applications}
    assert years == {"2025", "2026"}


async def test_loading_twice_writes_nothing_and_numbers_continue(
    client: AsyncClient, session: AsyncSession
) -> None:
    applications = await loaded(session)
    assert await load(session, count=COUNT) == 0
    last = max(a.tracking_number for a in applications if a.tracking_number.startswith("YSQ2026"))
    made = await client.post("/applications", json=applicant(unit_id=BUREAU))
    assert made.status_code == 201, made.text
    assert made.json()["tracking_number"] == f"YSQ2026{int(last[7:]) + 1:06d}"
    inbox = await client.get("/applications", params={"unit_id": BUREAU}, headers=HANDLER)
    assert inbox.status_code == 200 and inbox.json()["total"] > 0
    # The demo's applications are the office's ordinary work: their history is there too.
    first = inbox.json()["items"][0]["id"]
    history = await client.get(f"/applications/{first}/history", headers=HANDLER)
    assert history.status_code == 200 and history.json()
