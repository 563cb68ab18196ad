"""The catalog's copy of the organisation tree, as the gateway's outbox feeds it."""

from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.audit.models import AuditEntry
from sunshine_kit.testing import auth
from sunshine_kit.units.schemas import make_credit_code

CODE = make_credit_code("11510199MB0000042")


def snapshot(version: int, name: str, event: str = "unit.renamed") -> dict[str, object]:
    return {
        "id": 42,
        "name": name,
        "credit_code": CODE,
        "type": "department",
        "parent_id": None,
        "sort_order": 0,
        "closed": False,
        "version": version,
        "event": event,
    }


async def put(client: AsyncClient, body: dict[str, object], key: str, **headers: str) -> int:
    response = await client.put(
        "/org/units/42", json=body, headers={"Idempotency-Key": key, **headers}
    )
    return response.status_code


async def test_only_services_may_send_units(client: AsyncClient) -> None:
    body = snapshot(1, "锦华区教育局", "unit.created")
    assert await put(client, body, "unit-42-v1-catalog") == 401
    assert await put(client, body, "unit-42-v1-catalog", **auth("ops_admin")) == 403


async def test_a_redelivered_message_takes_effect_once(
    client: AsyncClient, session: AsyncSession
) -> None:
    service = auth("service", username="gateway")
    assert (
        await put(client, snapshot(1, "教育局", "unit.created"), "unit-42-v1-catalog", **service)
        == 204
    )
    assert await put(client, snapshot(2, "锦华区教育局"), "unit-42-v2-catalog", **service) == 204
    assert await put(client, snapshot(2, "锦华区教育局"), "unit-42-v2-catalog", **service) == 204
    unit = (await client.get("/org/units/42")).json()
    assert unit["name"] == "锦华区教育局"
    entries = (
        await session.scalars(
            select(AuditEntry).where(AuditEntry.entity_type == "unit").order_by(AuditEntry.id)
        )
    ).all()
    assert [e.action for e in entries] == ["unit.created", "unit.renamed"]


async def test_an_older_version_arriving_late_does_not_win(client: AsyncClient) -> None:
    service = auth("service", username="gateway")
    await put(client, snapshot(3, "新名称"), "unit-42-v3-catalog", **service)
    await put(client, snapshot(2, "旧名称"), "unit-42-v2-catalog", **service)
    assert (await client.get("/org/units/42")).json()["name"] == "新名称"


async def test_a_bad_snapshot_names_the_field(client: AsyncClient) -> None:
    body = {**snapshot(1, "教育局"), "credit_code": "123"}
    response = await client.put(
        "/org/units/42",
        json=body,
        headers={"Idempotency-Key": "unit-42-v1-catalog", **auth("service")},
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "body.credit_code"
