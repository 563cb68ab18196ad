"""The change feed other systems harvest: cursor paging, Atom and RSS, the push to the province."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from catalog_builders import (
    BUREAU,
    OFFICE,
    PUBLISHER,
    REVIEWER,
    STREET,
    STREET_PUBLISHER,
    add_test_district,
    column_id,
    item_body,
    publish,
)
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.outbox.models import OutboxMessage

ATOM = "{http://www.w3.org/2005/Atom}"
PROVINCE = "https://province.example.gov.cn/harvest"
APPROVE = {"decision": "approve", "confidentiality_checked": True, "attribute_checked": True}


async def harvest(client: AsyncClient, after: str = "0", **params: Any) -> list[dict[str, Any]]:
    """Every entry after the cursor, read page by page as a harvester does."""
    entries: list[dict[str, Any]] = []
    while True:
        page = await client.get("/feed", params={"after": after, **params})
        assert page.status_code == 200, page.text
        body = page.json()
        entries += body["entries"]
        assert body["next_cursor"] == (str(entries[-1]["seq"]) if entries else after)
        after = body["next_cursor"]
        if not body["has_more"]:
            return entries


async def a_life_of_changes(client: AsyncClient) -> dict[str, dict[str, Any]]:
    """Five items through publication, withdrawal, repeal and a column migration."""
    source = await column_id(client, "A20-11")
    target = await column_id(client, "A20-15")
    notice = await publish(client, source, title="关于秋季学期招生入学的通知")
    mistaken = await publish(
        client, source, title="错发的通知", body_html="<p>内部电话：13800000000</p>"
    )
    old = await publish(client, source, title="校外培训机构管理办法", document_type="normative")
    new = await publish(client, source, title="校外培训机构管理办法（2026年修订）")
    withdrawn = await client.post(
        f"/items/{mistaken['id']}/withdraw", json={"reason": "误发，撤回"}, headers=REVIEWER
    )
    assert withdrawn.status_code == 200, withdrawn.text
    repealed = await client.post(
        f"/items/{old['id']}/validity",
        json={"validity": "repealed", "changed_on": "2026-09-01", "replaced_by_id": new["id"]},
        headers=PUBLISHER,
    )
    assert repealed.status_code == 200, repealed.text
    moved = await client.post(
        "/items/move",
        json={
            "from_column_id": source,
            "to_column_id": target,
            "unit_id": BUREAU,
            "item_ids": [notice["id"]],
        },
        headers=OFFICE,
    )
    assert moved.json() == {"moved": 1}
    return {"notice": notice, "mistaken": mistaken, "old": old, "new": new}


async def test_the_feed_lists_every_change_in_order_with_its_kind(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    start = (await client.get("/feed")).json()["next_cursor"]
    items = await a_life_of_changes(client)
    ids = {name: item["id"] for name, item in items.items()}
    entries = await harvest(client, start)
    assert [(e["kind"], e["item_id"]) for e in entries] == [
        ("published", ids["notice"]),
        ("published", ids["mistaken"]),
        ("published", ids["old"]),
        ("published", ids["new"]),
        ("withdrawn", ids["mistaken"]),
        ("validity_changed", ids["old"]),
        ("moved", ids["notice"]),
    ]
    seqs = [e["seq"] for e in entries]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)

    withdrawn = entries[4]["item"]
    assert withdrawn["status"] == "withdrawn"
    assert withdrawn["title"] == "错发的通知"
    assert withdrawn["index_number"] == items["mistaken"]["index_number"]
    assert withdrawn["url"] == f"/items/{ids['mistaken']}"
    # The withdrawn text leaves the feed with the item, in this entry and in its earlier one.
    assert "13800000000" not in (await client.get("/feed", params={"after": start})).text

    repealed = entries[5]["item"]
    assert (repealed["validity"], repealed["validity_changed_on"]) == ("repealed", "2026-09-01")
    assert repealed["replaced_by_id"] == ids["new"]
    assert repealed["document_type"] == "normative"
    assert entries[6]["item"]["column_id"] == await column_id(client, "A20-15")
    assert entries[0]["item"]["published_at"] is not None
    assert entries[0]["unit_id"] == BUREAU


async def test_paging_from_any_cursor_returns_each_entry_once(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    await a_life_of_changes(client)
    everything = await harvest(client, "0", limit=500)
    assert len(everything) >= 7

    paged = await harvest(client, "0", limit=2)
    assert paged == everything

    middle = str(everything[2]["seq"])
    assert await harvest(client, middle, limit=2) == everything[3:]

    end = str(everything[-1]["seq"])
    last = (await client.get("/feed", params={"after": end})).json()
    assert last == {"entries": [], "next_cursor": end, "has_more": False}


async def test_a_bad_cursor_or_limit_is_refused_naming_the_parameter(client: AsyncClient) -> None:
    for bad in ("abc", "-1", "1.5", "99999999999"):
        refused = await client.get("/feed", params={"after": bad})
        assert refused.status_code == 422, bad
        assert refused.json()["error"]["fields"][0]["field"] == "after"
    too_many = await client.get("/feed", params={"limit": 501})
    assert too_many.status_code == 422
    assert too_many.json()["error"]["fields"][0]["field"] == "query.limit"


async def test_the_feed_of_one_unit(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    start = (await client.get("/feed")).json()["next_cursor"]
    bureau_item = await publish(client, column, title="教育局的通知")
    created = await client.post(
        "/items",
        json=item_body(column, unit_id=STREET, title="东湖街道的通知"),
        headers=STREET_PUBLISHER,
    )
    street_id = created.json()["id"]
    assert (
        await client.post(f"/items/{street_id}/submit", headers=STREET_PUBLISHER)
    ).status_code == 200
    reviewed = await client.post(f"/items/{street_id}/review", json=APPROVE, headers=OFFICE)
    assert reviewed.status_code == 200, reviewed.text

    street = await harvest(client, start, unit_id=STREET)
    assert [e["item"]["title"] for e in street] == ["东湖街道的通知"]
    bureau = await harvest(client, start, unit_id=BUREAU)
    assert [e["item_id"] for e in bureau] == [bureau_item["id"]]
    # The district's feed with the units below it has both, in the order they were published.
    district = await harvest(client, start, unit_id=1, below="true")
    assert [e["item_id"] for e in district] == [bureau_item["id"], street_id]
    assert await harvest(client, start, unit_id=1) == []
    assert (await client.get("/feed", params={"unit_id": 999})).status_code == 404


async def test_atom_and_rss_for_feed_readers_escape_the_titles(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    title = "关于<招生>入学 & “划片” 的通知]]></title>"
    item = await publish(client, column, title=title)
    withdrawn = await client.post(
        f"/items/{item['id']}/withdraw", json={"reason": "内容有误"}, headers=REVIEWER
    )
    assert withdrawn.status_code == 200

    atom = await client.get("/feed.atom")
    assert atom.status_code == 200
    assert atom.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(atom.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    # Newest first: the withdrawal, then the publication.
    assert entries[0].findtext(f"{ATOM}title") == f"【撤回】{title}"
    assert entries[1].findtext(f"{ATOM}title") == title
    link = entries[1].find(f"{ATOM}link")
    assert link is not None and link.get("href") == f"/items/{item['id']}"
    assert item["index_number"] in (entries[1].findtext(f"{ATOM}summary") or "")
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == len(entries)

    rss = await client.get("/feed.rss", params={"unit_id": BUREAU})
    assert rss.status_code == 200
    assert rss.headers["content-type"].startswith("application/rss+xml")
    channel = ET.fromstring(rss.content).find("channel")
    assert channel is not None
    assert channel.findtext("title") == "锦华区教育局 · 政府信息公开目录更新"
    rss_items = channel.findall("item")
    assert [i.findtext("title") for i in rss_items[:2]] == [f"【撤回】{title}", title]
    assert rss_items[1].findtext("link") == f"/items/{item['id']}"

    # A control character pasted into a title is dropped rather than breaking the feed.
    await publish(client, column, title="关于\x01春季招生的通知")
    feed = ET.fromstring((await client.get("/feed.atom")).content)
    assert feed.findtext(f"{ATOM}entry/{ATOM}title") == "关于春季招生的通知"


async def test_the_reader_feeds_hold_the_latest_fifty_changes(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    for number in range(26):
        item = await publish(client, column, title=f"第{number}号通知")
        await client.post(
            f"/items/{item['id']}/withdraw", json={"reason": "内容有误"}, headers=REVIEWER
        )
    entries = ET.fromstring((await client.get("/feed.atom")).content).findall(f"{ATOM}entry")
    assert len(entries) == 50
    assert entries[0].findtext(f"{ATOM}title") == "【撤回】第25号通知"


@pytest.fixture
async def pushing(app: FastAPI) -> AsyncIterator[None]:
    """The app configured to push every change to the provincial platform."""
    settings = app.state.settings
    app.state.settings = settings.model_copy(update={"province_push_url": PROVINCE})
    try:
        yield
    finally:
        app.state.settings = settings


async def test_each_change_is_queued_once_for_the_province(
    client: AsyncClient, session: AsyncSession, pushing: None
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    start = (await client.get("/feed")).json()["next_cursor"]
    first = await publish(client, column, title="第一份通知")
    second = await publish(client, column, title="第二份通知")
    await client.post(f"/items/{first['id']}/withdraw", json={"reason": "误发"}, headers=REVIEWER)

    entries = await harvest(client, start)
    messages = (
        await session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.destination == PROVINCE)
            .order_by(OutboxMessage.id)
        )
    ).all()
    assert [m.key for m in messages] == [f"catalog-change-{e['seq']}" for e in entries]
    assert [(m.payload["kind"], m.payload["item"]["id"]) for m in messages] == [
        ("published", first["id"]),
        ("published", second["id"]),
        ("withdrawn", first["id"]),
    ]
    assert [m.payload["seq"] for m in messages] == [e["seq"] for e in entries]
    assert all(m.method == "POST" and m.status == "pending" for m in messages)
