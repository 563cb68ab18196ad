"""A unit's catalogue as readers use it: a parent column lists its sub-columns' items, each column
says how many items it holds (each item once), empty columns are listed, and the home page reads
the newest items of every unit."""

from typing import Any

import pytest
from catalog_builders import (
    BUREAU,
    PUBLISHER,
    STREET,
    add_test_district,
    column_id,
    item_body,
    publish,
)
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession


@pytest.fixture(autouse=True)
async def _district(session: AsyncSession) -> None:
    await add_test_district(session)


def every(tree: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for column in tree:
        found += [column, *every(column["children"])]
    return found


def node(tree: list[dict[str, Any]], code: str) -> dict[str, Any]:
    return next(c for c in every(tree) if c["code"] == code)


async def test_a_parent_column_counts_and_lists_the_items_of_its_sub_columns(
    client: AsyncClient,
) -> None:
    education = await column_id(client, "A20-11-02")  # 教育, under 《条例》第二十条第十一项
    employment = await column_id(client, "A20-11-05")  # 促进就业
    parent = await column_id(client, "A20-11")
    first = await publish(client, education, title="锦华区2026年义务教育招生入学政策")
    second = await publish(client, employment, title="锦华区2026年高校毕业生就业见习计划")
    # Listed in both 教育 and 促进就业: counts once in the parent, once in each child.
    both = await publish(
        client, education, title="锦华区职业技能培训补贴办法", also_in_columns=[employment]
    )
    # A draft is not published, and counts nowhere.
    draft = await client.post("/items", json=item_body(education), headers=PUBLISHER)
    assert draft.status_code == 201

    tree = (await client.get(f"/units/{BUREAU}/columns")).json()
    assert node(tree, "A20-11-02")["item_count"] == 2
    assert node(tree, "A20-11-05")["item_count"] == 2
    assert node(tree, "A20-11")["item_count"] == 3
    assert node(tree, "A20-11-03")["item_count"] == 0
    assert node(tree, "A20-01")["item_count"] == 0

    listed = await client.get(f"/units/{BUREAU}/columns/{parent}/items", params={"size": 2})
    assert listed.status_code == 200, listed.text
    assert listed.json()["total"] == 3
    assert [i["id"] for i in listed.json()["items"]] == [both["id"], second["id"]]
    last = await client.get(
        f"/units/{BUREAU}/columns/{parent}/items", params={"size": 2, "page": 2}
    )
    assert [i["id"] for i in last.json()["items"]] == [first["id"]]
    # The items are the bureau's: the street's catalogue of the same column is empty.
    elsewhere = await client.get(f"/units/{STREET}/columns/{parent}/items")
    assert elsewhere.json()["total"] == 0


async def test_the_empty_columns_of_a_unit_are_listed_with_the_columns_above_them(
    client: AsyncClient,
) -> None:
    education = await column_id(client, "A20-11-02")
    await publish(client, education)
    empty = (await client.get(f"/units/{BUREAU}/columns/empty")).json()
    codes = [c["code"] for c in empty]
    assert "A20-11-02" not in codes and "A20-11" not in codes
    medical = next(c for c in empty if c["code"] == "A20-11-03")
    assert medical["path"] == ["扶贫、教育、医疗、社会保障、促进就业"]
    assert "A20-01" in codes and "X-GUIDE" in codes
    tree = (await client.get(f"/units/{BUREAU}/columns")).json()
    assert len(empty) == len(every(tree)) - 2


async def test_a_column_the_unit_does_not_show_is_not_found(client: AsyncClient) -> None:
    # Rural columns are hidden for streets (乡村振兴与扶贫).
    rural = await column_id(client, "A20-11-01")
    refused = await client.get(f"/units/{STREET}/columns/{rural}/items")
    assert refused.status_code == 404
    assert refused.json()["error"]["code"] == "column_not_found"
    assert (await client.get("/units/99999/columns/empty")).status_code == 404


async def test_the_home_page_reads_the_newest_items_of_every_unit_and_of_one_column(
    client: AsyncClient,
) -> None:
    education = await column_id(client, "A20-11-02")
    interpretations = await column_id(client, "X-POLICY-INTERP")
    notices = await column_id(client, "X-NOTICES")
    older = await publish(client, education, title="锦华区教育局2026年工作要点")
    notice = await publish(client, notices, title="锦华区教育局关于寒假安全工作的通知")
    reading = await publish(client, interpretations, title="《锦华区学前教育办法》政策解读")

    latest = await client.get("/feed/latest", params={"size": 2})
    assert latest.status_code == 200, latest.text
    assert latest.json()["total"] == 3
    assert [i["id"] for i in latest.json()["items"]] == [reading["id"], notice["id"]]
    assert latest.headers["cache-control"] == "public, max-age=60"

    only_notices = (await client.get("/feed/latest", params={"column": "X-NOTICES"})).json()
    assert [i["id"] for i in only_notices["items"]] == [notice["id"]]
    # 第二十条第十一项 includes 教育 below it.
    article = (await client.get("/feed/latest", params={"column": "A20-11"})).json()
    assert [i["id"] for i in article["items"]] == [older["id"]]

    # A browser holding the page asks again with its ETag and is told nothing changed ...
    again = await client.get(
        "/feed/latest", params={"size": 2}, headers={"If-None-Match": latest.headers["etag"]}
    )
    assert again.status_code == 304
    # ... until something is published.
    newer = await publish(client, education, title="锦华区2026年秋季学期开学通知")
    changed = await client.get(
        "/feed/latest", params={"size": 2}, headers={"If-None-Match": latest.headers["etag"]}
    )
    assert changed.status_code == 200
    assert changed.json()["items"][0]["id"] == newer["id"]


async def test_an_unknown_column_code_is_refused_naming_the_parameter(
    client: AsyncClient,
) -> None:
    for code, status in (("X-NOPE", 422), ("x-guide", 422)):
        refused = await client.get("/feed/latest", params={"column": code})
        assert refused.status_code == status, code
        assert refused.json()["error"]["fields"][0]["field"].endswith("column")
