"""To which units the portal offers applications and consultations, and that the API takes
exactly those: the vocabulary's receiving unit types, open units only."""

from __future__ import annotations

import pytest
from applications_builders import STREET, add_test_district, applicant, question
from httpx import AsyncClient
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.testing import add_units
from sunshine_kit.units.models import Unit, UnitType

# One unit of every type the gateway knows, below the test district's street.
ONE_OF_EACH = {
    UnitType.GOVERNMENT: (81, "锦华区某镇人民政府"),
    UnitType.DEPARTMENT: (82, "锦华区民政局"),
    UnitType.STREET: (83, "西湖街道"),
    UnitType.TOWNSHIP: (84, "青山镇"),
    UnitType.COMMUNITY: (85, "东湖社区"),
    UnitType.VILLAGE: (86, "青山村"),
}


@pytest.mark.parametrize("unit_type", list(UnitType), ids=str)
async def test_the_api_takes_what_the_vocabulary_offers(
    client: AsyncClient, session: AsyncSession, unit_type: UnitType
) -> None:
    await add_test_district(session)
    unit_id, name = ONE_OF_EACH[unit_type]
    await add_units(session, [(unit_id, name, unit_type.value, STREET)])
    offered = unit_type in (await client.get("/vocabulary")).json()["receiving_unit_types"]

    applied = await client.post("/applications", json=applicant(unit_id=unit_id))
    asked = await client.post("/inquiries", json=question(unit_id=unit_id))
    for response in (applied, asked):
        assert response.status_code == (201 if offered else 422), response.text
        if not offered:
            assert response.json()["error"]["fields"][0]["field"] == "unit_id"
    assert offered == (unit_type not in (UnitType.COMMUNITY, UnitType.VILLAGE))


async def test_a_closed_unit_takes_neither(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    await session.execute(update(Unit).where(Unit.id == STREET).values(closed=True))
    await session.commit()
    applied = await client.post("/applications", json=applicant(unit_id=STREET))
    asked = await client.post("/inquiries", json=question(unit_id=STREET))
    assert applied.json()["error"]["fields"] == [
        {"field": "unit_id", "reason": "该机关已撤销，请向承接其职能的机关申请"}
    ]
    assert asked.json()["error"]["fields"] == [
        {"field": "unit_id", "reason": "该单位已撤销，请向承接其职能的单位咨询"}
    ]
