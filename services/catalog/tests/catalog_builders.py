"""Builders shared by the catalog service's tests: the demo-like district and items in it."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from sunshine_kit.testing import (  # noqa: F401 (the test district, for the tests to import here)
    BUREAU,
    DISTRICT,
    OTHER_STREET,
    STREET,
    add_test_district,
    auth,
)

PUBLISHER = auth("publisher", unit_id=BUREAU, username="zhangli")
REVIEWER = auth("reviewer", unit_id=BUREAU, username="chengang")
OFFICE = auth("office", unit_id=DISTRICT, username="wangmin")
STREET_PUBLISHER = auth("publisher", unit_id=STREET, username="sunlei")
APPROVE = {"decision": "approve", "confidentiality_checked": True, "attribute_checked": True}


async def column_id(client: AsyncClient, code: str) -> int:
    def find(nodes: list[dict[str, Any]]) -> int | None:
        for node in nodes:
            if node["code"] == code:
                return int(node["id"])
            found = find(node["children"])
            if found is not None:
                return found
        return None

    found = find((await client.get("/columns")).json())
    assert found is not None, code
    return found


def item_body(column: int, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "unit_id": BUREAU,
        "column_id": column,
        "title": "锦华区教育局关于2026年秋季学期义务教育招生入学工作的通知",
        "body_html": "<p>各街道、各学校：现将2026年秋季学期义务教育招生入学工作通知如下。</p>",
        "document_number": "锦教发〔2026〕12号",
        "formed_on": "2026-08-03",
        "keywords": "招生 入学 义务教育",
        "topic": "教育",
    }
    body.update(overrides)
    return body


async def publish(client: AsyncClient, column: int, **overrides: Any) -> dict[str, Any]:
    """An item taken through the whole review: created, submitted, approved."""
    created = await client.post("/items", json=item_body(column, **overrides), headers=PUBLISHER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    assert (await client.post(f"/items/{item_id}/submit", headers=PUBLISHER)).status_code == 200
    reviewed = await client.post(
        f"/items/{item_id}/review",
        json={"decision": "approve", "confidentiality_checked": True, "attribute_checked": True},
        headers=REVIEWER,
    )
    assert reviewed.status_code == 200, reviewed.text
    return dict(reviewed.json())
