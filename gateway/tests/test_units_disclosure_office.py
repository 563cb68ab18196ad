"""The disclosure office's contact details (公开指南: address, phone, hours, postal address and
code, e-mail): recorded per unit, checked field by field, sent to every service with the unit."""

from typing import Any

from gateway_builders import district, login
from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.outbox.models import OutboxMessage
from sunshine_kit.units.schemas import UnitOut, make_credit_code

CODE = make_credit_code("11510199MB9000202")
OFFICE = {
    "office_address": "锦华区锦华大道二段88号区行政中心2号楼5层",
    "office_phone": "028-86012345",
    "office_hours": "工作日 9:00–12:00，13:30–17:30",
    "postal_address": "蓉州市锦华区锦华大道二段88号",
    "postal_code": "610066",
    "office_email": "xxgk@example.gov.cn",
}


def new_bureau(units: dict[str, UnitOut], **fields: Any) -> dict[str, Any]:
    return {
        "name": "锦华区数据局",
        "credit_code": CODE,
        "type": "department",
        "parent_id": units["锦华区人民政府"].id,
        **fields,
    }


async def test_every_demo_unit_has_an_office_address_phone_hours_and_post_address(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    units = (await client.get("/api/units")).json()
    assert all(
        u["office_address"] and u["office_phone"] and u["office_hours"] and u["postal_code"]
        for u in units
    )
    education = next(u for u in units if u["name"] == "锦华区教育局")
    assert education["office_phone"].startswith("028-8")
    assert education["postal_code"] == "610066"
    assert education["office_email"].endswith("@jinhua.gov.cn")
    # A community's office has no e-mail box of its own.
    assert next(u for u in units if u["name"] == "东湖社区")["office_email"] is None


async def test_the_office_records_the_contact_details_and_every_service_receives_them(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    office = await login(client, "office")
    made = await client.post("/api/units", headers=office, json=new_bureau(units, **OFFICE))
    assert made.status_code == 201, made.text
    assert {key: made.json()[key] for key in OFFICE} == OFFICE
    messages = (
        await session.scalars(
            select(OutboxMessage).where(OutboxMessage.path == f"/org/units/{made.json()['id']}")
        )
    ).all()
    assert len(messages) == 4
    assert {m.payload["office_phone"] for m in messages} == {"028-86012345"}


async def test_a_wrong_phone_postal_code_or_email_is_refused_naming_the_field(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    office = await login(client, "office")
    for field, value, reason in (
        ("office_phone", "86012345", "电话应为“区号-号码”（如 028-86000000）或11位手机号"),
        ("office_phone", "028-860", "电话应为“区号-号码”（如 028-86000000）或11位手机号"),
        ("postal_code", "61006", "邮政编码应为6位数字"),
        ("postal_code", "61006A", "邮政编码应为6位数字"),
        ("office_email", "xxgk@", "电子邮箱格式不正确"),
        ("office_address", "二楼", "地址至少5个字，写明街道和门牌号"),
    ):
        refused = await client.post(
            "/api/units", headers=office, json=new_bureau(units, **{**OFFICE, field: value})
        )
        assert refused.status_code == 422, (field, value)
        fields = refused.json()["error"]["fields"]
        assert [f["field"] for f in fields] == [f"body.{field}"], (field, value)
        assert reason in fields[0]["reason"]


async def test_changing_one_field_keeps_the_others_and_an_empty_one_is_cleared(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    office = await login(client, "office")
    bureau = units["锦华区教育局"]
    path = f"/api/units/{bureau.id}"

    changed = await client.patch(
        path, headers=office, json={"office_phone": " 028-8601 2345 ", "office_email": ""}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["office_phone"] == "028-86012345"
    assert changed.json()["office_email"] is None
    assert changed.json()["office_address"] == bureau.office_address
    assert changed.json()["postal_code"] == "610066"

    wrong = await client.patch(path, headers=office, json={"postal_code": "6100"})
    assert wrong.status_code == 422
    assert wrong.json()["error"]["fields"][0]["field"] == "body.postal_code"

    catalog = (
        await session.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.path == f"/org/units/{bureau.id}",
                OutboxMessage.destination == "catalog",
            )
            .order_by(OutboxMessage.id)
        )
    ).all()
    assert [(m.payload["event"], m.payload["office_phone"]) for m in catalog][-1] == (
        "unit.updated",
        "028-86012345",
    )
