"""A 行政许可 decided at a window reaches the catalogue's 双公示 column through the outbox; the
applicant rates the completed case badly and the supervisors see its follow-up (the real
platform: gateway, hall and catalog running, the demo district loaded)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
from support import eventually

Login = Callable[[str], dict[str, str]]
COMPANY = "锦华区星辰培训学校有限公司"


def _column(nodes: list[dict[str, Any]], code: str) -> dict[str, Any] | None:
    for node in nodes:
        if node["code"] == code:
            return node
        found = _column(node.get("children", []), code)
        if found is not None:
            return found
    return None


def test_a_granted_licence_is_published_and_a_bad_rating_followed_up(
    gateway: httpx.Client, login: Login
) -> None:
    clerk, supervisor = login("clerk"), login("supervisor")
    assert eventually(lambda: bool(gateway.get("/api/hall/windows/mine", headers=clerk).json()), 60)
    (window,) = [w for w in gateway.get("/api/hall/windows/mine", headers=clerk).json()][:1]
    found = gateway.get("/api/hall/guide/items", params={"q": "民办学校设立审批"}).json()
    item = next(i for i in found["items"] if i["name"] == "民办学校设立审批")

    received = gateway.post(
        "/api/hall/cases",
        json={
            "window_id": window["id"],
            "item_id": item["id"],
            "applicant_type": "legal_person",
            "applicant_name": COMPANY,
            "applicant_id_number": "91510199MA6CXXXX7K",
        },
        headers=clerk,
    )
    assert received.status_code == 201, received.text
    case = received.json()
    for step, body in (("accept", None), ("decide", {"decision": "granted"})):
        answer = gateway.post(f"/api/hall/cases/{case['id']}/{step}", json=body, headers=clerk)
        assert answer.status_code == 200, answer.text

    columns = gateway.get(f"/api/catalog/units/{item['unit_id']}/columns").json()
    column = _column(columns, "X-DOUBLE-PUBLICITY-01")
    assert column is not None
    title = f"行政许可决定：民办学校设立审批（{COMPANY}）"

    def published() -> bool:
        page = gateway.get(
            f"/api/catalog/units/{item['unit_id']}/items",
            params={"column_id": column["id"], "size": 100},
        ).json()
        return any(i["title"] == title for i in page["items"])

    assert eventually(published, 60)

    completed = gateway.post(f"/api/hall/cases/{case['id']}/complete", json={}, headers=clerk)
    assert completed.status_code == 200, completed.text
    rated = gateway.post(
        "/api/hall/ratings",
        json={
            "number": case["number"],
            "code": case["query_code"],
            "level": 5,
            "comment": "跑了三趟",
        },
    )
    assert rated.status_code == 201, rated.text
    follow_ups = gateway.get(
        "/api/hall/ratings/follow-ups", params={"status": "open", "size": 100}, headers=supervisor
    ).json()
    mine = [f for f in follow_ups["items"] if f["case_number"] == case["number"]]
    assert [(f["level_label"], f["comment"]) for f in mine] == [("非常不满意", "跑了三趟")]
