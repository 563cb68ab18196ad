"""Pytest fixtures shared by every component's tests (load with `pytest_plugins`).

Each test runs inside a transaction that is rolled back at its end, on a database of its own
per test process: PostgreSQL when TEST_DATABASE_URL names a server (as `make test` does), else
a temporary SQLite file. A component's conftest provides two fixtures: `alembic_ini` and `app`.
"""

from __future__ import annotations

import asyncio
import base64
import os
import secrets
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import jwt
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, create_async_engine

from sunshine_kit.auth import ALGORITHM, FORWARDED, ISSUER, SERVICE
from sunshine_kit.db import Database, create_engine, get_session, unit_of_work
from sunshine_kit.migrate import upgrade
from sunshine_kit.settings import SERVICE_NAMES
from sunshine_kit.units.models import Unit
from sunshine_kit.units.schemas import make_credit_code

# Every test process signs with keys of its own, made here, before any app reads its settings.
os.environ.setdefault("SUNSHINE_USER_TOKEN_SECRET", secrets.token_urlsafe(48))
os.environ.setdefault("SUNSHINE_INTERNAL_TOKEN_SECRET", secrets.token_urlsafe(48))
os.environ.setdefault(
    "PERSONAL_DATA_KEY", base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
)
COMPONENTS = ("gateway", *SERVICE_NAMES)


def token_for(
    *roles: str,
    unit_id: int | None = 1,
    username: str = "tester",
    user_id: int = 1,
    secret: str | None = None,
    lifetime: int = 600,
    audience: str | tuple[str, ...] = COMPONENTS,
    display_name: str | None = None,
) -> str:
    """A token as a service receives it: the gateway's word about a signed-in user, or, with
    `service` among roles, another component's own call."""
    now = int(time.time())
    service = "service" in roles
    claims = {
        "iss": ISSUER,
        "aud": audience if isinstance(audience, str) else list(audience),
        "sub": f"service:{username}" if service else str(user_id),
        "usr": username,
        "name": display_name or username,
        "unit": unit_id,
        "roles": list(roles),
        "sid": uuid.uuid4().hex,
        "typ": SERVICE if service else FORWARDED,
        "iat": now,
        "exp": now + lifetime,
    }
    key = secret or os.environ["SUNSHINE_INTERNAL_TOKEN_SECRET"]
    return jwt.encode(claims, key, algorithm=ALGORITHM)


def auth(*roles: str, **kwargs: object) -> dict[str, str]:
    """Authorization header for a caller with `roles`."""
    return {"Authorization": f"Bearer {token_for(*roles, **kwargs)}"}  # type: ignore[arg-type]


async def _create_database(server_url: str, name: str) -> str:
    url = make_url(server_url)
    admin = create_async_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
async def database_url(
    alembic_ini: Path, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    """A freshly migrated database for this test process."""
    server = os.environ.get("TEST_DATABASE_URL")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    component = alembic_ini.parent.name
    if server:
        url = await _create_database(server, f"test_{component}_{worker}")
    else:
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp(component)}/test.db"
    await asyncio.to_thread(upgrade, alembic_ini, url)
    yield url


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
async def session(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    """A session whose every commit is a savepoint inside a transaction rolled back at the end."""
    async with engine.connect() as connection:
        transaction = await connection.begin()
        session = AsyncSession(
            bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        )
        try:
            yield session
        finally:
            await session.close()
            await transaction.rollback()


@pytest.fixture
async def client(
    app: FastAPI, session: AsyncSession, database_url: str
) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on the app, whose requests use the test's session."""
    if app.state.db.url != database_url:
        # Readiness checks and anything else outside the request session see the test database.
        await app.state.db.dispose()
        app.state.db = Database(database_url)

    async def _session() -> AsyncIterator[AsyncSession]:
        async with unit_of_work(session):
            yield session

    @asynccontextmanager
    async def _reader() -> AsyncIterator[AsyncConnection]:
        yield await session.connection()

    app.dependency_overrides[get_session] = _session
    # Reads go through Database.reader (the reader dependency, and what reads before routing).
    database: Database = app.state.db
    kept_reader, database.reader = database.reader, _reader
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http
    app.dependency_overrides.clear()
    database.reader = kept_reader


async def migration_differences(engine: AsyncEngine) -> list[object]:
    """What the migrated database lacks or has beyond the models (empty when they agree)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from sunshine_kit.db import Base

    def compare(connection: object) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})  # type: ignore[arg-type]
        return list(compare_metadata(context, Base.metadata))

    async with engine.connect() as connection:
        return await connection.run_sync(compare)


def component_fixtures(
    component_dir: Path, make_app: Callable[[], FastAPI]
) -> tuple[object, object]:
    """The `alembic_ini` and `app` fixtures of a component, for its conftest to bind."""

    @pytest.fixture(scope="session", name="alembic_ini")
    def _alembic_ini() -> Path:
        return component_dir / "alembic.ini"

    @pytest.fixture(scope="session", name="app")
    def _app() -> FastAPI:
        return make_app()

    return _alembic_ini, _app


async def add_units(
    session: AsyncSession, units: Iterable[tuple[int, str, str, int | None]]
) -> None:
    """Units (id, name, type, parent id) as the gateway would have sent them to a service.

    Committed (to a savepoint the test's end rolls back), so that a refused request rolling
    back its own work leaves them in place.
    """
    for unit_id, name, type_, parent in units:
        session.add(
            Unit(
                id=unit_id,
                name=name,
                type=type_,
                parent_id=parent,
                credit_code=make_credit_code(f"11510199MB{unit_id:07d}"),
            )
        )
    await session.commit()


# The test district every component's tests share: a government, two streets and a bureau, with
# the same ids everywhere so that a token's unit means the same unit in every service's tests.
DISTRICT, STREET, BUREAU, OTHER_STREET = 1, 2, 3, 4
TEST_DISTRICT = (
    (DISTRICT, "锦华区人民政府", "government", None),
    (STREET, "东湖街道", "street", DISTRICT),
    (BUREAU, "锦华区教育局", "department", DISTRICT),
    (OTHER_STREET, "青龙街道", "street", DISTRICT),
)


async def add_test_district(session: AsyncSession) -> None:
    """The test district as the gateway would have sent it."""
    await add_units(session, TEST_DISTRICT)
