from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from sunshine_kit.testing import BUREAU, DISTRICT, add_test_district, auth, migration_differences

ARRANGEMENT_2027 = {
    "year": 2027,
    "holidays": ["2027-01-01", "2027-02-05", "2027-02-08"],
    "workdays": ["2027-01-30"],
    "note": "测试数据",
}


async def test_migrations_match_the_models(engine: AsyncEngine) -> None:
    assert await migration_differences(engine) == []


async def test_health_and_readiness(client: AsyncClient) -> None:
    assert (await client.get("/healthz")).status_code == 200
    assert (await client.get("/readyz")).json() == {"status": "ok", "database": "ok"}


async def test_a_loaded_year_reaches_the_working_day_calendar(client: AsyncClient) -> None:
    before = {y["year"] for y in (await client.get("/calendar/years")).json()}
    assert 2027 not in before
    response = await client.put(
        "/calendar/years/2027",
        json=ARRANGEMENT_2027,
        headers={"Idempotency-Key": "calendar-2027-abc-applications", **auth("service")},
    )
    assert response.status_code == 204
    years = {y["year"]: y for y in (await client.get("/calendar/years")).json()}
    assert years[2027]["source"] == "loaded"
    assert years[2027]["workdays"] == ["2027-01-30"]


async def test_only_the_top_units_ops_admin_sees_the_dead_letters(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    assert (await client.get("/outbox/dead")).status_code == 401
    assert (await client.get("/outbox/dead", headers=auth("office"))).status_code == 403
    bureau = auth("ops_admin", unit_id=BUREAU)  # every unit's messages are not a bureau's
    assert (await client.get("/outbox/dead", headers=bureau)).json()["error"]["code"] == (
        "top_unit_only"
    )
    assert (
        await client.get("/outbox/dead", headers=auth("ops_admin", unit_id=DISTRICT))
    ).json() == []
