from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.audit.models import AuditEntry
from sunshine_kit.auth import Principal
from sunshine_kit.context import request_id_var


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
    entry = AuditEntry(
        actor=actor if isinstance(actor, str) else actor.username,
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
