"""The annual report's lifecycle over HTTP: a draft read from the services, the office's
sections, finalisation refused with missing figures or a violated invariant, the snapshot and
its differences, publication through the outbox, and the Article 49 status of every unit.

The source services are stubbed at the HTTP boundary only (`annual_builders.Sources`), with
answers built from their own response schemas.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from annual_builders import Applications, Sources, enforcement_stats, standard_sources
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.calendar.days import BEIJING
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
from sunshine_reporting.annual.models import AnnualReport

OFFICE = auth("office", unit_id=DISTRICT, username="gongkaiban")
STREET_OFFICE = auth("office", unit_id=STREET, username="donghu")
SUPERVISOR = auth("supervisor", unit_id=DISTRICT, username="jiancha")


def applications() -> Applications:
    """Nine applications of 2025 at the street: six closed, three carried forward."""
    return (
        Applications(fee_fen=5_000)
        .add("natural_person", "new", "disclosed", 3)
        .add("business", "new", "not_processed_2")
        .add("business", "carried_over", "partly_disclosed")
        .add("public_welfare", "new", "other_1")
        .add("natural_person", "new", None, 2)
        .add("other", "carried_over", None)
    )


@pytest.fixture
def sources(app: FastAPI) -> Iterator[Sources]:
    with standard_sources(STREET, applications()).serving(app) as serving:
        yield serving


async def create(client: AsyncClient, unit: int = STREET, **body: object) -> dict[str, object]:
    response = await client.post(
        f"/annual/units/{unit}/reports", json={"year": 2025, **body}, headers=OFFICE
    )
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def row(report: dict, key: str) -> dict:  # type: ignore[type-arg]
    return next(r for r in report["tables"]["three"]["rows"] if r["key"] == key)["cells"]  # type: ignore[no-any-return]


async def test_a_draft_holds_the_services_figures_in_the_national_format(
    client: AsyncClient, session: AsyncSession, sources: Sources
) -> None:
    await add_test_district(session)
    report = await create(client)
    assert report["status"] == "draft"
    assert report["title"] == "东湖街道2025年政府信息公开工作年度报告"
    assert report["deadline"] == "2026-01-31"
    two = report["tables"]["two"]
    assert two["regulations"] == {
        "key": "regulations",
        "label": "规章",
        "issued": 1,
        "repealed": 0,
        "valid": 5,
    }
    assert two["normative_documents"]["issued"] == 4
    assert two["licensing"]["decisions"] == 30
    assert (two["penalties"]["decisions"], two["coercions"]["decisions"]) == (12, 3)
    assert two["charges"]["amount_wan_yuan"] == "1.2345"
    # Table 三 as counted by hand from the nine applications.
    assert row(report, "new")["total"] == 7
    assert row(report, "carried_over") == {
        "natural_person": 0,
        "business": 1,
        "research": 0,
        "public_welfare": 0,
        "legal_service": 0,
        "other": 1,
        "total": 2,
    }
    assert row(report, "disclosed")["natural_person"] == 3
    assert row(report, "results_total")["total"] == 6
    assert row(report, "carried_forward")["total"] == 3
    assert report["fees"] == {"fen": 5000, "wan_yuan": "0.0050"}
    assert report["missing"] == [] and report["problems"] == []
    assert report["can_finalise"] is True
    assert "finalise" in report["next_steps"]
    # 一 is drafted from the figures; 六 names the 信息处理费.
    overview = report["sections"]["overview"]
    assert "全年主动公开政府信息120条" in overview
    assert "全年新收政府信息公开申请7件，上年结转2件，本年办结6件" in overview
    assert report["sections"]["other_matters"] == (
        "本年度依据《政府信息公开信息处理费管理办法》收取信息处理费0.0050万元。"
    )
    # The unit alone: no subtree asked of the sources.
    assert sources.params(f"/stats/units/{STREET}/items") == {"year": "2025", "below": "false"}
    assert sources.params("/stats/cases")["unit_id"] == str(STREET)


async def test_a_region_report_rolls_up_the_subtree(
    client: AsyncClient, session: AsyncSession, app: FastAPI
) -> None:
    await add_test_district(session)
    with standard_sources(DISTRICT, applications()).serving(app) as sources:
        sources.answers["/enforcement/stats"] = enforcement_stats((DISTRICT, 1, 0), (STREET, 2, 1))
        report = await create(client, DISTRICT, scope="region")
    assert report["scope"] == "region" and report["deadline"] == "2026-03-31"
    assert sources.params(f"/stats/units/{DISTRICT}/applications")["below"] == "true"
    assert sources.params("/stats/cases")["below"] == "true"
    assert report["tables"]["two"]["penalties"]["decisions"] == 3
    assert report["tables"]["two"]["coercions"]["decisions"] == 1


async def test_one_report_per_unit_year_and_scope_and_no_future_year(
    client: AsyncClient, session: AsyncSession, sources: Sources
) -> None:
    await add_test_district(session)
    await create(client)
    again = await client.post(
        f"/annual/units/{STREET}/reports", json={"year": 2025}, headers=OFFICE
    )
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "annual_report_exists"
    future = await client.post(
        f"/annual/units/{STREET}/reports", json={"year": 2099}, headers=OFFICE
    )
    assert future.status_code == 422
    assert future.json()["error"]["fields"][0]["field"] == "year"


async def test_a_source_down_marks_its_figures_missing_and_stops_finalisation(
    client: AsyncClient, session: AsyncSession, sources: Sources
) -> None:
    await add_test_district(session)
    sources.down.add("applications")
    sources.failing.add("hall")
    report = await create(client)
    assert row(report, "new")["total"] is None  # never a silent zero
    assert report["tables"]["four"]["reconsideration"]["total"] is None
    assert report["tables"]["two"]["licensing"]["decisions"] is None
    assert report["tables"]["two"]["penalties"]["decisions"] is None
    assert report["tables"]["two"]["regulations"]["issued"] == 1  # the catalog answered
    assert report["fees"] == {"fen": None, "wan_yuan": None}
    missing = {(m["source"], tuple(m["figures"])) for m in report["missing"]}
    assert (
        "applications",
        ("表三 全部", "表四 全部", "第六部分 信息处理费", "第一部分 咨询留言数字"),
    ) in missing
    assert ("hall", ("表二 行政处罚", "表二 行政强制")) in missing
    assert {m["reason"] for m in report["missing"]} == {
        "applications 服务暂时不可用",
        "hall 服务暂时不可用",
    }
    assert "【数字暂缺：依申请公开服务未能读取】" in report["sections"]["overview"]
    assert report["sections"]["other_matters"] == (
        "本年度收取信息处理费情况：【数字暂缺：依申请公开服务未能读取】。"
    )
    assert report["can_finalise"] is False and "finalise" not in report["next_steps"]
    refused = await client.post(f"/annual/reports/{report['id']}/finalise", headers=OFFICE)
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "annual_report_figures_missing"
    assert "依申请公开服务" in refused.json()["error"]["message"]
    # Once the services answer again, regenerating fills the figures in.
    sources.down.clear()
    sources.failing.clear()
    again = await client.post(f"/annual/reports/{report['id']}/regenerate", headers=OFFICE)
    assert again.json()["missing"] == [] and row(again.json(), "new")["total"] == 7
    # 六 as drafted follows the figures; the office's own words would be kept.
    assert again.json()["sections"]["other_matters"].endswith("收取信息处理费0.0050万元。")


async def test_a_violated_invariant_names_the_cell_and_stops_finalisation(
    client: AsyncClient, session: AsyncSession, app: FastAPI
) -> None:
    await add_test_district(session)
    unbalanced = applications()
    unbalanced.tamper[("results_total", "business")] = 3
    unbalanced.tamper[("results_total", "total")] = 7
    with standard_sources(STREET, unbalanced).serving(app):
        report = await create(client)
        assert report["can_finalise"] is False
        problem = report["problems"][0]
        assert (problem["table"], problem["row"], problem["column"]) == (
            "three",
            "results_total",
            "business",
        )
        assert problem["reason"] == "（七）总计应等于（一）至（六）各项之和（2），表中为3"
        refused = await client.post(f"/annual/reports/{report['id']}/finalise", headers=OFFICE)
    assert refused.status_code == 409
    body = refused.json()["error"]
    assert body["code"] == "annual_report_invariants_violated"
    assert body["message"].startswith("表三“（七）总计”行“商业企业”列：")


async def test_sections_are_the_offices_and_an_edited_overview_is_kept(
    client: AsyncClient, session: AsyncSession, sources: Sources
) -> None:
    await add_test_district(session)
    report = await create(client)
    url = f"/annual/reports/{report['id']}"
    edited = await client.patch(
        f"{url}/sections",
        json={"overview": "本街道全年工作情况。", "problems": "一是解读不足。"},
        headers=OFFICE,
    )
    assert edited.status_code == 200
    assert edited.json()["sections"]["overview_edited"] is True
    regenerated = (await client.post(f"{url}/regenerate", headers=OFFICE)).json()
    assert regenerated["sections"]["overview"] == "本街道全年工作情况。"
    assert regenerated["sections"]["problems"] == "一是解读不足。"
    redrafted = await client.patch(
        f"{url}/sections", json={"redraft_overview": True}, headers=OFFICE
    )
    assert redrafted.json()["sections"]["overview"].startswith("2025年，东湖街道")
    too_long = await client.patch(
        f"{url}/sections", json={"problems": "字" * 20_001}, headers=OFFICE
    )
    assert too_long.status_code == 422
    history = (await client.get(f"{url}/history", headers=SUPERVISOR)).json()
    assert [h["action"] for h in history] == [
        "annual_report.sections_edited",
        "annual_report.regenerated",
        "annual_report.sections_edited",
        "annual_report.created",
    ]
    assert history[-1]["actor"] == "gongkaiban"


async def test_finalising_freezes_the_figures_and_differences_show_later_changes(
    client: AsyncClient, session: AsyncSession, sources: Sources
) -> None:
    await add_test_district(session)
    report = await create(client)
    url = f"/annual/reports/{report['id']}"
    final = await client.post(f"{url}/finalise", headers=OFFICE)
    assert final.status_code == 200, final.text
    assert final.json()["status"] == "finalised" and final.json()["frozen"] is True
    assert final.json()["finalised_by"] == "gongkaiban"
    # A late reply recorded after finalisation changes the live figures, not the report.
    later = applications().add("research", "new", "disclosed")
    sources.answers[f"/stats/units/{STREET}/applications"] = later.figures(STREET)
    shown = (await client.get(url, headers=SUPERVISOR)).json()
    assert row(shown, "new")["total"] == 7
    differences = (await client.get(f"{url}/differences", headers=SUPERVISOR)).json()
    changed = {
        (d["row"], d["column"]): (d["snapshot"], d["current"]) for d in differences["differences"]
    }
    assert changed == {
        ("new", "research"): (0, 1),
        ("new", "total"): (7, 8),
        ("disclosed", "research"): (0, 1),
        ("disclosed", "total"): (3, 4),
        ("results_total", "research"): (0, 1),
        ("results_total", "total"): (6, 7),
    }
    # The figures are frozen: no edit, no regeneration, no second finalisation.
    for step, method in (("sections", "patch"), ("regenerate", "post"), ("finalise", "post")):
        refused = await client.request(method, f"{url}/{step}", json={}, headers=OFFICE)
        assert refused.status_code == 409
        assert refused.json()["error"]["code"] == "annual_report_not_draft"
    # Reopened, it is a draft with today's figures again.
    reopened = (await client.post(f"{url}/reopen", headers=OFFICE)).json()
    assert reopened["status"] == "draft" and reopened["frozen"] is False
    assert row((await client.post(f"{url}/regenerate", headers=OFFICE)).json(), "new")["total"] == 8


async def test_differences_need_a_snapshot(
    client: AsyncClient, session: AsyncSession, sources: Sources
) -> None:
    await add_test_district(session)
    report = await create(client)
    response = await client.get(f"/annual/reports/{report['id']}/differences", headers=OFFICE)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "annual_report_not_finalised"


async def test_publishing_sends_the_report_to_the_catalogue_once(
    client: AsyncClient, session: AsyncSession, sources: Sources
) -> None:
    await add_test_district(session)
    report = await create(client)
    url = f"/annual/reports/{report['id']}"
    early = await client.post(f"{url}/publish", headers=OFFICE)
    assert early.status_code == 409
    assert early.json()["error"]["code"] == "annual_report_not_finalised"
    await client.post(f"{url}/finalise", headers=OFFICE)
    published = await client.post(f"{url}/publish", headers=OFFICE)
    assert published.status_code == 200
    body = published.json()
    assert body["status"] == "published" and body["published_by"] == "gongkaiban"
    again = await client.post(f"{url}/publish", headers=OFFICE)
    assert again.status_code == 200 and again.json()["published_at"] == body["published_at"]
    messages = (await session.scalars(select(OutboxMessage))).all()
    assert len(messages) == 1
    message = messages[0]
    assert (message.destination, message.path, message.key) == (
        "catalog",
        "/intake/items",
        body["catalog_item_key"],
    )
    assert message.payload["column_code"] == "X-ANNUAL-REPORT"
    assert message.payload["unit_id"] == STREET
    assert message.payload["title"] == "东湖街道2025年政府信息公开工作年度报告"
    assert "三、收到和处理政府信息公开申请情况" in message.payload["body_html"]
    # Its 成文日期 is the day it was finalised, in Beijing.
    finalised = datetime.fromisoformat(body["finalised_at"]).astimezone(BEIJING)
    assert message.payload["formed_on"] == finalised.date().isoformat()
    reopen = await client.post(f"{url}/reopen", headers=OFFICE)
    assert reopen.json()["error"]["code"] == "annual_report_published"


async def test_status_lists_every_unit_in_reach_with_its_deadline(
    client: AsyncClient, session: AsyncSession, sources: Sources
) -> None:
    await add_test_district(session)
    await add_units(session, ((5, "望江社区", "community", STREET),))
    report = await create(client)
    url = f"/annual/reports/{report['id']}"
    await client.post(f"{url}/finalise", headers=OFFICE)
    await client.post(f"{url}/publish", headers=OFFICE)
    status = (await client.get("/annual/status", params={"year": 2025}, headers=SUPERVISOR)).json()
    assert status["deadline"] == "2026-01-31"
    units = {u["unit_id"]: u for u in status["units"]}
    # Administrative bodies only: a community's committee owes no report.
    assert set(units) == {DISTRICT, STREET, BUREAU, OTHER_STREET}
    # The government owes its region's report by 31 March; the others their own by 31 January.
    assert (units[DISTRICT]["scope"], units[DISTRICT]["deadline"]) == ("region", "2026-03-31")
    assert units[STREET]["status"] == "published" and units[STREET]["report_id"] == report["id"]
    assert units[BUREAU]["status"] is None and units[BUREAU]["status_label"] == "未编制"
    # Today (after 31 January 2026) every unit is late, the street too: it published today.
    assert all(u["late"] for u in status["units"])
    assert (status["unpublished"], status["late"]) == (3, 4)
    # A street's office sees its own unit only.
    own = (await client.get("/annual/status", params={"year": 2025}, headers=STREET_OFFICE)).json()
    assert [u["unit_id"] for u in own["units"]] == [STREET]


async def test_the_list_and_reach_of_reports(
    client: AsyncClient, session: AsyncSession, sources: Sources
) -> None:
    await add_test_district(session)
    report = await create(client)
    listed = (await client.get("/annual/reports", params={"year": 2025}, headers=SUPERVISOR)).json()
    assert [(r["id"], r["status_label"], r["late"]) for r in listed] == [
        (report["id"], "草稿", True)
    ]
    other = auth("office", unit_id=OTHER_STREET)
    assert (await client.get(f"/annual/reports/{report['id']}", headers=other)).status_code == 403
    assert (await client.get("/annual/reports/999999", headers=OFFICE)).json()["error"][
        "code"
    ] == "annual_report_not_found"
    # A supervisor reads but does not prepare.
    seen = (await client.get(f"/annual/reports/{report['id']}", headers=SUPERVISOR)).json()
    assert seen["next_steps"] == []
    refused = await client.post(f"/annual/reports/{report['id']}/finalise", headers=SUPERVISOR)
    assert refused.status_code == 403
    stored = await session.get(AnnualReport, report["id"])
    assert stored is not None and stored.status == "draft"


async def test_the_public_reads_published_reports_only(
    client: AsyncClient, session: AsyncSession, sources: Sources
) -> None:
    await add_test_district(session)
    report = await create(client)
    url = f"/annual/reports/{report['id']}"
    assert (await client.get(f"/annual/published/{report['id']}")).status_code == 404
    await client.post(f"{url}/finalise", headers=OFFICE)
    await client.post(f"{url}/publish", headers=OFFICE)
    listed = (await client.get("/annual/published", params={"unit_id": STREET})).json()
    assert [(r["id"], r["year"], r["status"]) for r in listed] == [
        (report["id"], 2025, "published")
    ]
    assert (await client.get("/annual/published", params={"year": 2024})).json() == []
    public = (await client.get(f"/annual/published/{report['id']}")).json()
    assert public["published_by"] == "东湖街道" and public["created_by"] == "东湖街道"
    assert public["catalog_item_key"] is None and public["next_steps"] == []
    assert row(public, "new")["total"] == 7
