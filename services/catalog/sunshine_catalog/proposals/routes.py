from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Response

from sunshine_catalog.deps import ProposalForStaff
from sunshine_catalog.proposals import service
from sunshine_catalog.proposals.models import ProposalStatus
from sunshine_catalog.proposals.schemas import (
    AcceptIn,
    DeclineIn,
    ProposalIn,
    ProposalOut,
    ProposalPage,
)
from sunshine_kit.auth import CurrentPrincipal, ServiceCaller, require
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.ids import RecordId
from sunshine_kit.pagination import PageDep
from sunshine_kit.roles import Can
from sunshine_kit.units.service import ensure_can_act_on

router = APIRouter(tags=["proposals"], responses=ERROR_RESPONSES)
_deciders = [require(Can.DECIDE_PROPOSALS)]


def _out(proposal: object) -> ProposalOut:
    return ProposalOut.model_validate(proposal, from_attributes=True)


@router.post("/proposals", response_model=ProposalOut, status_code=201)
async def receive_proposal(
    body: ProposalIn,
    response: Response,
    session: SessionDep,
    sender: ServiceCaller,
    idempotency_key: Annotated[str, Header(min_length=8, max_length=200)],
) -> ProposalOut:
    """A proposal for proactive disclosure from the applications service (Article 44).

    The same key twice is one proposal: a repeat answers 200 with the one made the first time.
    """
    existing = await service.already_received(session, idempotency_key)
    if existing is not None:
        response.status_code = 200
        return _out(existing)
    return _out(await service.receive(session, sender, idempotency_key, body))


@router.get("/units/{unit_id}/proposals", response_model=ProposalPage, dependencies=_deciders)
async def unit_proposals(
    unit_id: RecordId,
    session: SessionDep,
    principal: CurrentPrincipal,
    page: PageDep,
    status: Annotated[ProposalStatus | None, Query(description="open、accepted、declined")] = None,
) -> ProposalPage:
    """Information applicants keep asking a unit for, proposed for proactive disclosure."""
    await ensure_can_act_on(session, principal, unit_id)
    rows, total = await service.unit_page(session, unit_id, status, page)
    return ProposalPage(items=[_out(p) for p in rows], total=total, page=page.page, size=page.size)


@router.post("/proposals/{proposal_id}/accept", response_model=ProposalOut, dependencies=_deciders)
async def accept(
    proposal: ProposalForStaff, body: AcceptIn, session: SessionDep, principal: CurrentPrincipal
) -> ProposalOut:
    """Adopt it: the information is (or will be) disclosed proactively."""
    return _out(await service.accept(session, principal, proposal, body))


@router.post("/proposals/{proposal_id}/decline", response_model=ProposalOut, dependencies=_deciders)
async def decline(
    proposal: ProposalForStaff, body: DeclineIn, session: SessionDep, principal: CurrentPrincipal
) -> ProposalOut:
    """Decline it, with the reason."""
    return _out(await service.decline(session, principal, proposal, body))
