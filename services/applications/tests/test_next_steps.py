"""The staff view's `next_steps` and the steps' refusals come from the same preconditions: every
step listed is taken, every step not listed is refused."""

from __future__ import annotations

from typing import Any

import pytest
from applications_builders import (
    BUREAU,
    DISTRICT,
    HANDLER,
    add_test_district,
    application_in,
    days_from_today,
)
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.models import ApplicationStep
from sunshine_kit.ids import MAX_ID
from sunshine_kit.testing import auth

SUPERVISOR = auth("supervisor", unit_id=DISTRICT, username="jiancha")
PUBLISHER = auth("publisher", unit_id=BUREAU, username="zhangli")

EXPECTED = {
    "awaiting_receipt": ["receipt", "assign", "remedies"],
    "in_progress": [
        "supplement-request",
        "explanation-request",
        "opinions",
        "extension",
        "fee-notice",
        "decision",
        "assign",
        "remedies",
    ],
    # Once only: no second supplement notice; nothing decided while the applicant owes it.
    "awaiting_supplement": [
        "supplement-received",
        "extension",
        "fee-notice",
        "assign",
        "remedies",
    ],
    # Asked to explain (Art. 35): everything but a decision, until the explanation or its day.
    "awaiting_explanation": [
        "explanation-received",
        "supplement-request",
        "opinions",
        "extension",
        "fee-notice",
        "assign",
        "remedies",
    ],
    "consulting": [
        "opinion-answer",
        "supplement-request",
        "explanation-request",
        "opinions",
        "extension",
        "fee-notice",
        "assign",
        "remedies",
    ],
    "awaiting_fee": [
        "fee-paid",
        "supplement-request",
        "explanation-request",
        "opinions",
        "extension",
        "assign",
        "remedies",
    ],
    # A decision may still be changed, or the handling taken up again, until the reply.
    "decided": [
        "reply",
        "supplement-request",
        "explanation-request",
        "opinions",
        "extension",
        "fee-notice",
        "decision",
        "assign",
        "remedies",
    ],
    "closed": ["remedies"],
}


def request_for(step: ApplicationStep, app: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The path and a body that the step accepts whenever its preconditions hold."""
    today = days_from_today(0)
    base = f"/applications/{app['id']}"
    open_opinions = [o["id"] for o in app["opinions"] if o["answered_on"] is None]
    bodies: dict[ApplicationStep, dict[str, Any]] = {
        ApplicationStep.RECEIPT: {"received_on": today},
        ApplicationStep.ASSIGN: {"handler": "zhouting"},
        ApplicationStep.SUPPLEMENT_REQUEST: {
            "requested_on": today,
            "request": "请提供所需信息的具体名称",
            "due_on": days_from_today(15),
        },
        ApplicationStep.SUPPLEMENT_RECEIVED: {"received_on": today},
        ApplicationStep.EXPLANATION_REQUEST: {
            "requested_on": today,
            "request": "一年内就同一事项提出申请三十余次",
        },
        ApplicationStep.EXPLANATION_RECEIVED: {
            "received_on": today,
            "reasonable": True,
            "finding": "系课题研究需要",
        },
        ApplicationStep.OPINIONS: {"kind": "agency", "party": "锦华区财政局", "asked_on": today},
        ApplicationStep.OPINION_ANSWER: {"answered_on": today, "answer": "同意公开"},
        ApplicationStep.EXTENSION: {
            "working_days": 10,
            "approved_by": "李局长",
            "reason": "涉及多所学校档案",
            "notified_on": today,
        },
        ApplicationStep.FEE_NOTICE: {
            "fee_fen": 10_000,
            "notified_on": today,
            "due_on": days_from_today(15),
        },
        ApplicationStep.FEE_PAID: {"paid_on": today},
        ApplicationStep.DECISION: {"outcome": "disclosed"},
        ApplicationStep.REPLY: {"replied_on": today},
        ApplicationStep.REMEDIES: {"kind": "reconsideration", "filed_on": today},
    }
    if step == ApplicationStep.OPINION_ANSWER:
        # Without an open consultation, a valid id that is none of this application's.
        return f"{base}/opinions/{(open_opinions or [MAX_ID])[0]}/answer", bodies[step]
    return f"{base}/{step}", bodies[step]


@pytest.mark.parametrize("status", list(EXPECTED))
async def test_next_steps_are_exactly_the_steps_taken(
    client: AsyncClient, session: AsyncSession, status: str
) -> None:
    await add_test_district(session)
    app = await application_in(client, status)
    assert app["next_steps"] == EXPECTED[status]
    for step in ApplicationStep:
        if step in app["next_steps"]:
            fresh = await application_in(client, status)
            path, body = request_for(step, fresh)
            taken = await client.post(path, json=body, headers=HANDLER)
            assert taken.status_code in (200, 201), (status, step, taken.text)
        else:
            path, body = request_for(step, app)
            refused = await client.post(path, json=body, headers=HANDLER)
            no_opinion = step == ApplicationStep.OPINION_ANSWER and not app["opinions"]
            assert refused.status_code == (404 if no_opinion else 409), (status, step)
    unchanged = (await client.get(f"/applications/{app['id']}", headers=HANDLER)).json()
    assert unchanged["status"] == status and unchanged["next_steps"] == EXPECTED[status]


async def test_those_who_only_read_may_take_no_step(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await application_in(client, "in_progress")
    seen = await client.get(f"/applications/{app['id']}", headers=SUPERVISOR)
    assert seen.status_code == 200 and seen.json()["next_steps"] == []
    for reader in (SUPERVISOR, PUBLISHER):
        for step in ApplicationStep:
            path, body = request_for(step, app)
            refused = await client.post(path, json=body, headers=reader)
            assert refused.status_code == 403, (step, refused.text)
            assert refused.json()["error"]["code"] == "role_forbidden"


async def test_an_abandoned_application_may_be_decided_only_as_abandoned(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await application_in(client, "in_progress")
    lapsed = await client.post(
        f"/applications/{app['id']}/supplement-request",
        json={
            # Received yesterday, the notice sent the same day, the time given ended then.
            "requested_on": days_from_today(-1),
            "request": "请明确所需信息的学年及学校名称",
            "due_on": days_from_today(-1),
        },
        headers=HANDLER,
    )
    assert lapsed.json()["next_steps"] == [
        "supplement-received",
        "extension",
        "fee-notice",
        "decision",
        "assign",
        "remedies",
    ]
    ordinary = await client.post(
        f"/applications/{app['id']}/decision", json={"outcome": "disclosed"}, headers=HANDLER
    )
    assert ordinary.status_code == 409 and ordinary.json()["error"]["code"] == "not_ready"
    abandoned = await client.post(
        f"/applications/{app['id']}/decision",
        json={"outcome": "other", "outcome_reason": 1, "explanation": "逾期未补正"},
        headers=HANDLER,
    )
    assert abandoned.status_code == 200, abandoned.text
    assert abandoned.json()["status"] == "decided"


def test_every_step_is_the_last_segment_of_its_route(app: FastAPI) -> None:
    posted = {path for path, methods in app.openapi()["paths"].items() if "post" in methods}
    for step in ApplicationStep:
        if step == ApplicationStep.OPINION_ANSWER:
            assert "/applications/{application_id}/opinions/{opinion_id}/answer" in posted
        else:
            assert f"/applications/{{application_id}}/{step}" in posted
