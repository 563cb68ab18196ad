"""An event stream (the live hall board) passes the gateway's proxy as it is written: each event
reaches the browser when the service sends it, and the stream is not cut by the proxy's total
timeout, only by a silence as long as it."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from fastapi import FastAPI


@pytest.fixture
async def hall_streaming(app: FastAPI) -> AsyncIterator[str]:
    """A stand-in hall answering /live/board/1 with three events 0.6 s apart."""

    async def board(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        await response.write(b"event: state\ndata: {}\n\n")
        for number in (b"A022", b"A023"):
            await asyncio.sleep(0.6)
            await response.write(b'event: call\ndata: {"number": "' + number + b'"}\n\n')
        return response

    server = web.Application()
    server.router.add_get("/live/board/1", board)
    runner = web.AppRunner(server)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    settings = app.state.proxy.settings
    kept = (settings.service_urls["hall"], settings.proxy_timeout_seconds)
    url = f"http://127.0.0.1:{port}"
    settings.service_urls["hall"], settings.proxy_timeout_seconds = url, 1.0
    try:
        yield url
    finally:
        settings.service_urls["hall"], settings.proxy_timeout_seconds = kept
        await app.state.proxy.close()
        await runner.cleanup()


async def _get(
    app: FastAPI, path: str, accept: str, sent: list[tuple[float, bytes]] | None = None
) -> tuple[int, list[tuple[float, bytes]]]:
    """Call the gateway as a server would, noting when each piece of the body is sent."""
    start = time.monotonic()
    sent = [] if sent is None else sent
    status = 0

    async def receive() -> dict[str, Any]:
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message.get("body"):
            sent.append((time.monotonic() - start, message["body"]))

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"test"), (b"accept", accept.encode())],
        "client": ("127.0.0.1", 50000),
        "server": ("test", 80),
    }
    await app(scope, receive, send)
    return status, sent


async def test_each_event_reaches_the_screen_when_sent_past_the_total_timeout(
    app: FastAPI, hall_streaming: str
) -> None:
    status, sent = await _get(app, "/api/hall/live/board/1", "text/event-stream")
    assert status == 200
    body = b"".join(chunk for _, chunk in sent)
    assert b"event: state" in body and b"A023" in body  # 1.2 s: past the 1 s timeout
    first = next(at for at, chunk in sent if b"event: state" in chunk)
    assert first < 0.8  # passed on at once, not when the stream ended


async def test_an_ordinary_request_keeps_its_total_timeout(
    app: FastAPI, hall_streaming: str
) -> None:
    sent: list[tuple[float, bytes]] = []
    with contextlib.suppress(Exception):  # the answer is cut short, as any late answer is
        await _get(app, "/api/hall/live/board/1", "application/json", sent)
    body = b"".join(chunk for _, chunk in sent)
    assert b"event: state" in body and b"A023" not in body
