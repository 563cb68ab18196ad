"""Ids are bounded where they enter: a 20-digit id is the caller's mistake, answered 422 with the
field named, never a 500 from the database driver."""

from __future__ import annotations

import pytest
from applications_builders import HANDLER, add_test_district, applicant, question, registered
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

HUGE = "12345678901234567890"

PATHS = [
    ("GET", f"/applications/{HUGE}", "path.application_id"),
    ("GET", f"/applications/{HUGE}/history", "path.application_id"),
    ("GET", f"/applications/{HUGE}/remedies", "path.application_id"),
    ("GET", f"/applications/{HUGE}/letter.pdf", "path.application_id"),
    ("POST", f"/applications/{{id}}/opinions/{HUGE}/answer", "path.opinion_id"),
    ("PATCH", f"/applications/remedies/{HUGE}", "path.remedy_id"),
    ("GET", f"/applications?unit_id={HUGE}", "query.unit_id"),
    ("GET", f"/inquiries/{HUGE}", "path.inquiry_id"),
    ("GET", f"/inquiries/{HUGE}/public?token=ABCDEFGH", "path.inquiry_id"),
    ("POST", f"/inquiries/{HUGE}/satisfaction", "path.inquiry_id"),
    ("GET", f"/inquiries?unit_id={HUGE}", "query.unit_id"),
    ("GET", f"/stats/units/{HUGE}/applications?year=2026", "path.unit_id"),
    ("GET", "/applications/0", "path.application_id"),
]


@pytest.mark.parametrize(("method", "path", "field"), PATHS)
async def test_an_id_out_of_range_is_named(
    client: AsyncClient, session: AsyncSession, method: str, path: str, field: str
) -> None:
    await add_test_district(session)
    app = await registered(client)  # a path's other ids lead somewhere
    answer = await client.request(method, path.format(id=app["id"]), headers=HANDLER, json={})
    assert answer.status_code == 422, answer.text
    assert field in [f["field"] for f in answer.json()["error"]["fields"]]


async def test_ids_in_bodies_are_bounded(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    applied = await client.post("/applications", json=applicant(unit_id=int(HUGE)))
    assert applied.status_code == 422
    assert applied.json()["error"]["fields"][0]["field"] == "body.unit_id"
    asked = await client.post("/inquiries", json=question(unit_id=int(HUGE)))
    assert asked.status_code == 422
    assert asked.json()["error"]["fields"][0]["field"] == "body.unit_id"
    app = await registered(client)
    decided = await client.post(
        f"/applications/{app['id']}/decision",
        json={"outcome": "disclosed", "linked_item_ids": [1, int(HUGE)]},
        headers=HANDLER,
    )
    assert decided.status_code == 422
    assert decided.json()["error"]["fields"][0]["field"] == "body.linked_item_ids.1"
