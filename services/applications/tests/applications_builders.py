"""Builders shared by the applications service's tests."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.testing import add_units, auth

DISTRICT, BUREAU, STREET = 1, 3, 2

HANDLER = auth("application_handler", unit_id=BUREAU, username="zhouting")
OTHER_HANDLER = auth("application_handler", unit_id=BUREAU, username="liuyang")
OFFICE = auth("office", unit_id=DISTRICT, username="wangmin")
STREET_HANDLER = auth("application_handler", unit_id=STREET, username="sunlei")
# A valid GB 11643 number (check character computed, not a real person's).
ID_NUMBER = "11010519491231002X"


async def org(session: AsyncSession) -> None:
    """The district as the gateway would have sent it."""
    await add_units(
        session,
        (
            (DISTRICT, "锦华区人民政府", "government", None),
            (STREET, "东湖街道", "street", DISTRICT),
            (BUREAU, "锦华区教育局", "department", DISTRICT),
        ),
    )


def applicant(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "unit_id": BUREAU,
        "applicant_type": "natural_person",
        "applicant_name": "陈晓明",
        "id_type": "居民身份证",
        "id_number": ID_NUMBER,
        "phone": "13812345678",
        "address": "锦华区东湖路18号",
        "description": "锦华区2026年义务教育阶段学校划片范围及其确定依据",
        "purpose": "了解子女入学片区",
        "form": "electronic",
    }
    body.update(overrides)
    return body


async def registered(
    client: AsyncClient, received_on: str = "2026-02-13", **overrides: Any
) -> dict[str, Any]:
    """An application handed in at the counter on `received_on`, assigned to zhouting."""
    body = {**applicant(**overrides), "channel": "in_person", "submitted_on": received_on}
    made = await client.post("/applications/registered", json=body, headers=HANDLER)
    assert made.status_code == 201, made.text
    inbox = (
        await client.get("/applications", params={"include_closed": True}, headers=HANDLER)
    ).json()
    app_id = next(
        row["id"]
        for row in inbox["items"]
        if row["tracking_number"] == made.json()["tracking_number"]
    )
    assigned = await client.post(
        f"/applications/{app_id}/assign", json={"handler": "zhouting"}, headers=HANDLER
    )
    assert assigned.status_code == 200, assigned.text
    return {**assigned.json(), "query_code": made.json()["query_code"]}
