"""Database engine, declarative base and the one session dependency.

The same models run on PostgreSQL (asyncpg, production) and SQLite (aiosqlite, the embedded
default), so column types here are chosen to behave the same on both.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated, Any, ClassVar

from fastapi import Depends, Request
from sqlalchemy import JSON, DateTime, MetaData, event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import (
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


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """Engine for PostgreSQL or SQLite with the settings each needs to behave well."""
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
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    kwargs.setdefault("pool_pre_ping", True)
    return create_async_engine(url, **kwargs)


class Database:
    """Engine and session factory of one component, made at start-up."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_engine(url)
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False)
        # How a request that only reads uses its connection. SQLite: a plain BEGIN, so that it
        # does not queue for the write lock. PostgreSQL: no transaction at all, which saves the
        # BEGIN and COMMIT round trips and changes nothing, since under READ COMMITTED each
        # statement takes its own snapshot inside a transaction too.
        self.read_options: dict[str, Any] = {"read_only": True}
        if not url.startswith("sqlite"):
            self.read_options["isolation_level"] = "AUTOCOMMIT"

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


# Scope "function": the commit happens before the response leaves, so a client never sees a
# success whose commit then failed, nor races its own next request past an uncommitted write.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
