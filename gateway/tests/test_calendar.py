from gateway_builders import district, login
from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.calendar.models import CalendarYear
from sunshine_kit.outbox.models import OutboxMessage

# A hypothetical 2027 arrangement: the State Council publishes the real one in late 2026.
ARRANGEMENT_2027 = {
    "holidays": ["2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"],
    "workdays": ["2027-01-30"],
    "note": "测试数据",
}


async def test_builtin_years_are_listed_up_to_2026(client: AsyncClient) -> None:
    years = {y["year"]: y for y in (await client.get("/api/calendar/years")).json()}
    assert years[2026]["source"] == "builtin"
    assert "2026-10-01" in years[2026]["holidays"]
    assert "2026-02-14" in years[2026]["workdays"]
    assert 2027 not in years


async def test_ops_admin_loads_a_year_and_every_service_receives_it(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    admin = await login(client, "admin")
    response = await client.put("/api/calendar/years/2027", headers=admin, json=ARRANGEMENT_2027)
    assert response.status_code == 200, response.text
    assert response.json()["source"] == "loaded"
    years = {y["year"]: y for y in (await client.get("/api/calendar/years")).json()}
    assert years[2027]["workdays"] == ["2027-01-30"]
    pushed = (
        await session.scalars(
            select(OutboxMessage).where(OutboxMessage.path == "/calendar/years/2027")
        )
    ).all()
    assert sorted(m.destination for m in pushed) == ["applications", "catalog", "hall", "reporting"]


async def test_a_date_outside_the_year_is_refused_and_nothing_is_stored(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    admin = await login(client, "admin")
    body = {**ARRANGEMENT_2027, "holidays": ["2026-12-31"]}
    response = await client.put("/api/calendar/years/2027", headers=admin, json=body)
    assert response.status_code == 422
    assert "2026-12-31" in response.json()["error"]["message"]
    assert await session.get(CalendarYear, 2027) is None


async def test_only_ops_admin_loads_years(client: AsyncClient, session: AsyncSession) -> None:
    await district(session)
    office = await login(client, "office")
    response = await client.put("/api/calendar/years/2027", headers=office, json=ARRANGEMENT_2027)
    assert response.status_code == 403
