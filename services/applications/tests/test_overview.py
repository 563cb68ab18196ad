"""工作台概览: open applications due soon and overdue, unit by unit; each figure is the total of
the inbox filtered by that unit and urgency (the list the overview links to)."""

from __future__ import annotations

from typing import Any

from applications_builders import (
    BUREAU,
    DISTRICT,
    HANDLER,
    OFFICE,
    STREET,
    add_test_district,
    auth,
    registered,
)
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.models import DisclosureApplication
from sunshine_kit.calendar.days import today


async def _due_today(session: AsyncSession, application: dict[str, Any]) -> None:
    row = await session.get(DisclosureApplication, application["id"])
    assert row is not None
    row.reply_due_on = today()
    await session.commit()


async def _district(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    # Received Monday 19 October: 20 working days are 20 October … 16 November (no holiday
    # between), so it is overdue on any day since; the tests run in December 2026 or later.
    await registered(client, received_on="2026-10-19")
    # Due today: within the 5 working days of "due soon".
    await _due_today(session, await registered(client, received_on="2026-11-30"))
    street = await registered(client, received_on="2026-10-19")
    row = await session.get(DisclosureApplication, street["id"])
    assert row is not None
    row.unit_id = STREET
    await session.commit()


async def _overview(client: AsyncClient, unit_id: int, headers: dict[str, str]) -> Any:
    return await client.get(f"/overview/units/{unit_id}", headers=headers)


async def test_the_office_sees_each_units_applications_due_soon_and_overdue(
    client: AsyncClient, session: AsyncSession
) -> None:
    await _district(client, session)
    response = await _overview(client, DISTRICT, OFFICE)
    assert response.status_code == 200, response.text
    figures = {
        row["unit_name"]: (row["due_soon"], row["overdue"]) for row in response.json()["units"]
    }
    assert figures == {
        "锦华区人民政府": (0, 0),
        "东湖街道": (0, 1),
        "锦华区教育局": (1, 1),
        "青龙街道": (0, 0),
    }
    # The same as the inbox the figure links to.
    inbox = await client.get(
        "/applications", params={"unit_id": BUREAU, "urgency": "overdue"}, headers=OFFICE
    )
    assert inbox.json()["total"] == 1


async def test_a_handler_sees_their_unit_and_a_supervisor_reads(
    client: AsyncClient, session: AsyncSession
) -> None:
    await _district(client, session)
    own = await _overview(client, BUREAU, HANDLER)
    assert [(r["unit_name"], r["overdue"]) for r in own.json()["units"]] == [("锦华区教育局", 1)]
    assert (await _overview(client, STREET, HANDLER)).status_code == 403
    supervisor = await _overview(client, DISTRICT, auth("supervisor", unit_id=DISTRICT))
    assert len(supervisor.json()["units"]) == 4
    assert (await _overview(client, BUREAU, auth("publisher", unit_id=BUREAU))).status_code == 403
