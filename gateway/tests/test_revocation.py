"""Logout, deactivation and a change of roles hold at once, through the proxy and at the gateway's
own routes: the service is told who calls as the account stands now, not as the token says."""

from __future__ import annotations

import os
import socket
from collections.abc import AsyncIterator

import jwt
import pytest
from aiohttp import web
from fastapi import FastAPI
from gateway_builders import district, login
from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_gateway.identity.models import User


@pytest.fixture
async def catalog_echo(app: FastAPI) -> AsyncIterator[None]:
    """A stand-in catalog that answers with the claims of the token the gateway sent it."""

    async def echo(request: web.Request) -> web.Response:
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        claims = jwt.decode(
            token,
            os.environ["SUNSHINE_INTERNAL_TOKEN_SECRET"],
            algorithms=["HS256"],
            audience="catalog",
        )
        return web.json_response(claims)

    async def length(request: web.Request) -> web.Response:
        body = await request.read()
        return web.json_response(
            {"content_length": request.headers.get("Content-Length"), "body": len(body)}
        )

    server = web.Application()
    server.router.add_get("/whoami", echo)
    server.router.add_get("/length", length)
    runner = web.AppRunner(server)
    await runner.setup()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    await web.TCPSite(runner, "127.0.0.1", port).start()
    proxy = app.state.proxy
    kept = proxy.settings
    proxy.settings = kept.model_copy(update={"catalog_url": f"http://127.0.0.1:{port}"})
    proxy.settings.__dict__.pop("service_urls", None)  # computed once per settings object
    try:
        yield
    finally:
        proxy.settings = kept
        await proxy.close()  # its connections belong to this test's event loop
        await runner.cleanup()


async def _set(client: AsyncClient, user_id: int, **change: object) -> None:
    response = await client.patch(
        f"/api/users/{user_id}", json=change, headers=await login(client, "admin")
    )
    assert response.status_code == 200, response.text


async def test_the_service_hears_of_a_change_of_roles_and_a_deactivation_at_once(
    client: AsyncClient, session: AsyncSession, catalog_echo: None
) -> None:
    await district(session)
    publisher = await login(client, "publisher")
    user_id = await session.scalar(select(User.id).where(User.username == "publisher"))
    said = (await client.get("/api/catalog/whoami", headers=publisher)).json()
    assert said["roles"] == ["publisher"] and said["typ"] == "forwarded"
    assert said["exp"] - said["iat"] <= 60  # made for this request, useless soon after

    assert user_id is not None
    await _set(client, user_id, roles=["reviewer"])
    said = (await client.get("/api/catalog/whoami", headers=publisher)).json()
    assert said["roles"] == ["reviewer"]  # the same token, today's roles

    await _set(client, user_id, active=False)
    refused = await client.get("/api/catalog/whoami", headers=publisher)
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "user_inactive"
    assert (await client.get("/api/auth/me", headers=publisher)).status_code == 401


async def test_a_logged_out_session_reaches_no_service(
    client: AsyncClient, session: AsyncSession, catalog_echo: None
) -> None:
    await district(session)
    response = await client.post(
        "/api/auth/login", json={"username": "publisher", "password": "Sunshine@2026"}
    )
    pair = response.json()
    headers = {"Authorization": f"Bearer {pair['access_token']}"}
    assert (await client.get("/api/catalog/whoami", headers=headers)).status_code == 200
    await client.post(
        "/api/auth/logout", json={"refresh_token": pair["refresh_token"]}, headers=headers
    )
    refused = await client.get("/api/catalog/whoami", headers=headers)
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "session_revoked"


async def test_an_ops_admin_demoted_loses_the_accounts_page_at_once(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    admin = await login(client, "admin")
    assert (await client.get("/api/users", headers=admin)).status_code == 200
    admin_id = await session.scalar(select(User.id).where(User.username == "admin"))
    second = User(
        username="admin2",
        display_name="备用运维",
        unit_id=units["锦华区人民政府"].id,
        roles=["ops_admin"],
        password_hash=(await session.get(User, admin_id)).password_hash,  # type: ignore[union-attr]
    )
    session.add(second)
    await session.commit()
    other = await login(client, "admin2")
    response = await client.patch(
        f"/api/users/{admin_id}", json={"roles": ["supervisor"]}, headers=other
    )
    assert response.status_code == 200
    refused = await client.get("/api/users", headers=admin)
    assert refused.status_code == 403


async def test_a_components_token_is_not_forwarded_by_the_gateway(
    client: AsyncClient, catalog_echo: None
) -> None:
    from sunshine_kit.testing import auth

    response = await client.get("/api/catalog/whoami", headers=auth("service", audience="gateway"))
    assert response.status_code == 401


async def test_a_body_sent_with_get_does_not_reach_the_service_as_a_length(
    client: AsyncClient, catalog_echo: None
) -> None:
    """A GET's body is dropped, and so is its Content-Length: announced to the service, it
    would make the service read the next request on the pooled connection as that body."""
    for _ in range(3):
        response = await client.request(
            "GET",
            "/api/catalog/length",
            content=b'{"a": 1}',
            headers={"Content-Type": "application/json"},
        )
        assert response.json() == {"content_length": None, "body": 0}
    assert (await client.get("/api/catalog/length")).status_code == 200
