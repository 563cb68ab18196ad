"""Electronic supervision: the sweep flags running cases yellow and red against their promised
dates and raises each alert once — twice swept, swept by two replicas at once, swept after the
hall was down for days; supervisors handle alerts and read the rates.

Dates counted by hand on the 2026 calendar: on Thursday 24 September, one working day ahead is
Monday 28 September (25 September, Mid-Autumn, off; 26-27 a weekend), so a case promised for
28 September is yellow, one promised for 23 September red, one for 30 September neither.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from cases_builders import add_case_row, case_in, cases_desk
from hall_builders import CLERK, OTHER_STREET_OFFICE, SUPERVISOR
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from sunshine_hall.cases.models import Case, CaseStatus
from sunshine_hall.items.models import ServiceItem
from sunshine_hall.live.models import LiveEvent
from sunshine_hall.supervision.models import SupervisionAlert
from sunshine_hall.supervision.sweep import sweep
from sunshine_kit.calendar.days import WorkingDayCalendar, today
from sunshine_kit.db import create_engine
from sunshine_kit.migrate import upgrade
from sunshine_kit.testing import _create_database

calendar = WorkingDayCalendar()
THURSDAY = date(2026, 9, 24)
SEP_23, SEP_28, SEP_30 = date(2026, 9, 23), date(2026, 9, 28), date(2026, 9, 30)


async def _warnings(session: AsyncSession) -> dict[str, str]:
    rows = await session.execute(select(Case.number, Case.warning).order_by(Case.id))
    return dict(rows.all())


async def _alerts(session: AsyncSession) -> list[tuple[str, str]]:
    rows = await session.execute(
        select(Case.number, SupervisionAlert.level)
        .join(Case, Case.id == SupervisionAlert.case_id)
        .order_by(SupervisionAlert.id)
    )
    return list(rows.all())


async def test_the_sweep_flags_yellow_and_red_once(session: AsyncSession) -> None:
    desk = await cases_desk(session)
    accepted = date(2026, 9, 10)
    yellow = await add_case_row(
        session, desk, accepted_on=accepted, promised_due_on=date(2026, 9, 28)
    )
    red = await add_case_row(session, desk, accepted_on=accepted, promised_due_on=date(2026, 9, 23))
    calm = await add_case_row(
        session, desk, accepted_on=accepted, promised_due_on=date(2026, 9, 30)
    )
    paused = await add_case_row(
        session,
        desk,
        accepted_on=accepted,
        promised_due_on=date(2026, 9, 20),
        status=CaseStatus.SUSPENDED,
    )
    done = await add_case_row(
        session,
        desk,
        accepted_on=accepted,
        promised_due_on=date(2026, 9, 1),
        status=CaseStatus.COMPLETED,
    )
    numbers = [c.number for c in (yellow, red, calm, paused, done)]

    result = await sweep(session, calendar, THURSDAY)
    assert (result.swept, result.yellow, result.red, result.alerts) == (True, 1, 1, 2)
    assert list((await _warnings(session)).values()) == ["yellow", "red", "none", "none", "none"]
    assert await _alerts(session) == [(numbers[1], "red"), (numbers[0], "yellow")]
    events = (await session.scalars(select(LiveEvent).where(LiveEvent.channel == "alerts"))).all()
    assert [(e.data["number"], e.data["level"]) for e in events] == [
        (numbers[1], "red"),
        (numbers[0], "yellow"),
    ]
    assert events[0].data["unit_id"] == red.unit_id

    again = await sweep(session, calendar, THURSDAY)
    assert (again.yellow, again.red, again.alerts) == (0, 0, 0)
    assert len(await _alerts(session)) == 2


async def test_after_days_down_each_overdue_case_is_red_once(session: AsyncSession) -> None:
    desk = await cases_desk(session)
    accepted = date(2026, 9, 10)
    near = await add_case_row(
        session, desk, accepted_on=accepted, promised_due_on=date(2026, 9, 28)
    )
    later = await add_case_row(
        session, desk, accepted_on=accepted, promised_due_on=date(2026, 9, 30)
    )
    await sweep(session, calendar, THURSDAY)
    # Down from 25 September to Friday 9 October: both promised dates passed meanwhile.
    gap = await sweep(session, calendar, date(2026, 10, 9))
    assert (gap.red, gap.alerts) == (2, 2)
    assert await _alerts(session) == [
        (near.number, "yellow"),
        (near.number, "red"),
        (later.number, "red"),  # no yellow after the fact
    ]
    assert (await sweep(session, calendar, date(2026, 10, 12))).alerts == 0


async def test_a_yellow_threshold_of_three_days(session: AsyncSession) -> None:
    desk = await cases_desk(session)
    case = await add_case_row(
        session, desk, accepted_on=date(2026, 9, 10), promised_due_on=date(2026, 9, 30)
    )
    # From Thursday 24 September: 28 (1), 29 (2), 30 September (3).
    assert (await sweep(session, calendar, THURSDAY, 3)).yellow == 1
    assert (await _warnings(session))[case.number] == "yellow"


@pytest.fixture
async def own_database(alembic_ini: Path) -> AsyncIterator[AsyncEngine]:
    """A database of its own, whose commits two sweeps on two connections both see."""
    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        pytest.skip("two replicas at once need PostgreSQL (TEST_DATABASE_URL)")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    url = await _create_database(server, f"test_hall_replicas_{worker}")
    await asyncio.to_thread(upgrade, alembic_ini, url)
    engine = create_engine(url)
    yield engine
    await engine.dispose()


async def test_two_replicas_sweeping_at_once_raise_each_alert_once(
    own_database: AsyncEngine,
) -> None:
    sessions = async_sessionmaker(own_database, expire_on_commit=False)
    async with sessions() as session:
        desk = await cases_desk(session)
        for due in (date(2026, 9, 22), date(2026, 9, 23), date(2026, 9, 28)):
            await add_case_row(session, desk, accepted_on=date(2026, 9, 10), promised_due_on=due)

    async def replica(on: date) -> int:
        async with sessions() as session, session.begin():
            return (await sweep(session, calendar, on)).alerts

    assert sum(await asyncio.gather(replica(THURSDAY), replica(THURSDAY))) == 3
    # Down for a fortnight, then both replicas start again at once.
    assert sum(await asyncio.gather(replica(date(2026, 10, 9)), replica(date(2026, 10, 9)))) == 1
    async with sessions() as session:
        levels = await _alerts(session)
        assert sorted(level for _, level in levels) == ["red", "red", "red", "yellow"]
        assert len(set(levels)) == 4
        events = await session.scalar(
            select(func.count()).select_from(LiveEvent).where(LiveEvent.channel == "alerts")
        )
        assert events == 4


async def test_supervisors_handle_alerts_and_read_the_rates(
    client: AsyncClient, session: AsyncSession
) -> None:
    desk = await cases_desk(session)
    await add_case_row(
        session, desk, accepted_on=date(2026, 9, 10), promised_due_on=date(2026, 9, 23)
    )
    await sweep(session, calendar, THURSDAY)
    await session.commit()
    page = (await client.get("/supervision/alerts?unhandled=true", headers=SUPERVISOR)).json()
    [alert] = page["items"]
    assert alert["level"] == "red" and alert["item_name"] == "民办学校设立审批"
    handled = await client.post(
        f"/supervision/alerts/{alert['id']}/handle",
        json={"note": "已督办，窗口负责人约谈"},
        headers=SUPERVISOR,
    )
    assert handled.status_code == 200 and handled.json()["handled_by"] == "jiancha"
    twice = await client.post(
        f"/supervision/alerts/{alert['id']}/handle", json={"note": "再次督办"}, headers=SUPERVISOR
    )
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "alert_already_handled"
    assert (await client.get("/supervision/alerts?unhandled=true", headers=SUPERVISOR)).json()[
        "total"
    ] == 0
    summary = (await client.get("/supervision/summary", headers=SUPERVISOR)).json()
    assert summary == {"open_cases": 1, "yellow": 0, "red": 1, "unhandled_alerts": 0}
    hidden = await client.get("/supervision/alerts", headers=OTHER_STREET_OFFICE)
    assert hidden.json()["total"] == 0

    # Two cases completed the day they were accepted: on the spot, so on time; the 承诺件 is
    # early too (before its promised date), the 即办件 (due that day) is not.
    await case_in(client, desk, "completed")
    await case_in(client, desk, "completed", item_id=desk.instant_id)
    month = today().strftime("%Y-%m")
    for by, key in (("unit", "3"), ("window", str(desk.window_id)), ("clerk", "clerk")):
        rates = (
            await client.get(f"/supervision/rates?month={month}&by={by}", headers=SUPERVISOR)
        ).json()
        [row] = rates["rows"]
        assert row["key"] == key and row["completed"] == 2
        assert (row["on_time_rate"], row["early_rate"], row["on_the_spot_rate"]) == (1.0, 0.5, 1.0)
    assert (
        await client.get("/supervision/rates?month=2026-13", headers=SUPERVISOR)
    ).status_code == 422
    assert (await client.get("/supervision/rates", headers=CLERK)).status_code == 403


async def test_a_case_accepted_near_its_due_date_has_its_yellow_alert(
    client: AsyncClient, session: AsyncSession
) -> None:
    """Accepted with one working day promised, a case is yellow at once. The desk leaves raising
    the warning to the sweep, which raises the alert with it: when the desk stored yellow
    itself, the sweep (which alerts for the cases it changes) never raised this alert."""
    desk = await cases_desk(session)
    item = await session.get(ServiceItem, desk.item_id)
    assert item is not None
    item.legal_limit_days, item.promised_limit_days = 5, 1
    await session.flush()
    case = await case_in(client, desk, "accepted")
    assert case["clock"]["warning"] == "yellow"  # what the desk shows, live

    result = await sweep(session, calendar, today())
    assert (result.yellow, result.alerts) == (1, 1)
    assert await _alerts(session) == [(case["number"], "yellow")]
    assert (await sweep(session, calendar, today())).alerts == 0
