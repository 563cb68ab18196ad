from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sunshine_kit.audit import service
from sunshine_kit.audit.schemas import AuditEntryOut
from sunshine_kit.auth import CurrentPrincipal, Principal, require
from sunshine_kit.db import SessionDep
from sunshine_kit.roles import Can
from sunshine_kit.units.service import at_top_unit, units_in_reach

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get(
    "",
    response_model=list[AuditEntryOut],
    dependencies=[require(Can.READ_AUDIT)],
)
async def list_entries(
    session: SessionDep,
    principal: CurrentPrincipal,
    entity_type: Annotated[str, Query(max_length=50)],
    entity_id: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[AuditEntryOut]:
    """The audit trail of one kind of record, newest first (read-only for supervisors): what
    was done by people of the caller's unit subtree (a street's office sees its street's)."""
    actors = await _actor_units(session, principal)
    entries = await service.history(
        session, entity_type=entity_type, entity_id=entity_id, limit=limit, actor_units=actors
    )
    return [AuditEntryOut.model_validate(e) for e in entries]


async def _actor_units(session: SessionDep, principal: Principal) -> set[int] | None:
    """Whose entries the caller may read: everyone's (components' included) for a component and
    for the office, supervisors and ops admins of the top unit; else those of people in reach."""
    if principal.is_service:
        return None
    reach = await units_in_reach(session, principal, None)
    at_top = await at_top_unit(session, principal)
    return None if principal.reaches_subtree and at_top else reach
