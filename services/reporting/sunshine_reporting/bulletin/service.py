"""每月考评通报: a region's month read from the sources, scored, ranked, issued, published.

The rows are the region's unit and every disclosure body below it (governments, departments,
streets, townships; not communities or villages, which owe no disclosure of their own), each
counted alone. Three reads cover them all: the sources' period statistics with `below=true`
give a row per unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import BEIJING, today
from sunshine_kit.db import utcnow
from sunshine_kit.errors import Conflict, InvalidInput, NotFound
from sunshine_kit.http import ServiceClient
from sunshine_kit.outbox.service import enqueue
from sunshine_kit.units.models import Unit, UnitType
from sunshine_kit.units.service import subtree_ids
from sunshine_reporting.bulletin.models import Bulletin, BulletinWeights
from sunshine_reporting.bulletin.schemas import (
    STATUS_LABELS,
    BulletinOut,
    BulletinRow,
    BulletinStatus,
    BulletinSummary,
    UnitFigures,
    Weights,
    WeightsOut,
)
from sunshine_reporting.bulletin.scoring import score_rows
from sunshine_reporting.summary.periods import month_bounds
from sunshine_reporting.summary.sources import PeriodFigures, SourceGap, read_period

# The catalogue column bulletins are published into (公开目录 “考评通报”, intake code).
BULLETIN_COLUMN = "X-EVALUATION"
_NOT_DISCLOSURE_BODIES = {UnitType.COMMUNITY.value, UnitType.VILLAGE.value}


def title(unit_name: str, year: int, month: int) -> str:
    return f"{unit_name}{year}年{month}月政务公开工作考评通报"


# --- weights ----------------------------------------------------------------------------------


async def weights_of(session: AsyncSession, unit_id: int) -> WeightsOut:
    """The region's weights, or the defaults while its office has set none."""
    stored = await session.get(BulletinWeights, unit_id)
    if stored is None:
        return WeightsOut(unit_id=unit_id, default=True, updated_by=None, updated_at=None)
    return WeightsOut(
        **stored.weights,
        unit_id=unit_id,
        default=False,
        updated_by=stored.updated_by,
        updated_at=stored.updated_at,
    )


async def set_weights(
    session: AsyncSession, actor: Principal, unit_id: int, weights: Weights
) -> WeightsOut:
    stored = await session.get(BulletinWeights, unit_id)
    before = None if stored is None else dict(stored.weights)
    if stored is None:
        stored = BulletinWeights(unit_id=unit_id, weights={}, updated_by=actor.username)
        session.add(stored)
    stored.weights = weights.model_dump()
    stored.updated_by = actor.username
    stored.updated_at = utcnow()
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action="bulletin_weights.set",
        entity_type="bulletin_weights",
        entity_id=unit_id,
        before=before,
        after=stored.weights,
    )
    return await weights_of(session, unit_id)


# --- reading the month --------------------------------------------------------------------


async def bulletin_units(session: AsyncSession, unit_id: int) -> list[tuple[int, str]]:
    """The region's disclosure bodies: the unit first, then those below it in the tree's order."""
    ids = await subtree_ids(session, unit_id)
    units = (
        await session.execute(
            select(Unit.id, Unit.name)
            .where(
                Unit.id.in_(ids),
                Unit.closed.is_(False),
                Unit.type.not_in(_NOT_DISCLOSURE_BODIES),
            )
            .order_by(Unit.id != unit_id, Unit.sort_order, Unit.id)
        )
    ).all()
    return [(u.id, u.name) for u in units]


def _by_unit(answer: dict[str, Any] | None) -> dict[int, dict[str, Any]] | None:
    return None if answer is None else {row["unit_id"]: row for row in answer["by_unit"]}


