from gateway_builders import district, login, make_user
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.audit.models import AuditEntry
from sunshine_kit.outbox.models import OutboxMessage
from sunshine_kit.units.models import Unit
from sunshine_kit.units.schemas import make_credit_code

NEW_CODE = make_credit_code("11510199MB9000001")


async def count(session: AsyncSession, model: type) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_demo_district_has_departments_streets_and_communities(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    units = (await client.get("/api/units")).json()
    types = [u["type"] for u in units]
    assert types.count("government") == 1
    assert types.count("department") >= 30
    assert types.count("street") >= 8
    assert types.count("community") >= 20


async def test_office_creates_a_unit_and_every_service_is_told(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    office = await login(client, "office")
    response = await client.post(
        "/api/units",
        headers=office,
        json={
            "name": "东湖街道新城社区",
            "credit_code": NEW_CODE,
            "type": "community",
            "parent_id": units["东湖街道"].id,
        },
    )
    assert response.status_code == 201, response.text
    unit_id = response.json()["id"]
    messages = (
        await session.scalars(
            select(OutboxMessage).where(OutboxMessage.path == f"/org/units/{unit_id}")
        )
    ).all()
    assert sorted(m.destination for m in messages) == [
        "applications",
        "catalog",
        "hall",
        "reporting",
    ]
    assert all(m.payload["name"] == "东湖街道新城社区" for m in messages)
    entry = await session.scalar(
        select(AuditEntry).where(
            AuditEntry.entity_type == "unit", AuditEntry.entity_id == str(unit_id)
        )
    )
    assert entry is not None and entry.actor == "office"


async def test_writing_units_needs_a_login_the_right_role_and_the_right_unit(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    body = {
        "name": "新设机构",
        "credit_code": NEW_CODE,
        "type": "department",
        "parent_id": units["锦华区人民政府"].id,
    }
    before_units, before_outbox = await count(session, Unit), await count(session, OutboxMessage)

    assert (await client.post("/api/units", json=body)).status_code == 401

    publisher = await login(client, "publisher")
    wrong_role = await client.post("/api/units", json=body, headers=publisher)
    assert wrong_role.status_code == 403
    assert wrong_role.json()["error"]["code"] == "role_forbidden"

    # An office of a street may not add units to the district above it.
    await make_user(session, "dh_office", units["东湖街道"], ["office"])
    street_office = await login(client, "dh_office")
    wrong_unit = await client.post("/api/units", json=body, headers=street_office)
    assert wrong_unit.status_code == 403
    assert wrong_unit.json()["error"]["code"] == "unit_forbidden"

    assert await count(session, Unit) == before_units
    assert await count(session, OutboxMessage) == before_outbox


async def test_a_malformed_unit_is_refused_naming_the_field_and_nothing_is_written(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    office = await login(client, "office")
    before_units, before_outbox = await count(session, Unit), await count(session, OutboxMessage)
    bad_code = await client.post(
        "/api/units",
        headers=office,
        json={
            "name": "新设机构",
            "credit_code": NEW_CODE[:17] + ("0" if NEW_CODE[17] != "0" else "1"),
            "type": "department",
            "parent_id": units["锦华区人民政府"].id,
        },
    )
    assert bad_code.status_code == 422
    assert bad_code.json()["error"]["fields"][0]["field"] == "body.credit_code"
    assert "校验位" in bad_code.json()["error"]["fields"][0]["reason"]

    taken = await client.post(
        "/api/units",
        headers=office,
        json={
            "name": "新设机构",
            "credit_code": units["锦华区教育局"].credit_code,
            "type": "department",
            "parent_id": units["锦华区人民政府"].id,
        },
    )
    assert taken.status_code == 422
    assert taken.json()["error"]["fields"] == [
        {"field": "body.credit_code", "reason": "已被“锦华区教育局”使用"}
    ]
    assert await count(session, Unit) == before_units
    assert await count(session, OutboxMessage) == before_outbox


async def test_renaming_and_moving_are_announced_with_a_new_version(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    office = await login(client, "office")
    community = units["东湖社区"]
    renamed = await client.patch(
        f"/api/units/{community.id}", headers=office, json={"name": "东湖公园社区"}
    )
    assert renamed.status_code == 200
    moved = await client.patch(
        f"/api/units/{community.id}", headers=office, json={"parent_id": units["青龙街道"].id}
    )
    assert moved.json()["parent_id"] == units["青龙街道"].id
    catalog_messages = (
        await session.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.path == f"/org/units/{community.id}",
                OutboxMessage.destination == "catalog",
            )
            .order_by(OutboxMessage.id)
        )
    ).all()
    assert [(m.payload["event"], m.payload["version"]) for m in catalog_messages] == [
        ("unit.created", 1),
        ("unit.renamed", 2),
        ("unit.moved", 3),
    ]


async def test_a_unit_cannot_move_below_itself(client: AsyncClient, session: AsyncSession) -> None:
    units = await district(session)
    office = await login(client, "office")
    response = await client.patch(
        f"/api/units/{units['东湖街道'].id}",
        headers=office,
        json={"parent_id": units["东湖社区"].id},
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "move_cycle"


async def test_closing_needs_the_units_below_closed_first(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    office = await login(client, "office")
    street = await client.post(f"/api/units/{units['东湖街道'].id}/close", headers=office)
    assert street.status_code == 409
    community = await client.post(f"/api/units/{units['东湖社区'].id}/close", headers=office)
    assert community.status_code == 200 and community.json()["closed"] is True
