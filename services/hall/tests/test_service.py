from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncEngine

from sunshine_kit.testing import migration_differences


async def test_migrations_match_the_models(engine: AsyncEngine) -> None:
    assert await migration_differences(engine) == []


async def test_health_readiness_and_metrics(client: AsyncClient) -> None:
    assert (await client.get("/healthz")).status_code == 200
    assert (await client.get("/readyz")).json() == {"status": "ok", "database": "ok"}
    assert "sunshine_http_requests_total" in (await client.get("/metrics")).text
