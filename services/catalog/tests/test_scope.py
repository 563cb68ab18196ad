"""Who changes the district-wide template, and whose figures and histories a caller reads
(finding: scope). The template is the top unit's office's; a street or a department hides
columns in its own units only; figures and audit trails stay within the caller's subtree."""

from __future__ import annotations

from catalog_builders import (
    BUREAU,
    DISTRICT,
    OFFICE,
    OTHER_STREET,
    STREET,
    add_test_district,
    column_id,
    publish,
)
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.columns.models import CatalogueColumn
from sunshine_catalog.items.models import InformationItem
from sunshine_kit.testing import add_units, auth

COMMUNITY = 5  # a community under the street
STREET_OFFICE = auth("office", unit_id=STREET, username="street-office")
BUREAU_OFFICE = auth("office", unit_id=BUREAU, username="bureau-office")
REPORTING = auth("service", username="reporting", unit_id=None)


async def _district(session: AsyncSession) -> None:
    await add_test_district(session)
    await add_units(session, [(COMMUNITY, "东湖社区", "community", STREET)])


async def _column_count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(CatalogueColumn)) or 0)


async def test_only_the_top_units_office_changes_the_template(
    client: AsyncClient, session: AsyncSession
) -> None:
    await _district(session)
    notices = await column_id(client, "A20-11")
    target = await column_id(client, "A20-15")
    item = await publish(client, notices)
    before = await _column_count(session)
    name = (await client.get(f"/columns/{notices}")).json()["column"]["name"]
    attempts = [
        ("POST", "/columns", {"name": "街道动态", "code": "X-STREET-NEWS"}),
        ("PATCH", f"/columns/{notices}", {"name": "本街道通知公告"}),
        ("PATCH", f"/columns/{notices}", {"sort_order": 0}),
        ("POST", f"/columns/{notices}/merge", {"into_column_id": target}),
        (
            "POST",
            f"/columns/{notices}/split",
            {"parts": [{"name": "街道通知", "code": "A20-11-STREET"}]},
        ),
        ("POST", "/items/move", {"from_column_id": notices, "to_column_id": target}),
    ]
    for office in (STREET_OFFICE, BUREAU_OFFICE):
        for method, path, body in attempts:
            refused = await client.request(method, path, json=body, headers=office)
            assert refused.status_code == 403, (method, path, refused.text)
            assert refused.json()["error"]["code"] == "template_forbidden"
    assert await _column_count(session) == before
    unchanged = await session.get(InformationItem, item["id"])
    assert unchanged is not None and unchanged.column_id == notices
    assert (await client.get(f"/columns/{notices}")).json()["column"]["name"] == name

    added = await client.post(
        "/columns", json={"name": "街道动态", "code": "X-STREET-NEWS"}, headers=OFFICE
    )
    assert added.status_code == 201, added.text
    moved = await client.post(
        "/items/move", json={"from_column_id": notices, "to_column_id": target}, headers=OFFICE
    )
    assert moved.status_code == 200 and moved.json()["moved"] == 1


async def test_a_street_office_sets_columns_for_its_own_units_only(
    client: AsyncClient, session: AsyncSession
) -> None:
    await _district(session)
    column = await column_id(client, "A20-14")
    for unit, status in ((STREET, 200), (COMMUNITY, 200), (OTHER_STREET, 403), (DISTRICT, 403)):
        answer = await client.put(
            f"/units/{unit}/columns/{column}/setting", json={"hidden": True}, headers=STREET_OFFICE
        )
        assert answer.status_code == status, (unit, answer.text)
    # The top unit's office reaches every unit of the district.
    district_wide = await client.put(
        f"/units/{OTHER_STREET}/columns/{column}/setting", json={"hidden": True}, headers=OFFICE
    )
    assert district_wide.status_code == 200


async def test_figures_are_read_within_the_callers_subtree(
    client: AsyncClient, session: AsyncSession
) -> None:
    await _district(session)
    year = {"year": 2026}
    own = [f"/stats/units/{unit}/catalogue" for unit in (STREET, COMMUNITY)] + [
        f"/stats/units/{STREET}/items"
    ]
    others = [
        f"/stats/units/{OTHER_STREET}/catalogue",
        f"/stats/units/{DISTRICT}/catalogue",
        f"/stats/units/{BUREAU}/items",
        f"/stats/units/{DISTRICT}/items",
    ]
    for path in own:
        assert (await client.get(path, params=year, headers=STREET_OFFICE)).status_code == 200
    for path in others:
        refused = await client.get(path, params=year, headers=STREET_OFFICE)
        assert refused.status_code == 403, path
        assert refused.json()["error"]["code"] == "unit_forbidden"
    below = await client.get(
        f"/stats/units/{DISTRICT}/items", params={**year, "below": True}, headers=STREET_OFFICE
    )
    assert below.status_code == 403
    # The reporting service reads every unit's figures.
    for path in own + others:
        assert (await client.get(path, params=year, headers=REPORTING)).status_code == 200


async def test_an_items_history_is_read_within_the_callers_subtree(
    client: AsyncClient, session: AsyncSession
) -> None:
    await _district(session)
    item = await publish(client, await column_id(client, "A20-11"))
    history = f"/items/{item['id']}/history"
    refused = await client.get(history, headers=STREET_OFFICE)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "unit_forbidden"
    assert (await client.get(history, headers=BUREAU_OFFICE)).status_code == 200
    assert (await client.get(history, headers=OFFICE)).status_code == 200
