"""Consultations and messages (咨询、领导信箱/留言) through the service's API."""

from __future__ import annotations

from typing import Any

from applications_builders import (
    BUREAU,
    HANDLER,
    OFFICE,
    OTHER_HANDLER,
    STREET_HANDLER,
    add_test_district,
    question,
)
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.demo.loader import load
from sunshine_applications.inquiries.models import Inquiry
from sunshine_applications.inquiries.service import answer_due
from sunshine_kit.audit.models import AuditEntry
from sunshine_kit.calendar.days import today
from sunshine_kit.calendar.service import build_calendar
from sunshine_kit.testing import DISTRICT, auth

PUBLISHER = auth("publisher", unit_id=BUREAU, username="zhangli")


async def taken(
    client: AsyncClient, received_on: str, channel: str = "phone", **overrides: Any
) -> dict[str, Any]:
    made = await client.post(
        "/inquiries/registered",
        json={**question(**overrides), "channel": channel, "received_on": received_on},
        headers=HANDLER,
    )
    assert made.status_code == 201, made.text
    return dict(made.json())


async def test_ask_online_answer_then_rate_with_the_code(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    made = await client.post("/inquiries", json=question())
    assert made.status_code == 201, made.text
    receipt = made.json()
    assert len(receipt["token"]) == 8
    inquiry_id, token = receipt["id"], receipt["token"]

    public = f"/inquiries/{inquiry_id}/public"
    assert (await client.get(public, params={"token": "AAAAAAAA"})).status_code == 404
    seen = await client.get(public, params={"token": token})
    assert seen.status_code == 200
    assert seen.json()["answer"] == "" and seen.json()["unit_name"] == "锦华区教育局"
    assert "13987654321" not in seen.text
    early = await client.post(
        f"/inquiries/{inquiry_id}/satisfaction", json={"token": token, "satisfaction": "satisfied"}
    )
    assert early.status_code == 409

    answered = await client.post(
        f"/inquiries/{inquiry_id}/answer",
        json={
            "answer": "请携带户口簿、房产证明到学校报名。",
            "answered_on": receipt["received_on"],
        },
        headers=HANDLER,
    )
    assert answered.status_code == 200, answered.text
    assert answered.json()["answered_by"] == "zhouting"
    again = await client.post(
        f"/inquiries/{inquiry_id}/answer",
        json={"answer": "补充说明", "answered_on": receipt["received_on"]},
        headers=HANDLER,
    )
    assert again.status_code == 409

    assert (await client.get(public, params={"token": token})).json()[
        "answer"
    ] == "请携带户口簿、房产证明到学校报名。"
    wrong_code = await client.post(
        f"/inquiries/{inquiry_id}/satisfaction",
        json={"token": "AAAAAAAA", "satisfaction": "unsatisfied"},
    )
    assert wrong_code.status_code == 404
    rated = await client.post(
        f"/inquiries/{inquiry_id}/satisfaction",
        json={"token": token.lower(), "satisfaction": "basically_satisfied"},
    )
    assert rated.status_code == 200
    assert rated.json()["satisfaction_label"] == "基本满意"
    twice = await client.post(
        f"/inquiries/{inquiry_id}/satisfaction", json={"token": token, "satisfaction": "satisfied"}
    )
    assert twice.status_code == 409

    history = (await client.get(f"/inquiries/{inquiry_id}/history", headers=OFFICE)).json()
    assert [e["action"] for e in history] == [
        "inquiry.rated",
        "inquiry.answered",
        "inquiry.received",
    ]


async def test_due_dates_count_working_days_by_kind(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    # Received the day before the National Day holiday; 10 October 2026 is a working Saturday.
    consultation = await taken(client, "2026-09-30", channel="on_site")
    assert consultation["answer_due_on"] == "2026-10-13"
    message = await taken(client, "2026-09-30", kind="mailbox", subject="建议增加学位")
    assert message["answer_due_on"] == "2026-10-20"
    online = await client.post(
        "/inquiries/registered",
        json={**question(), "channel": "online", "received_on": "2026-09-30"},
        headers=HANDLER,
    )
    assert online.status_code == 422


async def test_the_list_puts_open_and_soonest_due_first_and_filters_overdue(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    later = await taken(client, "2026-11-20", kind="mailbox", subject="建议增加学位")
    sooner = await taken(client, "2026-06-01")
    done = await taken(client, "2026-05-06", subject="转学手续")
    await client.post(
        f"/inquiries/{done['id']}/answer",
        json={"answer": "到原学校开具转学证明。", "answered_on": "2026-05-07"},
        headers=HANDLER,
    )
    listed = (await client.get("/inquiries", headers=HANDLER)).json()
    assert [row["id"] for row in listed["items"]] == [sooner["id"], later["id"], done["id"]]
    open_ = (await client.get("/inquiries", params={"state": "open"}, headers=HANDLER)).json()
    assert [row["id"] for row in open_["items"]] == [sooner["id"], later["id"]]
    # The first one was due on 8 June 2026, which has passed by the time these tests run.
    overdue = (await client.get("/inquiries", params={"state": "overdue"}, headers=OFFICE)).json()
    assert sooner["id"] in [row["id"] for row in overdue["items"]]
    assert all(row["overdue"] for row in overdue["items"])
    assert (await client.get("/inquiries", headers=STREET_HANDLER)).json()["total"] == 0


async def test_the_contact_is_shown_only_to_those_who_answer(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    inquiry = await taken(client, "2026-06-01", asker_contact="lihua@example.com")
    path = f"/inquiries/{inquiry['id']}"
    assert (await client.get(path, headers=OTHER_HANDLER)).json()["asker_contact"] == (
        "lihua@example.com"
    )
    by_supervisor = (await client.get(path, headers=auth("supervisor", unit_id=DISTRICT))).json()
    assert by_supervisor["asker_contact"] == "l***@example.com" and by_supervisor["masked"]
    assert (await client.get(path, headers=PUBLISHER)).status_code == 403  # not theirs to read
    await client.post(
        f"{path}/answer",
        json={"answer": "请携带户口簿到学校报名。", "answered_on": "2026-06-02"},
        headers=HANDLER,
    )
    assert (await client.get(path, headers=HANDLER)).json()["masked"] is False
    assert (await client.get(path, headers=OTHER_HANDLER)).json()["masked"] is True


async def test_only_handlers_of_the_unit_answer_and_not_before_it_arrived(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    inquiry = await taken(client, "2026-06-01")
    body = {"answer": "请携带户口簿到学校报名。", "answered_on": "2026-06-02"}
    path = f"/inquiries/{inquiry['id']}/answer"
    assert (await client.post(path, json=body, headers=PUBLISHER)).status_code == 403
    assert (await client.post(path, json=body, headers=STREET_HANDLER)).status_code == 403
    too_early = await client.post(path, json={**body, "answered_on": "2026-05-29"}, headers=HANDLER)
    assert too_early.status_code == 422
    assert too_early.json()["error"]["fields"][0]["field"] == "answered_on"
    assert (await client.get(f"/inquiries/{inquiry['id']}", headers=HANDLER)).json()[
        "answered_on"
    ] is None


async def test_the_contact_must_be_a_phone_or_an_e_mail(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    for contact in ("12345", "李华的电话", "lihua@example"):
        refused = await client.post("/inquiries", json=question(asker_contact=contact))
        assert refused.status_code == 422, refused.text
        assert refused.json()["error"]["fields"] == [
            {
                "field": "body.asker_contact",
                "reason": "请填写11位手机号码、带区号的固定电话或电子邮箱",
            }
        ]
    for contact in ("13987654321", "028-86001234", "lihua@example.com"):
        made = await client.post("/inquiries", json=question(asker_contact=contact))
        assert made.status_code == 201, made.text


async def test_staff_are_told_whether_they_may_answer_and_can_list_the_answered(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    open_ = await taken(client, "2026-06-01")
    done = await taken(client, "2026-06-01", subject="转学手续")
    await client.post(
        f"/inquiries/{done['id']}/answer",
        json={"answer": "到原学校开具转学证明。", "answered_on": "2026-06-02"},
        headers=HANDLER,
    )
    path = f"/inquiries/{open_['id']}"
    assert (await client.get(path, headers=HANDLER)).json()["can_answer"] is True
    supervisor = auth("supervisor", unit_id=DISTRICT)
    assert (await client.get(path, headers=supervisor)).json()["can_answer"] is False
    assert (await client.get(f"/inquiries/{done['id']}", headers=HANDLER)).json()[
        "can_answer"
    ] is False
    answered = (
        await client.get("/inquiries", params={"state": "answered"}, headers=HANDLER)
    ).json()
    assert [row["id"] for row in answered["items"]] == [done["id"]]
    assert answered["items"][0]["answered_on"] == "2026-06-02"


async def test_the_demo_has_open_overdue_answered_late_and_rated_inquiries(
    session: AsyncSession,
) -> None:
    await add_test_district(session)
    assert await load(session, count=40) > 0
    await session.commit()
    rows = list((await session.scalars(select(Inquiry))).all())
    assert len(rows) >= 50
    calendar = await build_calendar(session)
    for row in rows:
        assert row.answer_due_on == answer_due(calendar, row.kind, row.received_on).date
        assert row.answered_on is None or row.received_on <= row.answered_on <= today()
    assert any(r.answered_on is None and r.answer_due_on < today() for r in rows)  # overdue
    assert any(r.answered_on is not None and r.answered_on > r.answer_due_on for r in rows)
    assert any(r.satisfaction is not None for r in rows)
    assert {r.channel for r in rows} == {"online", "phone", "on_site"}
    history = await session.scalar(
        select(func.count()).select_from(AuditEntry).where(AuditEntry.entity_type == "inquiry")
    )
    assert history is not None and history >= len(rows)
