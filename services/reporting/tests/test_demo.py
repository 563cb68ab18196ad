"""The demo reports: last year's annual reports of the demo district and last month's bulletin,
read from the other services over HTTP (here at the HTTP boundary), and written only once."""

from __future__ import annotations

from annual_builders import (
    Applications,
    Sources,
    case_figures,
    enforcement_stats,
    items_figures,
)
from fake_sources import applications_period, catalog_period, hall_period
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.calendar.days import today
from sunshine_kit.outbox.models import OutboxMessage
from sunshine_kit.testing import BUREAU, DISTRICT, add_test_district, add_units
from sunshine_reporting.annual.models import AnnualReport
from sunshine_reporting.bulletin.models import Bulletin
from sunshine_reporting.demo.loader import has_reports, last_month, load

CIVIL_AFFAIRS, HEALTH = 5, 6
NAMES = {DISTRICT: "锦华区人民政府", BUREAU: "锦华区教育局"}


def demo_sources() -> Sources:
    """What the other services' demo data answer, for the district and three departments."""
    year = today().year - 1
    applications = Applications(fee_fen=2_000).add("natural_person", "new", "disclosed", 4)
    answers = {
        f"/stats/units/{unit}/{kind}": body
        for unit in (DISTRICT, BUREAU, CIVIL_AFFAIRS, HEALTH)
        for kind, body in (
            ("items", items_figures(unit, year=year)),
            ("applications", applications.figures(unit, year=year)),
        )
    }
    answers |= {
        "/stats/cases": case_figures(year=year),
        "/enforcement/stats": enforcement_stats((DISTRICT, 12, 3), year=year),
        f"/stats/units/{DISTRICT}/items/period": catalog_period(
            {DISTRICT: {"published": 30}, BUREAU: {"published": 12, "late": 1}}, names=NAMES
        ),
        f"/stats/units/{DISTRICT}/applications/period": applications_period(
            {BUREAU: {"received": 2, "answered": 2}}, names=NAMES
        ),
        "/stats/cases/period": hall_period(
            {DISTRICT: {"accepted": 90, "completed": 88, "on_time": 88}}, names=NAMES
        ),
    }
    return Sources(answers=answers)


async def test_the_demo_writes_last_years_reports_and_last_months_bulletin(
    app: FastAPI, session: AsyncSession
) -> None:
    await add_test_district(session)
    await add_units(
        session,
        ((CIVIL_AFFAIRS, "锦华区民政局", "department", DISTRICT),
         (HEALTH, "锦华区卫生健康局", "department", DISTRICT)),
    )  # fmt: skip
    assert not await has_reports(session)
    with demo_sources().serving(app):
        written = await load(session, app.state.services)
    assert written == 5
    reports = (await session.scalars(select(AnnualReport))).all()
    assert {(r.unit_id, r.scope, r.status) for r in reports} == {
        (DISTRICT, "region", "published"),
        (BUREAU, "unit", "draft"),
        (CIVIL_AFFAIRS, "unit", "draft"),
        (HEALTH, "unit", "draft"),
    }
    assert {r.year for r in reports} == {today().year - 1}
    published = await session.scalar(
        select(OutboxMessage).where(OutboxMessage.path == "/intake/items")
    )
    assert published is not None
    assert published.payload["column_code"] == "X-ANNUAL-REPORT"
    bulletin = await session.scalar(select(Bulletin))
    assert bulletin is not None
    assert (bulletin.year, bulletin.month, bulletin.status) == (*last_month(), "issued")
    assert await has_reports(session)


async def test_a_source_down_leaves_the_districts_report_a_draft(
    app: FastAPI, session: AsyncSession
) -> None:
    await add_test_district(session)
    await add_units(
        session,
        ((CIVIL_AFFAIRS, "锦华区民政局", "department", DISTRICT),
         (HEALTH, "锦华区卫生健康局", "department", DISTRICT)),
    )  # fmt: skip
    sources = demo_sources()
    sources.failing.add("hall")
    with sources.serving(app):
        await load(session, app.state.services)
    region = await session.scalar(select(AnnualReport).where(AnnualReport.scope == "region"))
    assert region is not None and region.status == "draft"
    bulletin = await session.scalar(select(Bulletin))
    assert bulletin is not None and bulletin.status == "draft"
    assert [g["source"] for g in bulletin.figures["missing"]] == ["hall"]
