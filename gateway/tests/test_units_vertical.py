"""Vertically managed units (垂直管理) and the body that hears reconsideration of their acts
(行政复议法 2023 第二十七条): recorded, checked and sent to every service with the unit."""

from typing import Any

from gateway_builders import district, login
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.outbox.models import OutboxMessage
from sunshine_kit.units.models import Unit
from sunshine_kit.units.schemas import UnitOut, make_credit_code

CODE = make_credit_code("11510199MB9000101")
TAX = "国家税务总局蓉州市锦华区税务局"
CITY_TAX = "国家税务总局蓉州市税务局"


async def counts(session: AsyncSession) -> tuple[int, int]:
    units = await session.scalar(select(func.count()).select_from(Unit))
    messages = await session.scalar(select(func.count()).select_from(OutboxMessage))
    return int(units or 0), int(messages or 0)


def customs(units: dict[str, UnitOut], **fields: Any) -> dict[str, Any]:
    return {
        "name": "锦华海关办事处",
        "credit_code": CODE,
        "type": "department",
        "parent_id": units["锦华区人民政府"].id,
        **fields,
    }


async def test_the_demo_district_has_its_vertical_units_and_the_bodies_above_them(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    units = {u["name"]: u for u in (await client.get("/api/units")).json()}
    assert units[TAX]["vertically_managed"] is True
    assert units[TAX]["reconsideration_body"] == CITY_TAX
    assert units["锦华区烟草专卖局"]["reconsideration_body"] == "蓉州市烟草专卖局"
    assert units["国家统计局锦华调查队"]["reconsideration_body"] == "国家统计局蓉州调查队"
    # A local department answers to the district; the tree finds its body, none is stored.
    assert units["锦华区教育局"]["vertically_managed"] is False
    assert units["锦华区教育局"]["reconsideration_body"] is None
    assert all(u["vertically_managed"] == bool(u["reconsideration_body"]) for u in units.values())
    # Enough bodies to staff a district's service hall: 40 and more stationed departments.
    assert sum(u["type"] == "department" for u in units.values()) >= 40
    registry = units["锦华区不动产登记中心"]
    assert registry["parent_id"] == units["锦华区规划和自然资源局"]["id"]


async def test_the_office_adds_a_vertical_unit_and_every_service_receives_its_body(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    office = await login(client, "office")
    made = await client.post(
        "/api/units",
        headers=office,
        json=customs(units, vertically_managed=True, reconsideration_body="  蓉州海关 "),
    )
    assert made.status_code == 201, made.text
    assert (made.json()["vertically_managed"], made.json()["reconsideration_body"]) == (
        True,
        "蓉州海关",
    )
    messages = (
        await session.scalars(
            select(OutboxMessage).where(OutboxMessage.path == f"/org/units/{made.json()['id']}")
        )
    ).all()
    assert len(messages) == 4
    assert {
        (m.payload["vertically_managed"], m.payload["reconsideration_body"]) for m in messages
    } == {(True, "蓉州海关")}


async def test_a_vertical_unit_without_its_body_is_refused_naming_the_field(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    office = await login(client, "office")
    before = await counts(session)
    for body in (None, "", "   "):
        refused = await client.post(
            "/api/units",
            headers=office,
            json=customs(units, vertically_managed=True, reconsideration_body=body),
        )
        assert refused.status_code == 422, body
        error = refused.json()["error"]
        assert error["code"] == "reconsideration_body_required"
        assert error["fields"] == [
            {
                "field": "body.reconsideration_body",
                "reason": "垂直管理单位须填写行政复议机关（上一级主管部门）",
            }
        ]
    street = await client.post(
        "/api/units",
        headers=office,
        json={
            **customs(units, vertically_managed=True, reconsideration_body="蓉州海关"),
            "name": "新城街道",
            "type": "street",
        },
    )
    assert street.status_code == 422
    assert street.json()["error"]["fields"][0]["field"] == "body.vertically_managed"
    assert await counts(session) == before


async def test_a_body_without_the_flag_is_not_kept(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    office = await login(client, "office")
    made = await client.post(
        "/api/units", headers=office, json=customs(units, reconsideration_body="蓉州海关")
    )
    assert made.status_code == 201, made.text
    assert (made.json()["vertically_managed"], made.json()["reconsideration_body"]) == (
        False,
        None,
    )


async def test_changing_the_flag_checks_the_body_and_turning_it_off_clears_it(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    office = await login(client, "office")
    unit = units["锦华区气象局"]
    path = f"/api/units/{unit.id}"
    assert unit.reconsideration_body == "蓉州市气象局"

    emptied = await client.patch(path, headers=office, json={"reconsideration_body": ""})
    assert emptied.status_code == 422
    assert emptied.json()["error"]["fields"][0]["field"] == "body.reconsideration_body"

    renamed = await client.patch(
        path, headers=office, json={"reconsideration_body": "四川省蓉州市气象局"}
    )
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["reconsideration_body"] == "四川省蓉州市气象局"

    off = await client.patch(path, headers=office, json={"vertically_managed": False})
    assert off.status_code == 200, off.text
    assert (off.json()["vertically_managed"], off.json()["reconsideration_body"]) == (False, None)

    bureau = units["锦华区教育局"]
    on_without_body = await client.patch(
        f"/api/units/{bureau.id}", headers=office, json={"vertically_managed": True}
    )
    assert on_without_body.status_code == 422
    assert on_without_body.json()["error"]["code"] == "reconsideration_body_required"

    catalog = (
        await session.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.path == f"/org/units/{unit.id}",
                OutboxMessage.destination == "catalog",
            )
            .order_by(OutboxMessage.id)
        )
    ).all()
    assert [
        (m.payload["version"], m.payload["vertically_managed"], m.payload["reconsideration_body"])
        for m in catalog
    ] == [(1, True, "蓉州市气象局"), (2, True, "四川省蓉州市气象局"), (3, False, None)]
