"""Full-text search of the published catalogue: segmentation, ranking, filters, paging, marks."""

from __future__ import annotations

import asyncio
import gc
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from catalog_builders import (
    BUREAU,
    DISTRICT,
    OFFICE,
    OTHER_STREET,
    PUBLISHER,
    REVIEWER,
    STREET,
    STREET_PUBLISHER,
    add_test_district,
)
from fastapi import FastAPI
from httpx import AsyncClient
from search_corpus import CORPUS
from sqlalchemy import text, update
from sqlalchemy.ext.asyncio import AsyncSession

import sunshine_catalog.main as catalog_main
from sunshine_catalog.items.models import InformationItem
from sunshine_catalog.search.index import Match, SearchIndex, catalogue_version, item_of
from sunshine_kit.db import Database, get_reader
from sunshine_kit.testing import auth

APPROVE = {"decision": "approve", "confidentiality_checked": True, "attribute_checked": True}
# Who writes and who reviews each unit's items (谁制作谁审查: never the same person).
STAFF = {
    DISTRICT: (OFFICE, auth("office", unit_id=DISTRICT, username="liuyang")),
    BUREAU: (PUBLISHER, REVIEWER),
    STREET: (STREET_PUBLISHER, auth("reviewer", unit_id=STREET, username="zhoujie")),
    OTHER_STREET: (
        auth("publisher", unit_id=OTHER_STREET, username="hetao"),
        auth("reviewer", unit_id=OTHER_STREET, username="luofang"),
    ),
}


