"""Statistics routes have PostgreSQL plan each statement for its values, and only they do."""

import httpx
from fastapi import APIRouter
from sqlalchemy import text

from sunshine_kit.app import create_app
from sunshine_kit.db import CustomPlans, Database, SessionDep
from sunshine_kit.settings import Settings

router = APIRouter()
SETTING = text("SELECT current_setting('plan_cache_mode'), pg_backend_pid()")


async def _setting(session: SessionDep) -> dict[str, str | int]:
    mode, backend = (await session.execute(SETTING)).one()
    return {"mode": mode, "backend": backend}


@router.get("/figures", dependencies=[CustomPlans])
async def figures(session: SessionDep) -> dict[str, str | int]:
    return await _setting(session)


@router.get("/page")
async def page(session: SessionDep) -> dict[str, str | int]:
    return await _setting(session)


async def test_a_statistics_request_plans_for_its_values_and_leaves_the_connection_as_found(
    database_url: str,
) -> None:
    app = create_app(Settings(service_name="catalog"), title="t", description="t", routers=[router])
    # One connection, so the request after the figures gets the very connection they used.
    app.state.db = Database(database_url, pool_size=1)
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            during = (await http.get("/figures")).json()
            after = (await http.get("/page")).json()
    finally:
        await app.state.db.dispose()
    assert during["mode"] == "force_custom_plan"
    assert after == {"mode": "auto", "backend": during["backend"]}
