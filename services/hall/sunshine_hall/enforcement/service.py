"""The register of 行政处罚 and 行政强制 decisions: entered one by one or imported, each penalty
published to 双公示 as it is registered, counted per unit and year for the annual report."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import ColumnElement, extract, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.enforcement.models import EnforcementDecision, EnforcementKind
from sunshine_hall.enforcement.schemas import (
    KIND_LABELS,
    DecisionIn,
    DecisionOut,
    DecisionPage,
    EnforcementStats,
    UnitYearStats,
)
from sunshine_hall.publicity.models import PublicityRecord
from sunshine_hall.publicity.service import party_shown, publish_enforcement
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import WorkingDayCalendar, today
from sunshine_kit.errors import Conflict, InvalidInput
from sunshine_kit.pagination import PageParams
from sunshine_kit.units.models import Unit
from sunshine_kit.units.service import ensure_can_act_on, units_in_reach

DUPLICATE_DOCUMENT = "duplicate_document_number"
DECIDED_IN_FUTURE = "decided_in_future"


async def unit_of(session: AsyncSession, principal: Principal, unit_id: int | None) -> int:
    """The unit a decision is registered for: the one named (in the caller's reach) or the
    caller's own."""
    chosen = unit_id if unit_id is not None else principal.unit_id
    if chosen is None:
        raise InvalidInput("unit_id", "请选择作出决定的单位")
    await ensure_can_act_on(session, principal, chosen)
    return chosen


async def reach(
    session: AsyncSession, principal: Principal, unit_id: int | None
) -> Collection[int] | None:
    """The units a list or figure covers (with those below the one named); None: every unit,
    for another component asking about the whole region."""
    if principal.is_service and unit_id is None:
        return None
    return await units_in_reach(session, principal, unit_id, below=True)


async def document_taken(session: AsyncSession, unit_id: int, numbers: Collection[str]) -> set[str]:
    rows = await session.scalars(
        select(EnforcementDecision.document_number).where(
            EnforcementDecision.unit_id == unit_id,
            EnforcementDecision.document_number.in_(list(numbers)),
        )
    )
    return set(rows.all())


async def register(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    principal: Principal,
    unit_id: int,
    bodies: Sequence[DecisionIn],
    *,
    source: str = "form",
) -> list[EnforcementDecision]:
    """Store decisions of one unit and send each penalty to 双公示, all in one transaction."""
    unit_name = await session.scalar(select(Unit.name).where(Unit.id == unit_id)) or ""
    decisions = []
    for body in bodies:
        decision = EnforcementDecision(
            unit_id=unit_id,
            kind=body.kind,
            document_number=body.document_number.strip(),
            party_type=body.party_type,
            party_name=body.party_name.strip(),
            credit_code=body.credit_code,
            facts=body.facts.strip(),
            legal_basis=body.legal_basis.strip(),
            content=body.content.strip(),
            fine_fen=body.fine_fen,
            decided_on=body.decided_on,
            source=source,
            created_by=principal.username,
        )
        session.add(decision)
        decisions.append(decision)
    await session.flush()
    for decision in decisions:
        await publish_enforcement(session, calendar, decision, unit_name)
        await audit.record(
            session,
            actor=principal,
            action="enforcement.registered",
            entity_type="enforcement_decision",
            entity_id=decision.id,
            after={"kind": decision.kind, "document_number": decision.document_number},
        )
    return decisions


async def register_one(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    principal: Principal,
    body: DecisionIn,
) -> EnforcementDecision:
    """Register one decision entered on the form."""
    unit_id = await unit_of(session, principal, body.unit_id)
    if body.decided_on > today():
        raise InvalidInput("decided_on", "决定日期不能晚于今天", code=DECIDED_IN_FUTURE)
    if await document_taken(session, unit_id, [body.document_number.strip()]):
        raise Conflict("本单位已登记该文号的决定", code=DUPLICATE_DOCUMENT)
    (decision,) = await register(session, calendar, principal, unit_id, [body])
    return decision


async def decision_page(
    session: AsyncSession,
    units: Collection[int] | None,
    page: PageParams,
    *,
    kind: EnforcementKind | None,
    year: int | None,
    q: str | None,
) -> DecisionPage:
    where: list[ColumnElement[bool]] = []
    if units is not None:
        where.append(EnforcementDecision.unit_id.in_(units))
    if kind is not None:
        where.append(EnforcementDecision.kind == kind)
    if year is not None:
        where.append(extract("year", EnforcementDecision.decided_on) == year)
    if q:
        like = f"%{q.strip()}%"
        where.append(
            EnforcementDecision.document_number.ilike(like)
            | EnforcementDecision.party_name.ilike(like)
        )
    total = await session.scalar(
        select(func.count()).select_from(EnforcementDecision).where(*where)
    )
    rows = await session.execute(
        select(EnforcementDecision, Unit.name, PublicityRecord)
        .join(Unit, Unit.id == EnforcementDecision.unit_id)
        .outerjoin(
            PublicityRecord,
            (PublicityRecord.source == "enforcement")
            & (PublicityRecord.source_id == EnforcementDecision.id),
        )
        .where(*where)
        .order_by(EnforcementDecision.decided_on.desc(), EnforcementDecision.id.desc())
        .offset(page.offset)
        .limit(page.size)
    )
    return DecisionPage(
        items=[decision_view(*row) for row in rows.all()],
        total=total or 0,
        page=page.page,
        size=page.size,
    )


def decision_view(
    decision: EnforcementDecision, unit_name: str, publicity: PublicityRecord | None
) -> DecisionOut:
    return DecisionOut(
        id=decision.id,
        unit_id=decision.unit_id,
        unit_name=unit_name,
        kind=EnforcementKind(decision.kind),
        kind_label=KIND_LABELS[EnforcementKind(decision.kind)],
        document_number=decision.document_number,
        party_type=decision.party_type,
        party_name=party_shown(decision.party_type, decision.party_name),
        credit_code=decision.credit_code,
        facts=decision.facts,
        legal_basis=decision.legal_basis,
        content=decision.content,
        fine_fen=decision.fine_fen,
        decided_on=decision.decided_on,
        source=decision.source,
        created_by=decision.created_by,
        created_at=decision.created_at,
        publicity_due_on=publicity.due_on if publicity else None,
        published_at=publicity.sent_at if publicity else None,
    )


async def one_view(session: AsyncSession, decision: EnforcementDecision) -> DecisionOut:
    unit_name = await session.scalar(select(Unit.name).where(Unit.id == decision.unit_id))
    publicity = await session.scalar(
        select(PublicityRecord).where(
            PublicityRecord.source == "enforcement", PublicityRecord.source_id == decision.id
        )
    )
    return decision_view(decision, unit_name or "", publicity)


async def stats(
    session: AsyncSession, units: Collection[int] | None, year: int
) -> EnforcementStats:
    """Table 二's 行政处罚 and 行政强制 本年处理决定数量 per unit (units without any omitted)."""
    penalty = EnforcementDecision.kind == EnforcementKind.PENALTY
    rows = await session.execute(
        select(
            EnforcementDecision.unit_id,
            Unit.name,
            func.count().filter(penalty),
            func.count().filter(EnforcementDecision.kind == EnforcementKind.COERCION),
            func.coalesce(func.sum(EnforcementDecision.fine_fen), 0),
        )
        .join(Unit, Unit.id == EnforcementDecision.unit_id)
        .where(
            extract("year", EnforcementDecision.decided_on) == year,
            *([] if units is None else [EnforcementDecision.unit_id.in_(units)]),
        )
        .group_by(EnforcementDecision.unit_id, Unit.name)
        .order_by(EnforcementDecision.unit_id)
    )
    return EnforcementStats(
        year=year,
        units=[
            UnitYearStats(
                unit_id=unit_id, unit_name=name, penalties=p, coercions=c, fines_fen=int(fines)
            )
            for unit_id, name, p, c, fines in rows.all()
        ],
    )
