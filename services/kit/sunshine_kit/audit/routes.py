from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sunshine_kit.audit import service
from sunshine_kit.audit.schemas import AuditEntryOut
from sunshine_kit.auth import Role, require_roles
from sunshine_kit.db import SessionDep

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get(
    "",
    response_model=list[AuditEntryOut],
    dependencies=[require_roles(Role.SUPERVISOR, Role.OPS_ADMIN, Role.OFFICE)],
)
async def list_entries(
    session: SessionDep,
    entity_type: Annotated[str, Query(max_length=50)],
    entity_id: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[AuditEntryOut]:
    """The audit trail of one kind of record, newest first (read-only for supervisors)."""
    entries = await service.history(
        session, entity_type=entity_type, entity_id=entity_id, limit=limit
    )
    return [AuditEntryOut.model_validate(e) for e in entries]
