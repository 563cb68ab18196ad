"""The console's item list (信息发布): found by a few characters of the title or number, and
narrowed by state, column, document type and 生成日期, a page at a time."""

from __future__ import annotations

from typing import Any

from catalog_builders import (
    OFFICE,
    PUBLISHER,
    STREET,
    STREET_PUBLISHER,
    add_test_district,
    column_id,
    item_body,
    publish,
)
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession


async def _titles(client: AsyncClient, headers: dict[str, str], **query: Any) -> list[str]:
    answer = await client.get("/items", params=query, headers=headers)
    assert answer.status_code == 200, answer.text
    page = answer.json()
    assert page["total"] == len(page["items"])
    return sorted(item["title"] for item in page["items"])


async def _draft(client: AsyncClient, headers: dict[str, str], column: int, **fields: Any) -> None:
    made = await client.post("/items", json=item_body(column, **fields), headers=headers)
    assert made.status_code == 201, made.text


async def test_staff_find_items_by_title_number_and_filters(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    education = await column_id(client, "A20-11-02")  # 教育, under Article 20's item 11
    rules = await column_id(client, "A20-01-02")  # 行政规范性文件
    await _draft(
        client, PUBLISHER, education, title="关于秋季学期招生入学的通知", formed_on="2026-08-03"
    )
    await _draft(
        client,
        PUBLISHER,
        rules,
        title="锦华区校外培训机构管理办法",
        document_type="normative",
        document_number="锦教规〔2026〕1号",
        formed_on="2026-03-02",
    )
    await publish(client, education, title="2026年招生划片范围公告", formed_on="2026-06-01")
    # Another unit's item, with the same words: not in the bureau's list.
    await _draft(client, STREET_PUBLISHER, education, unit_id=STREET, title="东湖街道招生宣传")

    assert await _titles(client, PUBLISHER, q="招生") == [
        "2026年招生划片范围公告",
        "关于秋季学期招生入学的通知",
    ]
    # Part of the 发文字号, with its brackets; spaces around the words do not matter.
    assert await _titles(client, PUBLISHER, q="  锦教规〔2026〕 ") == ["锦华区校外培训机构管理办法"]
    # LIKE's wildcards are characters like any other.
    assert await _titles(client, PUBLISHER, q="%") == []
    assert await _titles(client, PUBLISHER, q="招生", status="published") == [
        "2026年招生划片范围公告"
    ]
    assert await _titles(client, PUBLISHER, document_type="normative") == [
        "锦华区校外培训机构管理办法"
    ]
    assert await _titles(client, PUBLISHER, column_id=rules) == ["锦华区校外培训机构管理办法"]
    assert await _titles(client, PUBLISHER, column_id=education, status="draft") == [
        "关于秋季学期招生入学的通知"
    ]
    # A parent column lists its sub-columns' items.
    assert await _titles(client, PUBLISHER, column_id=await column_id(client, "A20-11")) == [
        "2026年招生划片范围公告",
        "关于秋季学期招生入学的通知",
    ]
    # 生成日期 from and to, both days included.
    assert await _titles(client, PUBLISHER, formed_from="2026-06-01", formed_to="2026-08-03") == [
        "2026年招生划片范围公告",
        "关于秋季学期招生入学的通知",
    ]
    assert await _titles(client, PUBLISHER, formed_to="2026-03-02") == [
        "锦华区校外培训机构管理办法"
    ]
    # The office sees the whole district, the street's item among them.
    assert "东湖街道招生宣传" in await _titles(client, OFFICE, q="招生")
    assert await _titles(client, OFFICE, q="招生", unit_id=STREET) == ["东湖街道招生宣传"]


async def test_a_date_range_backwards_is_refused_naming_the_field(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    answer = await client.get(
        "/items",
        params={"formed_from": "2026-08-03", "formed_to": "2026-08-01"},
        headers=PUBLISHER,
    )
    assert answer.status_code == 422
    assert answer.json()["error"]["fields"][0]["field"] == "formed_to"
    too_long = await client.get("/items", params={"q": "招" * 101}, headers=PUBLISHER)
    assert too_long.status_code == 422
