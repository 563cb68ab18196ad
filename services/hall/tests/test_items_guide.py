"""The public guide (办事指南): search, filters, the item page and where to go."""

from __future__ import annotations

import pytest
from hall_builders import (
    BUREAU,
    DISTRICT,
    STREET,
    add_centre,
    add_item,
    add_test_district,
    add_window,
    station,
)
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.items.models import HallLevel, ItemCategory, ItemKind


@pytest.fixture(autouse=True)
async def items(session: AsyncSession) -> None:
    await add_test_district(session)
    await add_item(session, unit_id=BUREAU, name="民办学校设立审批", code="JY-001")
    await add_item(
        session,
        unit_id=BUREAU,
        name="教师资格认定",
        code="JY-002",
        category=ItemCategory.CONFIRMATION,
    )
    await add_item(
        session,
        unit_id=STREET,
        name="居住证申领",
        code="DH-001",
        category=ItemCategory.PUBLIC_SERVICE,
        hall_level=HallLevel.STREET,
        kind=ItemKind.INSTANT,
    )
    await add_item(session, unit_id=DISTRICT, name="民办学校变更（草稿）", published=False)


async def names(client: AsyncClient, **params: object) -> list[str]:
    response = await client.get("/guide/items", params=params)
    assert response.status_code == 200, response.text
    return [row["name"] for row in response.json()["items"]]


async def test_the_guide_lists_published_items_by_name(client: AsyncClient) -> None:
    page = (await client.get("/guide/items")).json()

    assert page["total"] == 3
    assert [row["name"] for row in page["items"]] == [
        "居住证申领",
        "教师资格认定",
        "民办学校设立审批",
    ]
    first = page["items"][0]
    assert (first["unit_name"], first["kind"], first["promised_limit_days"]) == (
        "东湖街道",
        "instant",
        0,
    )


async def test_search_by_keyword_category_level_and_unit(client: AsyncClient) -> None:
    assert await names(client, q="学校") == ["民办学校设立审批"]
    # Every word typed must occur in the name.
    assert await names(client, q="民办 审批") == ["民办学校设立审批"]
    assert await names(client, q="民办 资格") == []
    assert await names(client, q="JY-002") == ["教师资格认定"]
    # LIKE's wildcards are the caller's characters, not patterns.
    assert await names(client, q="%") == []
    assert await names(client, category="confirmation") == ["教师资格认定"]
    assert await names(client, hall_level="street") == ["居住证申领"]
    assert await names(client, unit_id=BUREAU) == ["教师资格认定", "民办学校设立审批"]
    assert await names(client, unit_id=BUREAU, category="licensing") == ["民办学校设立审批"]
    bad = await client.get("/guide/items", params={"category": "tax"})
    assert bad.json()["error"]["fields"][0]["field"] == "query.category"


async def test_facets_count_the_published_items(client: AsyncClient) -> None:
    facets = (await client.get("/guide/facets")).json()

    categories = {f["value"]: (f["label"], f["count"]) for f in facets["categories"]}
    assert categories["licensing"] == ("行政许可", 1)
    assert categories["confirmation"] == ("行政确认", 1)
    assert categories["levy"] == ("行政征收", 0)
    assert [(f["label"], f["count"]) for f in facets["hall_levels"]] == [
        ("区级", 2),
        ("街道（乡镇）", 1),
        ("社区（村）", 0),
    ]
    assert [(f["label"], f["count"]) for f in facets["units"]] == [
        ("东湖街道", 1),
        ("锦华区教育局", 2),
    ]


async def test_the_vocabulary_names_every_code(client: AsyncClient) -> None:
    vocabulary = (await client.get("/guide/vocabulary")).json()

    assert {t["value"]: t["label"] for t in vocabulary["kinds"]} == {
        "instant": "即办件",
        "promised": "承诺件",
    }
    assert len(vocabulary["categories"]) == 8
    assert {t["value"] for t in vocabulary["window_kinds"]} == {
        "comprehensive",
        "unit",
        "green_channel",
    }


async def test_the_item_page_shows_the_eight_public_fields_and_where_to_go(
    client: AsyncClient, session: AsyncSession
) -> None:
    item = await add_item(
        session,
        unit_id=BUREAU,
        name="校外培训机构设立审批",
        fee_fen=0,
        legal_limit_days=20,
        promised_limit_days=8,
        materials=("申请书", "章程"),
    )
    centre = await add_centre(session)
    open_window = await add_window(session, centre, number=5, name="教育窗口")
    closed = await add_window(session, centre, number=6, open=False)
    await station(session, open_window, unit_id=BUREAU, items=[item])
    await station(session, closed, unit_id=BUREAU, items=[item])

    page = (await client.get(f"/guide/items/{item.id}")).json()

    assert page["name"] == "校外培训机构设立审批"
    assert page["unit_name"] == "锦华区教育局"
    assert (page["legal_limit_days"], page["promised_limit_days"]) == (20, 8)
    assert page["legal_basis"].startswith("《中华人民共和国民办教育促进法》")
    assert [m["name"] for m in page["materials"]] == ["申请书", "章程"]
    # Only the open window: the closed one is no place to go.
    assert [(p["centre_name"], p["window_number"], p["address"]) for p in page["places"]] == [
        ("锦华区政务服务中心", 5, "锦华区人民南路88号")
    ]
    assert (await client.get("/guide/items/999999")).json()["error"]["code"] == "item_not_found"
