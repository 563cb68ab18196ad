"""Cases at the window: receive, one-time notice, accept or refuse, steps, suspensions and
extensions, decision, completion with fees, delivery, parallel approval; what the clerk, the
supervisors and the applicant see. Cases are accepted today: their dates are the clock's
(counted by hand in test_clock.py), checked here against it."""

from __future__ import annotations

from cases_builders import APPLICANT, case_in, cases_desk, receive, step
from hall_builders import CLERK, OTHER_STREET_OFFICE, SUPERVISOR, auth
from httpx import AsyncClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.cases import clock
from sunshine_kit.calendar.days import WorkingDayCalendar, today
from sunshine_kit.testing import DISTRICT

calendar = WorkingDayCalendar()


async def test_a_case_from_the_window_to_delivery(
    client: AsyncClient, session: AsyncSession
) -> None:
    desk = await cases_desk(session)
    received = await receive(client, desk, ticket_id=7, first_asked_by="lina")
    assert received["status"] == "received" and received["number"].startswith("BJ")
    case_id = received["id"]
    case = (await client.get(f"/cases/{case_id}", headers=CLERK)).json()
    assert case["next_steps"] == ["accept", "notify_missing", "refuse"]
    assert case["first_asked_by"] == "lina" and case["ticket_id"] == 7
    # Personal data: masked in every view, encrypted at rest.
    assert case["applicant_id_number"] == "510***********2345"
    assert case["applicant_phone"] == "138****5678"
    stored = (
        await session.execute(
            text("SELECT applicant_id_number, applicant_phone FROM hall_case WHERE id = :id"),
            {"id": case_id},
        )
    ).one()
    assert stored[0].startswith("pd1.") and "510105" not in stored[0]
    assert stored[1].startswith("pd1.")

    accepted = await step(client, case_id, "accept")
    on = today()
    expected = clock.compute(calendar, clock.CaseFacts(on, 20, 10), on)
    assert accepted["status"] == "accepted" and accepted["accepted_on"] == on.isoformat()
    assert accepted["clock"]["promised_due_on"] == expected.promised_due_on.isoformat()
    assert accepted["clock"]["legal_due_on"] == expected.legal_due_on.isoformat()
    assert accepted["clock"]["working_days_left"] == 10
    assert accepted["next_steps"] == ["add_step", "suspend", "decide", "split", "extend"]

    reviewed = await step(client, case_id, "steps", {"step": "审查", "note": "材料齐全"})
    assert reviewed["steps"][-1]["step"] == "审查"
    decided = await step(client, case_id, "decide", {"decision": "granted"})
    assert decided["status"] == "decided" and decided["next_steps"] == ["complete"]
    completed = await step(client, case_id, "complete", {"note": "证书已制作"})
    assert completed["status"] == "completed" and completed["fee_fen"] == 5000
    assert completed["completed_on"] == on.isoformat() and completed["on_the_spot"]
    assert completed["clock"]["completion"] == "on_the_spot"
    assert completed["next_steps"] == ["deliver"]
    delivered = await step(client, case_id, "deliver", {"method": "post"})
    assert delivered["delivery_method"] == "post" and delivered["next_steps"] == []
    assert [s["step"] for s in delivered["steps"]] == [
        "received",
        "accepted",
        "审查",
        "decided_granted",
        "completed",
        "delivered",
    ]
    history = (await client.get(f"/cases/{case_id}/history", headers=CLERK)).json()
    assert {e["action"] for e in history} >= {"case.received", "case.completed"}

    # The applicant follows it with the number and the query code: no personal data.
    progress = await client.post(
        "/cases/progress",
        json={"number": received["number"], "query_code": received["query_code"].lower()},
    )
    assert progress.status_code == 200
    body = progress.json()
    assert body["applicant_name"] == "张**" and body["status_label"] == "已办结"
    assert "510105" not in progress.text and "13812345678" not in progress.text
    assert all(s["by"] == "" for s in body["steps"])
    wrong = await client.post(
        "/cases/progress", json={"number": received["number"], "query_code": "WRONG234"}
    )
    assert wrong.status_code == 404


