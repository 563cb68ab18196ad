"""Database engine, declarative base and the one session dependency.

The same models run on PostgreSQL (asyncpg, production) and SQLite (aiosqlite, the embedded
default), so column types here are chosen to behave the same on both.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated, Any, ClassVar

from fastapi import Depends, Request
from sqlalchemy import JSON, DateTime, MetaData, event, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC timestamps on both backends (SQLite drops the offset otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; store timezone-aware UTC times")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


JSONType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSONType,
        list[Any]: JSONType,
    }


def utcnow() -> datetime:
    return datetime.now(UTC)


# Connections per process. A process runs one request at a time on its event loop and holds a
# connection only while the request runs, so ten cover the requests waiting on the database at
# once; a cluster's PostgreSQL max_connections must allow ten per process of every component.
POOL_SIZE = 10
POOL_TIMEOUT_SECONDS = 10.0  # then the request is answered 503 (errors.install_error_handlers)
IDLE_BEFORE_PING_SECONDS = 5.0


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """Engine for PostgreSQL or SQLite with the settings each needs to behave well."""
    # A failed statement's parameters (names, addresses) must not reach the error log.
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        engine = create_async_engine(url, connect_args={"timeout": 30}, **kwargs)

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
            # The driver's own transaction handling breaks SAVEPOINT (which per-test rollback
            # and nested units of work need): let SQLAlchemy emit BEGIN itself.
            dbapi_connection.isolation_level = None
            # WAL lets readers go on while the outbox worker writes; foreign keys are off by
            # default in SQLite and we rely on them.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine.sync_engine, "begin")
        def _sqlite_begin(connection: Any) -> None:
            # IMMEDIATE takes the write lock up front: a plain BEGIN that reads and then writes
            # while another connection writes fails at once with "database is locked" instead
            # of waiting out busy_timeout. One writer at a time is SQLite's model anyway; work
            # that only reads (the readiness probe) says so and does not queue for the lock.
            read_only = connection.get_execution_options().get("read_only", False)
            connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    # A fixed number of connections, none opened beyond it: a request waits (in this process,
    # at no cost) for one to come free. Overflow connections were closed as soon as they were
    # returned, so under load every burst opened new ones, and a PostgreSQL connection costs a
    # server process and a handshake: measured, a search load that was answered in 30 ms turned
    # into one answered in seconds, with PostgreSQL busy starting backends (bench/README.md).
    kwargs.setdefault("pool_size", POOL_SIZE)
    kwargs.setdefault("max_overflow", 0)
    kwargs.setdefault("pool_timeout", POOL_TIMEOUT_SECONDS)
    engine = create_async_engine(url, **kwargs)
    _ping_when_idle(engine)
    return engine


def _ping_when_idle(engine: AsyncEngine) -> None:
    """Test a pooled connection before use only when it has lain idle, not on every checkout.

    SQLAlchemy's pool_pre_ping costs a round trip per request (measured: 0.6 ms of a 1.6 ms
    cached search). A connection in steady use proves itself with every statement, and when one
    fails as disconnected SQLAlchemy discards every connection made before the failure; what is
    left to catch is a server restarted while the pool lay idle, which this ping does.
    """

    @event.listens_for(engine.sync_engine.pool, "checkin")
    def _checked_in(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine.sync_engine.pool, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < IDLE_BEFORE_PING_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:
            # The pool throws this connection away and checks out a fresh one.
            raise DisconnectionError(f"pooled connection failed its ping: {exc}") from exc


class Database:
    """Engine and session factory of one component, made at start-up."""

    def __init__(self, url: str, **engine_options: Any) -> None:
        self.url = url
        self.engine = create_engine(url, **engine_options)
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False)
        # How a request that only reads uses its connection. SQLite: a plain BEGIN, so that it
        # does not queue for the write lock. PostgreSQL: no transaction at all, which saves the
        # BEGIN and COMMIT round trips and changes nothing, since under READ COMMITTED each
        # statement takes its own snapshot inside a transaction too.
        self.read_options: dict[str, Any] = {"read_only": True}
        if not url.startswith("sqlite"):
            self.read_options["isolation_level"] = "AUTOCOMMIT"
        # A connection for work that only reads, with plain statements (no ORM objects); an
        # attribute so that the tests can hand out their own rolled-back connection instead.
        self.reader: Callable[[], AbstractAsyncContextManager[AsyncConnection]] = (
            self._connect_to_read
        )

    @asynccontextmanager
    async def _connect_to_read(self) -> AsyncIterator[AsyncConnection]:
        async with self.engine.connect() as connection:
            await connection.execution_options(**self.read_options)
            yield connection

    async def dispose(self) -> None:
        await self.engine.dispose()


@asynccontextmanager
async def unit_of_work(session: AsyncSession) -> AsyncIterator[AsyncSession]:
    """Commit when the work returns, roll back if it raises: the one place this is decided."""
    try:
        yield session
        await session.commit()
    except BaseException:
        await session.rollback()
        raise


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One session per request, committed or rolled back by `unit_of_work`."""
    database: Database = request.app.state.db
    async with database.sessionmaker() as session, unit_of_work(session):
        if request.method in ("GET", "HEAD"):
            await session.connection(execution_options=database.read_options)
        yield session


async def get_reader(request: Request) -> AsyncIterator[AsyncConnection]:
    """A connection for a request that only reads, with plain statements rather than ORM
    objects: what the busiest public pages use (catalogue search), since an ORM session costs
    more to set up and tear down than their whole query (bench/README.md)."""
    database: Database = request.app.state.db
    async with database.reader() as connection:
        yield connection


# Scope "function": the commit happens before the response leaves, so a client never sees a
# success whose commit then failed, nor races its own next request past an uncommitted write.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
ReaderDep = Annotated[AsyncConnection, Depends(get_reader, scope="function")]


async def plan_for_the_values_given(session: SessionDep) -> AsyncIterator[None]:
    """A dependency for statistics routes: PostgreSQL plans each of the request's statements
    for the values it is given. asyncpg prepares every statement; after five runs PostgreSQL may
    switch a prepared statement to a generic plan made without the values, which for a year's
    aggregation over a list of units was four to five times slower (the hall's case figures of a
    region: 3.9–4.8 s for the first five calls, 15.9–21.0 s from the sixth, on a loaded machine,
    measured with bench/reporting_annual.py's data). Planning anew costs a millisecond against
    seconds of counting. Reads run without a transaction (`read_options`), so the setting is
    made for the connection and put back before it returns to the pool."""
    postgresql = session.get_bind().dialect.name == "postgresql"
    if not postgresql:
        yield
        return
    await session.execute(text("SET plan_cache_mode = force_custom_plan"))
    try:
        yield
    finally:
        await session.execute(text("RESET plan_cache_mode"))


# Function scope, like the session's: put back before the session gives up its connection.
CustomPlans = Depends(plan_for_the_values_given, scope="function")
