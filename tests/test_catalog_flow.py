"""The catalogue's changes reach other systems: the harvest feed, and the push to the province."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import httpx
import pytest
from province_receiver import ProvinceReceiver
from stack import Stack
from support import eventually

ATOM = "{http://www.w3.org/2005/Atom}"
SERVICES = ("catalog", "applications", "hall", "reporting")
Login = Callable[[str], dict[str, str]]


def unit_id(gateway: httpx.Client, name: str) -> int:
    return int(next(u for u in gateway.get("/api/units").json() if u["name"] == name)["id"])


def column_id(gateway: httpx.Client, code: str) -> int:
    def find(nodes: list[dict[str, Any]]) -> int | None:
        for node in nodes:
            if node["code"] == code:
                return int(node["id"])
            found = find(node["children"])
            if found is not None:
                return found
        return None

    found = find(gateway.get("/api/catalog/columns").json())
    assert found is not None, code
    return found


def feed_end(gateway: httpx.Client) -> str:
    """The cursor after the last change so far (the demo data may have made some)."""
    cursor = "0"
    while True:
        page = gateway.get("/api/catalog/feed", params={"after": cursor, "limit": 500}).json()
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return str(cursor)


def publish(gateway: httpx.Client, login: Login, title: str) -> dict[str, Any]:
    """An item of 锦华区教育局 written by its publisher and approved by its reviewer."""
    bureau = unit_id(gateway, "锦华区教育局")
    publisher, reviewer = login("publisher"), login("reviewer")
    created = gateway.post(
        "/api/catalog/items",
        json={
            "unit_id": bureau,
            "column_id": column_id(gateway, "A20-11"),
            "title": title,
            "body_html": "<p>各学校：现将有关事项通知如下。</p>",
            "document_number": "锦教发〔2026〕30号",
            "formed_on": date.today().isoformat(),
        },
        headers=publisher,
    )
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    submitted = gateway.post(f"/api/catalog/items/{item_id}/submit", headers=publisher)
    assert submitted.status_code == 200, submitted.text
    reviewed = gateway.post(
        f"/api/catalog/items/{item_id}/review",
        json={"decision": "approve", "confidentiality_checked": True, "attribute_checked": True},
        headers=reviewer,
    )
    assert reviewed.status_code == 200, reviewed.text
    return dict(reviewed.json())


def changes_after(gateway: httpx.Client, cursor: str) -> list[dict[str, Any]]:
    page = gateway.get("/api/catalog/feed", params={"after": cursor, "limit": 500})
    assert page.status_code == 200, page.text
    return list(page.json()["entries"])


@pytest.fixture
def receiver(stack: Stack, province_port: int, tmp_path: Path) -> Iterator[ProvinceReceiver]:
    """The provincial platform's receiver, running on the port the catalog pushes to."""
    province = ProvinceReceiver(province_port, tmp_path / "province.db")
    province.start()
    try:
        yield province
    finally:
        province.stop()


def settle(gateway: httpx.Client, login: Login) -> dict[str, str]:
    """Wait until no component has a message left to send; returns the ops admin's headers.

    On SQLite (the stack's default) a write that overlaps an outbox worker's write fails with
    "database is locked" instead of waiting its turn, so a test's own writes (logging in is
    one) must not race the deliveries still going on from the start-up or from earlier tests.
    The gateway sends the units in order: once every service has the last one, logging in is
    safe, and the admin can see what else waits.
    """
    last = max(int(u["id"]) for u in gateway.get("/api/units").json())
    assert eventually(
        lambda: all(gateway.get(f"/api/{s}/org/units/{last}").status_code == 200 for s in SERVICES),
        timeout=60,
    )
    admin = login("admin")

    def quiet() -> bool:
        paths = ["/api/outbox/summary", *(f"/api/{s}/outbox/summary" for s in SERVICES)]
        return all(gateway.get(p, headers=admin).json()["pending"] == 0 for p in paths)

    assert eventually(quiet, timeout=60)
    return admin


def test_an_approved_item_appears_in_the_harvest_feed(
    gateway: httpx.Client, login: Login, receiver: ProvinceReceiver
) -> None:
    settle(gateway, login)
    before = feed_end(gateway)
    item = publish(gateway, login, "锦华区教育局关于做好2026年秋季开学工作的通知 <第1号>")

    entries = changes_after(gateway, before)
    mine = [e for e in entries if e["item_id"] == item["id"]]
    assert [e["kind"] for e in mine] == ["published"]
    assert mine[0]["item"]["title"] == item["title"]
    assert mine[0]["item"]["index_number"] == item["index_number"]
    assert mine[0]["item"]["url"] == f"/items/{item['id']}"
    assert all(int(e["seq"]) > int(before) for e in entries)

    atom = gateway.get("/api/catalog/feed.atom")
    assert atom.headers["content-type"].startswith("application/atom+xml")
    titles = [e.findtext(f"{ATOM}title") for e in ET.fromstring(atom.content).iter(f"{ATOM}entry")]
    assert item["title"] in titles


def test_a_change_published_while_the_province_is_down_reaches_it_once(
    gateway: httpx.Client, login: Login, receiver: ProvinceReceiver
) -> None:
    admin = settle(gateway, login)
    receiver.stop()
    before = feed_end(gateway)
    item = publish(gateway, login, "锦华区教育局关于中小学课后服务收费标准的公告")
    (entry,) = [e for e in changes_after(gateway, before) if e["item_id"] == item["id"]]
    key = f"catalog-change-{entry['seq']}"

    # The province is down: the push waits in the outbox with the error, it is not dropped.
    def failed_and_waiting() -> bool:
        pending = gateway.get("/api/catalog/outbox/pending", headers=admin).json()
        return any(m["key"] == key and m["attempts"] >= 1 and m["last_error"] for m in pending)

    assert eventually(failed_and_waiting, timeout=10)

    receiver.start()

    def held() -> list[dict[str, Any]]:
        return [m for m in receiver.received() if m["key"] == key]

    assert eventually(lambda: len(held()) == 1)
    (message,) = held()
    assert message["payload"]["seq"] == entry["seq"]
    assert message["payload"]["kind"] == "published"
    assert message["payload"]["item"]["id"] == item["id"]
    assert message["payload"]["item"]["title"] == item["title"]

    receiver.stop()
    receiver.start()
    assert len(held()) == 1
