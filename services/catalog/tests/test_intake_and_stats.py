"""Items other services publish, and the figures the reporting service reads."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

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

from sunshine_catalog.items.models import InformationItem
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


async def test_policy_documents_are_issued_in_the_year_of_their_date_of_issue(
    client: AsyncClient, session: AsyncSession
) -> None:
    # The format's filling notes count 本年制发 by 成文日期: a 规范性文件 signed on 20 December
    # 2025 and put online only now belongs to 2025, and is in force at the end of both years; a
    # 规章 signed on 5 January 2026 is 2026's.
    await add_test_district(session)
    policies = await column_id(client, "A20-01-02")
    await publish(client, policies, document_type="normative", formed_on="2025-12-20")
    await publish(client, policies, document_type="regulation", formed_on="2026-01-05")

    async def documents(year: int) -> tuple[dict[str, int], dict[str, int]]:
        figures = await client.get(
            f"/stats/units/{DISTRICT}/items", params={"year": year, "below": True}, headers=OFFICE
        )
        assert figures.status_code == 200, figures.text
        return figures.json()["normative_documents"], figures.json()["regulations"]

    assert await documents(2025) == (
        {"issued": 1, "repealed": 0, "valid": 1},
        {"issued": 0, "repealed": 0, "valid": 0},
    )
    assert await documents(2026) == (
        {"issued": 0, "repealed": 0, "valid": 1},
        {"issued": 1, "repealed": 0, "valid": 1},
    )


async def test_figures_count_months_and_timeliness_by_the_day_in_beijing(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    notices = await column_id(client, "A20-11")
    policies = await column_id(client, "A20-01-02")
    # Formed Monday 3 August: due Monday 31 August (the 20th working day after it).
    on_time = await publish(client, notices, channels=["wechat", "website"])
    late = await publish(client, notices, channels=["weibo"])
    # Formed Monday 29 December 2025: 30, 31 December (1, 2), New Year 1–2 January off, Sunday
    # 4 January worked (3), 5–9 (4–8), 12–16 (9–13), 19–23 (14–18), 26 (19), 27 January (20).
    new_year = await publish(
        client, policies, document_type="normative", formed_on="2025-12-29", channels=["weibo"]
    )
    next_year = await publish(client, notices, formed_on="2026-12-01")
    assert (on_time["due_on"], new_year["due_on"]) == ("2026-08-31", "2026-01-27")
    published_at = {
        on_time["id"]: datetime(2026, 8, 31, 15, 30, tzinfo=UTC),  # 23:30, 31 August in Beijing
        late["id"]: datetime(2026, 8, 31, 16, 30, tzinfo=UTC),  # 00:30, 1 September: a day late
        new_year["id"]: datetime(2025, 12, 31, 16, 30, tzinfo=UTC),  # 00:30, 1 January 2026
        next_year["id"]: datetime(2026, 12, 31, 16, 30, tzinfo=UTC),  # 00:30, 1 January 2027
    }
    for item_id, at in published_at.items():
        item = await session.get(InformationItem, item_id)
        assert item is not None
        item.published_at = at
    await session.commit()

    async def figures(year: int) -> dict[str, Any]:
        response = await client.get(
            f"/stats/units/{BUREAU}/items", params={"year": year}, headers=OFFICE
        )
        assert response.status_code == 200, response.text
        return dict(response.json())

    data = await figures(2026)
    assert data["published"] == 3
    assert data["by_month"] == [1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0]
    assert [(c["column_id"], c["count"]) for c in data["by_column"]] == [
        (notices, 2),
        (policies, 1),
    ]
    assert data["by_document_type"] == {"regulation": 0, "normative": 1, "other": 2}
    # Most used first (equal counts in no order the format fixes).
    assert [c["count"] for c in data["by_channel"]] == [2, 1, 1]
    assert {c["channel"]: c["count"] for c in data["by_channel"]} == {
        "weibo": 2,
        "website": 1,
        "wechat": 1,
    }
    assert data["timeliness"] == {"published": 3, "on_time": 2, "late": 1, "on_time_rate": 0.6667}
    assert data["normative_documents"] == {"issued": 0, "repealed": 0, "valid": 1}
    before = await figures(2025)
    assert (before["published"], before["by_month"], before["by_column"]) == (0, [0] * 12, [])
    assert before["by_channel"] == []
    assert before["timeliness"] == {"published": 0, "on_time": 0, "late": 0, "on_time_rate": None}
    assert before["normative_documents"] == {"issued": 1, "repealed": 0, "valid": 1}
