"""The audit log: writing an entry with the change, reading it filtered and in words."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.audit.models import AuditEntry
from sunshine_kit.audit.schemas import AuditChange, AuditLine
from sunshine_kit.audit.words import (
    AuditWords,
    changed_fields,
    shortened,
    shown,
    unit_fields,
)
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import BEIJING
from sunshine_kit.context import request_id_var
from sunshine_kit.pagination import PageParams
from sunshine_kit.units.models import Unit


async def record(
    session: AsyncSession,
    *,
    actor: Principal | str,
    action: str,
    entity_type: str,
    entity_id: object,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write an audit entry in the caller's transaction: it exists exactly when the change does."""
    person = None if isinstance(actor, str) or actor.is_service else actor
    entry = AuditEntry(
        actor=actor if isinstance(actor, str) else actor.username,
        actor_name=(person.display_name or None) if person is not None else None,
        actor_unit_id=None if isinstance(actor, str) else actor.unit_id,
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id),
        before=before,
        after=after,
        request_id=request_id_var.get(),
    )
    session.add(entry)
    return entry


async def history(
    session: AsyncSession,
    *,
    entity_type: str,
    entity_id: str | None,
    limit: int,
    actor_units: set[int] | None = None,
) -> Sequence[AuditEntry]:
    """Entries of one kind of record, newest first; with `actor_units`, only those made by
    people of these units (entries of other components, with no unit, are left out too)."""
    query = select(AuditEntry).where(AuditEntry.entity_type == entity_type)
    if actor_units is not None:
        query = query.where(AuditEntry.actor_unit_id.in_(actor_units))
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    result = await session.scalars(query.order_by(AuditEntry.id.desc()).limit(limit))
    return result.all()


# --- reading the log --------------------------------------------------------------------------


@dataclass(frozen=True)
class LogFilter:
    """What the console's 审计日志 asks for. `actor_units`: entries of people of these units
    only (None: every entry, components' included)."""

    actor_units: set[int] | None = None
    actor: str | None = None
    entity_type: str | None = None
    entity_id: str | None = None
    action: str | None = None
    date_from: date | None = None
    date_to: date | None = None


def _beijing_start(day: date) -> datetime:
    return datetime.combine(day, time(), BEIJING).astimezone(UTC)


def _filtered(wanted: LogFilter) -> Select[AuditEntry]:
    query = select(AuditEntry)
    if wanted.actor_units is not None:
        query = query.where(AuditEntry.actor_unit_id.in_(wanted.actor_units))
    if wanted.actor:
        # A login name exactly, or a part of the person's name (张 finds 张三 and 张伟).
        query = query.where(
            or_(
                AuditEntry.actor == wanted.actor,
                AuditEntry.actor_name.contains(wanted.actor, autoescape=True),
            )
        )
    if wanted.entity_type:
        query = query.where(AuditEntry.entity_type == wanted.entity_type)
    if wanted.entity_id:
        query = query.where(AuditEntry.entity_id == wanted.entity_id)
    if wanted.action:
        query = query.where(AuditEntry.action == wanted.action)
    if wanted.date_from:
        query = query.where(AuditEntry.at >= _beijing_start(wanted.date_from))
    if wanted.date_to:
        query = query.where(AuditEntry.at < _beijing_start(wanted.date_to + timedelta(days=1)))
    return query


async def count(session: AsyncSession, wanted: LogFilter) -> int:
    query = select(func.count()).select_from(_filtered(wanted).subquery())
    return int(await session.scalar(query) or 0)


async def log_page(
    session: AsyncSession, wanted: LogFilter, page: PageParams
) -> tuple[Sequence[AuditEntry], int]:
    """A page of the entries wanted, newest first, and how many there are."""
    total = await count(session, wanted)
    query = _filtered(wanted).order_by(AuditEntry.id.desc()).offset(page.offset).limit(page.size)
    return (await session.scalars(query)).all(), total


async def all_entries(session: AsyncSession, wanted: LogFilter) -> Sequence[AuditEntry]:
    """Every entry wanted, newest first (the caller has counted them: the export's limit)."""
    return (await session.scalars(_filtered(wanted).order_by(AuditEntry.id.desc()))).all()


def _own_name(words: AuditWords, entry: AuditEntry) -> str | None:
    return words.name_of(entry.entity_type, entry.after) or words.name_of(
        entry.entity_type, entry.before
    )


