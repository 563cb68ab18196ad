"""Figures for the annual report (tables 三 and 四), consultations and fees, per unit and year.

Every date counted here (received, replied, filed, decided, answered, paid) is a legal date
already kept in Beijing terms, so a year is simply 1 January to 31 December.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.labels import OUTCOME_REASONS, REMEDY_KIND_LABELS
from sunshine_applications.applications.models import (
    ApplicantType,
    DisclosureApplication,
    OrganisationKind,
    Outcome,
    Remedy,
    RemedyKind,
    RemedyResult,
)
from sunshine_applications.inquiries.models import Inquiry, InquiryKind, Satisfaction
from sunshine_applications.inquiries.schemas import KIND_LABELS
from sunshine_applications.stats.schemas import (
    ApplicantCounts,
    ApplicationFigures,
    ApplicationRow,
    Fees,
    InquiryCounts,
    InquiryFigures,
    RemedyCounts,
    RemedyRow,
)
from sunshine_kit.figures import rate
from sunshine_kit.units.models import Unit

RESULTS = "三、本年度办理结果"
_GROUPS = {
    Outcome.DISCLOSED: "（一）予以公开",
    Outcome.PARTLY_DISCLOSED: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    Outcome.NOT_DISCLOSED: "（三）不予公开",
    Outcome.UNAVAILABLE: "（四）无法提供",
    Outcome.NOT_PROCESSED: "（五）不予处理",
    Outcome.OTHER: "（六）其他处理",
}


def _result_rows() -> list[tuple[str, str, str]]:
    """(key, label, group) of every result row, in the report's order."""
    rows: list[tuple[str, str, str]] = []
    for outcome, group in _GROUPS.items():
        reasons = OUTCOME_REASONS[outcome]
        if not reasons:
            rows.append((outcome.value, group, RESULTS))
        for number, reason in enumerate(reasons, start=1):
            rows.append((f"{outcome.value}_{number}", f"{number}.{reason}", group))
    return rows


RESULT_ROWS = _result_rows()
_RESULT_KEYS = {key for key, _, _ in RESULT_ROWS}
# An outcome recorded without a valid sub-item cannot happen through the API; should one
# appear it is counted as 其他处理 3 (其他) so that the totals still balance.
_FALLBACK_RESULT = f"{Outcome.OTHER.value}_3"

WAN_YUAN_FEN = Decimal(1_000_000)


def _result_key(outcome: str | None, reason: int | None) -> str:
    key = outcome if reason is None else f"{outcome}_{reason}"
    return key if key in _RESULT_KEYS else _FALLBACK_RESULT


def _counts(by_column: Counter[str]) -> ApplicantCounts:
    counts = ApplicantCounts(**by_column)
    counts.total = sum(by_column.values())
    return counts


def applicant_column() -> ColumnElement[str]:
    """The column of table 三 an application counts in (自然人, or the organisation's kind, 其他
    when none is recorded), as the SQL the figures group by: the one place of this rule."""
    return case(
        (
            DisclosureApplication.applicant_type == ApplicantType.NATURAL_PERSON.value,
            ApplicantType.NATURAL_PERSON.value,
        ),
        else_=func.coalesce(
            func.nullif(DisclosureApplication.organisation_kind, ""), OrganisationKind.OTHER.value
        ),
    )


