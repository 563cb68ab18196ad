"""好差评: the public page and the window's tablet, the follow-up a bad rating opens, and
complaints about a window or a clerk."""

from __future__ import annotations

from datetime import date

from hall_builders import OFFICE, OTHER_STREET_OFFICE, SUPERVISOR, add_test_district
from httpx import AsyncClient
from ratings_builders import CODE, add_case, window_with_clerk
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.live.models import LiveEvent
from sunshine_hall.ratings.clock import follow_up_due
from sunshine_hall.ratings.models import FollowUp
from sunshine_kit.calendar.days import WorkingDayCalendar, today
from sunshine_kit.testing import BUREAU, auth

CLERK = auth("window_clerk", unit_id=BUREAU, username="clerk")


def test_a_follow_up_is_due_15_working_days_after_the_rating() -> None:
    calendar = WorkingDayCalendar()
    # Monday 2 November: 3-6 (4), 9-13 (9), 16-20 (14), Monday 23 November (15).
    assert follow_up_due(calendar, date(2026, 11, 2)) == date(2026, 11, 23)
    # Wednesday 23 September, across Mid-Autumn (25 Sep) and National Day (1-7 Oct, Saturday
    # 10 Oct worked): 24 (1), 28-30 (4), 8 Oct (5), 9 (6), Sat 10 (7), 12-16 (12), 19-21 (15).
    assert follow_up_due(calendar, date(2026, 9, 23)) == date(2026, 10, 21)
    # Saturday 3 October, a holiday, is day zero: 8 (1), 9 (2), Sat 10 (3), 12-16 (8),
    # 19-23 (13), 26 (14), Tuesday 27 October (15).
    assert follow_up_due(calendar, date(2026, 10, 3)) == date(2026, 10, 27)


