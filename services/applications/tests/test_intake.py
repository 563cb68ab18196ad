"""Intake: to whom an application may be addressed."""

from __future__ import annotations

import pytest
from applications_builders import OFFICE, STREET, add_test_district, applicant
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.models import DisclosureApplication
from sunshine_kit.testing import add_units

COMMUNITY, VILLAGE = 91, 92
NOT_AN_ORGAN = "社区、村民委员会不是行政机关，请向所属街道办事处或乡镇人民政府提出申请"


@pytest.mark.parametrize("unit_id", [COMMUNITY, VILLAGE], ids=["community", "village"])
async def test_a_community_or_village_is_no_administrative_organ_to_apply_to(
    client: AsyncClient, session: AsyncSession, unit_id: int
) -> None:
    await add_test_district(session)
    await add_units(
        session,
        [(COMMUNITY, "东湖社区", "community", STREET), (VILLAGE, "青山村", "village", STREET)],
    )
    online = await client.post("/applications", json=applicant(unit_id=unit_id))
    assert online.status_code == 422, online.text
    assert online.json()["error"]["fields"] == [{"field": "unit_id", "reason": NOT_AN_ORGAN}]

    at_counter = await client.post(
        "/applications/registered",
        json={**applicant(unit_id=unit_id), "channel": "in_person", "submitted_on": "2026-02-13"},
        headers=OFFICE,
    )
    assert at_counter.status_code == 422, at_counter.text
    assert at_counter.json()["error"]["fields"] == [{"field": "unit_id", "reason": NOT_AN_ORGAN}]
    assert await session.scalar(select(func.count()).select_from(DisclosureApplication)) == 0

    # The street office above them takes the application.
    to_the_street = await client.post("/applications", json=applicant(unit_id=STREET))
    assert to_the_street.status_code == 201, to_the_street.text
