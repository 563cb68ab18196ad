"""A body over its limit is refused before the app reads it (finding: request bodies)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from httpx import AsyncClient

from sunshine_kit.testing import auth


async def test_a_declared_oversized_body_is_refused_at_once(client: AsyncClient) -> None:
    big = b'{"title": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    response = await client.post(
        "/notes", content=big, headers={"Content-Type": "application/json", **auth("publisher")}
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    assert "2 MB" in response.json()["error"]["message"]


async def test_a_streamed_body_is_cut_off_at_the_limit(client: AsyncClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"title": "'
        for _ in range(40):
            yield b"y" * 64 * 1024
        yield b'"}'

    response = await client.post(
        "/notes",
        content=chunks(),
        headers={"Content-Type": "application/json", **auth("publisher")},
    )
    assert response.status_code == 413


async def test_a_body_within_the_limit_is_read(client: AsyncClient) -> None:
    body = {"title": "公告", "remarks": "说明" * 200_000}  # 1.2 MB of JSON, under 2 MB
    response = await client.post("/notes", json=body, headers=auth("publisher"))
    assert response.status_code == 201
