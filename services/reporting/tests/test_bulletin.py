"""每月考评通报: a region's month read from the sources, scored, ranked, issued (frozen),
exported and published into the catalogue through the outbox."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO

import pytest
from docx import Document
from fake_sources import FakeSources, applications_period, catalog_period, hall_period, serving
from fastapi import FastAPI
from httpx import AsyncClient
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.calendar.days import today
from sunshine_kit.outbox.models import OutboxMessage
from sunshine_kit.testing import (
    BUREAU,
    DISTRICT,
    OTHER_STREET,
    STREET,
    add_test_district,
    add_units,
    auth,
)
from sunshine_reporting.bulletin.schemas import UnitFigures, Weights
from sunshine_reporting.bulletin.scoring import score_rows

OFFICE = auth("office", unit_id=DISTRICT)
NAMES = {
    DISTRICT: "锦华区人民政府",
    STREET: "东湖街道",
    BUREAU: "锦华区教育局",
    OTHER_STREET: "青龙街道",
}
OCTOBER = "/units/1/bulletins/2026/10"


@pytest.fixture
def sources(app: FastAPI) -> Iterator[FakeSources]:
    with serving(app) as fake:
        yield fake


def october(fake: FakeSources) -> None:
    """October 2026 in the test district, as the three sources count it."""
    fake.answer(
        "catalog",
        "2026-10-01",
        catalog_period(
            {
                DISTRICT: {"published": 40, "late": 2, "policy_documents": 3},
                STREET: {"published": 20, "overdue_unpublished": 5},
                BUREAU: {"published": 10, "policy_documents": 2, "interpretations_late": 1},
            },
            names=NAMES,
        ),
    )
    fake.answer(
        "applications",
        "2026-10-01",
        applications_period(
            {DISTRICT: {"received": 3, "due_soon": 1}, BUREAU: {"received": 2, "overdue": 1}},
            names=NAMES,
        ),
    )
    fake.answer(
        "hall",
        "2026-10-01",
        hall_period(
            {
                DISTRICT: {"completed": 200, "on_time": 200, "rated": 100, "satisfied": 99},
                STREET: {"completed": 50, "on_time": 49, "rated": 10, "satisfied": 10},
            },
            names=NAMES,
        ),
    )


# --- scoring, as a pure function -------------------------------------------------------------


def figures(**counts: int | None) -> UnitFigures:
    base: dict[str, int | None] = dict.fromkeys(UnitFigures.model_fields, 0)
    return UnitFigures.model_validate({**base, **counts})


def test_the_default_score_of_each_part() -> None:
    rows = score_rows(
        [
            # 40 published, 2 of them late: 38/40 of 30 = 28.5; the most published: 10 of 10;
            # no late interpretation: 20; one application near its date costs nothing by
            # default: 20; hall 200/200: 10; 99 of 100 satisfied: 9.9. Total 98.4.
            (1, "甲", figures(published=40, late=2, applications_due_soon=1, hall_completed=200,
                              hall_on_time=200, hall_rated=100, hall_satisfied=99)),
            # 20 published, 5 more past their date unpublished: 20/25 of 30 = 24; 20/40 of
            # 10 = 5; two late interpretations: 20 - 2×5 = 10; one overdue application:
            # 20 - 5 = 15; no hall cases or ratings: full marks. Total 24+5+10+15+10+10 = 74.
            (2, "乙", figures(published=20, overdue_unpublished=5, interpretations_late=2,
                              applications_overdue=1)),
        ],
        Weights(),
    )  # fmt: skip
    assert [(r.unit_name, r.score, r.rank) for r in rows] == [("甲", 98.4, 1), ("乙", 74.0, 2)]
    assert [p.score for p in rows[1].parts] == [24.0, 5.0, 10.0, 15.0, 10.0, 10.0]
    assert rows[1].on_time_rate == 0.8


def test_equal_scores_share_a_rank_and_a_deduction_stops_at_zero() -> None:
    rows = score_rows(
        [
            (1, "甲", figures(published=10)),
            (2, "乙", figures(published=10)),
            (3, "丙", figures(published=5, applications_overdue=9)),
        ],
        Weights(),
    )
    assert [(r.unit_name, r.rank) for r in rows] == [("甲", 1), ("乙", 1), ("丙", 3)]
    assert rows[2].parts[3].score == 0.0  # 20 - 9×5 stops at 0


def test_a_unit_whose_source_is_missing_has_no_total_and_no_rank() -> None:
    rows = score_rows(
        [
            (1, "甲", figures(published=10)),
            (2, "乙", figures(published=3, hall_completed=None, hall_on_time=None)),
        ],
        Weights(),
    )
    assert [(r.unit_name, r.score, r.rank) for r in rows][1] == ("乙", None, None)
    assert rows[1].parts[4].score is None  # 按时办结 fed by the hall
    assert rows[1].parts[0].score == 30.0  # the catalog's parts are still scored


# --- drawing up, issuing ---------------------------------------------------------------------


async def test_a_month_is_drawn_up_from_the_sources_scored_and_ranked(
    client: AsyncClient, session: AsyncSession, sources: FakeSources
) -> None:
    await add_test_district(session)
    # A community owes no disclosure of its own and has no row.
    await add_units(session, ((5, "东湖社区", "community", STREET),))
    october(sources)
    response = await client.post(
        "/units/1/bulletins", json={"year": 2026, "month": 10}, headers=OFFICE
    )
    assert response.status_code == 200, response.text
    bulletin = response.json()
    assert bulletin["title"] == "锦华区人民政府2026年10月政务公开工作考评通报"
    assert bulletin["status"] == "draft" and bulletin["can_issue"] is True
    ranked = [(r["unit_name"], r["score"], r["rank"]) for r in bulletin["rows"]]
    # 政府: 38/40×30 = 28.5, 10, 20, 20, 10, 9.9 = 98.4. 青龙街道 did nothing and nothing was
    # due: 30 + 0 + 20 + 20 + 10 + 10 = 90. 东湖街道: 20/25×30 = 24, 20/40×10 = 5, 20, 20,
    # 49/50×10 = 9.8, 10 = 88.8. 教育局: 30, 2.5, 15, 15, 10, 10 = 82.5.
    assert ranked == [
        ("锦华区人民政府", 98.4, 1),
        ("青龙街道", 90.0, 2),
        ("东湖街道", 88.8, 3),
        ("锦华区教育局", 82.5, 4),
    ]
    street = bulletin["rows"][2]
    assert street["figures"]["overdue_unpublished"] == 5
    assert street["hall_on_time_rate"] == 0.98
    # Each source was asked once for the month of the region, subtree included.
    assert sorted(s for s, _ in sources.asked) == ["applications", "catalog", "hall"]
    for _, params in sources.asked:
        assert params["date_from"] == "2026-10-01" and params["date_to"] == "2026-10-31"
        assert params["below"] == "true"


async def test_a_month_not_yet_over_cannot_be_evaluated(
    client: AsyncClient, session: AsyncSession, sources: FakeSources
) -> None:
    await add_test_district(session)
    now = today()
    response = await client.post(
        "/units/1/bulletins", json={"year": now.year, "month": now.month}, headers=OFFICE
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "month_not_over"


async def test_a_source_down_is_missing_never_zero_and_stops_the_issue(
    client: AsyncClient, session: AsyncSession, sources: FakeSources
) -> None:
    await add_test_district(session)
    october(sources)
    sources.down.add("hall")
    drafted = (
        await client.post("/units/1/bulletins", json={"year": 2026, "month": 10}, headers=OFFICE)
    ).json()
    assert [g["source"] for g in drafted["missing_sources"]] == ["hall"]
    assert drafted["can_issue"] is False
    district = next(r for r in drafted["rows"] if r["unit_id"] == DISTRICT)
    assert district["figures"]["hall_completed"] is None
    assert district["figures"]["published"] == 40
    assert district["score"] is None and district["rank"] is None
    refused = await client.post(f"{OCTOBER}/issue", headers=OFFICE)
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "figures_missing"
    # The Word file says 缺失 where the hall's figures would be.
    word = await client.get(f"{OCTOBER}/export", params={"format": "docx"}, headers=OFFICE)
    table = Document(BytesIO(word.content)).tables[0]
    assert table.cell(2, 1).text == "锦华区人民政府"
    assert table.cell(2, 10).text == "缺失"

    sources.down.clear()
    again = await client.post(
        "/units/1/bulletins", json={"year": 2026, "month": 10}, headers=OFFICE
    )
    assert again.json()["can_issue"] is True
    issued = await client.post(f"{OCTOBER}/issue", headers=OFFICE)
    assert issued.status_code == 200
    assert issued.json()["status_label"] == "已印发"


async def test_an_issued_bulletin_is_frozen(
    client: AsyncClient, session: AsyncSession, sources: FakeSources
) -> None:
    await add_test_district(session)
    october(sources)
    await client.post("/units/1/bulletins", json={"year": 2026, "month": 10}, headers=OFFICE)
    await client.post(f"{OCTOBER}/issue", headers=OFFICE)
    changed = Weights(timeliness=20, volume=20).model_dump()
    assert (
        await client.put("/units/1/bulletin-weights", json=changed, headers=OFFICE)
    ).status_code == 200
    again = await client.post(
        "/units/1/bulletins", json={"year": 2026, "month": 10}, headers=OFFICE
    )
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "bulletin_issued"
    kept = (await client.get(OCTOBER, headers=OFFICE)).json()
    assert kept["weights"]["timeliness"] == 30
    assert kept["rows"][0]["score"] == 98.4
    listed = (await client.get("/units/1/bulletins", headers=OFFICE)).json()
    assert [(b["month"], b["status"]) for b in listed] == [(10, "issued")]


async def test_an_unknown_month_is_a_404(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    response = await client.get("/units/1/bulletins/2026/9", headers=OFFICE)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "bulletin_not_found"


# --- weights -------------------------------------------------------------------------------


async def test_weights_are_the_defaults_until_the_office_sets_them(
    client: AsyncClient, session: AsyncSession, sources: FakeSources
) -> None:
    await add_test_district(session)
    default = (await client.get("/units/1/bulletin-weights", headers=OFFICE)).json()
    assert default["default"] is True and default["timeliness"] == 30
    wrong = {**Weights().model_dump(), "volume": 25}
    refused = await client.put("/units/1/bulletin-weights", json=wrong, headers=OFFICE)
    assert refused.status_code == 422
    assert "合计应为100分，现为115分" in refused.text
    supervisor = auth("supervisor", unit_id=DISTRICT)
    assert (
        await client.put(
            "/units/1/bulletin-weights", json=Weights().model_dump(), headers=supervisor
        )
    ).status_code == 403
    # Timeliness only counts: the street with 5 items past their date falls behind.
    only_timeliness = Weights(
        timeliness=100, volume=0, interpretation=0, applications=0, hall_on_time=0, satisfaction=0
    )
    saved = await client.put(
        "/units/1/bulletin-weights", json=only_timeliness.model_dump(), headers=OFFICE
    )
    assert saved.json()["default"] is False and saved.json()["updated_by"]
    october(sources)
    drafted = (
        await client.post("/units/1/bulletins", json={"year": 2026, "month": 10}, headers=OFFICE)
    ).json()
    # 政府 38/40 = 95; 东湖街道 20/25 = 80; 教育局 and 青龙街道 100.
    assert [(r["unit_name"], r["score"]) for r in drafted["rows"]] == [
        ("锦华区教育局", 100.0),
        ("青龙街道", 100.0),
        ("锦华区人民政府", 95.0),
        ("东湖街道", 80.0),
    ]


# --- exports and publishing -----------------------------------------------------------------


async def test_the_excel_file_has_the_merged_header_and_every_figure(
    client: AsyncClient, session: AsyncSession, sources: FakeSources
) -> None:
    await add_test_district(session)
    october(sources)
    await client.post("/units/1/bulletins", json={"year": 2026, "month": 10}, headers=OFFICE)
    response = await client.get(OCTOBER + "/export", params={"format": "xlsx"}, headers=OFFICE)
    assert response.status_code == 200
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    sheet = load_workbook(BytesIO(response.content))["考评通报"]
    assert sheet["A1"].value == "锦华区人民政府2026年10月政务公开工作考评通报"
    assert "C2:F2" in {str(r) for r in sheet.merged_cells.ranges}  # 主动公开 over four columns
    assert [sheet.cell(row=2, column=c).value for c in (1, 2, 3, 7, 9, 11, 13)] == [
        "名次", "单位", "主动公开", "政策解读", "依申请公开", "政务服务", "得分",
    ]  # fmt: skip
    assert [c.value for c in sheet[4]] == [
        1, "锦华区人民政府", 40, 2, 0, "95.00%", 3, 0, 1, 0, "100.00%", "99.00%", 98.4,
    ]  # fmt: skip


async def test_publishing_sends_the_issued_bulletin_to_the_catalogue_once(
    client: AsyncClient, session: AsyncSession, sources: FakeSources
) -> None:
    await add_test_district(session)
    october(sources)
    await client.post("/units/1/bulletins", json={"year": 2026, "month": 10}, headers=OFFICE)
    early = await client.post(f"{OCTOBER}/publish", headers=OFFICE)
    assert early.status_code == 409
    assert early.json()["error"]["code"] == "bulletin_not_issued"
    await client.post(f"{OCTOBER}/issue", headers=OFFICE)
    first = await client.post(f"{OCTOBER}/publish", headers=OFFICE)
    assert first.status_code == 200
    assert first.json()["published_at"] is not None
    again = await client.post(f"{OCTOBER}/publish", headers=OFFICE)
    assert again.json()["catalog_item_key"] == first.json()["catalog_item_key"]
    messages = (
        await session.scalars(
            select(OutboxMessage).where(OutboxMessage.key == first.json()["catalog_item_key"])
        )
    ).all()
    assert len(messages) == 1
    message = messages[0]
    assert (message.destination, message.path) == ("catalog", "/intake/items")
    assert message.payload["column_code"] == "X-EVALUATION"
    assert message.payload["title"] == "锦华区人民政府2026年10月政务公开工作考评通报"
    assert '<th colspan="4">主动公开</th>' in message.payload["body_html"]
