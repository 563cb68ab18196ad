"""Proposals for proactive disclosure (Article 44) received from the applications service."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.actions import Action
from sunshine_catalog.errors import ITEM_NOT_FOUND, PROPOSAL_HANDLED
from sunshine_catalog.items.models import InformationItem
from sunshine_catalog.proposals.models import Proposal, ProposalStatus
from sunshine_catalog.proposals.schemas import AcceptIn, DeclineIn, ProposalIn
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.db import utcnow
from sunshine_kit.errors import Conflict, InvalidInput
from sunshine_kit.pagination import PageParams
from sunshine_kit.units.service import get_unit


async def already_received(session: AsyncSession, key: str) -> Proposal | None:
    found: Proposal | None = await session.scalar(
        select(Proposal).where(Proposal.source_key == key)
    )
    return found


async def receive(session: AsyncSession, sender: Principal, key: str, body: ProposalIn) -> Proposal:
    """Store a proposal for the unit's office and publishers to decide on."""
    await get_unit(session, body.unit_id)
    proposal = Proposal(
        unit_id=body.unit_id,
        description=body.description,
        application_count=body.application_count,
        tracking_numbers=list(body.tracking_numbers),
        status=ProposalStatus.OPEN,
        source_key=key,
    )
    session.add(proposal)
    await session.flush()
    await audit.record(
        session,
        actor=sender,
        action=Action.PROPOSAL_RECEIVED,
        entity_type="proposal",
        entity_id=proposal.id,
        after={"unit_id": body.unit_id, "application_count": body.application_count},
    )
    return proposal


async def unit_page(
    session: AsyncSession, unit_id: int, status: ProposalStatus | None, page: PageParams
) -> tuple[list[Proposal], int]:
    """A unit's proposals, open ones first, newest first."""
    query = select(Proposal).where(Proposal.unit_id == unit_id)
    if status is not None:
        query = query.where(Proposal.status == status)
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = await session.scalars(
        query.order_by(Proposal.status != ProposalStatus.OPEN, Proposal.id.desc())
        .offset(page.offset)
        .limit(page.size)
    )
    return list(rows.all()), total


def _ensure_open(proposal: Proposal) -> None:
    if proposal.status != ProposalStatus.OPEN:
        raise Conflict("该建议已处理", code=PROPOSAL_HANDLED)


async def accept(
    session: AsyncSession, actor: Principal, proposal: Proposal, body: AcceptIn
) -> Proposal:
    """Adopt the proposal, naming the item that discloses the information when there is one."""
    _ensure_open(proposal)
    if body.item_id is not None:
        item = await session.get(InformationItem, body.item_id)
        if item is None or item.unit_id != proposal.unit_id:
            raise InvalidInput("item_id", "本单位目录中没有该信息", code=ITEM_NOT_FOUND)
    proposal.status = ProposalStatus.ACCEPTED
    proposal.item_id = body.item_id
    proposal.note = body.note
    return await _handled(session, actor, proposal, Action.PROPOSAL_ACCEPTED)


async def decline(
    session: AsyncSession, actor: Principal, proposal: Proposal, body: DeclineIn
) -> Proposal:
    _ensure_open(proposal)
    proposal.status = ProposalStatus.DECLINED
    proposal.note = body.note
    return await _handled(session, actor, proposal, Action.PROPOSAL_DECLINED)


async def _handled(
    session: AsyncSession, actor: Principal, proposal: Proposal, action: Action
) -> Proposal:
    proposal.handled_by = actor.username
    proposal.handled_at = utcnow()
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=action,
        entity_type="proposal",
        entity_id=proposal.id,
        before={"status": ProposalStatus.OPEN.value},
        after={"status": proposal.status, "item_id": proposal.item_id, "note": proposal.note},
    )
    return proposal