async def test_one_time_notice_then_acceptance(client: AsyncClient, session: AsyncSession) -> None:
    desk = await cases_desk(session)
    case = await receive(client, desk)
    detail = (await client.get(f"/cases/{case['id']}", headers=CLERK)).json()
    materials = (
        await session.execute(
            text("SELECT id, name FROM item_material WHERE item_id = :i ORDER BY id"),
            {"i": desk.item_id},
        )
    ).all()
    notice = {
        "materials": [
            {"material_id": materials[0].id, "problem": "缺少举办者签字"},
            {"material_id": materials[2].id, "problem": "租赁合同已过期"},
        ],
        "note": "请补齐后再来窗口，无需重新取号",
    }
    waiting = await step(client, detail["id"], "notice", notice)
    assert waiting["status"] == "awaiting_materials"
    assert waiting["next_steps"] == ["accept", "refuse"]
    assert [m["name"] for m in waiting["notices"][0]["materials"]] == ["申请书", "办学场所证明"]
    progress = (
        await client.post(
            "/cases/progress", json={"number": case["number"], "query_code": case["query_code"]}
        )
    ).json()
    assert progress["missing_materials"] == [
        "申请书：缺少举办者签字",
        "办学场所证明：租赁合同已过期",
    ]
    accepted = await step(client, detail["id"], "accept")
    assert accepted["status"] == "accepted"
    assert accepted["notices"][0]["completed_on"] == today().isoformat()


async def test_a_notice_names_only_the_items_materials(
    client: AsyncClient, session: AsyncSession
) -> None:
    desk = await cases_desk(session)
    case = await receive(client, desk)
    answer = await client.post(
        f"/cases/{case['id']}/notice",
        json={"materials": [{"material_id": 999_999, "problem": "缺"}]},
        headers=CLERK,
    )
    assert answer.status_code == 422
    assert answer.json()["error"]["fields"][0]["field"] == "materials.0.material_id"


async def test_a_refusal_is_reported_and_reviewed(
    client: AsyncClient, session: AsyncSession
) -> None:
    desk = await cases_desk(session)
    case = await receive(client, desk)
    refused = await step(client, case["id"], "refuse", {"reason": "不属于本机关职权范围"})
    assert refused["status"] == "not_accepted" and refused["refusal_reported_at"]
    assert refused["next_steps"] == []
    reported = (await client.get("/cases?refusals=true", headers=SUPERVISOR)).json()
    assert [row["number"] for row in reported["items"]] == [case["number"]]
    detail = (await client.get(f"/cases/{case['id']}", headers=SUPERVISOR)).json()
    assert detail["next_steps"] == ["review_refusal"]
    reviewed = await client.post(
        f"/cases/{case['id']}/review-refusal", json={"note": "理由充分"}, headers=SUPERVISOR
    )
    assert reviewed.status_code == 200 and reviewed.json()["refusal_reviewed_by"] == "jiancha"
    again = await client.post(
        f"/cases/{case['id']}/review-refusal", json={"note": "再审"}, headers=SUPERVISOR
    )
    assert again.json()["error"]["code"] == "already_reviewed"


async def test_a_denial_needs_reasons_and_is_reported(
    client: AsyncClient, session: AsyncSession
) -> None:
    desk = await cases_desk(session)
    case = await case_in(client, desk, "accepted")
    bare = await client.post(
        f"/cases/{case['id']}/decide", json={"decision": "denied"}, headers=CLERK
    )
    assert bare.status_code == 422
    denied = await step(
        client, case["id"], "decide", {"decision": "denied", "reason": "办学场所不符合标准"}
    )
    assert denied["decision"] == "denied" and denied["refusal_reported_at"]


async def test_each_step_only_where_the_case_stands(
    client: AsyncClient, session: AsyncSession
) -> None:
    desk = await cases_desk(session)
    case = await receive(client, desk)
    early = await client.post(f"/cases/{case['id']}/complete", json={}, headers=CLERK)
    assert early.status_code == 409 and early.json()["error"]["code"] == "case_wrong_state"
    await step(client, case["id"], "accept")
    again = await client.post(f"/cases/{case['id']}/accept", headers=CLERK)
    assert again.json()["error"]["code"] == "case_wrong_state"


