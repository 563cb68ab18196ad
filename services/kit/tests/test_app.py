"""What every component gets from the kit: errors, auth, rollback, health."""

import pytest
from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from sunshine_kit.audit.models import AuditEntry
from sunshine_kit.testing import auth, migration_differences, token_for


async def test_kit_migrations_match_the_kit_models(engine: AsyncEngine) -> None:
    assert await migration_differences(engine) == []


async def test_no_token_is_401_in_the_common_shape(client: AsyncClient) -> None:
    response = await client.post("/notes", json={"title": "公告"})
    assert response.status_code == 401
    body = response.json()
    assert body["error"] == {"code": "unauthorized", "message": "请先登录"}
    assert body["request_id"] == response.headers["x-request-id"]


async def test_an_expired_or_forged_token_is_refused(client: AsyncClient) -> None:
    expired = {"Authorization": f"Bearer {token_for('publisher', lifetime=-10)}"}
    forged = {
        "Authorization": f"Bearer {token_for('publisher', secret='not-ours-but-long-enough-32b')}"
    }
    first = await client.post("/notes", json={"title": "公告"}, headers=expired)
    second = await client.post("/notes", json={"title": "公告"}, headers=forged)
    assert first.json()["error"]["code"] == "token_expired"
    assert second.json()["error"]["code"] == "invalid_token"


async def test_wrong_role_is_403(client: AsyncClient) -> None:
    response = await client.post("/notes", json={"title": "公告"}, headers=auth("reviewer"))
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "role_forbidden"


async def test_a_malformed_body_is_422_naming_each_field(client: AsyncClient) -> None:
    response = await client.post(
        "/notes", json={"title": "x", "fail_after_write": "maybe"}, headers=auth("publisher")
    )
    assert response.status_code == 422
    fields = {f["field"] for f in response.json()["error"]["fields"]}
    assert fields == {"body.title", "body.fail_after_write"}


async def test_a_refusal_after_writing_leaves_nothing_written(
    client: AsyncClient, session: AsyncSession
) -> None:
    refused = await client.post(
        "/notes", json={"title": "公告", "fail_after_write": True}, headers=auth("publisher")
    )
    assert refused.status_code == 422
    assert (await session.scalars(select(AuditEntry))).all() == []
    accepted = await client.post("/notes", json={"title": "公告"}, headers=auth("publisher"))
    assert accepted.status_code == 201
    assert [e.action for e in (await session.scalars(select(AuditEntry))).all()] == ["note.added"]


async def test_unknown_path_is_404_in_the_common_shape(client: AsyncClient) -> None:
    response = await client.get("/nowhere")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_readiness_checks_the_database(client: AsyncClient) -> None:
    assert (await client.get("/readyz")).json() == {"status": "ok", "database": "ok"}


async def test_a_value_past_the_databases_range_is_the_callers_error(
    client: AsyncClient, database_url: str
) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL's integer range")
    assert (await client.get("/audit-count/1")).json() == {"count": 0}
    response = await client.get("/audit-count/99999999999999999999")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"
