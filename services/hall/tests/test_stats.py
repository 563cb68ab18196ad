"""The hall's figures for the reporting service: cases by unit, item, category and month,
行政许可 decisions (annual report table 二), timeliness, satisfaction and fees."""

from __future__ import annotations

from cases_builders import case_in, cases_desk, step
from hall_builders import OTHER_STREET_OFFICE, auth
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.ratings.models import CaseRating
from sunshine_kit.calendar.days import today
from sunshine_kit.testing import BUREAU, DISTRICT

SERVICE = auth("service", unit_id=None, username="reporting")
BUREAU_STAFF = auth("publisher", unit_id=BUREAU, username="publisher")


async def test_a_years_figures(client: AsyncClient, session: AsyncSession) -> None:
    desk = await cases_desk(session)
    granted = await case_in(client, desk, "completed")
    await case_in(client, desk, "completed", item_id=desk.instant_id)
    denied = await case_in(client, desk, "accepted")
    await step(client, denied["id"], "decide", {"decision": "denied", "reason": "场所不符合标准"})
    refused = await case_in(client, desk, "received")
    await step(client, refused["id"], "refuse", {"reason": "不属于本机关职权"})
    for case, level in ((granted, 1), (denied, 5)):
        session.add(
            CaseRating(case_id=case["id"], level=level, channel="public_page", unit_id=BUREAU)
        )
    await session.commit()

    year = today().year
    answer = await client.get(f"/stats/cases?year={year}&unit_id={BUREAU}", headers=SERVICE)
    assert answer.status_code == 200, answer.text
    figures = answer.json()
    assert figures["accepted"] == 3 and figures["not_accepted"] == 1
    assert figures["by_unit"] == [{"key": str(BUREAU), "label": "锦华区教育局", "cases": 3}]
    assert {c["label"]: c["cases"] for c in figures["by_item"]} == {
        "民办学校设立审批": 2,
        "教师资格证补办": 1,
    }
    assert figures["by_category"] == [{"key": "licensing", "label": "行政许可", "cases": 3}]
    assert figures["by_month"] == [
        {"key": str(today().month), "label": f"{today().month}月", "cases": 3}
    ]
    assert figures["licensing_decisions"] == {"granted": 2, "denied": 1, "total": 3}
    assert figures["timeliness"]["completed"] == 2
    assert figures["timeliness"]["on_time_rate"] == 1.0
    # The denied case is not completed: only the granted one's rating counts this year.
    assert figures["satisfaction"] == {"rated": 1, "satisfied": 1, "rate": 1.0}
    assert figures["fees_fen"] == 5000

    own = await client.get(f"/stats/cases?year={year}", headers=BUREAU_STAFF)
    assert own.json()["accepted"] == 3
    other = (await client.get(f"/stats/cases?year={year}", headers=OTHER_STREET_OFFICE)).json()
    assert other["accepted"] == 0
    # Nothing completed, nothing rated: no rate at all, not a 0 % that reads as every case late
    # and every visitor displeased.
    assert other["timeliness"]["on_time_rate"] is None
    assert other["timeliness"]["on_the_spot_rate"] is None
    assert other["satisfaction"] == {"rated": 0, "satisfied": 0, "rate": None}
    refused_unit = await client.get(
        f"/stats/cases?year={year}&unit_id={DISTRICT}", headers=BUREAU_STAFF
    )
    assert refused_unit.status_code == 403
