"""Electronic supervision's reads and the handling of alerts, within the caller's units.

Rates are read from `hall_completion_day` (kept by the completion step), not from the cases:
a month of a busy district is about 27,000 completed cases but a few thousand day rows, which
is what keeps the dashboard under its 200 ms with a million closed cases (bench). On-time is
measured against the promised limit (承诺时限): completed on or before the promised date.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.cases.models import Case
from sunshine_hall.cases.service import OPEN_STATUSES
from sunshine_hall.items.models import ServiceItem
from sunshine_hall.supervision.models import CompletionDay, SupervisionAlert
from sunshine_hall.supervision.schemas import AlertOut, HandleIn, RateRow, RatesOut, SummaryOut
from sunshine_hall.windows.models import Window
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.db import utcnow
from sunshine_kit.errors import Conflict, NotFound
from sunshine_kit.figures import rate
from sunshine_kit.pagination import PageParams
from sunshine_kit.units.models import Unit
from sunshine_kit.units.service import ensure_can_act_on, units_in_reach

ALERT_HANDLED = "alert_already_handled"


class RatesBy(StrEnum):
    UNIT = "unit"
    WINDOW = "window"
    CLERK = "clerk"


async def reach(
    session: AsyncSession, principal: Principal, unit_id: int | None
) -> set[int] | None:
    """The units a supervision read covers (None: every unit, for another component)."""
    if principal.is_service and unit_id is None:
        return None
    return await units_in_reach(session, principal, unit_id, below=True)


def _alerts(units: set[int] | None) -> Select[SupervisionAlert, Case, str]:
    query = (
        select(SupervisionAlert, Case, ServiceItem.name)
        .join(Case, Case.id == SupervisionAlert.case_id)
        .join(ServiceItem, ServiceItem.id == Case.item_id)
    )
    return query if units is None else query.where(SupervisionAlert.unit_id.in_(units))


def _alert_out(alert: SupervisionAlert, case: Case, item_name: str) -> AlertOut:
    return AlertOut(
        id=alert.id,
        case_id=case.id,
        number=case.number,
        item_name=item_name,
        level=alert.level,
        unit_id=alert.unit_id,
        centre_id=alert.centre_id,
        window_id=case.window_id,
        clerk=case.clerk,
        promised_due_on=alert.promised_due_on,
        legal_due_on=case.legal_due_on,
        raised_on=alert.raised_on,
        raised_at=alert.raised_at,
        handled_at=alert.handled_at,
        handled_by=alert.handled_by,
        note=alert.note,
    )


async def list_alerts(
    session: AsyncSession,
    units: set[int] | None,
    page: PageParams,
    *,
    unhandled: bool,
    level: str | None,
) -> tuple[list[AlertOut], int]:
    """Alerts newest first (red before yellow the same moment)."""
    query = _alerts(units)
    if unhandled:
        query = query.where(SupervisionAlert.handled_at.is_(None))
    if level is not None:
        query = query.where(SupervisionAlert.level == level)
    total = await session.scalar(select(func.count()).select_from(query.subquery()))
    rows = await session.execute(
        query.order_by(SupervisionAlert.id.desc()).offset(page.offset).limit(page.size)
    )
    return [_alert_out(alert, case, name) for alert, case, name in rows], int(total or 0)


async def handle(
    session: AsyncSession, principal: Principal, alert_id: int, body: HandleIn
) -> AlertOut:
    """A supervisor handles an alert: the note, who, when (once)."""
    row = (await session.execute(_alerts(None).where(SupervisionAlert.id == alert_id))).first()
    if row is None:
        raise NotFound("预警不存在", code="alert_not_found")
    alert, case, item_name = row
    await ensure_can_act_on(session, principal, alert.unit_id)
    if alert.handled_at is not None:
        raise Conflict(f"该预警已由{alert.handled_by}处理", code=ALERT_HANDLED)
    alert.handled_at = utcnow()
    alert.handled_by = principal.username
    alert.note = body.note
    await audit.record(
        session,
        actor=principal,
        action="supervision.alert_handled",
        entity_type="supervision_alert",
        entity_id=alert.id,
        after={"case": case.number, "level": alert.level, "note": body.note},
    )
    return _alert_out(alert, case, item_name)


async def summary(session: AsyncSession, units: set[int] | None) -> SummaryOut:
    cases = select(Case.warning, func.count()).where(Case.status.in_(OPEN_STATUSES))
    alerts = select(func.count()).where(SupervisionAlert.handled_at.is_(None))
    if units is not None:
        cases = cases.where(Case.unit_id.in_(units))
        alerts = alerts.where(SupervisionAlert.unit_id.in_(units))
    counts = dict((await session.execute(cases.group_by(Case.warning))).all())
    return SummaryOut(
        open_cases=sum(counts.values()),
        yellow=counts.get("yellow", 0),
        red=counts.get("red", 0),
        unhandled_alerts=int(await session.scalar(alerts) or 0),
    )


def _rate_row(key: str, label: str, completed: int, on_time: int, early: int, spot: int) -> RateRow:
    return RateRow(
        key=key,
        label=label,
        completed=completed,
        on_time=on_time,
        early=early,
        on_the_spot=spot,
        on_time_rate=rate(on_time, completed),
        early_rate=rate(early, completed),
        on_the_spot_rate=rate(spot, completed),
    )


async def rates(
    session: AsyncSession, units: set[int] | None, first: date, last: date, by: RatesBy
) -> RatesOut:
    """按时办结率, 提前办结率, 当场办结率 (and counts) by unit, window or clerk, for the
    completions from `first` to `last`."""
    key = {
        RatesBy.UNIT: CompletionDay.unit_id,
        RatesBy.WINDOW: CompletionDay.window_id,
        RatesBy.CLERK: CompletionDay.clerk,
    }[by]
    query = select(
        key,
        func.sum(CompletionDay.completed),
        func.sum(CompletionDay.on_time),
        func.sum(CompletionDay.early),
        func.sum(CompletionDay.on_the_spot),
    ).where(CompletionDay.completed_on.between(first, last))
    if units is not None:
        query = query.where(CompletionDay.unit_id.in_(units))
    figures = (await session.execute(query.group_by(key))).all()
    labels: dict[object, str] = {}
    keys = [row[0] for row in figures]
    if by is RatesBy.UNIT and keys:
        labels = dict(
            (await session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(keys)))).all()
        )
    elif by is RatesBy.WINDOW and keys:
        windows = await session.execute(
            select(Window.id, Window.number, Window.name).where(Window.id.in_(keys))
        )
        labels = {wid: f"{number}号窗口 {name}" for wid, number, name in windows.all()}
    rows = [
        _rate_row(str(k), labels.get(k, str(k)), int(c), int(t), int(e), int(s))
        for k, c, t, e, s in figures
    ]
    rows.sort(key=lambda r: (-r.completed, r.key))
    total = _rate_row(
        "total",
        "合计",
        sum(r.completed for r in rows),
        sum(r.on_time for r in rows),
        sum(r.early for r in rows),
        sum(r.on_the_spot for r in rows),
    )
    return RatesOut(month=first.strftime("%Y-%m"), by=by, rows=rows, total=total)