async def application_rows(
    session: AsyncSession, unit_ids: set[int], year: int
) -> list[ApplicationRow]:
    """Table 三. Each application counted is either new or carried over, and either closed in
    the year (under one result) or carried forward: both invariants hold by construction.

    The database counts by cell (column, arrival, closed or not, outcome and its sub-item), a
    few hundred groups at most, on PostgreSQL and SQLite alike; here each group only finds its
    result row. Measured at 100,000 demo applications, a year with 60,000 of them: 59 ms, where
    an ORM object per application counted here took 1.8-4.7 s (a shared two-core machine)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    column = applicant_column().label("applicant")
    arrival = case((DisclosureApplication.received_on >= first, "new"), else_="carried_over").label(
        "arrival"
    )
    # Received by 31 December (the filter) and replied by then: closed in the year.
    closed = case((DisclosureApplication.replied_on <= last, 1), else_=0).label("closed")
    groups = await session.execute(
        select(
            column,
            arrival,
            closed,
            DisclosureApplication.outcome,
            DisclosureApplication.outcome_reason,
            func.count(),
        )
        .where(
            DisclosureApplication.unit_id.in_(unit_ids),
            DisclosureApplication.received_on <= last,
            or_(
                DisclosureApplication.replied_on.is_(None),
                DisclosureApplication.replied_on >= first,
            ),
        )
        .group_by(
            column,
            arrival,
            closed,
            DisclosureApplication.outcome,
            DisclosureApplication.outcome_reason,
        )
    )
    cells: dict[str, Counter[str]] = {}
    for applicant, arrived, was_closed, outcome, reason, count in groups.all():
        cells.setdefault(arrived, Counter())[applicant] += count
        if was_closed:
            result = _result_key(outcome, reason)
            cells.setdefault(result, Counter())[applicant] += count
            cells.setdefault("results_total", Counter())[applicant] += count
        else:
            cells.setdefault("carried_forward", Counter())[applicant] += count
    empty: Counter[str] = Counter()
    rows = [
        ApplicationRow(
            key="new",
            label="一、本年新收政府信息公开申请数量",
            group=None,
            counts=_counts(cells.get("new", empty)),
        ),
        ApplicationRow(
            key="carried_over",
            label="二、上年结转政府信息公开申请数量",
            group=None,
            counts=_counts(cells.get("carried_over", empty)),
        ),
    ]
    rows += [
        ApplicationRow(key=key, label=label, group=group, counts=_counts(cells.get(key, empty)))
        for key, label, group in RESULT_ROWS
    ]
    rows += [
        ApplicationRow(
            key="results_total",
            label="（七）总计",
            group=RESULTS,
            counts=_counts(cells.get("results_total", empty)),
        ),
        ApplicationRow(
            key="carried_forward",
            label="四、结转下年度继续办理",
            group=None,
            counts=_counts(cells.get("carried_forward", empty)),
        ),
    ]
    return rows


async def remedy_rows(session: AsyncSession, unit_ids: set[int], year: int) -> list[RemedyRow]:
    """Table 四: remedies filed in the year, by result as it stood on 31 December."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    rows = await session.execute(
        select(Remedy.kind, Remedy.result, Remedy.decided_on).where(
            Remedy.unit_id.in_(unit_ids), Remedy.filed_on >= first, Remedy.filed_on <= last
        )
    )
    tally: dict[str, Counter[str]] = {kind.value: Counter() for kind in RemedyKind}
    for kind, result, decided_on in rows.all():
        decided_later = decided_on is not None and decided_on > last
        column = RemedyResult.PENDING.value if decided_later else result
        tally[kind][column] += 1
    out = []
    for kind in RemedyKind:
        counts = RemedyCounts(**tally[kind.value])
        counts.total = sum(tally[kind.value].values())
        out.append(RemedyRow(key=kind.value, label=REMEDY_KIND_LABELS[kind], counts=counts))
    return out


async def inquiry_figures(
    session: AsyncSession, unit_ids: set[int], year: int
) -> list[InquiryFigures]:
    """Consultations and messages received and answered in the year, on time and rated."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    rows = await session.execute(
        select(
            Inquiry.kind,
            Inquiry.received_on,
            Inquiry.answered_on,
            Inquiry.answer_due_on,
            Inquiry.satisfaction,
        ).where(
            Inquiry.unit_id.in_(unit_ids),
            or_(
                Inquiry.received_on.between(first, last),
                Inquiry.answered_on.between(first, last),
            ),
        )
    )
    good = {Satisfaction.SATISFIED.value, Satisfaction.BASICALLY_SATISFIED.value}
    tally: dict[str, Counter[str]] = {kind.value: Counter() for kind in InquiryKind}
    for kind, received_on, answered_on, due_on, satisfaction in rows.all():
        counter = tally[kind]
        counter["received"] += first <= received_on <= last
        if answered_on is not None and first <= answered_on <= last:
            counter["answered"] += 1
            counter["answered_on_time"] += answered_on <= due_on
            counter["rated"] += satisfaction is not None
            counter["satisfied"] += satisfaction in good
    tally["total"] = sum(tally.values(), Counter())
    labels = {kind.value: label for kind, label in KIND_LABELS.items()} | {"total": "合计"}
    return [
        InquiryFigures(
            key=key,
            label=labels[key],
            counts=InquiryCounts(
                received=counter["received"],
                answered=counter["answered"],
                answered_on_time=counter["answered_on_time"],
                rated=counter["rated"],
                satisfied=counter["satisfied"],
                satisfaction_rate=rate(counter["satisfied"], counter["rated"]),
            ),
        )
        for key, counter in tally.items()
    ]


async def fees(session: AsyncSession, unit_ids: set[int], year: int) -> Fees:
    """信息处理费 paid in the year; the report prints 万元 to four decimals."""
    fen = (
        await session.scalar(
            select(func.coalesce(func.sum(DisclosureApplication.fee_fen), 0)).where(
                DisclosureApplication.unit_id.in_(unit_ids),
                DisclosureApplication.fee_paid_on.between(date(year, 1, 1), date(year, 12, 31)),
            )
        )
        or 0
    )
    wan = (Decimal(fen) / WAN_YUAN_FEN).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    return Fees(fen=int(fen), wan_yuan=wan)


async def application_figures(
    session: AsyncSession, unit: Unit, unit_ids: set[int], year: int, include_subunits: bool
) -> ApplicationFigures:
    return ApplicationFigures(
        unit_id=unit.id,
        unit_name=unit.name,
        year=year,
        include_subunits=include_subunits,
        applications=await application_rows(session, unit_ids, year),
        remedies=await remedy_rows(session, unit_ids, year),
        inquiries=await inquiry_figures(session, unit_ids, year),
        fees=await fees(session, unit_ids, year),
    )