class MonthFigures:
    """The three answers of the month, unit by unit: a unit a source did not name had nothing
    there (zero); a source that is missing leaves its fields None for every unit."""

    def __init__(self, figures: PeriodFigures) -> None:
        self.catalog = _by_unit(figures.catalog)
        self.applications = _by_unit(figures.applications)
        self.hall = _by_unit(figures.hall)

    @staticmethod
    def _field(rows: dict[int, dict[str, Any]] | None, unit_id: int, name: str) -> int | None:
        return None if rows is None else int(rows.get(unit_id, {}).get(name, 0))

    def of(self, unit_id: int) -> UnitFigures:
        def catalog(name: str) -> int | None:
            return self._field(self.catalog, unit_id, name)

        def applications(name: str) -> int | None:
            return self._field(self.applications, unit_id, name)

        def hall(name: str) -> int | None:
            return self._field(self.hall, unit_id, name)

        return UnitFigures(
            published=catalog("published"),
            late=catalog("late"),
            overdue_unpublished=catalog("overdue_unpublished"),
            policy_documents=catalog("policy_documents"),
            interpretations_late=catalog("interpretations_late"),
            applications_due_soon=applications("due_soon"),
            applications_overdue=applications("overdue"),
            hall_completed=hall("completed"),
            hall_on_time=hall("on_time"),
            hall_rated=hall("rated"),
            hall_satisfied=hall("satisfied"),
        )


async def read_month(
    session: AsyncSession, services: ServiceClient, unit_id: int, year: int, month: int
) -> tuple[list[tuple[int, str, UnitFigures]], list[SourceGap]]:
    """Every disclosure body of the region with its month's figures, and the sources missing."""
    first, last = month_bounds(year, month)
    figures = await read_period(services, unit_id, first, last, below=True)
    month_figures = MonthFigures(figures)
    units = await bulletin_units(session, unit_id)
    return [(uid, name, month_figures.of(uid)) for uid, name in units], figures.gaps


# --- the bulletin's life --------------------------------------------------------------------


def check_month_over(year: int, month: int, now: date) -> None:
    """A month is evaluated once it is over (the bulletin goes out early the next month)."""
    if month_bounds(year, month)[1] >= now:
        raise InvalidInput("month", "只能为已结束的月份编制考评通报", code="month_not_over")


async def of_month(session: AsyncSession, unit_id: int, year: int, month: int) -> Bulletin | None:
    found: Bulletin | None = await session.scalar(
        select(Bulletin).where(
            Bulletin.unit_id == unit_id, Bulletin.year == year, Bulletin.month == month
        )
    )
    return found


async def find(session: AsyncSession, unit_id: int, year: int, month: int) -> Bulletin:
    found = await of_month(session, unit_id, year, month)
    if found is None:
        raise NotFound(f"{year}年{month}月的考评通报尚未编制", code="bulletin_not_found")
    return found


async def draw_up(
    session: AsyncSession,
    services: ServiceClient,
    actor: Principal,
    unit: Unit,
    year: int,
    month: int,
) -> Bulletin:
    """Read the month and score it: a new draft, or the draft read again. Issued: refused."""
    check_month_over(year, month, today())
    bulletin = await of_month(session, unit.id, year, month)
    if bulletin is not None and bulletin.status == BulletinStatus.ISSUED:
        raise Conflict("考评通报已印发，数字已冻结", code="bulletin_issued")
    weights = Weights.model_validate((await weights_of(session, unit.id)).model_dump())
    named, gaps = await read_month(session, services, unit.id, year, month)
    rows = score_rows(named, weights)
    figures = {
        "read_at": utcnow().isoformat(),
        "rows": [r.model_dump(mode="json") for r in rows],
        "missing": [g.model_dump(mode="json") for g in gaps],
    }
    if bulletin is None:
        bulletin = Bulletin(
            unit_id=unit.id,
            year=year,
            month=month,
            weights=weights.model_dump(),
            figures=figures,
            created_by=actor.username,
            updated_by=actor.username,
        )
        session.add(bulletin)
        action = "bulletin.drawn_up"
    else:
        bulletin.weights = weights.model_dump()
        bulletin.figures = figures
        bulletin.updated_by = actor.username
        bulletin.updated_at = utcnow()
        action = "bulletin.read_again"
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=action,
        entity_type="bulletin",
        entity_id=bulletin.id,
        after={"year": year, "month": month, "missing": [g.source.value for g in gaps]},
    )
    return bulletin


