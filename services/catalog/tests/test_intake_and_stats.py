"""Items other services publish, and the figures the reporting service reads."""

from __future__ import annotations

from catalog_builders import (
    BUREAU,
    DISTRICT,
    OFFICE,
    PUBLISHER,
    add_test_district,
    column_id,
    publish,
)
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.calendar.days import today as beijing_today
from sunshine_kit.testing import auth

HALL = auth("service", username="hall", unit_id=None)

PERMIT = {
    "unit_id": BUREAU,
    "column_code": "X-DOUBLE-PUBLICITY-01",
    "title": "锦华区教育局关于准予锦华区星火艺术培训学校办学许可的决定",
    "body_html": "<p>行政相对人：锦华区星火艺术培训学校。许可决定：准予许可。</p>",
    "document_number": "锦教许〔2026〕21号",
    "formed_on": "2026-06-15",
}


async def test_the_hall_publishes_a_decision_once_per_key(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    first = await client.post(
        "/intake/items", json=PERMIT, headers={**HALL, "Idempotency-Key": "hall-case-000123"}
    )
    assert first.status_code == 201, first.text
    again = await client.post(
        "/intake/items", json=PERMIT, headers={**HALL, "Idempotency-Key": "hall-case-000123"}
    )
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    item = first.json()
    assert item["status"] == "published" and item["source"] == "hall"
    public = (await client.get(f"/items/{item['id']}")).json()
    assert public["column_name"] == "行政许可"
    listing = (await client.get(f"/units/{BUREAU}/items")).json()
    assert listing["total"] == 1


async def test_intake_is_for_services_and_for_its_columns_only(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    key = {"Idempotency-Key": "hall-case-000124"}
    assert (
        await client.post("/intake/items", json=PERMIT, headers={**PUBLISHER, **key})
    ).status_code == 403
    assert (await client.post("/intake/items", json=PERMIT, headers=HALL)).status_code == 422
    wrong = await client.post(
        "/intake/items", json={**PERMIT, "column_code": "A20-01"}, headers={**HALL, **key}
    )
    assert wrong.status_code == 422
    assert wrong.json()["error"]["fields"][0]["field"] == "column_code"
    assert (await client.get(f"/units/{BUREAU}/items")).json()["total"] == 0


async def test_figures_for_the_annual_report(client: AsyncClient, session: AsyncSession) -> None:
    # Items are published now, so the figures are those of the current year in Beijing.
    today = beijing_today()
    await add_test_district(session)
    policies = await column_id(client, "A20-01-02")
    notices = await column_id(client, "A20-11")
    old = await publish(client, policies, document_type="normative", formed_on="2026-03-02")
    await publish(client, policies, document_type="normative", formed_on="2026-03-10")
    await publish(client, notices, channels=["website", "wechat"])
    await client.post(
        f"/items/{old['id']}/validity",
        json={"validity": "repealed", "changed_on": today.isoformat()},
        headers=PUBLISHER,
    )
    figures = await client.get(
        f"/stats/units/{DISTRICT}/items", params={"year": today.year, "below": True}, headers=OFFICE
    )
    assert figures.status_code == 200, figures.text
    data = figures.json()
    assert data["published"] == 3
    assert data["by_unit"] == [{"unit_id": BUREAU, "unit_name": "锦华区教育局", "count": 3}]
    assert data["normative_documents"] == {"issued": 2, "repealed": 1, "valid": 1}
    assert data["regulations"] == {"issued": 0, "repealed": 0, "valid": 0}
    assert data["by_document_type"] == {"regulation": 0, "normative": 2, "other": 1}
    assert {c["channel"]: c["count"] for c in data["by_channel"]} == {"website": 3, "wechat": 1}
    assert sum(data["by_month"]) == 3
    # Formed in March and August 2026 and published only now: all three late.
    assert data["timeliness"]["late"] == 3
    own_only = await client.get(
        f"/stats/units/{DISTRICT}/items", params={"year": today.year}, headers=OFFICE
    )
    assert own_only.json()["published"] == 0
    assert (
        await client.get(
            f"/stats/units/{DISTRICT}/items", params={"year": today.year}, headers=PUBLISHER
        )
    ).status_code == 403
