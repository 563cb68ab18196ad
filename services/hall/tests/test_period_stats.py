"""The hall's figures of any period, unit by unit, for the reporting service's monthly bulletin
and work summaries."""

from __future__ import annotations

from datetime import timedelta

from cases_builders import case_in, cases_desk, step
from hall_builders import auth
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.ratings.models import CaseRating
from sunshine_kit.calendar.days import today
from sunshine_kit.testing import BUREAU, DISTRICT, STREET

SERVICE = auth("service", unit_id=None, username="reporting")
BUREAU_STAFF = auth("publisher", unit_id=BUREAU, username="publisher")


async def test_a_periods_figures_unit_by_unit(client: AsyncClient, session: AsyncSession) -> None:
    desk = await cases_desk(session)
    granted = await case_in(client, desk, "completed")
    await case_in(client, desk, "completed", item_id=desk.instant_id)
    denied = await case_in(client, desk, "accepted")
    await step(client, denied["id"], "decide", {"decision": "denied", "reason": "场所不符合标准"})
    for case, level in ((granted, 1),):
        session.add(
            CaseRating(case_id=case["id"], level=level, channel="public_page", unit_id=BUREAU)
        )
    await session.commit()
    now = today()
    period = {"date_from": now.replace(day=1).isoformat(), "date_to": now.isoformat()}

    answer = await client.get(
        "/stats/cases/period",
        params={**period, "unit_id": DISTRICT, "below": True},
        headers=SERVICE,
    )
    assert answer.status_code == 200, answer.text
    figures = answer.json()
    assert (figures["accepted"], figures["completed"], figures["on_time"]) == (3, 2, 2)
    assert (figures["rated"], figures["satisfied"]) == (1, 1)
    assert figures["on_time_rate"] == 1.0 and figures["satisfaction_rate"] == 1.0
    assert figures["by_month"] == [{"month": f"{now:%Y-%m}", "accepted": 3, "completed": 2}]
    rows = {row["unit_id"]: row for row in figures["by_unit"]}
    assert rows[BUREAU] == {
        "unit_id": BUREAU, "unit_name": "锦华区教育局", "accepted": 3, "completed": 2,
        "on_time": 2, "rated": 1, "satisfied": 1,
    }  # fmt: skip
    # Every unit of the region has its row, the quiet ones with zeros.
    assert rows[STREET]["accepted"] == 0 and rows[STREET]["on_time"] == 0

    last_month_end = now.replace(day=1) - timedelta(days=1)
    before = await client.get(
        "/stats/cases/period",
        params={
            "date_from": last_month_end.replace(day=1).isoformat(),
            "date_to": last_month_end.isoformat(),
            "unit_id": BUREAU,
        },
        headers=SERVICE,
    )
    assert before.json()["accepted"] == 0
    assert before.json()["on_time_rate"] is None  # nothing completed: no rate, not 0%


async def test_a_period_is_in_order_at_most_a_year_and_in_reach(
    client: AsyncClient, session: AsyncSession
) -> None:
    await cases_desk(session)
    backwards = await client.get(
        "/stats/cases/period",
        params={"date_from": "2026-06-30", "date_to": "2026-01-01"},
        headers=SERVICE,
    )
    assert backwards.status_code == 422
    assert backwards.json()["error"]["fields"][0]["field"] == "date_to"
    too_long = await client.get(
        "/stats/cases/period",
        params={"date_from": "2025-01-01", "date_to": "2026-06-30"},
        headers=SERVICE,
    )
    assert too_long.status_code == 422
    refused = await client.get(
        "/stats/cases/period",
        params={"date_from": "2026-01-01", "date_to": "2026-01-31", "unit_id": DISTRICT},
        headers=BUREAU_STAFF,
    )
    assert refused.status_code == 403