async def test_the_public_rates_a_completed_case_once_with_its_number_and_code(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    case = await add_case(session)
    number = case.number

    wrong = await client.post("/ratings/lookup", json={"number": number, "code": "WRONG1"})
    assert wrong.status_code == 404
    assert wrong.json()["error"]["code"] == "case_key_mismatch"
    found = await client.post("/ratings/lookup", json={"number": number, "code": CODE})
    assert found.json() == {
        "number": number,
        "item_name": "民办学校设立审批",
        "unit_name": "锦华区教育局",
        "completed_on": today().isoformat(),
        "rated": False,
        "level": None,
    }

    rated = await client.post(
        "/ratings",
        json={"number": number, "code": CODE.lower(), "level": 1, "comment": "很快"},
    )
    assert rated.status_code == 201, rated.text
    assert rated.json()["level_label"] == "非常满意"
    assert rated.json()["channel"] == "public_page"
    assert rated.json()["follow_up_id"] is None

    again = await client.post("/ratings", json={"number": number, "code": CODE, "level": 2})
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "already_rated"
    looked = await client.post("/ratings/lookup", json={"number": number, "code": CODE})
    assert looked.json()["rated"] is True
    assert looked.json()["level"] == 1


async def test_a_case_not_completed_cannot_be_rated(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    case = await add_case(session, status="accepted")
    number = case.number
    answer = await client.post("/ratings", json={"number": number, "code": CODE, "level": 1})
    assert answer.status_code == 409
    assert answer.json()["error"]["code"] == "case_not_completed"
    bad_level = await client.post("/ratings", json={"number": number, "code": CODE, "level": 6})
    assert bad_level.status_code == 422
    assert bad_level.json()["error"]["fields"][0]["field"] == "body.level"


async def test_a_bad_rating_opens_a_follow_up_the_supervisors_close(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    case = await add_case(session)
    number = case.number
    rated = await client.post(
        "/ratings",
        json={"number": number, "code": CODE, "level": 5, "comment": "等了两个小时"},
    )
    assert rated.status_code == 201
    follow_up_id = rated.json()["follow_up_id"]
    assert follow_up_id is not None

    listed = (await client.get("/ratings/follow-ups", headers=SUPERVISOR)).json()
    assert listed["total"] == 1
    row = listed["items"][0]
    assert row["case_number"] == number
    assert row["unit_name"] == "锦华区教育局"
    assert row["level_label"] == "非常不满意"
    assert row["comment"] == "等了两个小时"
    assert row["status"] == "open"
    assert row["due_on"] == follow_up_due(WorkingDayCalendar(), today()).isoformat()
    assert row["overdue"] is False
    assert row["actions"] == ["close"]
    alert = await session.scalar(select(LiveEvent).where(LiveEvent.kind == "bad_rating"))
    assert alert is not None and alert.channel == "alerts"

    # Another street's office sees none of the bureau's follow-ups and may not close them.
    assert (await client.get("/ratings/follow-ups", headers=OTHER_STREET_OFFICE)).json()[
        "total"
    ] == 0
    refused = await client.post(
        f"/ratings/follow-ups/{follow_up_id}/close",
        json={"result": "已回访"},
        headers=OTHER_STREET_OFFICE,
    )
    assert refused.status_code == 403

    closed = await client.post(
        f"/ratings/follow-ups/{follow_up_id}/close",
        json={"result": "已电话回访致歉，窗口增设午间弹性服务"},
        headers=SUPERVISOR,
    )
    assert closed.status_code == 200, closed.text
    assert closed.json()["status"] == "closed"
    assert closed.json()["closed_by"] == "jiancha"
    assert closed.json()["actions"] == []
    twice = await client.post(
        f"/ratings/follow-ups/{follow_up_id}/close", json={"result": "再次"}, headers=SUPERVISOR
    )
    assert twice.json()["error"]["code"] == "follow_up_closed"


async def test_overdue_follow_ups_are_flagged_and_listed_apart(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    case = await add_case(session)
    number = case.number
    rated = await client.post("/ratings", json={"number": number, "code": CODE, "level": 4})
    follow_up = await session.get(FollowUp, rated.json()["follow_up_id"])
    assert follow_up is not None
    follow_up.opened_on, follow_up.due_on = date(2026, 1, 5), date(2026, 1, 26)
    await session.commit()

    overdue = (await client.get("/ratings/follow-ups?overdue=true", headers=OFFICE)).json()
    assert [row["id"] for row in overdue["items"]] == [follow_up.id]
    assert overdue["items"][0]["overdue"] is True
    on_time = (await client.get("/ratings/follow-ups?overdue=false", headers=OFFICE)).json()
    assert on_time["total"] == 0


async def test_the_windows_tablet_offers_the_case_just_completed_there(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    window = await window_with_clerk(session)
    window_id = window.id
    case = await add_case(session, window)
    number, case_id = case.number, case.id

    paired = await client.put(f"/ratings/tablets/{window_id}", headers=OFFICE)
    assert paired.status_code == 200, paired.text
    tablet = {"X-Tablet-Key": paired.json()["key"]}
    nothing = await client.get(f"/ratings/tablets/{window_id}/invitation", headers=tablet)
    assert nothing.status_code == 200 and nothing.json() is None

    invited = await client.post("/ratings/invitations", json={"case_id": case_id}, headers=CLERK)
    assert invited.status_code == 201, invited.text
    event = await session.scalar(
        select(LiveEvent).where(LiveEvent.channel == f"window:{window_id}")
    )
    assert event is not None and event.kind == "rating_invited"

    wrong = await client.get(
        f"/ratings/tablets/{window_id}/invitation", headers={"X-Tablet-Key": "not-the-key"}
    )
    assert wrong.status_code == 403
    assert wrong.json()["error"]["code"] == "tablet_not_paired"
    shown = (await client.get(f"/ratings/tablets/{window_id}/invitation", headers=tablet)).json()
    assert shown["case_number"] == number
    assert shown["clerk_name"] == "李晓梅"
    assert shown["item_name"] == "民办学校设立审批"
    assert "5号窗口" in shown["window_label"]

    rated = await client.post(
        f"/ratings/tablets/{window_id}/ratings",
        json={"invitation_id": shown["id"], "level": 2},
        headers=tablet,
    )
    assert rated.status_code == 201, rated.text
    assert rated.json()["channel"] == "window_tablet"
    after = await client.get(f"/ratings/tablets/{window_id}/invitation", headers=tablet)
    assert after.json() is None
    again = await client.post(
        f"/ratings/tablets/{window_id}/ratings",
        json={"invitation_id": shown["id"], "level": 5},
        headers=tablet,
    )
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "invitation_gone"

    # Pairing again replaces the key: the old one opens nothing.
    await client.put(f"/ratings/tablets/{window_id}", headers=OFFICE)
    stale = await client.get(f"/ratings/tablets/{window_id}/invitation", headers=tablet)
    assert stale.status_code == 403


async def test_a_clerk_invites_ratings_only_at_their_own_window(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    case = await add_case(session, clerk="someone_else")
    window_of_other = await window_with_clerk(session, account="other_clerk")
    case_elsewhere = await add_case(session, window_of_other, clerk="other_clerk")
    assert case.window_id != case_elsewhere.window_id
    refused = await client.post(
        "/ratings/invitations", json={"case_id": case_elsewhere.id}, headers=CLERK
    )
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "window_forbidden"


async def test_a_complaint_about_a_clerk_is_handled_and_closed(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    window = await window_with_clerk(session)
    window_id = window.id

    targets = (await client.get("/complaints/targets")).json()
    listed = [w for c in targets for w in c["windows"] if w["id"] == window_id]
    assert listed == [{"id": window_id, "number": 5, "name": "综合受理窗口", "staff": ["李晓梅"]}]

    unknown = await client.post(
        "/complaints",
        json={"window_id": window_id, "clerk_name": "王五", "content": "态度生硬，推诿扯皮"},
    )
    assert unknown.status_code == 422
    assert unknown.json()["error"]["fields"][0]["field"] == "clerk_name"

    filed = await client.post(
        "/complaints",
        json={
            "window_id": window_id,
            "clerk_name": "李晓梅",
            "content": "材料齐全却被要求再跑一趟",
            "complainant_name": "张小明",
            "complainant_phone": "13800138000",
        },
    )
    assert filed.status_code == 201, filed.text
    number = filed.json()["number"]
    assert number.startswith("TS" + today().strftime("%Y%m%d"))

    page = (await client.get("/complaints", headers=SUPERVISOR)).json()
    assert page["total"] == 1
    complaint = page["items"][0]
    assert complaint["number"] == number
    assert complaint["clerk_name"] == "李晓梅"
    assert complaint["complainant_name"] == "张**"
    assert complaint["complainant_phone"] == "138****8000"
    assert complaint["status"] == "received"
    assert complaint["actions"] == ["handle", "close"]
    assert (await client.get("/complaints", headers=OTHER_STREET_OFFICE)).json()["total"] == 0

    handled = await client.post(
        f"/complaints/{complaint['id']}/handling",
        json={"note": "调取窗口录像，约谈当事人"},
        headers=SUPERVISOR,
    )
    assert handled.json()["status"] == "handling"
    closed = await client.post(
        f"/complaints/{complaint['id']}/close",
        json={"result": "投诉属实，已批评教育并向投诉人致歉"},
        headers=SUPERVISOR,
    )
    assert closed.json()["status"] == "closed"
    assert closed.json()["actions"] == []
    assert closed.json()["closed_at"] is not None
    late = await client.post(
        f"/complaints/{complaint['id']}/handling", json={"note": "补充"}, headers=SUPERVISOR
    )
    assert late.json()["error"]["code"] == "complaint_closed"
