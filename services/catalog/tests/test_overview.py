"""工作台概览: the office's deadline figures, unit by unit, on the 2026 calendar; each figure is
the total of the 期限监督 list it links to. Dates counted by hand in each comment."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from catalog_builders import (
    BUREAU,
    DISTRICT,
    OFFICE,
    PUBLISHER,
    STREET,
    add_test_district,
    auth,
    column_id,
    item_body,
    publish,
)
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.items.models import InformationItem

TODAY = "2026-03-24"  # a Tuesday


async def _set(session: AsyncSession, item_id: int, **values: Any) -> None:
    item = await session.get(InformationItem, item_id)
    assert item is not None
    for key, value in values.items():
        setattr(item, key, value)
    await session.commit()


async def _draft(client: AsyncClient, column: int, formed_on: str) -> int:
    made = await client.post(
        "/items", json=item_body(column, formed_on=formed_on), headers=PUBLISHER
    )
    assert made.status_code == 201, made.text
    return int(made.json()["id"])


async def _district(client: AsyncClient, session: AsyncSession) -> None:
    """The bureau: one draft late, one at risk, one policy without its interpretation; the
    street: one draft late."""
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    # Formed Friday 13 February: Saturday 14 worked (1), 15–23 off, 24 February to 19 March
    # (2–20) with Saturday 28 February worked: due 19 March, late on 24 March.
    await _draft(client, column, "2026-02-13")
    # Formed Monday 2 March: due Monday 30 March (3 March is day 1); on 24 March 4 left.
    await _draft(client, column, "2026-03-02")
    street_item = await _draft(client, column, "2026-02-13")
    await _set(session, street_item, unit_id=STREET)
    # Published Monday 2 March 10:00: its 解读 was due Thursday 5 March (3, 4, 5), none yet.
    policy = await publish(
        client, await column_id(client, "A20-01-02"), document_type="normative", title="管理办法"
    )
    await _set(session, policy["id"], published_at=datetime(2026, 3, 2, 2, 0, tzinfo=UTC))


async def _overview(client: AsyncClient, unit_id: int, headers: dict[str, str]) -> Any:
    return await client.get(f"/overview/units/{unit_id}", params={"today": TODAY}, headers=headers)


async def test_the_office_sees_each_units_late_at_risk_and_missing_interpretations(
    client: AsyncClient, session: AsyncSession
) -> None:
    await _district(client, session)
    response = await _overview(client, DISTRICT, OFFICE)
    assert response.status_code == 200, response.text
    figures = {
        row["unit_name"]: (row["at_risk"], row["late"], row["missing_interpretations"])
        for row in response.json()["units"]
    }
    assert response.json()["units"][0]["unit_id"] == DISTRICT  # the unit asked first
    assert figures == {
        "锦华区人民政府": (0, 0, 0),
        "东湖街道": (0, 1, 0),
        "锦华区教育局": (1, 1, 1),
        "青龙街道": (0, 0, 0),
    }
    # The bureau's figure is the total of its 期限监督 list (the link's target).
    listed = await client.get(
        f"/units/{BUREAU}/deadlines", params={"state": "late", "today": TODAY}, headers=OFFICE
    )
    assert listed.json()["total"] == 1


async def test_a_units_own_staff_see_their_unit_and_no_other(
    client: AsyncClient, session: AsyncSession
) -> None:
    await _district(client, session)
    own = await _overview(client, BUREAU, auth("reviewer", unit_id=BUREAU))
    assert [row["unit_name"] for row in own.json()["units"]] == ["锦华区教育局"]
    other = await _overview(client, BUREAU, auth("publisher", unit_id=STREET))
    assert other.status_code == 403
    # A street's office sees its street only.
    street = await _overview(client, STREET, auth("office", unit_id=STREET))
    assert [(r["unit_name"], r["late"]) for r in street.json()["units"]] == [("东湖街道", 1)]
    # Not for a window clerk: no business reading drafts' deadlines.
    clerk = await _overview(client, BUREAU, auth("window_clerk", unit_id=BUREAU))
    assert clerk.status_code == 403