async def _history_names(
    session: AsyncSession, words: AuditWords, entries: Sequence[AuditEntry]
) -> dict[tuple[str, str], str]:
    """The names of objects whose entry names nothing (a submission carries only its status):
    from the latest entry of their history that does (the draft's creation has the title)."""
    unnamed: dict[str, set[str]] = {}
    for entry in entries:
        if words.subject(entry.entity_type).name_fields and _own_name(words, entry) is None:
            unnamed.setdefault(entry.entity_type, set()).add(entry.entity_id)
    names: dict[tuple[str, str], str] = {}
    for entity_type, ids in unnamed.items():
        rows = await session.execute(
            select(AuditEntry.entity_id, AuditEntry.before, AuditEntry.after)
            .where(AuditEntry.entity_type == entity_type, AuditEntry.entity_id.in_(ids))
            .order_by(AuditEntry.id.desc())
        )
        for entity_id, before, after in rows.all():
            name = words.name_of(entity_type, after) or words.name_of(entity_type, before)
            if name is not None:
                names.setdefault((entity_type, entity_id), name)
    return names


async def _unit_names(
    session: AsyncSession, words: AuditWords, entries: Sequence[AuditEntry]
) -> dict[int, str]:
    """The names of the units the entries mention: the actors' and those in their values."""
    ids: set[int] = set()
    for entry in entries:
        if entry.actor_unit_id is not None:
            ids.add(entry.actor_unit_id)
        subject = words.subject(entry.entity_type)
        ids |= unit_fields(entry.before, subject) | unit_fields(entry.after, subject)
    if not ids:
        return {}
    rows = await session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(ids)))
    return {unit_id: name for unit_id, name in rows.all()}


def _who(words: AuditWords, entry: AuditEntry) -> str:
    """The person's name; a component or the public as the words call them (they have no
    unit); else the login name."""
    if entry.actor_name:
        return entry.actor_name
    if entry.actor_unit_id is None and entry.actor in words.actors:
        return words.actors[entry.actor]
    return entry.actor


def _sentence(who: str, verb: str, what: str, name: str | None, quoted: bool, ref: str) -> str:
    if name is None:
        return f"{who} {verb} {what}（编号 {ref}）"
    return f"{who} {verb} {what}《{name}》" if quoted else f"{who} {verb} {what} {name}"


async def in_words(
    session: AsyncSession, words: AuditWords, entries: Sequence[AuditEntry]
) -> list[AuditLine]:
    """The entries as people read them: who did what to which record, and what changed."""
    names = await _history_names(session, words, entries)
    units = await _unit_names(session, words, entries)
    lines = []
    for entry in entries:
        subject = words.subject(entry.entity_type)
        name = (
            _own_name(words, entry)
            or names.get((entry.entity_type, entry.entity_id))
            or (entry.entity_id if subject.id_is_name else None)
        )
        who = _who(words, entry)
        verb = words.action(entry.action)
        changes = [
            AuditChange(
                field=key,
                label=words.field_label(key),
                before=shown(words, key, old, units, subject),
                after=shown(words, key, new, units, subject),
            )
            for key, old, new in changed_fields(words, entry.before, entry.after)
        ]
        lines.append(
            AuditLine(
                id=entry.id,
                at=entry.at,
                actor=entry.actor,
                actor_name=who,
                actor_unit_id=entry.actor_unit_id,
                actor_unit_name=units.get(entry.actor_unit_id)
                if entry.actor_unit_id is not None
                else None,
                action=entry.action,
                action_label=verb,
                entity_type=entry.entity_type,
                entity_label=subject.label,
                entity_id=entry.entity_id,
                entity_name=name,
                sentence=_sentence(who, verb, subject.label, name, subject.quoted, entry.entity_id),
                changes=changes,
                request_id=entry.request_id,
            )
        )
    return lines


EXPORT_HEADER = ("时间", "操作人", "登录名", "所在单位", "操作", "对象", "对象编号", "记录", "变更")


def export_csv(lines: Sequence[AuditLine]) -> bytes:
    """The lines as a CSV file Excel opens (UTF-8 with BOM), in the words of the page; long
    values shortened."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_HEADER)
    for line in lines:
        changes = "；".join(
            f"{c.label}：{shortened(c.before) or '（无）'} → {shortened(c.after) or '（无）'}"
            for c in line.changes
        )
        writer.writerow(
            (
                line.at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S"),
                line.actor_name,
                line.actor,
                line.actor_unit_name or "",
                line.action_label,
                line.entity_label,
                line.entity_id,
                line.sentence,
                changes,
            )
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
