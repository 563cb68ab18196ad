"""Article 44 proposals as the catalog receives them from the applications service."""

from __future__ import annotations

from typing import Any

from catalog_builders import (
    BUREAU,
    OFFICE,
    PUBLISHER,
    STREET_PUBLISHER,
    add_test_district,
    column_id,
    publish,
)
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.testing import auth

APPLICATIONS = auth("service", username="applications", unit_id=None)
KEY = "proposal-3-" + "a1" * 32


def proposal(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "unit_id": BUREAU,
        "description": "锦华区2026年义务教育阶段学校划片范围及其确定依据",
        "application_count": 3,
        "tracking_numbers": ["YSQ2026000001", "YSQ2026000002", "YSQ2026000003"],
    }
    body.update(overrides)
    return body


async def send(client: AsyncClient, key: str = KEY, **overrides: Any) -> Any:
    return await client.post(
        "/proposals",
        json=proposal(**overrides),
        headers={**APPLICATIONS, "Idempotency-Key": key},
    )


async def test_the_same_key_twice_is_one_proposal(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    first = await send(client)
    assert first.status_code == 201, first.text
    assert first.json()["status"] == "open"
    again = await send(client)
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    listed = (await client.get(f"/units/{BUREAU}/proposals", headers=PUBLISHER)).json()
    assert listed["total"] == 1
    assert listed["items"][0]["tracking_numbers"] == proposal()["tracking_numbers"]


async def test_only_services_send_and_only_the_unit_sees(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    by_staff = await client.post(
        "/proposals", json=proposal(), headers={**OFFICE, "Idempotency-Key": KEY}
    )
    assert by_staff.status_code == 403
    no_key = await client.post("/proposals", json=proposal(), headers=APPLICATIONS)
    assert no_key.status_code == 422
    unknown_unit = await send(client, unit_id=99)
    assert unknown_unit.status_code == 404
    await send(client)
    assert (await client.get(f"/units/{BUREAU}/proposals", headers=OFFICE)).json()["total"] == 1
    other_street = await client.get(f"/units/{BUREAU}/proposals", headers=STREET_PUBLISHER)
    assert other_street.status_code == 403
    reviewer = await client.get(
        f"/units/{BUREAU}/proposals", headers=auth("reviewer", unit_id=BUREAU)
    )
    assert reviewer.status_code == 403


async def test_accepting_names_the_item_and_declining_needs_a_reason(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    item = await publish(
        client,
        await column_id(client, "A20-11"),
        title="锦华区2026年义务教育阶段学校划片范围",
    )
    accepted_one = (await send(client)).json()
    declined_one = (
        await send(client, key="proposal-3-" + "b2" * 32, description="锦华区教育局内部会议纪要")
    ).json()

    not_ours = await client.post(
        f"/proposals/{accepted_one['id']}/accept", json={"item_id": 999_999}, headers=OFFICE
    )
    assert not_ours.status_code == 422
    assert not_ours.json()["error"]["fields"][0]["field"] == "item_id"
    accepted = await client.post(
        f"/proposals/{accepted_one['id']}/accept",
        json={"item_id": item["id"], "note": "已在“教育”栏目主动公开"},
        headers=PUBLISHER,
    )
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "accepted"
    assert accepted.json()["handled_by"] == "zhangli"
    assert accepted.json()["item_id"] == item["id"]
    twice = await client.post(
        f"/proposals/{accepted_one['id']}/decline", json={"note": "改变主意"}, headers=OFFICE
    )
    assert twice.status_code == 409

    no_reason = await client.post(
        f"/proposals/{declined_one['id']}/decline", json={"note": ""}, headers=OFFICE
    )
    assert no_reason.status_code == 422
    declined = await client.post(
        f"/proposals/{declined_one['id']}/decline",
        json={"note": "属于内部事务信息，不宜主动公开"},
        headers=OFFICE,
    )
    assert declined.json()["status"] == "declined"
    assert declined.json()["handled_by"] == "wangmin"

    still_open = await client.get(
        f"/units/{BUREAU}/proposals", params={"status": "open"}, headers=OFFICE
    )
    assert still_open.json()["total"] == 0
