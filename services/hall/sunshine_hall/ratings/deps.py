"""The records the ratings routes start from, loaded by path id and checked for the caller."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header
from sqlalchemy import select

from sunshine_hall.ratings import service
from sunshine_hall.ratings.models import Complaint, FollowUp
from sunshine_hall.windows.access import can_manage_centre
from sunshine_hall.windows.models import ServiceCentre
from sunshine_kit.auth import CurrentPrincipal
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import Forbidden, NotFound
from sunshine_kit.ids import RecordId
from sunshine_kit.units.service import ensure_can_act_on, units_in_reach

CENTRE_FORBIDDEN = "centre_forbidden"


async def follow_up_in_reach(
    follow_up_id: RecordId, session: SessionDep, principal: CurrentPrincipal
) -> FollowUp:
    follow_up = await session.get(FollowUp, follow_up_id)
    if follow_up is None:
        raise NotFound("回访整改记录不存在")
    await ensure_can_act_on(session, principal, follow_up.unit_id)
    return follow_up


FollowUpInReach = Annotated[FollowUp, Depends(follow_up_in_reach)]


async def complaint_in_reach(
    complaint_id: RecordId, session: SessionDep, principal: CurrentPrincipal
) -> Complaint:
    complaint = await session.get(Complaint, complaint_id)
    if complaint is None:
        raise NotFound("投诉不存在")
    centre = await session.get(ServiceCentre, complaint.centre_id)
    if centre is None or not await can_manage_centre(session, principal, centre):
        raise Forbidden("无权处理该服务中心的投诉", code=CENTRE_FORBIDDEN)
    return complaint


ComplaintInReach = Annotated[Complaint, Depends(complaint_in_reach)]


async def centres_in_reach(session: SessionDep, principal: CurrentPrincipal) -> set[int]:
    """The centres whose supervision the caller may do: those of the units in their reach."""
    if principal.is_service:
        return set((await session.scalars(select(ServiceCentre.id))).all())
    units = await units_in_reach(session, principal, None)
    rows = await session.scalars(select(ServiceCentre.id).where(ServiceCentre.unit_id.in_(units)))
    return set(rows.all())


CentresInReach = Annotated[set[int], Depends(centres_in_reach)]


async def paired_tablet(
    window_id: RecordId,
    session: SessionDep,
    x_tablet_key: Annotated[str, Header(min_length=8, max_length=100, description="评价器密钥")],
) -> int:
    """The window whose paired tablet is calling (its key in `X-Tablet-Key`)."""
    await service.check_tablet(session, window_id, x_tablet_key)
    return window_id


PairedTablet = Annotated[int, Depends(paired_tablet)]
