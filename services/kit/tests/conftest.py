from pathlib import Path

import pytest
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, Field
from sqlalchemy import text

from sunshine_kit.app import create_app
from sunshine_kit.audit import service as audit
from sunshine_kit.audit.words import AuditWords, Subject
from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import InvalidInput
from sunshine_kit.roles import Can
from sunshine_kit.settings import Settings

pytest_plugins = ["sunshine_kit.testing"]


class Note(BaseModel):
    title: str = Field(min_length=2)
    fail_after_write: bool = False


router = APIRouter(tags=["notes"])


@router.post("/notes", status_code=201, dependencies=[require(Can.WRITE_ITEMS)])
async def add_note(body: Note, session: SessionDep, principal: CurrentPrincipal) -> dict[str, str]:
    """A tiny component: writes an audit entry, then may refuse, to show the rollback."""
    await audit.record(
        session, actor=principal, action="note.added", entity_type="note", entity_id=body.title
    )
    await session.flush()
    if body.fail_after_write:
        raise InvalidInput("body.title", "与已有记录冲突")
    return {"title": body.title}


@router.get("/audit-count/{actor_unit}")
async def audit_count(actor_unit: int, session: SessionDep) -> dict[str, int]:
    """An unbounded id, to show the database's range error answered as the caller's."""
    found = await session.execute(
        text("SELECT count(*) FROM audit_entry WHERE actor_unit_id = :unit"), {"unit": actor_unit}
    )
    return {"count": found.scalar_one()}


@pytest.fixture(scope="session")
def alembic_ini() -> Path:
    return Path(__file__).parents[1] / "alembic.ini"


# How the tiny component's log reads (test_audit_log.py).
NOTE_WORDS = AuditWords(
    subjects={"note": Subject("便签", ("title",), quoted=True)},
    actions={"note.added": "新增了", "note.changed": "修改了", "note.shared": "分享了"},
    fields={"title": "标题", "body": "正文", "status": "状态", "unit_id": "单位"},
    values={"status": {"draft": "草稿", "shared": "已分享"}},
    hidden=frozenset({"version"}),
)


@pytest.fixture(scope="session")
def app() -> FastAPI:
    # Any service: it answers to tokens made for the catalog.
    settings = Settings(service_name="catalog", outbox_worker_enabled=False)
    return create_app(
        settings,
        title="kit",
        description="kit test app",
        routers=[router],
        audit_words=NOTE_WORDS,
    )