async def _columns(client: AsyncClient) -> dict[str, int]:
    out: dict[str, int] = {}

    def walk(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            out[node["code"]] = node["id"]
            walk(node["children"])

    walk((await client.get("/columns")).json())
    return out


async def load(client: AsyncClient, session: AsyncSession) -> dict[str, int]:
    """The corpus taken through the real review workflow; its publication dates set after."""
    await add_test_district(session)
    columns = await _columns(client)
    ids: dict[str, int] = {}
    for n, entry in enumerate(CORPUS):
        writer, reviewer = STAFF[entry.unit]
        body = {
            "unit_id": entry.unit,
            "column_id": columns[entry.column],
            "title": entry.title,
            "body_html": entry.body,
            "document_number": entry.document_number,
            "document_type": entry.document_type,
            "formed_on": entry.published,
            "keywords": entry.keywords,
            "topic": entry.topic,
        }
        created = await client.post("/items", json=body, headers=writer)
        assert created.status_code == 201, created.text
        item_id = ids[entry.key] = created.json()["id"]
        if entry.status == "draft":
            continue
        assert (await client.post(f"/items/{item_id}/submit", headers=writer)).status_code == 200
        reviewed = await client.post(f"/items/{item_id}/review", json=APPROVE, headers=reviewer)
        assert reviewed.status_code == 200, reviewed.text
        # Published in the past, 09:00 Beijing time; the minutes keep equal days apart.
        published_at = datetime.fromisoformat(f"{entry.published}T09:00:00+08:00")
        await session.execute(
            update(InformationItem)
            .where(InformationItem.id == item_id)
            .values(published_at=published_at + timedelta(minutes=n))
        )
        if entry.status == "withdrawn":
            withdrawn = await client.post(
                f"/items/{item_id}/withdraw", json={"reason": "数据有误"}, headers=reviewer
            )
            assert withdrawn.status_code == 200, withdrawn.text
    for entry in CORPUS:
        if entry.validity == "valid":
            continue
        replacement = next((e for e in CORPUS if e.key == entry.replaced_by), None)
        changed = await client.post(
            f"/items/{ids[entry.key]}/validity",
            json={
                "validity": entry.validity,
                "changed_on": replacement.published if replacement else "2026-06-30",
                "replaced_by_id": ids[replacement.key] if replacement else None,
            },
            headers=STAFF[entry.unit][1],
        )
        assert changed.status_code == 200, changed.text
    return ids


@pytest.fixture
async def corpus(client: AsyncClient, session: AsyncSession) -> dict[str, int]:
    return await load(client, session)


async def found(client: AsyncClient, q: str, **params: Any) -> dict[str, Any]:
    response = await client.get("/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    return dict(response.json())


async def withdraw(client: AsyncClient, item_id: int) -> None:
    """Withdrawn (撤回) by the district's reviewer."""
    withdrawn = await client.post(
        f"/items/{item_id}/withdraw", json={"reason": "项目批复调整"}, headers=STAFF[DISTRICT][1]
    )
    assert withdrawn.status_code == 200, withdrawn.text


def keys_of(ids: dict[str, int], page: dict[str, Any]) -> list[str]:
    by_id = {v: k for k, v in ids.items()}
    return [by_id[hit["id"]] for hit in page["items"]]


@dataclass(frozen=True)
class Case:
    """A query, and what it must find: `hits` exactly; `first` in order at the top, or `top` as
    the first len(top) hits in any order (where only the databases' own scores differ)."""

    q: str
    hits: set[str]
    first: tuple[str, ...] = ()
    top: frozenset[str] = frozenset()
    params: dict[str, Any] = field(default_factory=dict)


SUBSISTENCE_TITLES = {
    "donghu_subsistence_q1",
    "donghu_subsistence_q2",
    "donghu_subsistence_2025",
    "qinglong_subsistence_list_2026",
}
EMERGENCY_PLANS = {
    "geological_plan",
    "flood_plan",
    "donghu_flood_plan",
    "qinglong_emergency_2024",
    "qinglong_emergency_2026",
}
ENROLMENT = {"enrolment_2026", "enrolment_2025", "enrolment_2024"}
GUIDES = {"district_guide", "education_guide", "donghu_guide", "qinglong_guide"}
BUDGETS = {"budget_execution_2026", "budget_report_2026", "education_budget_2026"}

QUALITY = [
    # The policy itself before the reports and the interpretation that mention it.
    Case(
        "老旧小区改造",
        {
            "renovation_plan",
            "renovation_interpretation",
            "renovation_projects_2025",
            "donghu_renovation_progress",
        },
        first=("renovation_plan",),
    ),
    # Found by title, keywords (青龙's 最低生活保障 item) and body (资助, 医保 for 低保对象).
    Case(
        "低保",
        SUBSISTENCE_TITLES
        | {"qinglong_subsistence_funds_2025", "student_aid_rules", "medical_insurance_2026"},
        top=frozenset(SUBSISTENCE_TITLES),
    ),
    # A document number finds the document first, then the interpretation quoting it.
    Case(
        "锦府办发〔2026〕15号",
        {"renovation_plan", "renovation_interpretation"},
        first=("renovation_plan", "renovation_interpretation"),
    ),
    Case("锦综执罚〔2026〕45号", {"noise_penalty"}, first=("noise_penalty",)),
    Case("财政预算", BUDGETS, first=("budget_execution_2026",)),
    # The list in force before the repealed one.
    Case(
        "行政许可事项清单",
        {"license_list_2025", "license_list_2023"},
        first=("license_list_2025", "license_list_2023"),
    ),
    Case("应急预案", EMERGENCY_PLANS, top=frozenset({"geological_plan", "flood_plan"})),
    Case("政府信息公开指南", GUIDES),
    Case(
        "年度报告",
        {
            "annual_report_2025",
            "annual_report_2024",
            "donghu_annual_report_2025",
            "qinglong_annual_report_2025",
        },
    ),
    Case("招生入学", ENROLMENT, first=("enrolment_2026",)),
    Case(
        "东湖 低保",
        {"donghu_subsistence_q1", "donghu_subsistence_q2", "donghu_subsistence_2025"},
    ),
    Case("施工噪声", {"noise_response", "noise_penalty"}, first=("noise_response",)),
    Case(
        "人才住房保障",
        {"talent_housing_2026", "talent_housing_2024"},
        first=("talent_housing_2026", "talent_housing_2024"),
    ),
    Case(
        "统计公报",
        {"statistics_2025", "statistics_2024", "research_spending_2025"},
        top=frozenset({"statistics_2025", "statistics_2024", "research_spending_2025"}),
    ),
    Case("2025年 统计公报", {"statistics_2025", "research_spending_2025"}),
    Case("R&D经费投入", {"research_spending_2025"}),
    Case("三公经费", {"three_public_2025", "education_final_2025"}, first=("three_public_2025",)),
    Case("防汛", {"flood_plan", "donghu_flood_plan"}, first=("flood_plan",)),
    Case("最低生活保障", {"qinglong_subsistence_funds_2025"}),
    Case("城市更新", {"renovation_plan"}),
    Case("食品安全抽检", {"food_sampling"}),
    Case("公务员录用", {"civil_servants_2026"}),
    Case("教师招聘", {"teacher_recruitment_2026"}),
    Case("垃圾分类", {"donghu_waste_sorting"}),
    Case("高龄津贴", {"donghu_elderly_allowance"}),
    Case("临时救助", {"donghu_temporary_aid"}),
    Case("征收土地", {"land_expropriation_2025"}),
    Case("课后服务", {"after_school_plan"}),
    Case("绿道", {"greenway_approval"}),
    Case("火灾防控", {"qinglong_fire_prevention"}),
    Case("政府集中采购", {"procurement_2026"}),
    Case("校园安全", {"campus_safety"}),
    Case("稳岗就业补贴", {"job_subsidy_2026"}),
    Case("幼儿园收费标准", {"kindergarten_fees"}),
    Case("五年规划", {"five_year_plan"}),
    Case("量子计算机", set()),
    # Only the draft and the withdrawn item hold these words.
    Case("第三季度 低保", set()),
    Case("数据有误已撤回", set()),
    # Filters.
    Case(
        "低保",
        {"donghu_subsistence_q1", "donghu_subsistence_q2", "donghu_subsistence_2025"},
        params={"unit_id": STREET},
    ),
    Case(
        "低保",
        {"qinglong_subsistence_list_2026", "qinglong_subsistence_funds_2025"},
        params={"unit_id": OTHER_STREET},
    ),
    Case(
        "应急预案",
        {"flood_plan", "donghu_flood_plan", "qinglong_emergency_2026"},
        first=("flood_plan",),
        params={"year": 2026},
    ),
    Case("应急预案", {"qinglong_emergency_2024"}, params={"validity": "repealed"}),
    Case("招生入学", {"enrolment_2025", "enrolment_2024"}, params={"validity": "expired"}),
    Case("应急预案", {"geological_plan", "flood_plan"}, params={"document_type": "normative"}),
    Case("公开", GUIDES, params={"column": "X-GUIDE"}),
    Case("财政", BUDGETS, params={"column": "A20-07-01"}),
    Case("预算", {"education_budget_2026"}, params={"unit_id": BUREAU, "year": 2026}),
]
NEVER = {"donghu_subsistence_q3_draft", "budget_execution_withdrawn"}


async def test_the_quality_set_finds_what_people_look_for(
    client: AsyncClient, corpus: dict[str, int]
) -> None:
    columns = await _columns(client)
    failures = []
    for case in QUALITY:
        params = dict(case.params)
        if "column" in params:
            params["column_id"] = columns[params.pop("column")]
        page = await found(client, case.q, size=50, **params)
        got = keys_of(corpus, page)
        ok = (
            set(got) == case.hits
            and page["total"] == len(case.hits)
            and tuple(got[: len(case.first)]) == case.first
            and set(got[: len(case.top)]) == case.top
            and not NEVER & set(got)
        )
        if not ok:
            failures.append(f"{case.q} {case.params}: {got}")
    assert failures == []
    assert len(QUALITY) >= 30

    # Ordered by date: newest first, whatever the score.
    page = await found(client, "低保", order="date")
    assert keys_of(corpus, page) == [
        "donghu_subsistence_q2",  # 2026-07-07
        "donghu_subsistence_q1",  # 2026-04-08
        "qinglong_subsistence_list_2026",  # 2026-03-17
        "donghu_subsistence_2025",  # 2026-01-09
        "medical_insurance_2026",  # 2025-10-13
        "qinglong_subsistence_funds_2025",  # 2025-09-15
        "student_aid_rules",  # 2024-08-26
    ]
    assert page["next_cursor"] is None

    # Withdrawn (撤回) today, gone from the search at once.
    assert (await found(client, "绿道"))["total"] == 1
    await withdraw(client, corpus["greenway_approval"])
    assert (await found(client, "绿道"))["total"] == 0

    # Corrected and published again: found by its new words only.
    item_id = corpus["greenway_approval"]
    writer, reviewer = STAFF[DISTRICT]
    corrected = await client.patch(
        f"/items/{item_id}",
        json={
            "title": "锦华区锦江滨河步道建设项目批准结果公示",
            "body_html": "<p>锦江滨河步道建设项目已获区发展和改革局批准，项目全长6.8公里。</p>",
            "keywords": "重大建设项目",
        },
        headers=writer,
    )
    assert corrected.status_code == 200, corrected.text
    assert (await client.post(f"/items/{item_id}/submit", headers=writer)).status_code == 200
    republished = await client.post(f"/items/{item_id}/review", json=APPROVE, headers=reviewer)
    assert republished.status_code == 200
    assert keys_of(corpus, await found(client, "滨河步道")) == ["greenway_approval"]
    assert (await found(client, "绿道"))["total"] == 0

    # A deleted draft leaves the index whole: the others are found as before.
    draft = corpus["donghu_subsistence_q3_draft"]
    assert (await client.delete(f"/items/{draft}", headers=STAFF[STREET][0])).status_code == 204
    assert (await found(client, "低保"))["total"] == 7


async def test_the_cursor_walks_every_hit_once_in_either_order(
    client: AsyncClient, corpus: dict[str, int]
) -> None:
    for order in ("relevance", "date"):
        whole = await found(client, "公开", order=order, size=50)
        assert whole["total"] == 13
        pages, cursor = [], None
        while True:
            params = {"order": order, "size": 5, **({"cursor": cursor} if cursor else {})}
            page = await found(client, "公开", **params)
            assert page["total"] == 13
            pages.append(keys_of(corpus, page))
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert [len(p) for p in pages] == [5, 5, 3], order
        walked = [key for p in pages for key in p]
        assert walked == keys_of(corpus, whole), order
        assert len(set(walked)) == 13

    # A cursor belongs to its order.
    cursor = (await found(client, "公开", size=5, order="date"))["next_cursor"]
    response = await client.get("/search", params={"q": "公开", "cursor": cursor})
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "cursor"


async def test_a_hit_shows_where_it_is_and_marks_the_words(
    client: AsyncClient, corpus: dict[str, int]
) -> None:
    hit = (await found(client, "老旧小区改造", size=1))["items"][0]
    assert hit["id"] == corpus["renovation_plan"]
    assert hit["title_highlight"] == (
        "锦华区人民政府办公室关于印发《锦华区城镇<em>老旧小区改造</em>实施方案》的通知"
    )
    assert hit["unit_name"] == "锦华区人民政府"
    assert hit["column_name"] == "行政规范性文件"
    assert hit["document_number"] == "锦府办发〔2026〕15号"
    assert hit["document_type"] == "normative"
    assert hit["validity"] == "valid"
    assert hit["published_at"].startswith("2026-03-16T01:")  # 09:.. Beijing time
    assert hit["index_number"].endswith("/2026-00001")

    repealed = (await found(client, "行政许可事项清单", validity="repealed"))["items"][0]
    assert repealed["validity"] == "repealed"

    # Marks on escaped text; the snippet around the first word found.
    hit = (await found(client, "R&D经费投入"))["items"][0]
    assert hit["title_highlight"] == (
        "锦华区2025年研究与试验发展（<em>R</em>&amp;<em>D</em>）<em>经费投入</em>统计公报"
    )
    assert "&amp;" in hit["snippet"] and "R&D" not in hit["snippet"]

    short = (await found(client, "低保", unit_id=STREET, order="date"))["items"][0]
    assert short["snippet"] == (
        "2026年第二季度，东湖街道共发放城市<em>低保</em>资金85.1万元，保障对象306户489人。"
        " <em>低保</em>标准为每人每月820元。"
    )

    # Deep in a long body: cut before, kept to about 120 characters, the words marked.
    long = (await found(client, "惠及居民"))["items"][0]
    assert long["id"] == corpus["renovation_plan"]
    assert long["snippet"].startswith("…")
    assert "<em>惠及居民</em>1.2万户" in long["snippet"]
    plain = long["snippet"].replace("<em>", "").replace("</em>", "")
    assert len(plain) <= 121
    assert "<em>" not in long["title_highlight"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "的"}, "q"),
        ({"q": "？！……"}, "q"),
        ({"q": ""}, "q"),
        ({"q": "低" * 101}, "q"),
        ({}, "q"),
        ({"q": "低保", "size": 51}, "size"),
        ({"q": "低保", "order": "popular"}, "order"),
        ({"q": "低保", "cursor": "not-a-cursor"}, "cursor"),
    ],
)
async def test_a_query_without_words_or_with_bad_parameters_is_refused(
    client: AsyncClient, params: dict[str, Any], field: str
) -> None:
    response = await client.get("/search", params=params)
    assert response.status_code == 422, response.text
    assert field in [f["field"].split(".")[-1] for f in response.json()["error"]["fields"]]


