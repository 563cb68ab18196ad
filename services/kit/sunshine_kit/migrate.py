"""Alembic plumbing shared by every component's `migrations/env.py`.

Each component has its own migrations; the kit's tables (unit copy, outbox, audit, received
messages, calendar years) are one shared Alembic branch, labelled `kit`, that every component's
alembic.ini lists in `version_locations`. Migrate with `alembic upgrade heads`.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, pool
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from sunshine_kit.settings import Settings

KIT_VERSIONS = Path(__file__).parent / "migrations" / "versions"


def _configure(connection: Connection, target_metadata: MetaData) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_env(target_metadata: MetaData, service_name: str) -> None:
    """The body of env.py: migrate the database named by DATABASE_URL (or the given url)."""
    config = context.config
    url = config.attributes.get("database_url") or Settings(service_name=service_name).database_url
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=target_metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return

    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection, target_metadata)
        return

    async def run_async() -> None:
        if url.startswith("sqlite"):
            path = url.split("///", 1)[-1]
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, poolclass=pool.NullPool)
        async with engine.connect() as conn:
            await conn.run_sync(_configure, target_metadata)
            await conn.commit()
        await engine.dispose()

    asyncio.run(run_async())


def alembic_config(alembic_ini: Path, database_url: str | None = None) -> Config:
    config = Config(str(alembic_ini))
    if database_url:
        config.attributes["database_url"] = database_url
    return config


def upgrade(alembic_ini: Path, database_url: str | None = None) -> None:
    """Migrate a component's database to the newest revision of every branch."""
    command.upgrade(alembic_config(alembic_ini, database_url), "heads")
