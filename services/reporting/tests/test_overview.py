from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from sunshine_kit.testing import add_units, auth, migration_differences


async def test_migrations_match_the_models(engine: AsyncEngine) -> None:
    assert await migration_differences(engine) == []


async def two_streets(session: AsyncSession) -> None:
    await add_units(session, ((1, "东湖街道", "street", None), (2, "青龙街道", "street", None)))


async def test_staff_see_only_their_own_units_overview(
    client: AsyncClient, session: AsyncSession
) -> None:
    await two_streets(session)
    assert (await client.get("/units/2/overview")).status_code == 401
    response = await client.get("/units/2/overview", headers=auth("publisher", unit_id=1))
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "unit_forbidden"


async def test_an_unreachable_catalog_is_a_clear_502(
    client: AsyncClient, session: AsyncSession
) -> None:
    # The test app's catalog URL points at a port where nothing listens.
    await two_streets(session)
    response = await client.get("/units/1/overview", headers=auth("publisher", unit_id=1))
    assert response.status_code == 502
    assert response.json()["error"]["code"] == "catalog_unavailable"
