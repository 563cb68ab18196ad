"""The queue as the kiosk, the clerk and the board see it: numbers, call order, the clerk's
actions, appointments, estimates and figures."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from hall_builders import (
    BUREAU,
    CLERK,
    OFFICE,
    SUPERVISOR,
    add_centre,
    add_item,
    add_test_district,
    add_window,
    auth,
    station,
)
from httpx import AsyncClient
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from sunshine_hall.live.models import LiveEvent
from sunshine_hall.queue.models import AppointmentBooking, Ticket
from sunshine_hall.queue.service import next_sequence
from sunshine_kit.calendar.days import today
from sunshine_kit.db import utcnow

OTHER_CLERK = auth("window_clerk", unit_id=BUREAU, username="lisi")


async def _hall(session: AsyncSession) -> dict[str, int]:
    """A centre with window 1 (户籍, letter A) and window 2 (不动产, letter B), clerk at 1."""
    await add_test_district(session)
    centre = await add_centre(session)
    household = await add_item(session, name="户口迁移")
    estate = await add_item(session, name="不动产登记")
    one = await add_window(session, centre, number=1, ticket_prefix="A", name="户籍窗口")
    two = await add_window(session, centre, number=2, ticket_prefix="B", name="不动产窗口")
    await station(session, one, account="clerk", unit_id=BUREAU, items=[household])
    await station(session, two, account="lisi", unit_id=BUREAU, items=[estate])
    return {
        "centre": centre.id,
        "household": household.id,
        "estate": estate.id,
        "one": one.id,
        "two": two.id,
    }


async def _take(client: AsyncClient, centre: int, **target: object) -> dict[str, object]:
    taken = await client.post("/queue/tickets", json={"centre_id": centre, **target})
    assert taken.status_code == 201, taken.text
    return dict(taken.json())


async def test_numbers_follow_the_area_letter_and_the_centres_sequence(
    client: AsyncClient, session: AsyncSession
) -> None:
    hall = await _hall(session)
    first = await _take(client, hall["centre"], item_id=hall["household"])
    second = await _take(client, hall["centre"], item_id=hall["estate"])
    third = await _take(client, hall["centre"], window_id=hall["one"])
    assert [t["ticket"]["number"] for t in (first, second, third)] == ["A001", "B002", "A003"]
    assert first["window_numbers"] == [1] and first["centre_name"] == "锦华区政务服务中心"
    # Nobody served yet at window 1: five minutes a person, one window; the window ticket waits
    # behind the item ticket window 1 also calls.
    assert (third["waiting_ahead"], third["estimated_wait_minutes"]) == (1, 5)
    board = (await client.get(f"/queue/centres/{hall['centre']}/board")).json()
    assert board["waiting"] == {"A": 2, "B": 1}
    for_item = await client.get("/queue/centres", params={"item_id": hall["estate"]})
    assert [c["id"] for c in for_item.json()] == [hall["centre"]]
    nowhere = await client.get("/queue/centres", params={"item_id": 999999})
    assert nowhere.json() == []


async def test_a_ticket_needs_a_window_that_takes_it(
    client: AsyncClient, session: AsyncSession
) -> None:
    hall = await _hall(session)
    orphan = await add_item(session, name="无人受理的事项")
    refused = await client.post(
        "/queue/tickets", json={"centre_id": hall["centre"], "item_id": orphan.id}
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "no_window_for_item"
    both = await client.post(
        "/queue/tickets",
        json={"centre_id": hall["centre"], "item_id": hall["estate"], "window_id": hall["one"]},
    )
    assert both.status_code == 422
    priority = await client.post(
        "/queue/tickets",
        json={
            "centre_id": hall["centre"],
            "item_id": hall["estate"],
            "priority": "elderly",
            "priority_reason": "75岁",
        },
    )
    assert priority.status_code == 403
    assert priority.json()["error"]["code"] == "priority_by_staff"


async def test_the_clerk_calls_priority_first_then_first_come(
    client: AsyncClient, session: AsyncSession
) -> None:
    hall = await _hall(session)
    await _take(client, hall["centre"], item_id=hall["household"])  # A001
    await _take(client, hall["centre"], item_id=hall["estate"])  # B002, window 2's
    elderly = await client.post(
        "/queue/tickets",
        json={
            "centre_id": hall["centre"],
            "item_id": hall["household"],
            "priority": "elderly",
            "priority_reason": "80岁老人，凭身份证核验",
        },
        headers=CLERK,
    )
    assert elderly.status_code == 201
    assert elderly.json()["waiting_ahead"] == 0
    called = []
    for _ in range(3):
        answer = await client.post(f"/queue/windows/{hall['one']}/call-next", headers=CLERK)
        assert answer.status_code == 200, answer.text
        ticket = answer.json()["ticket"]
        if ticket is None:
            break
        called.append(ticket["number"])
        assert ticket["item_name"] == "户口迁移" and ticket["called_window_number"] == 1
        assert ticket["status"] == "called" and ticket["calls"] == 1
        done = await client.post(
            f"/queue/tickets/{ticket['id']}/finish", json={"case_number": ""}, headers=CLERK
        )
        assert done.json()["status"] == "finished"
    assert called == ["A003", "A001"]  # B002 is window 2's
    events = list(
        await session.scalars(
            select(LiveEvent).where(LiveEvent.kind == "call").order_by(LiveEvent.id)
        )
    )
    assert [(e.data["number"], e.data["window_number"]) for e in events] == [
        ("A003", 1),
        ("A001", 1),
    ]
    # The board's counts as they stand after each call: the called ticket no longer waits.
    assert [e.data["waiting"] for e in events] == [{"A": 1, "B": 1}, {"B": 1}]
    assert events[-1].channel == f"board:{hall['centre']}"


async def test_recall_no_show_transfer_and_finish(
    client: AsyncClient, session: AsyncSession
) -> None:
    hall = await _hall(session)
    first = await _take(client, hall["centre"], item_id=hall["household"])
    second = await _take(client, hall["centre"], item_id=hall["household"])
    window = hall["one"]
    called = (await client.post(f"/queue/windows/{window}/call-next", headers=CLERK)).json()
    assert called["ticket"]["number"] == "A001" and called["waiting"] == 1
    busy = await client.post(f"/queue/windows/{window}/call-next", headers=CLERK)
    assert busy.status_code == 409 and busy.json()["error"]["code"] == "ticket_in_service"
    ticket_id = first["ticket"]["id"]
    recalled = await client.post(f"/queue/tickets/{ticket_id}/recall", headers=CLERK)
    assert recalled.json()["calls"] == 2
    # Another window's clerk may not touch it.
    foreign = await client.post(f"/queue/tickets/{ticket_id}/no-show", headers=OTHER_CLERK)
    assert foreign.status_code == 403 and foreign.json()["error"]["code"] == "window_forbidden"
    gone = await client.post(f"/queue/tickets/{ticket_id}/no-show", headers=CLERK)
    assert gone.json()["status"] == "no_show"
    # The second is sent on to window 2, where its clerk calls it.
    nxt = (await client.post(f"/queue/windows/{window}/call-next", headers=CLERK)).json()
    assert nxt["ticket"]["number"] == "A002"
    moved = await client.post(
        f"/queue/tickets/{second['ticket']['id']}/transfer",
        json={"window_id": hall["two"]},
        headers=CLERK,
    )
    assert moved.json()["status"] == "waiting" and moved.json()["window_id"] == hall["two"]
    same = await client.post(
        f"/queue/tickets/{second['ticket']['id']}/transfer",
        json={"window_id": hall["two"]},
        headers=CLERK,
    )
    assert same.status_code == 409 and same.json()["error"]["code"] == "ticket_not_at_window"
    at_two = (
        await client.post(f"/queue/windows/{hall['two']}/call-next", headers=OTHER_CLERK)
    ).json()
    assert at_two["ticket"]["number"] == "A002"
    finished = await client.post(
        f"/queue/tickets/{second['ticket']['id']}/finish",
        json={"case_number": "JH20261202-0001"},
        headers=OTHER_CLERK,
    )
    assert finished.json()["case_number"] == "JH20261202-0001"
    board = (await client.get(f"/queue/centres/{hall['centre']}/board")).json()
    assert [w["current"] for w in board["windows"]] == [None, None]
    assert [c["number"] for c in board["recent"]][:2] == ["A002", "A001"]
    kinds = [e.kind for e in await session.scalars(select(LiveEvent).order_by(LiveEvent.id))]
    assert kinds.count("call") == 4 and kinds.count("free") == 3


async def test_the_console_shows_the_clerks_windows_and_queue(
    client: AsyncClient, session: AsyncSession
) -> None:
    hall = await _hall(session)
    await _take(client, hall["centre"], item_id=hall["household"])
    desk = (await client.get("/queue/desk", headers=CLERK)).json()
    assert [(w["number"], w["waiting"]) for w in desk] == [(1, 1)]
    console = (await client.get(f"/queue/windows/{hall['one']}", headers=CLERK)).json()
    assert [t["number"] for t in console["queue"]] == ["A001"]
    assert console["queue"][0]["item_name"] == "户口迁移"
    assert [w["number"] for w in console["transfer_to"]] == [2]
    refused = await client.get(f"/queue/windows/{hall['two']}", headers=CLERK)
    assert refused.status_code == 403
    # The office of the centre's unit may work at any of its windows.
    assert len((await client.get("/queue/desk", headers=OFFICE)).json()) == 2


async def test_an_appointment_is_booked_to_capacity_and_checked_in_as_priority(
    client: AsyncClient, session: AsyncSession
) -> None:
    hall = await _hall(session)
    slot = await client.post(
        "/queue/slots",
        json={
            "centre_id": hall["centre"],
            "item_id": hall["household"],
            "day": today().isoformat(),
            "starts_at": "00:00",
            "ends_at": "23:59",
            "capacity": 1,
        },
        headers=OFFICE,
    )
    assert slot.status_code == 201, slot.text
    slot_id = slot.json()["id"]
    await _take(client, hall["centre"], item_id=hall["household"])  # A001, on site
    booked = await client.post(
        "/queue/bookings", json={"slot_id": slot_id, "name": "张小明", "phone": "13812345678"}
    )
    assert booked.status_code == 201, booked.text
    assert booked.json()["name_masked"] == "张**"
    assert booked.json()["phone_masked"] == "138****5678"
    # Kept whole for the centre, but encrypted: the table holds neither the name nor the phone.
    stored = (
        await session.execute(
            text("SELECT name, phone FROM appointment_booking WHERE code = :code"),
            {"code": booked.json()["code"]},
        )
    ).one()
    assert all(value.startswith("pd1.") for value in stored)
    assert "张小明" not in stored.name and "13812345678" not in stored.phone
    kept = await session.scalar(
        select(AppointmentBooking).where(AppointmentBooking.code == booked.json()["code"])
    )
    assert kept is not None and (kept.name, kept.phone) == ("张小明", "13812345678")
    full = await client.post(
        "/queue/bookings", json={"slot_id": slot_id, "name": "李四", "phone": "13912345678"}
    )
    assert full.status_code == 409 and full.json()["error"]["code"] == "slot_full"
    bad_phone = await client.post(
        "/queue/bookings", json={"slot_id": slot_id, "name": "李四", "phone": "12345"}
    )
    assert bad_phone.status_code == 422
    assert bad_phone.json()["error"]["fields"][0]["field"] == "body.phone"
    code = booked.json()["code"]
    checked = await client.post("/queue/bookings/check-in", json={"code": code.lower()})
    assert checked.status_code == 201, checked.text
    assert checked.json()["ticket"]["priority"] == "appointment"
    assert checked.json()["waiting_ahead"] == 0
    again = await client.post("/queue/bookings/check-in", json={"code": code})
    assert again.json()["error"]["code"] == "booking_used"
    called = (await client.post(f"/queue/windows/{hall['one']}/call-next", headers=CLERK)).json()
    assert called["ticket"]["number"] == checked.json()["ticket"]["number"] == "A002"


async def test_a_booking_for_another_day_is_not_checked_in(
    client: AsyncClient, session: AsyncSession
) -> None:
    hall = await _hall(session)
    tomorrow = today() + timedelta(days=1)
    slot = await client.post(
        "/queue/slots",
        json={
            "centre_id": hall["centre"],
            "item_id": hall["estate"],
            "day": tomorrow.isoformat(),
            "starts_at": "09:00",
            "ends_at": "09:30",
            "capacity": 3,
        },
        headers=OFFICE,
    )
    listed = (await client.get("/queue/slots", params={"centre_id": hall["centre"]})).json()
    assert [(s["id"], s["available"]) for s in listed] == [(slot.json()["id"], 3)]
    booked = await client.post(
        "/queue/bookings",
        json={"slot_id": slot.json()["id"], "name": "王五", "phone": "13700000000"},
    )
    early = await client.post("/queue/bookings/check-in", json={"code": booked.json()["code"]})
    assert early.status_code == 409 and early.json()["error"]["code"] == "booking_not_today"
    past = await client.post(
        "/queue/slots",
        json={
            "centre_id": hall["centre"],
            "item_id": hall["estate"],
            "day": (today() - timedelta(days=1)).isoformat(),
            "starts_at": "09:00",
            "ends_at": "09:30",
            "capacity": 3,
        },
        headers=OFFICE,
    )
    assert past.status_code == 422 and past.json()["error"]["fields"][0]["field"] == "day"


async def test_estimate_and_figures_use_the_recent_service_times(
    client: AsyncClient, session: AsyncSession
) -> None:
    hall = await _hall(session)
    # Two services at window 1 that took 4 and 8 minutes: 6 minutes a person.
    now = utcnow()
    for number, (waited, served) in enumerate(((10, 4), (20, 8)), start=1):
        session.add(
            Ticket(
                centre_id=hall["centre"],
                service_day=today(),
                sequence=900 + number,
                number=f"A9{number:02d}",
                area="A",
                item_id=hall["household"],
                status="finished",
                taken_at=now - timedelta(minutes=waited + served),
                first_called_at=now - timedelta(minutes=served),
                called_at=now - timedelta(minutes=served),
                called_window_id=hall["one"],
                calls=1,
                finished_at=now,
            )
        )
    await session.commit()
    await _take(client, hall["centre"], item_id=hall["household"])
    await _take(client, hall["centre"], item_id=hall["household"])
    third = await _take(client, hall["centre"], item_id=hall["household"])
    assert (third["waiting_ahead"], third["estimated_wait_minutes"]) == (2, 12)
    figures = await client.get(
        "/queue/stats", params={"centre_id": hall["centre"]}, headers=SUPERVISOR
    )
    assert figures.status_code == 200, figures.text
    body = figures.json()
    assert (body["tickets"], body["served"]) == (5, 2)
    assert body["average_wait_seconds"] == 15 * 60
    assert body["average_service_seconds"] == 6 * 60
    assert [(w["name"], w["served"]) for w in body["by_window"]] == [("1号窗口 户籍窗口", 2)]
    assert [(i["name"], i["served"]) for i in body["by_item"]] == [("户口迁移", 2)]
    wrong = await client.get(
        "/queue/stats",
        params={"centre_id": hall["centre"], "date_from": "2026-12-02", "date_to": "2026-12-01"},
        headers=SUPERVISOR,
    )
    assert wrong.status_code == 422


async def test_two_kiosks_never_get_the_same_number(engine: AsyncEngine) -> None:
    """Twenty sequences taken at once on separate connections are twenty different numbers."""
    async with engine.begin() as connection:
        session = AsyncSession(bind=connection, expire_on_commit=False)
        await add_test_district(session)
        centre = await add_centre(session, name="并发取号测试中心")
        centre_id = centre.id
    day = today()

    async def one() -> int:
        async with AsyncSession(engine) as session, session.begin():
            return await next_sequence(session, centre_id, day)

    try:
        numbers = await asyncio.gather(*(one() for _ in range(20)))
        assert sorted(numbers) == list(range(1, 21))
    finally:
        async with engine.begin() as connection:
            await connection.exec_driver_sql(
                f"DELETE FROM queue_counter WHERE centre_id = {centre_id}"
            )
            await connection.exec_driver_sql(f"DELETE FROM service_centre WHERE id = {centre_id}")
            await connection.exec_driver_sql("DELETE FROM unit WHERE id IN (1, 2, 3, 4)")


async def test_windows_calling_at_once_never_get_the_same_ticket(engine: AsyncEngine) -> None:
    """Ten windows that accept the same item call at the same moment, on their own
    connections: ten different tickets (SELECT … FOR UPDATE SKIP LOCKED)."""
    from sunshine_hall.queue import steps
    from sunshine_hall.queue.models import TicketStatus
    from sunshine_hall.windows.models import Window
    from sunshine_kit.auth import Principal
    from sunshine_kit.roles import Role

    async with engine.begin() as connection:
        session = AsyncSession(bind=connection, expire_on_commit=False)
        await add_test_district(session)
        centre = await add_centre(session, name="并发叫号测试中心")
        item = await add_item(session, name="并发叫号事项")
        windows = [await add_window(session, centre, number=n) for n in range(1, 11)]
        for window in windows:
            await station(session, window, items=[item])
        for sequence in range(1, 16):
            session.add(
                Ticket(
                    centre_id=centre.id,
                    service_day=today(),
                    sequence=sequence,
                    number=f"A{sequence:03d}",
                    area="A",
                    item_id=item.id,
                    status=TicketStatus.WAITING,
                )
            )
        await session.commit()
    office = Principal(subject="service:test", username="hall", roles=frozenset({Role.SERVICE}))

    async def call(window_id: int) -> str | None:
        async with AsyncSession(engine, expire_on_commit=False) as session, session.begin():
            window = await session.get_one(Window, window_id)
            called = await steps.call_next(session, office, window)
            return called.ticket.number if called.ticket else None

    try:
        called = await asyncio.gather(*(call(window.id) for window in windows))
        assert None not in called and len(set(called)) == 10
    finally:
        async with engine.begin() as connection:
            for statement in (
                "DELETE FROM live_event WHERE channel = 'board:{centre}'",
                "DELETE FROM queue_ticket WHERE centre_id = {centre}",
                "DELETE FROM window_item WHERE item_id = {item}",
                "DELETE FROM window_unit WHERE window_id IN "
                "(SELECT id FROM service_window WHERE centre_id = {centre})",
                "DELETE FROM service_window WHERE centre_id = {centre}",
                "DELETE FROM service_item_version WHERE item_id = {item}",
                "DELETE FROM item_material WHERE item_id = {item}",
                "DELETE FROM service_item WHERE id = {item}",
                "DELETE FROM service_centre WHERE id = {centre}",
                "DELETE FROM unit WHERE id IN (1, 2, 3, 4)",
            ):
                await connection.exec_driver_sql(statement.format(centre=centre.id, item=item.id))