async def issue(session: AsyncSession, actor: Principal, bulletin: Bulletin) -> Bulletin:
    """印发: freeze figures and weights; a bulletin with a missing source cannot go out."""
    if bulletin.status == BulletinStatus.ISSUED:
        raise Conflict("考评通报已印发", code="bulletin_issued")
    if bulletin.figures["missing"]:
        names = "、".join(g["source_label"] for g in bulletin.figures["missing"])
        raise Conflict(f"{names}的数字缺失，请重新读取后再印发", code="figures_missing")
    bulletin.status = BulletinStatus.ISSUED.value
    bulletin.issued_by = actor.username
    bulletin.issued_at = utcnow()
    bulletin.updated_by = actor.username
    bulletin.updated_at = bulletin.issued_at
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action="bulletin.issued",
        entity_type="bulletin",
        entity_id=bulletin.id,
        before={"status": BulletinStatus.DRAFT.value},
        after={"status": BulletinStatus.ISSUED.value},
    )
    return bulletin


async def publish(
    session: AsyncSession, actor: Principal, bulletin: Bulletin, unit_name: str, body_html: str
) -> Bulletin:
    """Send the issued bulletin to the catalog's 考评通报 column through the outbox; asking
    again sends nothing more (the key is the bulletin's, and the catalog keeps one item)."""
    if bulletin.status != BulletinStatus.ISSUED:
        raise Conflict("考评通报印发后才能发布", code="bulletin_not_issued")
    if bulletin.publish_key is not None:
        return bulletin
    assert bulletin.issued_at is not None  # set when issued
    key = f"reporting:bulletin:{bulletin.id}"
    enqueue(
        session,
        destination="catalog",
        path="/intake/items",
        key=key,
        payload={
            "unit_id": bulletin.unit_id,
            "column_code": BULLETIN_COLUMN,
            "title": title(unit_name, bulletin.year, bulletin.month),
            "body_html": body_html,
            "formed_on": issued_day(bulletin).isoformat(),
            "keywords": "考评通报",
        },
    )
    bulletin.publish_key = key
    bulletin.published_by = actor.username
    bulletin.published_at = utcnow()
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action="bulletin.published",
        entity_type="bulletin",
        entity_id=bulletin.id,
        after={"column": BULLETIN_COLUMN, "key": key},
    )
    return bulletin


def issued_day(bulletin: Bulletin) -> date:
    assert bulletin.issued_at is not None
    return bulletin.issued_at.astimezone(BEIJING).date()


# --- views ----------------------------------------------------------------------------------


def summary(bulletin: Bulletin, unit_name: str) -> BulletinSummary:
    status = BulletinStatus(bulletin.status)
    return BulletinSummary(
        id=bulletin.id,
        unit_id=bulletin.unit_id,
        year=bulletin.year,
        month=bulletin.month,
        title=title(unit_name, bulletin.year, bulletin.month),
        status=status,
        status_label=STATUS_LABELS[status],
        figures_read_at=bulletin.figures["read_at"],
        issued_at=bulletin.issued_at,
        published_at=bulletin.published_at,
        missing=len(bulletin.figures["missing"]),
    )


def view(bulletin: Bulletin, unit_name: str) -> BulletinOut:
    missing = [SourceGap.model_validate(g) for g in bulletin.figures["missing"]]
    return BulletinOut(
        **summary(bulletin, unit_name).model_dump(),
        unit_name=unit_name,
        weights=Weights.model_validate(bulletin.weights),
        rows=[BulletinRow.model_validate(r) for r in bulletin.figures["rows"]],
        missing_sources=missing,
        can_issue=bulletin.status == BulletinStatus.DRAFT and not missing,
        created_by=bulletin.created_by,
        updated_by=bulletin.updated_by,
        updated_at=bulletin.updated_at,
        issued_by=bulletin.issued_by,
        published_by=bulletin.published_by,
        catalog_item_key=bulletin.publish_key,
    )


async def bulletins_of(session: AsyncSession, unit_id: int) -> Sequence[Bulletin]:
    return (
        await session.scalars(
            select(Bulletin)
            .where(Bulletin.unit_id == unit_id)
            .order_by(Bulletin.year.desc(), Bulletin.month.desc())
        )
    ).all()
