"""栏目调整: reorder, move, merge and split columns; items follow and old links resolve."""

from __future__ import annotations

from catalog_builders import BUREAU, OFFICE, PUBLISHER, add_test_district, column_id, publish
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession


async def test_merging_moves_the_items_and_the_old_link_resolves(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    source = await column_id(client, "A20-08")
    target = await column_id(client, "A20-15")
    items = [await publish(client, source) for _ in range(2)]
    merged = await client.post(
        f"/columns/{source}/merge", json={"into_column_id": target}, headers=OFFICE
    )
    assert merged.status_code == 200, merged.text
    assert merged.json()["moved"] == 2
    resolved = (await client.get(f"/columns/{source}")).json()
    assert resolved["column"]["id"] == target and resolved["merged"] is True
    tree = (await client.get(f"/units/{BUREAU}/columns")).json()
    assert source not in {node["id"] for node in tree}
    for item in items:
        assert (await client.get(f"/items/{item['id']}")).json()["column_id"] == target
    history = (await client.get(f"/items/{items[0]['id']}/history", headers=OFFICE)).json()
    assert "item.moved" in [e["action"] for e in history]


async def test_a_column_with_sub_columns_is_not_merged(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    parent = await column_id(client, "A20-01")
    target = await column_id(client, "A20-15")
    refused = await client.post(
        f"/columns/{parent}/merge", json={"into_column_id": target}, headers=OFFICE
    )
    assert refused.status_code == 409
    assert (await client.get(f"/columns/{parent}")).json()["merged"] is False


async def test_splitting_a_column_moves_the_chosen_items(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    school = await publish(client, column, title="锦华区2026年义务教育学校划片范围")
    aid = await publish(client, column, title="锦华区2026年学生资助政策")
    stays = await publish(client, column, title="锦华区2026年教育工作要点")
    split = await client.post(
        f"/columns/{column}/split",
        json={
            "parts": [
                {"name": "招生入学", "code": "A20-11-EDU-01", "item_ids": [school["id"]]},
                {"name": "学生资助", "code": "A20-11-EDU-02", "item_ids": [aid["id"]]},
            ]
        },
        headers=OFFICE,
    )
    assert split.status_code == 200, split.text
    new = {c["name"]: c["id"] for c in split.json()["columns"]}
    assert split.json()["moved"] == 2
    assert (await client.get(f"/items/{school['id']}")).json()["column_id"] == new["招生入学"]
    assert (await client.get(f"/items/{aid['id']}")).json()["column_id"] == new["学生资助"]
    assert (await client.get(f"/items/{stays['id']}")).json()["column_id"] == column


async def test_an_item_cannot_go_to_two_parts_and_nothing_is_created(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    item = await publish(client, column)
    refused = await client.post(
        f"/columns/{column}/split",
        json={
            "parts": [
                {"name": "甲栏目", "code": "SPLIT-A", "item_ids": [item["id"]]},
                {"name": "乙栏目", "code": "SPLIT-B", "item_ids": [item["id"]]},
            ]
        },
        headers=OFFICE,
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["fields"][0]["field"] == "parts.1.item_ids"
    codes = str((await client.get("/columns")).json())
    assert "SPLIT-A" not in codes


async def test_reorder_and_move_columns(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    parent = await column_id(client, "A20-01")
    child = await column_id(client, "A20-01-03")
    other = await column_id(client, "A20-15")
    moved = await client.patch(f"/columns/{child}", json={"parent_id": other}, headers=OFFICE)
    assert moved.status_code == 200
    tree = (await client.get("/columns")).json()
    under_other = next(n for n in tree if n["id"] == other)["children"]
    assert child in [c["id"] for c in under_other]
    cycle = await client.patch(f"/columns/{parent}", json={"parent_id": parent}, headers=OFFICE)
    assert cycle.status_code == 422
    first = tree[0]["id"]
    last = tree[-1]["id"]
    await client.patch(f"/columns/{last}", json={"sort_order": 0}, headers=OFFICE)
    await client.patch(f"/columns/{first}", json={"sort_order": 9000}, headers=OFFICE)
    reordered = (await client.get("/columns")).json()
    assert reordered[-1]["id"] == first
    assert (
        await client.patch(f"/columns/{first}", json={"sort_order": 1}, headers=PUBLISHER)
    ).status_code == 403
