"""A period's applications and consultations, unit by unit, for the reporting service's monthly
bulletin and work summaries."""

from __future__ import annotations

from typing import Any

from applications_builders import (
    BUREAU,
    DISTRICT,
    HANDLER,
    OFFICE,
    STREET,
    add_test_district,
    registered,
)
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.testing import auth

OCTOBER = {"date_from": "2026-10-01", "date_to": "2026-10-31"}


async def replied(client: AsyncClient, app: dict[str, Any], replied_on: str) -> None:
    decided = await client.post(
        f"/applications/{app['id']}/decision", json={"outcome": "disclosed"}, headers=HANDLER
    )
    assert decided.status_code == 200, decided.text
    done = await client.post(
        f"/applications/{app['id']}/reply", json={"replied_on": replied_on}, headers=HANDLER
    )
    assert done.status_code == 200, done.text


async def inbox_total(client: AsyncClient, urgency: str) -> int:
    answer = await client.get(
        "/applications", params={"unit_id": BUREAU, "urgency": urgency}, headers=OFFICE
    )
    return int(answer.json()["total"])


async def test_a_months_applications_unit_by_unit(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    # Received Tuesday 1 September: 20 working days (the worked Sunday 20 September counts,
    # 25 September does not) end on 29 September; answered 12 October, late.
    late = await registered(client, received_on="2026-09-01")
    await replied(client, late, "2026-10-12")
    # Received Friday 9 October, answered 20 October: in time.
    timely = await registered(client, received_on="2026-10-09")
    await replied(client, timely, "2026-10-20")
    # Received 19 October and still open: past its date now, in December.
    await registered(client, received_on="2026-10-19")

    answer = await client.get(
        f"/stats/units/{DISTRICT}/applications/period",
        params={**OCTOBER, "below": True},
        headers=OFFICE,
    )
    assert answer.status_code == 200, answer.text
    figures = answer.json()
    assert (figures["received"], figures["answered"], figures["answered_on_time"]) == (2, 2, 1)
    assert figures["by_month"] == [{"month": "2026-10", "received": 2}]
    rows = {row["unit_id"]: row for row in figures["by_unit"]}
    # Near and past their date: as the handlers' inbox counts them today.
    assert rows[BUREAU]["overdue"] == await inbox_total(client, "overdue")
    assert rows[BUREAU]["due_soon"] == await inbox_total(client, "due_soon")
    assert rows[BUREAU]["overdue"] >= 1
    assert (rows[BUREAU]["received"], rows[BUREAU]["answered"]) == (2, 2)
    assert rows[STREET] == {
        "unit_id": STREET, "unit_name": "东湖街道", "received": 0, "answered": 0,
        "due_soon": 0, "overdue": 0,
    }  # fmt: skip
    assert figures["consultations"] == {"received": 0, "answered": 0, "rated": 0, "satisfied": 0}


async def test_a_period_is_in_order_and_in_reach(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    backwards = await client.get(
        f"/stats/units/{DISTRICT}/applications/period",
        params={"date_from": "2026-10-31", "date_to": "2026-10-01"},
        headers=OFFICE,
    )
    assert backwards.status_code == 422
    assert backwards.json()["error"]["fields"][0]["field"] == "date_to"
    street_staff = auth("application_handler", unit_id=STREET)
    refused = await client.get(
        f"/stats/units/{DISTRICT}/applications/period", params=OCTOBER, headers=street_staff
    )
    assert refused.status_code == 403
