"""The live hub and streams: every replica's hub reads the events in id order, a late commit
of a lower id still arrives, and a screen is sent the board's state when it connects."""

from __future__ import annotations

import asyncio
import json

import pytest
from hall_builders import (
    BUREAU,
    CLERK,
    add_centre,
    add_item,
    add_test_district,
    add_window,
    station,
)
from httpx import AsyncClient
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from sunshine_hall.live.hub import LiveHub
from sunshine_hall.live.models import LiveEvent
from sunshine_kit.db import Database


async def test_two_hubs_both_deliver_every_event_in_order_even_one_committed_late(
    database_url: str, engine: AsyncEngine
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time: commits never come out of id order")
    database = Database(database_url)
    replicas = [LiveHub(database, interval=0.02), LiveHub(database, interval=0.02)]
    screens = [await hub.subscribe("board:test") for hub in replicas]
    others = await replicas[0].subscribe("board:elsewhere")
    try:
        async with AsyncSession(engine) as late:
            # A transaction that takes its id first and commits last.
            late.add(LiveEvent(channel="board:test", kind="call", data={"number": "A001"}))
            await late.flush()
            async with AsyncSession(engine) as early, early.begin():
                early.add(LiveEvent(channel="board:test", kind="call", data={"number": "A002"}))
            await asyncio.sleep(0.1)
            await late.commit()
        for screen in screens:
            got = [await screen.next(2.0) for _ in range(2)]
            assert [m.data["number"] for m in got if m] == ["A002", "A001"]
        assert await others.next(0.1) is None
    finally:
        for hub in replicas:
            await hub.stop()
        async with engine.begin() as connection:
            await connection.execute(delete(LiveEvent).where(LiveEvent.channel == "board:test"))
        await database.dispose()


async def test_the_hub_runs_only_while_a_screen_is_connected(database_url: str) -> None:
    database = Database(database_url)
    hub = LiveHub(database, interval=0.02)
    try:
        screen = await hub.subscribe("board:1")
        assert hub.running and hub.subscribers == 1
        hub.close(screen)
        assert not hub.running and hub.subscribers == 0
    finally:
        await hub.stop()
        await database.dispose()


async def test_the_board_stream_starts_with_the_state(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    centre = await add_centre(session)
    item = await add_item(session, name="户口迁移")
    window = await add_window(session, centre, number=5, ticket_prefix="A")
    await station(session, window, account="clerk", unit_id=BUREAU, items=[item])
    await client.post("/queue/tickets", json={"centre_id": centre.id, "item_id": item.id})
    await client.post(f"/queue/windows/{window.id}/call-next", headers=CLERK)
    stream = await client.get(f"/live/board/{centre.id}")
    assert stream.status_code == 200
    assert stream.headers["content-type"].startswith("text/event-stream")
    assert stream.headers["x-accel-buffering"] == "no"
    event = dict(line.split(": ", 1) for line in stream.text.strip().splitlines() if ": " in line)
    assert event["event"] == "state"
    state = json.loads(event["data"])
    assert state["windows"] == [
        {
            "number": 5,
            "name": "5号窗口",
            "current": "A001",
            "called_at": state["windows"][0]["called_at"],
        }
    ]
    assert state["recent"][0]["number"] == "A001"
    missing = await client.get("/live/board/999999")
    assert missing.status_code == 404
