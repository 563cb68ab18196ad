"""The supervision sweep (电子监察): every open case against its promised date, in SQL.

Set-based, so that it does not grow with the number of open cases more than the index scan
does: per level, one statement flags the cases whose stored promised date has come near
(yellow) or passed (red) through the partial index `ix_hall_case_open_due`, inserts an alert
for each case it changed with ON CONFLICT DO NOTHING on the unique (case, level), and writes a
`LiveEvent` on channel "alerts" for each alert inserted — all in the caller's transaction, and
on PostgreSQL in one round trip (a data-modifying CTE), since carrying the changed rows through
Python cost 12 s for the 24,000 alerts of a first sweep (bench/hall_supervision.py; SQLite, the
development default, takes that path). A sweep that changes nothing costs one index range scan.

Once per (case, level), whatever happens:
- two replicas sweeping at once: a transaction-scoped advisory lock lets one sweep and the
  other skip (PostgreSQL); were it absent, the UPDATE's row locks and its `warning <> level`
  re-check after the wait would still give each row to one of them, and the unique constraint
  would refuse a second alert anyway;
- the hall down while deadlines passed: the sweep compares dates, not "what changed since the
  last run", so the first sweep after the gap finds every overdue case and raises one red alert
  each (yellow is not raised after the fact for a case already red).

A suspended case is left as it is: its clock is stopped, and its stored date moves each day the
suspension lasts (the step that ends it recomputes). Only accepted and decided cases change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Date, and_, bindparam, insert, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.cases.clock import YELLOW_WORKING_DAYS, Warning, yellow_horizon
from sunshine_hall.cases.models import Case, CaseStatus
from sunshine_hall.live.models import LiveEvent
from sunshine_hall.live.service import ALERTS
from sunshine_hall.supervision.models import SupervisionAlert
from sunshine_kit.calendar.days import WorkingDayCalendar
from sunshine_kit.db import UTCDateTime, utcnow

# The advisory lock the replicas' sweeps share (any constant the hall uses for nothing else).
SWEEP_LOCK = 0x48414C4C
RUNNING = (CaseStatus.ACCEPTED, CaseStatus.DECIDED)
# Rows per INSERT of alerts: PostgreSQL takes at most 32,767 parameters in one statement.
ALERT_BATCH = 2000


@dataclass(frozen=True)
class SweepResult:
    swept: bool  # False: another replica was sweeping
    yellow: int  # cases turned yellow
    red: int  # cases turned red
    alerts: int  # alerts raised (each once)


async def _flag(session: AsyncSession, level: Warning, condition: Any) -> list[Any]:
    """Set `level` on the running cases meeting `condition` that do not have it; those changed."""
    statement = (
        update(Case)
        .where(Case.status.in_(RUNNING), condition, Case.warning != level)
        .values(warning=level, updated_at=utcnow())
        .returning(
            Case.id,
            Case.number,
            Case.unit_id,
            Case.centre_id,
            Case.window_id,
            Case.clerk,
            Case.promised_due_on,
            Case.legal_due_on,
        )
        .execution_options(synchronize_session=False)
    )
    return list((await session.execute(statement)).all())


async def _raise(session: AsyncSession, level: Warning, cases: list[Any], on: date) -> int:
    if not cases:
        return 0
    now = utcnow()
    dialect = session.get_bind().dialect.name
    insert_ = postgresql.insert if dialect == "postgresql" else sqlite.insert
    raised: dict[int, int] = {}
    for start in range(0, len(cases), ALERT_BATCH):
        statement = (
            insert_(SupervisionAlert)
            .values(
                [
                    {
                        "case_id": case.id,
                        "level": level,
                        "unit_id": case.unit_id,
                        "centre_id": case.centre_id,
                        "promised_due_on": case.promised_due_on,
                        "raised_on": on,
                        "raised_at": now,
                        "handled_by": "",
                        "note": "",
                    }
                    for case in cases[start : start + ALERT_BATCH]
                ]
            )
            .on_conflict_do_nothing(index_elements=["case_id", "level"])
            .returning(SupervisionAlert.id, SupervisionAlert.case_id)
        )
        raised.update((case_id, alert_id) for alert_id, case_id in await session.execute(statement))
    events = [
        {
            "channel": ALERTS,
            "kind": "alert",
            "data": {
                "alert_id": raised[case.id],
                "case_id": case.id,
                "number": case.number,
                "level": str(level),
                "unit_id": case.unit_id,
                "centre_id": case.centre_id,
                "window_id": case.window_id,
                "clerk": case.clerk,
                "promised_due_on": case.promised_due_on.isoformat(),
                "legal_due_on": case.legal_due_on.isoformat() if case.legal_due_on else None,
                "raised_on": on.isoformat(),
            },
            "created_at": now,
        }
        for case in sorted(cases, key=lambda c: c.id)
        if case.id in raised
    ]
    if events:
        await session.execute(insert(LiveEvent), events)
    return len(raised)


_FLAG_AND_RAISE = """
WITH flagged AS (
    UPDATE hall_case SET warning = :level, updated_at = :now
    WHERE status IN ('accepted', 'decided') AND warning <> :level AND {condition}
    RETURNING id, number, unit_id, centre_id, window_id, clerk, promised_due_on, legal_due_on
), raised AS (
    INSERT INTO supervision_alert
        (case_id, level, unit_id, centre_id, promised_due_on, raised_on, raised_at,
         handled_by, note)
    SELECT id, :level, unit_id, centre_id, promised_due_on, :on, :now, '', ''
    FROM flagged ORDER BY id
    ON CONFLICT (case_id, level) DO NOTHING
    RETURNING id, case_id
), told AS (
    INSERT INTO live_event (channel, kind, data, created_at)
    SELECT :channel, 'alert', jsonb_build_object(
        'alert_id', r.id, 'case_id', f.id, 'number', f.number, 'level', :level,
        'unit_id', f.unit_id, 'centre_id', f.centre_id, 'window_id', f.window_id,
        'clerk', f.clerk, 'promised_due_on', f.promised_due_on,
        'legal_due_on', f.legal_due_on, 'raised_on', :on), :now
    FROM raised AS r JOIN flagged AS f ON f.id = r.case_id ORDER BY r.id
    RETURNING 1
)
SELECT (SELECT count(*) FROM flagged), (SELECT count(*) FROM told)
"""
_CONDITIONS = {
    Warning.RED: "promised_due_on < :on",
    Warning.YELLOW: "promised_due_on >= :on AND promised_due_on <= :horizon AND warning = 'none'",
}


async def _flag_and_raise_in_postgresql(
    session: AsyncSession, level: Warning, on: date, horizon: date
) -> tuple[int, int]:
    """Cases flagged and alerts raised at `level`, in one statement."""
    condition = _CONDITIONS[level]
    dates = [bindparam("on", type_=Date)]
    if ":horizon" in condition:
        dates.append(bindparam("horizon", type_=Date))
    statement = text(_FLAG_AND_RAISE.format(condition=condition)).bindparams(
        *dates, bindparam("now", type_=UTCDateTime(timezone=True))
    )
    params: dict[str, object] = {
        "level": str(level),
        "on": on,
        "now": utcnow(),
        "channel": ALERTS,
    }
    if ":horizon" in condition:
        params["horizon"] = horizon
    flagged, raised = (await session.execute(statement, params)).one()
    return int(flagged), int(raised)


async def sweep(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    on: date,
    yellow_working_days: int = YELLOW_WORKING_DAYS,
) -> SweepResult:
    """Flag every running case as its promised date says on `on`, and raise each new alert
    once, in the caller's transaction."""
    horizon = yellow_horizon(calendar, on, yellow_working_days)
    if session.get_bind().dialect.name == "postgresql":
        # JIT compilation off for the sweep's transaction: the planner cannot tell how many
        # rows a data-modifying CTE returns, guesses millions, and compiled the first sweep's
        # statements for 0.23 s of its 0.93 s (EXPLAIN ANALYZE, bench/hall_supervision.py).
        locked = await session.scalar(
            text("SELECT pg_try_advisory_xact_lock(:key) FROM set_config('jit', 'off', true)"),
            {"key": SWEEP_LOCK},
        )
        if not locked:
            return SweepResult(False, 0, 0, 0)
        reds, red_alerts = await _flag_and_raise_in_postgresql(session, Warning.RED, on, horizon)
        yellows, yellow_alerts = await _flag_and_raise_in_postgresql(
            session, Warning.YELLOW, on, horizon
        )
        return SweepResult(True, yellows, reds, red_alerts + yellow_alerts)
    red = await _flag(session, Warning.RED, Case.promised_due_on < on)
    yellow = await _flag(
        session,
        Warning.YELLOW,
        and_(
            Case.promised_due_on >= on,
            Case.promised_due_on <= horizon,
            Case.warning == Warning.NONE,
        ),
    )
    alerts = await _raise(session, Warning.RED, red, on)
    alerts += await _raise(session, Warning.YELLOW, yellow, on)
    return SweepResult(True, len(yellow), len(red), alerts)
