"""The connection pool: a fixed number of connections, tested before use only after lying idle."""

import asyncio

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from sunshine_kit import db
from sunshine_kit.db import Database

BACKEND = text("SELECT pg_backend_pid()")


async def _terminate(database_url: str, backend: int) -> None:
    """End a server process from outside, as a restart would."""
    admin = Database(database_url)
    try:
        async with admin.engine.connect() as connection:
            await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
    finally:
        await admin.dispose()


async def test_a_connection_whose_server_went_away_while_idle_is_replaced(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The server end of a pooled connection dies (a restart, a failover) while the pool is idle.
    database = Database(database_url, pool_size=1)
    try:
        async with database.engine.connect() as connection:
            first = (await connection.execute(BACKEND)).scalar_one()
        await _terminate(database_url, first)
        monkeypatch.setattr(db, "IDLE_BEFORE_PING_SECONDS", 0.0)
        async with database.engine.connect() as connection:
            second = (await connection.execute(BACKEND)).scalar_one()
        assert second != first
    finally:
        await database.dispose()


async def test_a_connection_in_steady_use_is_not_pinged(database_url: str) -> None:
    # The other side of the rule: within the idle time the pool hands the connection out as it
    # is, so a dead one shows (and the failure discards it) rather than costing a ping each time.
    database = Database(database_url, pool_size=1)
    try:
        async with database.engine.connect() as connection:
            first = (await connection.execute(BACKEND)).scalar_one()
        await _terminate(database_url, first)
        await asyncio.sleep(0.2)  # the server's farewell reaches the pooled connection
        with pytest.raises(DBAPIError) as failed:
            async with database.engine.connect() as connection:
                await connection.execute(BACKEND)
        assert failed.value.connection_invalidated  # so the pool lets go of it
        async with database.engine.connect() as connection:
            assert (await connection.execute(BACKEND)).scalar_one() != first
    finally:
        await database.dispose()


async def test_a_request_finding_every_connection_busy_is_answered_503(
    app: FastAPI, database_url: str
) -> None:
    kept = app.state.db
    app.state.db = Database(database_url, pool_size=1, pool_timeout=0.2)
    try:
        async with app.state.db.engine.connect() as holding_the_only_one:
            await holding_the_only_one.execute(text("SELECT 1"))
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
                response = await http.get("/org/units/1")
        assert response.status_code == 503
        assert response.headers["retry-after"] == "1"
        assert response.json()["error"]["code"] == "service_busy"
    finally:
        await app.state.db.dispose()
        app.state.db = kept
