"""行政复议 and 行政诉讼 brought against how an application was handled (the annual report's
table 四): recorded when filed, updated when decided."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.models import ApplicationStep, HistoryAction, Remedy
from sunshine_applications.applications.schemas import RemedyIn, RemedyUpdate
from sunshine_applications.applications.service import Desk, handler_refusal
from sunshine_applications.applications.steps import ensure_allowed
from sunshine_applications.errors import REMEDY_NOT_FOUND
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.errors import NotFound
from sunshine_kit.units.service import ensure_can_act_on


async def remedies_of(session: AsyncSession, application_id: int) -> Sequence[Remedy]:
    rows = await session.scalars(
        select(Remedy).where(Remedy.application_id == application_id).order_by(Remedy.id)
    )
    return rows.all()


async def add_remedy(desk: Desk, body: RemedyIn) -> Remedy:
    """Record a reconsideration or lawsuit against the application."""
    await ensure_allowed(desk, ApplicationStep.REMEDIES)
    application = desk.application
    remedy = Remedy(
        application_id=application.id,
        unit_id=application.unit_id,
        kind=body.kind,
        filed_on=body.filed_on,
        result=body.result,
        decided_on=body.decided_on,
        note=body.note,
    )
    desk.session.add(remedy)
    await desk.session.flush()
    await audit.record(
        desk.session,
        actor=desk.actor,
        action=HistoryAction.REMEDY_ADDED,
        entity_type="application",
        entity_id=application.id,
        after={"remedy_id": remedy.id, "kind": body.kind.value, "result": body.result.value},
    )
    return remedy


async def update_remedy(
    session: AsyncSession, actor: Principal, remedy_id: int, body: RemedyUpdate
) -> Remedy:
    """The reconsideration body or the court decided (or the note changed)."""
    if (refusal := handler_refusal(actor)) is not None:
        raise refusal
    remedy = await session.get(Remedy, remedy_id)
    if remedy is None:
        raise NotFound("复议或诉讼记录不存在", code=REMEDY_NOT_FOUND)
    await ensure_can_act_on(session, actor, remedy.unit_id)
    before = {"result": remedy.result}
    remedy.result = body.result
    remedy.decided_on = body.decided_on
    if body.note is not None:
        remedy.note = body.note
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=HistoryAction.REMEDY_UPDATED,
        entity_type="application",
        entity_id=remedy.application_id,
        before=before,
        after={"remedy_id": remedy.id, "result": body.result.value},
    )
    return remedy
