"""Ids, years and cursors past what the database holds are the caller's mistake: 422 naming the
field, never an overflow inside the driver answered 500 (finding: bounded ids)."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from catalog_builders import OFFICE, PUBLISHER, add_test_district, column_id, item_body
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.testing import auth

HUGE = "99999999999999999999"  # 20 digits
HALL = auth("service", username="applications", unit_id=None)


def _cursor(order: str, key: list[Any]) -> str:
    raw = json.dumps({"o": order, "k": key}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _field(response: Any) -> str:
    assert response.status_code == 422, response.text
    return str(response.json()["error"]["fields"][0]["field"])


@pytest.mark.parametrize(
    ("method", "path", "field"),
    [
        ("GET", f"/items/{HUGE}", "path.item_id"),
        ("GET", f"/items/{HUGE}/attachments", "path.item_id"),
        ("POST", f"/items/{HUGE}/submit", "path.item_id"),
        ("GET", f"/units/{HUGE}/columns", "path.unit_id"),
        ("GET", f"/units/{HUGE}/items", "path.unit_id"),
        ("GET", f"/units/{HUGE}/deadlines", "path.unit_id"),
        ("GET", f"/columns/{HUGE}", "path.column_id"),
        ("PATCH", f"/columns/{HUGE}", "path.column_id"),
        ("PUT", f"/units/1/columns/{HUGE}/setting", "path.column_id"),
        ("GET", f"/attachments/{HUGE}/download", "path.attachment_id"),
        ("DELETE", f"/attachments/{HUGE}", "path.attachment_id"),
        ("POST", f"/proposals/{HUGE}/accept", "path.proposal_id"),
        ("GET", f"/units/{HUGE}/proposals", "path.unit_id"),
        ("GET", f"/stats/units/{HUGE}/catalogue", "path.unit_id"),
        ("GET", f"/items?column_id={HUGE}", "query.column_id"),
        ("GET", f"/items?unit_id={HUGE}", "query.unit_id"),
        ("GET", f"/units/1/items?column_id={HUGE}", "query.column_id"),
        ("GET", f"/search?q=教育&unit_id={HUGE}", "query.unit_id"),
        ("GET", f"/search?q=教育&column_id={HUGE}", "query.column_id"),
        ("GET", "/search?q=教育&year=9999", "query.year"),
        ("GET", f"/feed?unit_id={HUGE}", "query.unit_id"),
        ("GET", f"/feed.atom?unit_id={HUGE}", "query.unit_id"),
        ("GET", "/units/3/deadlines?today=9999-01-01", "query.today"),
    ],
)
async def test_an_id_past_the_database_is_answered_422_naming_it(
    client: AsyncClient, session: AsyncSession, method: str, path: str, field: str
) -> None:
    await add_test_district(session)
    body = {"decision": "approve"} if method != "GET" else None
    response = await client.request(method, path, json=body, headers=OFFICE)
    assert _field(response) == field


async def test_ids_in_bodies_are_bounded_too(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    huge = int(HUGE)
    for overrides, field in (
        ({"column_id": huge}, "body.column_id"),
        ({"unit_id": huge}, "body.unit_id"),
        ({"also_in_columns": [column, huge]}, "body.also_in_columns.1"),
        ({"interprets_id": huge}, "body.interprets_id"),
        ({"formed_on": "9999-12-31"}, "body.formed_on"),
    ):
        body = item_body(column, **overrides)
        assert _field(await client.post("/items", json=body, headers=PUBLISHER)) == field
    draft = (await client.post("/items", json=item_body(column), headers=PUBLISHER)).json()
    refused = await client.patch(
        f"/items/{draft['id']}", json={"column_id": huge}, headers=PUBLISHER
    )
    assert _field(refused) == "body.column_id"
    for path, body, field in (
        ("/items/move", {"from_column_id": column, "to_column_id": huge}, "body.to_column_id"),
        (
            "/items/move",
            {"from_column_id": column, "to_column_id": column + 1, "item_ids": [huge]},
            "body.item_ids.0",
        ),
        (f"/columns/{column}/merge", {"into_column_id": huge}, "body.into_column_id"),
        ("/columns", {"name": "新栏目", "code": "X-NEW", "parent_id": huge}, "body.parent_id"),
    ):
        assert _field(await client.post(path, json=body, headers=OFFICE)) == field
    proposal = {"unit_id": huge, "description": "学区划分", "application_count": 3}
    refused = await client.post(
        "/proposals",
        json={**proposal, "tracking_numbers": []},
        headers={**HALL, "Idempotency-Key": "application-0001"},
    )
    assert _field(refused) == "body.unit_id"


async def test_a_made_up_search_cursor_is_refused(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    for order, key in (
        ("relevance", [1, "2026-08-03T00:00:00+00:00", int(HUGE)]),
        ("relevance", [int(HUGE), "2026-08-03T00:00:00+00:00", 1]),
        ("relevance", [1, "2026-08-03T00:00:00", 1]),
        ("date", [int(HUGE) * 10**20]),
        ("date", [-1]),
    ):
        refused = await client.get(
            "/search", params={"q": "教育", "order": order, "cursor": _cursor(order, key)}
        )
        assert _field(refused) == "cursor"
