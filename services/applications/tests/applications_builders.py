"""Builders shared by the applications service's tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from httpx import AsyncClient

from sunshine_kit.calendar.days import today
from sunshine_kit.testing import (  # noqa: F401 (the test district, for the tests to import here)
    BUREAU,
    DISTRICT,
    OTHER_STREET,
    STREET,
    add_test_district,
    auth,
)

HANDLER = auth("application_handler", unit_id=BUREAU, username="zhouting")
OTHER_HANDLER = auth("application_handler", unit_id=BUREAU, username="liuyang")
OFFICE = auth("office", unit_id=DISTRICT, username="wangmin")
STREET_HANDLER = auth("application_handler", unit_id=STREET, username="sunlei")
# A valid GB 11643 number (check character computed, not a real person's).
ID_NUMBER = "11010519491231002X"


def applicant(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "unit_id": BUREAU,
        "applicant_type": "natural_person",
        "applicant_name": "陈晓明",
        "id_type": "居民身份证",
        "id_number": ID_NUMBER,
        "phone": "13812345678",
        "email": "chenxm@example.cn",
        "address": "锦华区东湖路18号",
        "description": "锦华区2026年义务教育阶段学校划片范围及其确定依据",
        "purpose": "了解子女入学片区",
        "form": "electronic",
    }
    body.update(overrides)
    return body


def question(**overrides: Any) -> dict[str, Any]:
    """A consultation as someone asks it on the portal."""
    body: dict[str, Any] = {
        "unit_id": BUREAU,
        "kind": "consultation",
        "subject": "小学入学需要哪些材料",
        "content": "孩子今年秋季入学，请问需要准备哪些材料，到哪里办理？",
        "asker_name": "李华",
        "asker_contact": "13987654321",
    }
    body.update(overrides)
    return body


async def registered(
    client: AsyncClient, received_on: str = "2026-02-13", **overrides: Any
) -> dict[str, Any]:
    """An application handed in at the counter on `received_on`, assigned to zhouting."""
    body = {**applicant(**overrides), "channel": "in_person", "submitted_on": received_on}
    made = await client.post("/applications/registered", json=body, headers=HANDLER)
    assert made.status_code == 201, made.text
    inbox = (
        await client.get("/applications", params={"include_closed": True}, headers=HANDLER)
    ).json()
    app_id = next(
        row["id"]
        for row in inbox["items"]
        if row["tracking_number"] == made.json()["tracking_number"]
    )
    assigned = await client.post(
        f"/applications/{app_id}/assign", json={"handler": "zhouting"}, headers=HANDLER
    )
    assert assigned.status_code == 200, assigned.text
    return {**assigned.json(), "query_code": made.json()["query_code"]}


def days_from_today(days: int) -> str:
    """A date counted from today in Beijing, as the API takes it."""
    return (today() + timedelta(days=days)).isoformat()


# How an in-person application received yesterday (its supplement notice still in time)
# is brought to each state: the steps.
_TO_STATE: dict[str, list[tuple[str, dict[str, Any]]]] = {
    "in_progress": [],
    "awaiting_supplement": [
        (
            "supplement-request",
            {
                "requested_on": days_from_today(-1),
                "request": "请明确所需信息的学年及学校名称",
                "due_on": days_from_today(15),
            },
        )
    ],
    "awaiting_explanation": [
        (
            "explanation-request",
            {
                "requested_on": days_from_today(-1),
                "request": "一年内就同一事项提出申请三十余次，请说明理由",
            },
        )
    ],
    "consulting": [
        ("opinions", {"kind": "agency", "party": "锦华区财政局", "asked_on": days_from_today(-1)})
    ],
    "awaiting_fee": [
        (
            "fee-notice",
            {"fee_fen": 10_000, "notified_on": days_from_today(-1), "due_on": days_from_today(15)},
        )
    ],
    "decided": [("decision", {"outcome": "disclosed"})],
    "closed": [
        ("decision", {"outcome": "disclosed"}),
        ("reply", {"replied_on": days_from_today(0)}),
    ],
}


async def application_in(client: AsyncClient, status: str) -> dict[str, Any]:
    """An application of the bureau in `status` as zhouting sees it, with its query code,
    brought there through the API: applied online when awaiting receipt, else handed in
    yesterday."""
    if status == "awaiting_receipt":
        made = await client.post("/applications", json=applicant())
        assert made.status_code == 201, made.text
        inbox = (await client.get("/applications", headers=HANDLER)).json()
        app_id = next(
            row["id"]
            for row in inbox["items"]
            if row["tracking_number"] == made.json()["tracking_number"]
        )
        seen = await client.get(f"/applications/{app_id}", headers=HANDLER)
        return {**seen.json(), "query_code": made.json()["query_code"]}
    app = await registered(client, received_on=days_from_today(-1))
    for step, body in _TO_STATE[status]:
        taken = await client.post(f"/applications/{app['id']}/{step}", json=body, headers=HANDLER)
        assert taken.status_code == 200, taken.text
        app = {**taken.json(), "query_code": app["query_code"]}
    assert app["status"] == status
    return app
