"""Migration applications_0004 on a database of the previous head holding demo applications in
plain text, as every existing installation does: encrypted in place, or not touched at all when
the key is missing. On SQLite, and on PostgreSQL when TEST_DATABASE_URL names a server."""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Column, MetaData, Table, Text, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine

from sunshine_applications.applications.identity import applicant_and_request, fingerprint
from sunshine_applications.applications.models import DisclosureApplication
from sunshine_applications.demo.generator import records
from sunshine_applications.demo.loader import demo_units
from sunshine_applications.inquiries.models import Inquiry
from sunshine_kit.calendar.service import build_calendar
from sunshine_kit.db import create_engine
from sunshine_kit.migrate import alembic_config
from sunshine_kit.personal_data import Sealed
from sunshine_kit.testing import add_test_district

PREVIOUS = "applications_0003"
SEALED = ("id_number", "phone", "email", "address")
ASKER_CONTACT = "lihua@example.com"


def as_before(model: Any) -> Table:
    """The table as the previous head has it: the encrypted columns plain text."""
    columns = [
        Column(c.name, Text() if isinstance(c.type, Sealed) else c.type, primary_key=c.primary_key)
        for c in model.__table__.columns
    ]
    return Table(model.__tablename__, MetaData(), *columns)


@pytest.fixture(params=["sqlite", "postgresql"])
async def database(
    request: pytest.FixtureRequest, alembic_ini: Path, tmp_path: Path
) -> AsyncIterator[str]:
    """An empty database of its own, dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path}/before.db"
        return
    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        pytest.skip("TEST_DATABASE_URL names no PostgreSQL server")
    name = f"test_applications_0004_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    admin: AsyncEngine = create_async_engine(
        make_url(server).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


async def migrate(alembic_ini: Path, url: str, to: str) -> None:
    await asyncio.to_thread(command.upgrade, alembic_config(alembic_ini, url), to)


async def filled_before(alembic_ini: Path, url: str) -> list[dict[str, Any]]:
    """The previous head with thirty demo applications and an inquiry, all in plain text."""
    await migrate(alembic_ini, url, PREVIOUS)
    # The kit's shared tables at their newest: the test district is written with today's models.
    await migrate(alembic_ini, url, "kit@head")
    engine = create_engine(url)
    try:
        async with AsyncSession(engine) as session:
            await add_test_district(session)
            made = records(
                await demo_units(session),
                await build_calendar(session),
                date(2026, 6, 1),
                count=30,
                seed=4,
                first_id=1,
            )
            for row in made.applications:  # the unkeyed fingerprint of the previous head
                made_of = applicant_and_request(row["id_number"], row["description"])
                row["fingerprint"] = hashlib.sha256(made_of.encode()).hexdigest()
            await session.execute(insert(as_before(DisclosureApplication)), made.applications)
            await session.execute(
                insert(as_before(Inquiry)),
                [
                    {
                        "id": 1,
                        "unit_id": 3,
                        "kind": "consultation",
                        "channel": "online",
                        "subject": "小学入学",
                        "content": "需要哪些材料？",
                        "asker_name": "李华",
                        "asker_contact": ASKER_CONTACT,
                        "token_hash": "0" * 64,
                        "received_on": date(2026, 6, 1),
                        "answer_due_on": date(2026, 6, 8),
                        "due_provisional": False,
                        "answer": "",
                        "created_at": made.applications[0]["created_at"],
                        "updated_at": made.applications[0]["created_at"],
                    }
                ],
            )
            await session.commit()
    finally:
        await engine.dispose()
    return made.applications


async def stored(url: str) -> tuple[list[Any], str, list[str]]:
    """The applications' and the inquiry's columns as stored, and the Alembic version."""
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            rows = (
                await conn.execute(
                    text(
                        "SELECT id, id_number, phone, email, address, fingerprint"
                        " FROM disclosure_application ORDER BY id"
                    )
                )
            ).all()
            contact = await conn.scalar(text("SELECT asker_contact FROM inquiry"))
            versions = (await conn.scalars(text("SELECT version_num FROM alembic_version"))).all()
    finally:
        await engine.dispose()
    return list(rows), str(contact), list(versions)


async def test_the_upgrade_encrypts_every_existing_row(alembic_ini: Path, database: str) -> None:
    before = await filled_before(alembic_ini, database)
    await migrate(alembic_ini, database, "heads")

    rows, contact, _ = await stored(database)
    assert len(rows) == len(before) == 30
    for row, plain in zip(rows, before, strict=True):
        for name in SEALED:
            value = getattr(row, name)
            if plain[name]:
                assert value.startswith("pd1.") and plain[name] not in value, name
            else:
                assert value == ""
        assert row.fingerprint == fingerprint(plain["id_number"], plain["description"])
    assert contact.startswith("pd1.") and "lihua" not in contact

    # The service reads them back as they were.
    engine = create_engine(database)
    try:
        async with AsyncSession(engine) as session:
            read = (
                await session.scalars(
                    select(DisclosureApplication).order_by(DisclosureApplication.id)
                )
            ).all()
            assert [[getattr(a, n) for n in SEALED] for a in read] == [
                [p[n] for n in SEALED] for p in before
            ]
            inquiry = await session.get(Inquiry, 1)
            assert inquiry is not None and inquiry.asker_contact == ASKER_CONTACT
    finally:
        await engine.dispose()


async def test_without_the_key_nothing_changes(
    alembic_ini: Path, database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = await filled_before(alembic_ini, database)
    *_, versions_before = await stored(database)
    monkeypatch.delenv("PERSONAL_DATA_KEY")
    with pytest.raises(RuntimeError, match="PERSONAL_DATA_KEY is not set"):
        await migrate(alembic_ini, database, "heads")
    rows, contact, versions = await stored(database)
    assert [row.id_number for row in rows] == [p["id_number"] for p in before]
    assert contact == ASKER_CONTACT
    assert PREVIOUS in versions and versions == versions_before