async def test_suspension_and_extension_move_the_dates(
    client: AsyncClient, session: AsyncSession
) -> None:
    desk = await cases_desk(session)
    case = await case_in(client, desk, "accepted")
    before = case["clock"]["promised_due_on"]
    suspended = await step(
        client,
        case["id"],
        "suspend",
        {"kind": "expert_review", "reason": "办学条件需专家评审", "approved_by": "王局长"},
    )
    assert suspended["status"] == "suspended" and suspended["clock"]["suspended"]
    assert suspended["next_steps"] == ["resume", "extend"]
    assert suspended["suspensions"][0]["approved_by"] == "王局长"
    resumed = await step(client, case["id"], "resume", {})
    assert resumed["status"] == "accepted"
    # Started and ended today: no working day after the start is paused.
    assert resumed["clock"]["promised_due_on"] == before
    extended = await step(
        client,
        case["id"],
        "extend",
        {"working_days": 10, "reason": "需补充现场核查", "approved_by": "王局长"},
    )
    on = today()
    expected = clock.compute(calendar, clock.CaseFacts(on, 20, 10, 10), on)
    assert extended["clock"]["promised_due_on"] == expected.promised_due_on.isoformat()
    assert extended["clock"]["legal_due_on"] == expected.legal_due_on.isoformat()
    assert extended["extensions"][0]["working_days"] == 10
    assert "extend" not in extended["next_steps"]
    more = await client.post(
        f"/cases/{case['id']}/extend",
        json={"working_days": 1, "reason": "再延一天", "approved_by": "王局长"},
        headers=CLERK,
    )
    assert more.status_code == 409 and more.json()["error"]["code"] == "extension_too_long"


async def test_parallel_approval_completes_when_every_sub_case_has(
    client: AsyncClient, session: AsyncSession
) -> None:
    desk = await cases_desk(session)
    case = await case_in(client, desk, "accepted")
    split = await step(client, case["id"], "sub-cases", {"item_ids": [desk.other_item_id]})
    [sub] = split["sub_cases"]
    assert sub["status"] == "accepted" and sub["item_name"] == "临时占道许可"
    assert "split" not in split["next_steps"]
    await step(client, case["id"], "decide", {"decision": "granted"})
    blocked = await client.post(f"/cases/{case['id']}/complete", json={}, headers=CLERK)
    assert blocked.status_code == 409 and blocked.json()["error"]["code"] == "sub_cases_open"
    await step(client, sub["id"], "decide", {"decision": "granted"})
    done = await step(client, sub["id"], "complete", {"fee_fen": 0})
    assert done["parent_id"] == case["id"]
    parent = await step(client, case["id"], "complete", {})
    assert parent["status"] == "completed"


async def test_an_instant_item_completed_at_the_window_is_on_the_spot(
    client: AsyncClient, session: AsyncSession
) -> None:
    desk = await cases_desk(session)
    case = await case_in(client, desk, "completed", item_id=desk.instant_id)
    assert case["clock"]["promised_due_on"] == case["accepted_on"]
    assert case["on_the_spot"] and case["fee_fen"] == 0


async def test_only_the_windows_staff_receive_and_handle(
    client: AsyncClient, session: AsyncSession
) -> None:
    desk = await cases_desk(session)
    stranger = auth("window_clerk", unit_id=DISTRICT, username="stranger")
    body = {"window_id": desk.window_id, "item_id": desk.item_id, **APPLICANT}
    refused = await client.post("/cases", json=body, headers=stranger)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "window_forbidden"
    unknown_item = {**body, "item_id": desk.other_item_id}
    answer = await client.post("/cases", json=unknown_item, headers=CLERK)
    assert answer.status_code == 422 and answer.json()["error"]["code"] == "item_not_at_window"
    case = await receive(client, desk)
    assert (await client.get(f"/cases/{case['id']}", headers=stranger)).status_code == 403
    assert (
        await client.get(f"/cases/{case['id']}", headers=OTHER_STREET_OFFICE)
    ).status_code == 403
    mine = (await client.get("/cases?mine=true", headers=CLERK)).json()
    assert mine["total"] == 1
    theirs = (await client.get("/cases", headers=stranger)).json()
    assert theirs["total"] == 0


async def test_the_clerks_open_cases_green_channel_first(
    client: AsyncClient, session: AsyncSession
) -> None:
    desk = await cases_desk(session)
    plain = await case_in(client, desk, "accepted")
    green = await case_in(client, desk, "accepted", green_channel=True)
    await case_in(client, desk, "completed")
    listed = (await client.get("/cases?open=true", headers=CLERK)).json()
    assert [row["number"] for row in listed["items"]] == [green["number"], plain["number"]]
    assert listed["items"][0]["warning"] == "none"
