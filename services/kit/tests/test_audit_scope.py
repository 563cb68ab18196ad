"""Audit lists cover the caller's unit subtree only (finding: scope)."""

from __future__ import annotations

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.testing import BUREAU, DISTRICT, STREET, add_test_district, auth


async def test_a_streets_office_sees_its_streets_entries_not_the_bureaus(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    for unit, title in ((BUREAU, "教育局公告"), (STREET, "街道公告")):
        response = await client.post(
            "/notes", json={"title": title}, headers=auth("publisher", unit_id=unit)
        )
        assert response.status_code == 201

    def titles(response: object) -> set[str]:
        return {entry["entity_id"] for entry in response.json()}  # type: ignore[attr-defined]

    query = {"entity_type": "note"}
    street_office = await client.get("/audit", params=query, headers=auth("office", unit_id=STREET))
    assert titles(street_office) == {"街道公告"}
    district = await client.get(
        "/audit", params=query, headers=auth("supervisor", unit_id=DISTRICT)
    )
    assert titles(district) == {"教育局公告", "街道公告"}
    component = await client.get("/audit", params=query, headers=auth("service"))
    assert titles(component) == {"教育局公告", "街道公告"}


async def test_the_top_units_office_also_sees_what_components_did(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    await client.post("/notes", json={"title": "系统同步"}, headers=auth("service"))
    query = {"entity_type": "note"}
    top = await client.get("/audit", params=query, headers=auth("office", unit_id=DISTRICT))
    assert [e["entity_id"] for e in top.json()] == ["系统同步"]
    street = await client.get("/audit", params=query, headers=auth("office", unit_id=STREET))
    assert street.json() == []
