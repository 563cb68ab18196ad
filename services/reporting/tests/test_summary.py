"""Work-summary figures (工作总结): a period beside the same period a year earlier, with the
change; a source that cannot be read is missing, never zero."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fake_sources import FakeSources, applications_period, catalog_period, hall_period, serving
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.errors import InvalidInput
from sunshine_kit.testing import BUREAU, DISTRICT, STREET, add_test_district, auth
from sunshine_reporting.summary.periods import check_period, months_of, year_earlier

OFFICE = auth("office", unit_id=DISTRICT)
NAMES = {DISTRICT: "锦华区人民政府", STREET: "东湖街道", BUREAU: "锦华区教育局"}


@pytest.fixture
def sources(app: FastAPI) -> Iterator[FakeSources]:
    with serving(app) as fake:
        yield fake


def test_the_same_period_a_year_earlier() -> None:
    assert year_earlier(date(2026, 3, 31)) == date(2025, 3, 31)
    assert year_earlier(date(2028, 2, 29)) == date(2027, 2, 28)
    assert months_of(date(2025, 11, 15), date(2026, 2, 3)) == [
        "2025-11", "2025-12", "2026-01", "2026-02",
    ]  # fmt: skip


def test_a_period_is_in_order_and_at_most_a_year() -> None:
    today = date(2026, 12, 2)
    check_period(date(2025, 12, 3), date(2026, 12, 2), today)  # 365 days
    with pytest.raises(InvalidInput, match="date_to"):
        check_period(date(2026, 5, 1), date(2026, 4, 30), today)
    with pytest.raises(InvalidInput, match="不能超过一年"):
        check_period(date(2024, 12, 31), date(2026, 1, 1), today)
    with pytest.raises(InvalidInput, match="date_from"):
        check_period(date(2026, 12, 3), date(2026, 12, 31), today)


def first_half(fake: FakeSources) -> None:
    """January–June 2026 and the same months of 2025."""
    fake.answer(
        "catalog",
        "2026-01-01",
        catalog_period(
            {DISTRICT: {"published": 900, "late": 9}, STREET: {"published": 300}},
            names=NAMES,
            by_month={"2026-01": 150, "2026-06": 250},
            interpretations=12,
            by_column=[(7, "政策文件", 200)],
            by_channel=[("website", "政府网站", 1200), ("wechat", "政务微信", 400)],
        ),
    )
    fake.answer(
        "catalog",
        "2025-01-01",
        catalog_period(
            {DISTRICT: {"published": 800, "late": 40}, STREET: {"published": 200}},
            names=NAMES,
            by_month={"2025-01": 100},
            interpretations=12,
        ),
    )
    fake.answer(
        "applications",
        "2026-01-01",
        applications_period(
            {DISTRICT: {"received": 12, "answered": 10}},
            names=NAMES,
            answered_on_time=10,
            by_month={"2026-01": 5},
            consultations={"received": 300, "answered": 298, "rated": 100, "satisfied": 98},
        ),
    )
    fake.answer(
        "applications",
        "2025-01-01",
        applications_period({DISTRICT: {"received": 8, "answered": 8}}, names=NAMES),
    )
    fake.answer(
        "hall",
        "2026-01-01",
        hall_period(
            {DISTRICT: {"accepted": 5000, "completed": 4900, "on_time": 4851, "rated": 1000,
                        "satisfied": 990}},
            names=NAMES,
            by_month={"2026-03": 900},
        ),
    )  # fmt: skip
    fake.answer(
        "hall",
        "2025-01-01",
        hall_period(
            {DISTRICT: {"accepted": 4000, "completed": 4000, "on_time": 3960, "rated": 500,
                        "satisfied": 490}},
            names=NAMES,
        ),
    )  # fmt: skip


async def test_a_half_year_with_the_same_half_a_year_earlier(
    client: AsyncClient, session: AsyncSession, sources: FakeSources
) -> None:
    await add_test_district(session)
    first_half(sources)
    response = await client.get(
        "/units/1/summary",
        params={"date_from": "2026-01-01", "date_to": "2026-06-30", "below": True},
        headers=OFFICE,
    )
    assert response.status_code == 200, response.text
    summary = response.json()
    assert (summary["previous_from"], summary["previous_to"]) == ("2025-01-01", "2025-06-30")
    figures = {f["key"]: (f["current"], f["previous"], f["change"]) for f in summary["figures"]}
    # 1200 items against 1000: +20%.
    assert figures["items_published"] == (1200, 1000, 0.2)
    # 1191/1200 = 99.25% on time against 960/1000 = 96%: +3.25 points.
    assert figures["items_on_time_rate"] == (0.9925, 0.96, 0.0325)
    assert figures["interpretations"] == (12, 12, 0.0)
    assert figures["applications_received"] == (12, 8, 0.5)
    # No consultation a year earlier: a rate of nothing is not 0%, and there is no change.
    assert figures["consultations_satisfaction"] == (0.98, None, None)
    assert figures["consultations_received"] == (300, 0, None)
    # 4851/4900 = 99% against 3960/4000 = 99%: no change.
    assert figures["hall_on_time_rate"] == (0.99, 0.99, 0.0)
    assert figures["hall_accepted"] == (5000, 4000, 0.25)
    months = {m["month"]: m for m in summary["by_month"]}
    assert list(months) == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
    assert (months["2026-01"]["items"], months["2026-01"]["items_previous"]) == (150, 100)
    assert months["2026-03"]["hall_accepted"] == 900
    assert months["2026-02"]["applications"] == 0
    assert summary["by_channel"][0] == {"key": "website", "label": "政府网站", "count": 1200}
    units = {u["unit_name"]: u for u in summary["by_unit"]}
    assert units["东湖街道"] == {
        "unit_id": STREET, "unit_name": "东湖街道", "items": 300, "applications": 0,
        "hall_accepted": 0,
    }  # fmt: skip
    assert summary["missing"] == [] and summary["missing_previous"] == []


async def test_a_source_down_is_missing_and_the_rest_is_shown(
    client: AsyncClient, session: AsyncSession, sources: FakeSources
) -> None:
    await add_test_district(session)
    first_half(sources)
    sources.down.add("applications")
    summary = (
        await client.get(
            "/units/1/summary",
            params={"date_from": "2026-01-01", "date_to": "2026-06-30", "below": True},
            headers=OFFICE,
        )
    ).json()
    figures = {f["key"]: f for f in summary["figures"]}
    assert figures["applications_received"]["current"] is None
    assert figures["applications_received"]["previous"] is None
    assert figures["applications_received"]["change"] is None
    assert figures["items_published"]["current"] == 1200
    assert [m["applications"] for m in summary["by_month"]] == [None] * 6
    assert {u["applications"] for u in summary["by_unit"]} == {None}
    assert [g["source_label"] for g in summary["missing"]] == ["依申请公开服务"]
    assert "依申请公开" in summary["missing"][0]["figures"]


async def test_a_period_backwards_is_refused_naming_the_field(
    client: AsyncClient, session: AsyncSession, sources: FakeSources
) -> None:
    await add_test_district(session)
    response = await client.get(
        "/units/1/summary",
        params={"date_from": "2026-06-30", "date_to": "2026-01-01"},
        headers=OFFICE,
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "period_invalid"
    assert response.json()["error"]["fields"][0]["field"] == "date_to"
    assert sources.asked == []


async def test_staff_outside_the_office_and_supervision_may_not_read_figures(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    params = {"date_from": "2026-01-01", "date_to": "2026-01-31"}
    publisher = auth("publisher", unit_id=DISTRICT)
    response = await client.get("/units/1/summary", params=params, headers=publisher)
    assert response.status_code == 403
    street_office = auth("office", unit_id=STREET)
    response = await client.get("/units/1/summary", params=params, headers=street_office)
    assert response.json()["error"]["code"] == "unit_forbidden"
