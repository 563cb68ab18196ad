from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from sunshine_kit.testing import auth, migration_differences
from sunshine_kit.units.models import Unit
from sunshine_kit.units.schemas import make_credit_code


async def test_migrations_match_the_models(engine: AsyncEngine) -> None:
    assert await migration_differences(engine) == []


async def two_streets(session: AsyncSession) -> None:
    for unit_id, name in ((1, "东湖街道"), (2, "青龙街道")):
        session.add(
            Unit(
                id=unit_id,
                name=name,
                type="street",
                credit_code=make_credit_code(f"11510199MB{unit_id:07d}"),
            )
        )
    await session.commit()


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
