"""The service's vocabulary: every value of every enumeration, with the label the API uses."""

from __future__ import annotations

from enum import StrEnum

import pytest
from applications_builders import HANDLER, OFFICE, add_test_district, application_in
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.clock import Phase, Urgency
from sunshine_applications.applications.models import (
    ApplicantType,
    ApplicationStep,
    Channel,
    HistoryAction,
    OpinionKind,
    OrganisationKind,
    Outcome,
    RemedyKind,
    RemedyResult,
    Status,
)
from sunshine_applications.inquiries.models import (
    InquiryAction,
    InquiryChannel,
    InquiryKind,
    Satisfaction,
)
from sunshine_applications.inquiries.schemas import InquiryState


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("statuses", Status),
        ("channels", Channel),
        ("applicant_types", ApplicantType),
        ("organisation_kinds", OrganisationKind),
        ("phases", Phase),
        ("urgencies", Urgency),
        ("opinion_kinds", OpinionKind),
        ("remedy_kinds", RemedyKind),
        ("remedy_results", RemedyResult),
        ("outcomes", Outcome),
        ("steps", ApplicationStep),
        ("history", HistoryAction),
        ("inquiries.kinds", InquiryKind),
        ("inquiries.channels", InquiryChannel),
        ("inquiries.satisfaction", Satisfaction),
        ("inquiries.states", InquiryState),
        ("inquiries.history", InquiryAction),
    ],
)
async def test_every_value_has_a_label(
    client: AsyncClient, field: str, values: type[StrEnum]
) -> None:
    body = (await client.get("/vocabulary")).json()
    for part in field.split("."):
        body = body[part]
    assert sorted(t["value"] for t in body) == sorted(v.value for v in values)
    assert all(t["label"] for t in body)


async def test_anyone_may_read_it_and_keep_it(client: AsyncClient) -> None:
    response = await client.get("/vocabulary")
    assert response.status_code == 200
    assert "max-age" in response.headers["cache-control"]
    body = response.json()
    assert body["forms"] == [
        {"value": "electronic", "label": "电子文档"},
        {"value": "paper", "label": "纸质文本"},
        {"value": "post", "label": "邮寄"},
    ]
    assert body["id_card"] == "居民身份证"
    assert body["steps"][:2] == [
        {"value": "receipt", "label": "确认收到"},
        {"value": "assign", "label": "分配经办人"},
    ]
    assert {"value": "consultation", "label": "咨询"} in body["inquiries"]["kinds"]


async def test_outcomes_carry_the_annual_reports_sub_rows(client: AsyncClient) -> None:
    outcomes = {t["value"]: t for t in (await client.get("/vocabulary")).json()["outcomes"]}
    assert list(outcomes) == [
        "disclosed",
        "partly_disclosed",
        "not_disclosed",
        "unavailable",
        "not_processed",
        "other",
    ]
    refused = outcomes["not_disclosed"]
    assert refused["label"] == "不予公开" and refused["legal_basis_required"] is True
    assert len(refused["reasons"]) == 8
    assert refused["reasons"][2] == {"number": 3, "label": "危及“三安全一稳定”"}
    assert outcomes["disclosed"]["reasons"] == []
    assert outcomes["disclosed"]["legal_basis_required"] is False
    assert [r["number"] for r in outcomes["other"]["reasons"]] == [1, 2, 3]


async def test_the_labels_are_those_the_api_shows(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    vocabulary = (await client.get("/vocabulary")).json()
    statuses = {t["value"]: t["label"] for t in vocabulary["statuses"]}
    outcomes = {t["value"]: t["label"] for t in vocabulary["outcomes"]}
    app = await application_in(client, "closed")
    assert app["outcome_label"] == outcomes["disclosed"]
    tracked = await client.post(
        "/applications/track",
        json={"tracking_number": app["tracking_number"], "query_code": app["query_code"]},
    )
    assert tracked.json()["status_label"] == statuses["closed"]
    history = (await client.get(f"/applications/{app['id']}/history", headers=OFFICE)).json()
    named = {t["value"] for t in vocabulary["history"]}
    assert {entry["action"] for entry in history} <= named
    assert len(history) >= 3
    assert (await client.get("/vocabulary", headers=HANDLER)).json() == vocabulary