async def test_past_two_hundred_matches_the_policy_document_still_leads_and_all_are_counted(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    columns = await _columns(client)
    writer, reviewer = STAFF[BUREAU]

    async def published(title: str, document_type: str, number: str) -> int:
        body = {
            "unit_id": BUREAU,
            "column_id": columns["A20-01-02"],
            "title": title,
            "body_html": f"<p>{title}。请各单位抓好落实。</p>",
            "document_number": number,
            "document_type": document_type,
            "formed_on": "2026-03-02",
        }
        created = await client.post("/items", json=body, headers=writer)
        assert created.status_code == 201, created.text
        item_id = int(created.json()["id"])
        assert (await client.post(f"/items/{item_id}/submit", headers=writer)).status_code == 200
        reviewed = await client.post(f"/items/{item_id}/review", json=APPROVE, headers=reviewer)
        assert reviewed.status_code == 200, reviewed.text
        return item_id

    rules = await published("锦华区校外培训机构监督管理办法", "normative", "锦教规〔2021〕1号")
    notice = await published("关于校外培训机构年检结果的公告", "other", "")
    # Five years old: older than every one of the 240 notices below.
    await session.execute(
        update(InformationItem)
        .where(InformationItem.id == rules)
        .values(published_at=datetime(2021, 5, 6, 2, 0, tzinfo=UTC))
    )
    # 240 more notices like the last one, each a day older than the one before (copied in SQL:
    # the review workflow 240 times would only slow the test).
    columns_of_item = [c.key for c in InformationItem.__table__.columns if c.key != "id"]
    copied = ", ".join(columns_of_item)
    changed = {
        "index_seq": "index_seq + g",
        "index_number": "index_number || '-' || g",
        "published_at": "published_at - make_interval(days => g)",
    }
    chosen = ", ".join(changed.get(c, c) for c in columns_of_item)
    await session.execute(
        text(
            f"INSERT INTO information_item ({copied}) SELECT {chosen} "
            "FROM information_item, generate_series(1, 240) AS g WHERE id = :id"
        ),
        {"id": notice},
    )

    page = await found(client, "校外培训机构", size=5)
    assert page["total"] == 242  # counted, however many match
    assert page["items"][0]["id"] == rules  # the rules in force, found among the newest
    dated = await found(client, "校外培训机构", size=5, order="date")
    assert dated["items"][0]["id"] == notice
    # Date order pages on past the first 200, down to the rules.
    seen, cursor = 0, dated["next_cursor"]
    while cursor:
        more = await found(client, "校外培训机构", size=50, order="date", cursor=cursor)
        seen += len(more["items"])
        last, cursor = more["items"][-1]["id"], more["next_cursor"]
    assert seen == 242 - 5 and last == rules
    # A rarer word among the same items.
    assert (await found(client, "监督管理办法"))["total"] == 1


async def test_items_moved_to_another_column_are_found_under_it_at_once(
    client: AsyncClient, corpus: dict[str, int]
) -> None:
    columns = await _columns(client)
    budgets, plans = columns["A20-07-01"], columns["A20-01-02"]
    assert set(keys_of(corpus, await found(client, "财政", column_id=budgets))) == BUDGETS
    moved = await client.post(
        "/items/move",
        json={"from_column_id": budgets, "to_column_id": plans},
        headers=STAFF[DISTRICT][0],
    )
    assert moved.status_code == 200, moved.text
    assert (await found(client, "财政", column_id=budgets))["total"] == 0
    assert set(keys_of(corpus, await found(client, "财政", column_id=plans))) == BUDGETS


async def test_an_index_kept_on_disk_reopens_as_it_was_and_takes_in_only_what_changed(
    client: AsyncClient, session: AsyncSession, corpus: dict[str, int], tmp_path: Path
) -> None:
    def green(index: SearchIndex) -> list[int]:
        return [item_of(k) for k in index.newest(Match(["绿道"]), 10)]

    index = SearchIndex(tmp_path / "search")
    connection = await session.connection()
    await index.bring_up_to(connection, await catalogue_version(connection))
    assert green(index) == [corpus["greenway_approval"]]
    del index  # a restart: the process lets go of the index
    gc.collect()

    await withdraw(client, corpus["greenway_approval"])
    reopened = SearchIndex(tmp_path / "search")
    # As it was left, not built again from the database: the withdrawal is not in it yet...
    assert green(reopened) == [corpus["greenway_approval"]]
    # ...until it takes in the changes since.
    await reopened.bring_up_to(connection, await catalogue_version(connection))
    assert green(reopened) == []
    assert reopened.counted(Match(["低保"]), 50)[1] == 7  # the rest as before


async def test_the_service_is_ready_only_once_its_search_index_is_built(
    app: FastAPI, client: AsyncClient, session: AsyncSession
) -> None:
    building = await client.get("/readyz")
    assert building.status_code == 503
    assert building.json()["search_index"] == "building"
    connection = await session.connection()
    await app.state.search_index.bring_up_to(connection, await catalogue_version(connection))
    assert (await client.get("/readyz")).json() == {"status": "ok", "database": "ok"}


async def test_the_index_is_built_once_the_database_can_be_read_after_failing_at_start(
    app: FastAPI, client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The replica starts before its database answers: the build is tried again, not given up.
    monkeypatch.setattr(catalog_main, "WARM_RETRY_FIRST_SECONDS", 0.05)
    reachable = app.state.db
    app.state.db = Database("postgresql+asyncpg://postgres@127.0.0.1:9/nowhere")
    warming = asyncio.create_task(catalog_main._keep_warming(app))
    try:
        await asyncio.sleep(0.3)
        assert not warming.done()
        assert app.state.search_index.version is None
        await app.state.db.dispose()
        app.state.db = reachable
        await asyncio.wait_for(warming, timeout=10)
        assert app.state.search_index.version is not None
        assert (await client.get("/readyz")).status_code == 200
    finally:
        warming.cancel()
        app.state.db = reachable


async def test_a_kept_page_is_served_before_routing_until_the_catalogue_changes(
    app: FastAPI, client: AsyncClient, corpus: dict[str, int]
) -> None:
    assert (await found(client, "绿道"))["total"] == 1
    assert (await found(client, "绿道"))["total"] == 1  # asked again: now kept

    def not_through_the_route() -> None:
        raise AssertionError("the route was reached")

    # Kept and current: answered from the cache, the route (and its reader) never reached.
    app.dependency_overrides[get_reader] = not_through_the_route
    try:
        kept = await found(client, "绿道")
    finally:
        del app.dependency_overrides[get_reader]
    assert keys_of(corpus, kept) == ["greenway_approval"]

    # The catalogue changes: the kept page is of an older version and is not served again.
    await withdraw(client, corpus["greenway_approval"])
    assert (await found(client, "绿道"))["total"] == 0
