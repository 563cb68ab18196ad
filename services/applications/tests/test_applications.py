"""Applications for disclosure through the service's API, against the real 2026 calendar."""

from __future__ import annotations

from applications_builders import (
    BUREAU,
    HANDLER,
    ID_NUMBER,
    OFFICE,
    add_test_district,
    applicant,
    registered,
)
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.models import DisclosureApplication
from sunshine_kit.testing import auth


async def test_apply_online_then_follow_it_with_the_query_code(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    made = await client.post("/applications", json=applicant())
    assert made.status_code == 201, made.text
    receipt = made.json()
    assert receipt["tracking_number"].startswith("YSQ")
    assert len(receipt["query_code"]) == 8 and receipt["received_on"] is None

    seen = await client.post(
        "/applications/track",
        json={"tracking_number": receipt["tracking_number"], "query_code": receipt["query_code"]},
    )
    assert seen.status_code == 200
    assert seen.json()["status_label"] == "已提交，待确认收到"
    assert ID_NUMBER not in seen.text  # nothing personal beyond the name
    wrong = await client.post(
        "/applications/track",
        json={"tracking_number": receipt["tracking_number"], "query_code": "AAAAAAAA"},
    )
    assert wrong.status_code == 404

    inbox = (await client.get("/applications", headers=HANDLER)).json()
    app_id = inbox["items"][0]["id"]
    before_submission = await client.post(
        f"/applications/{app_id}/receipt", json={"received_on": "2026-01-05"}, headers=HANDLER
    )
    assert before_submission.status_code == 422
    confirmed = await client.post(
        f"/applications/{app_id}/receipt",
        json={"received_on": seen.json()["steps"][0]["at"]},
        headers=HANDLER,
    )
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["status"] == "in_progress"
    assert confirmed.json()["clock"]["working_days_left"] == 20


async def test_a_letter_counts_from_the_day_it_was_signed_for(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    body = {
        **applicant(),
        "channel": "letter",
        "submitted_on": "2026-02-10",
        "signed_for_on": "2026-02-13",
    }
    made = await client.post("/applications/registered", json=body, headers=HANDLER)
    assert made.json()["received_on"] == "2026-02-13"
    without_date = await client.post(
        "/applications/registered", json={**body, "signed_for_on": None}, headers=HANDLER
    )
    assert without_date.status_code == 422
    assert without_date.json()["error"]["fields"] == [
        {"field": "body.signed_for_on", "reason": "信函申请须填写签收日期"}
    ]


async def test_bad_input_names_the_field_and_stores_nothing(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    bad_id = await client.post("/applications", json=applicant(id_number="110105194912310021"))
    assert bad_id.status_code == 422
    assert bad_id.json()["error"]["fields"][0]["field"] == "body.id_number"
    bad_phone = await client.post("/applications", json=applicant(phone="12345"))
    assert bad_phone.json()["error"]["fields"][0]["field"] == "body.phone"
    company = await client.post(
        "/applications",
        json=applicant(applicant_type="legal_person", organisation_name="锦华律师事务所"),
    )
    assert company.json()["error"]["fields"] == [
        {"field": "body.organisation_kind", "reason": "法人或其他组织须选择组织类别"}
    ]
    assert await session.scalar(select(func.count()).select_from(DisclosureApplication)) == 0


async def test_supplement_stops_the_clock_and_restarts_it(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client, received_on="2026-08-03")
    assert app["clock"]["supplement_notice_due_on"] == "2026-08-12"
    asked = await client.post(
        f"/applications/{app['id']}/supplement-request",
        json={
            "requested_on": "2026-08-07",
            "request": "请明确所需信息的学年及学校名称",
            "due_on": "2026-08-28",
        },
        headers=HANDLER,
    )
    assert asked.json()["status"] == "awaiting_supplement"
    assert asked.json()["clock"]["phase"] == "awaiting_supplement"
    twice = await client.post(
        f"/applications/{app['id']}/supplement-request",
        json={"requested_on": "2026-08-10", "request": "再补充一次材料", "due_on": "2026-08-28"},
        headers=HANDLER,
    )
    assert twice.status_code == 409
    tracked = (
        await client.post(
            "/applications/track",
            json={"tracking_number": app["tracking_number"], "query_code": app["query_code"]},
        )
    ).json()
    assert tracked["supplement_request"] == "请明确所需信息的学年及学校名称"
    back = await client.post(
        f"/applications/{app['id']}/supplement-received",
        json={"received_on": "2026-09-22"},
        headers=HANDLER,
    )
    assert back.json()["clock"]["reply_due_on"] == "2026-10-27"


async def test_consulting_a_third_party_suspends_the_clock(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client, received_on="2026-09-14")
    assert app["clock"]["reply_due_on"] == "2026-10-16"
    asked = await client.post(
        f"/applications/{app['id']}/opinions",
        json={"kind": "third_party", "party": "锦华区星火艺术培训学校", "asked_on": "2026-09-18"},
        headers=HANDLER,
    )
    assert asked.json()["status"] == "consulting"
    assert asked.json()["opinions"][0]["answer_due_on"] == "2026-10-15"
    opinion_id = asked.json()["opinions"][0]["id"]
    answered = await client.post(
        f"/applications/{app['id']}/opinions/{opinion_id}/answer",
        json={"answered_on": "2026-10-09", "answer": "不同意公开其财务数据"},
        headers=HANDLER,
    )
    assert answered.json()["status"] == "in_progress"
    assert answered.json()["clock"]["paused_working_days"] == 10
    assert answered.json()["clock"]["reply_due_on"] == "2026-10-30"


async def test_one_extension_of_at_most_twenty_working_days(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client, received_on="2026-02-13")
    body = {
        "working_days": 20,
        "approved_by": "李局长",
        "reason": "涉及多所学校档案，需逐校调取",
        "notified_on": "2026-03-16",
    }
    extended = await client.post(f"/applications/{app['id']}/extension", json=body, headers=HANDLER)
    assert extended.json()["clock"]["reply_due_on"] == "2026-04-17"
    again = await client.post(f"/applications/{app['id']}/extension", json=body, headers=HANDLER)
    assert again.status_code == 409
    too_long = await registered(client, received_on="2026-02-13")
    refused = await client.post(
        f"/applications/{too_long['id']}/extension",
        json={**body, "working_days": 21},
        headers=HANDLER,
    )
    assert refused.status_code == 422


async def test_partial_disclosure_with_reasons_then_the_reply_closes_it(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client, received_on="2026-03-02")
    no_basis = await client.post(
        f"/applications/{app['id']}/decision",
        json={"outcome": "partly_disclosed"},
        headers=HANDLER,
    )
    assert no_basis.status_code == 422
    no_reason = await client.post(
        f"/applications/{app['id']}/decision", json={"outcome": "not_disclosed"}, headers=HANDLER
    )
    assert no_reason.json()["error"]["fields"][0]["field"] == "body.outcome_reason"
    decided = await client.post(
        f"/applications/{app['id']}/decision",
        json={
            "outcome": "partly_disclosed",
            "explanation": "划片范围予以公开；涉及学生个人信息的部分不予公开",
            "legal_basis": "《中华人民共和国政府信息公开条例》第十五条、第三十七条",
        },
        headers=HANDLER,
    )
    assert decided.json()["status"] == "decided"
    assert decided.json()["outcome_label"] == "部分公开"
    replied = await client.post(
        f"/applications/{app['id']}/reply", json={"replied_on": "2026-03-20"}, headers=HANDLER
    )
    assert replied.json()["status"] == "closed"
    assert replied.json()["clock"]["phase"] == "closed"
    tracked = (
        await client.post(
            "/applications/track",
            json={"tracking_number": app["tracking_number"], "query_code": app["query_code"]},
        )
    ).json()
    assert tracked["outcome_label"] == "部分公开"
    assert [s["what"] for s in tracked["steps"]][-1] == "作出答复"


async def test_abandonment_only_after_the_supplement_deadline(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client, received_on="2026-03-02")
    abandon = {"outcome": "other", "outcome_reason": 1, "explanation": "逾期未补正"}
    early = await client.post(f"/applications/{app['id']}/decision", json=abandon, headers=HANDLER)
    assert early.status_code == 422
    await client.post(
        f"/applications/{app['id']}/supplement-request",
        json={
            "requested_on": "2026-03-05",
            "request": "请提供所需信息的具体名称",
            "due_on": "2026-03-20",
        },
        headers=HANDLER,
    )
    closed = await client.post(f"/applications/{app['id']}/decision", json=abandon, headers=HANDLER)
    assert closed.status_code == 200, closed.text
    assert closed.json()["outcome_label"] == "其他处理"


async def test_the_inbox_sorts_by_due_date_and_filters_overdue(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    later = await registered(
        client, received_on="2026-09-30", description="锦华区教育局2026年部门预算"
    )
    sooner = await registered(client, received_on="2026-02-13")
    inbox = (await client.get("/applications", headers=HANDLER)).json()
    assert [row["id"] for row in inbox["items"]] == [sooner["id"], later["id"]]
    overdue = (
        await client.get("/applications", params={"urgency": "overdue"}, headers=HANDLER)
    ).json()
    # Both due dates (19 March and 3 November 2026) have passed by the time these tests run.
    assert {row["urgency"] for row in overdue["items"]} == {"overdue"}
    # Applications carry personal data: a publisher of the same unit has no business with them.
    assert (
        await client.get("/applications", headers=auth("publisher", unit_id=BUREAU))
    ).status_code == 403


async def test_a_repeated_application_is_recognised(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    first = await registered(client)
    again = await registered(
        client, description="锦华区2026年 义务教育阶段学校划片范围，及其确定依据！"
    )
    assert again["repeat_of_id"] == first["id"]
    other = await registered(client, description="锦华区2026年学前教育资助资金发放情况")
    assert other["repeat_of_id"] is None


async def test_linking_a_catalogue_item_needs_the_catalog(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client)
    refused = await client.post(
        f"/applications/{app['id']}/decision",
        json={"outcome": "disclosed", "linked_item_ids": [1]},
        headers=HANDLER,
    )
    # No catalog runs in this test: the service says so and records nothing.
    assert refused.status_code == 502
    assert (await client.get(f"/applications/{app['id']}", headers=HANDLER)).json()[
        "status"
    ] == "in_progress"


async def test_reconsideration_and_litigation_are_recorded(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client)
    added = await client.post(
        f"/applications/{app['id']}/remedies",
        json={"kind": "reconsideration", "filed_on": "2026-04-10"},
        headers=HANDLER,
    )
    assert added.status_code == 201 and added.json()["result"] == "pending"
    updated = await client.patch(
        f"/applications/remedies/{added.json()['id']}",
        json={"result": "upheld", "decided_on": "2026-06-01"},
        headers=HANDLER,
    )
    assert updated.json()["result"] == "upheld"
    history = (await client.get(f"/applications/{app['id']}/history", headers=OFFICE)).json()
    assert history[0]["action"] == "application.remedy_updated"
