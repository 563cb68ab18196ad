"""An application answered by pointing to the catalogue: applications → catalog over HTTP."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

import httpx
from support import eventually
from test_platform import unit_by_name

APPROVE = {"decision": "approve", "confidentiality_checked": True, "attribute_checked": True}


def published_item(
    gateway: httpx.Client, login: Callable[[str], dict[str, str]], unit_id: int, title: str
) -> dict:
    tree = gateway.get(f"/api/catalog/units/{unit_id}/columns").json()
    column = next(n for n in tree if n["code"] == "A20-11")["id"]
    body = {
        "unit_id": unit_id,
        "column_id": column,
        "title": title,
        "formed_on": date.today().isoformat(),
    }
    publisher = login("publisher")
    made = gateway.post("/api/catalog/items", json=body, headers=publisher)
    assert made.status_code == 201, made.text
    item = made.json()
    gateway.post(f"/api/catalog/items/{item['id']}/submit", headers=publisher)
    reviewed = gateway.post(
        f"/api/catalog/items/{item['id']}/review", json=APPROVE, headers=login("reviewer")
    )
    assert reviewed.status_code == 200, reviewed.text
    return dict(reviewed.json())


def test_a_reply_links_an_item_the_catalog_has_published(
    gateway: httpx.Client, login: Callable[[str], dict[str, str]]
) -> None:
    bureau = unit_by_name(gateway, "锦华区教育局")
    assert eventually(
        lambda: gateway.get(f"/api/applications/org/units/{bureau['id']}").status_code == 200
    )
    stamp = int(time.time())
    item = published_item(gateway, login, bureau["id"], f"锦华区2026年学区划分方案（{stamp}）")
    draft = gateway.post(
        "/api/catalog/items",
        json={
            "unit_id": bureau["id"],
            "column_id": item["column_id"],
            "title": f"未发布的草稿（{stamp}）",
            "formed_on": date.today().isoformat(),
        },
        headers=login("publisher"),
    ).json()

    handler = login("edu_handler")
    application = {
        "unit_id": bureau["id"],
        "applicant_type": "legal_person",
        "organisation_kind": "legal_service",
        "organisation_name": "锦华律师事务所",
        "applicant_name": "王律师",
        "id_type": "统一社会信用代码",
        "id_number": "31510000MD0123456X",
        "phone": "028-86001234",
        "email": "office@jinhua-law.example.cn",
        "description": f"锦华区2026年学区划分方案（{stamp}）",
        "form": "electronic",
        "channel": "in_person",
        "submitted_on": date.today().isoformat(),
    }
    made = gateway.post(
        "/api/applications/applications/registered", json=application, headers=handler
    )
    assert made.status_code == 201, made.text
    inbox = gateway.get(
        "/api/applications/applications", params={"size": 100}, headers=handler
    ).json()
    app_id = next(
        r["id"] for r in inbox["items"] if r["tracking_number"] == made.json()["tracking_number"]
    )

    to_draft = gateway.post(
        f"/api/applications/applications/{app_id}/decision",
        json={"outcome": "disclosed", "linked_item_ids": [draft["id"]]},
        headers=handler,
    )
    assert to_draft.status_code == 422
    assert to_draft.json()["error"]["fields"][0]["field"] == "linked_item_ids.0"

    decided = gateway.post(
        f"/api/applications/applications/{app_id}/decision",
        json={"outcome": "disclosed", "linked_item_ids": [item["id"]]},
        headers=handler,
    )
    assert decided.status_code == 200, decided.text
    assert decided.json()["linked_item_ids"] == [item["id"]]
    assert decided.json()["outcome_label"] == "予以公开"
