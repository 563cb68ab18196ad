import pytest
from fastapi import FastAPI
from gateway_builders import district, login
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_gateway.demo import data


async def test_login_returns_tokens_and_who_i_am(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    response = await client.post(
        "/api/auth/login", json={"username": "office", "password": data.DEMO_PASSWORD}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["user"]["roles"] == ["office"]
    assert body["user"]["unit_name"] == data.DISTRICT
    me = await client.get(
        "/api/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert me.json()["unit_id"] == units[data.DISTRICT].id


async def test_wrong_password_and_unknown_user_get_the_same_answer(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    wrong = await client.post("/api/auth/login", json={"username": "office", "password": "nope"})
    unknown = await client.post("/api/auth/login", json={"username": "nobody", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["error"] == unknown.json()["error"]
    assert wrong.json()["error"]["message"] == "用户名或密码错误"


async def test_login_form_errors_name_the_field(client: AsyncClient) -> None:
    response = await client.post("/api/auth/login", json={"username": "office"})
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "body.password"


async def test_repeated_failed_logins_are_throttled(
    client: AsyncClient, session: AsyncSession, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    await district(session)
    # The throttle alone (the lockout has tests of its own: test_login_security.py).
    settings = app.state.settings.model_copy(update={"login_lockout_failures": 100})
    monkeypatch.setattr(app.state, "settings", settings)
    statuses = []
    for _ in range(6):
        response = await client.post(
            "/api/auth/login", json={"username": "reviewer", "password": "guess"}
        )
        statuses.append(response.status_code)
    assert statuses[:5] == [401] * 5
    assert statuses[5] == 429
    assert int(response.headers["Retry-After"]) >= 1


async def test_refresh_rotates_and_a_reused_refresh_token_ends_the_session(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    first = (
        await client.post(
            "/api/auth/login", json={"username": "publisher", "password": data.DEMO_PASSWORD}
        )
    ).json()
    second = await client.post("/api/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    assert second.json()["refresh_token"] != first["refresh_token"]
    replayed = await client.post(
        "/api/auth/refresh", json={"refresh_token": first["refresh_token"]}
    )
    assert replayed.status_code == 401
    after = await client.post(
        "/api/auth/refresh", json={"refresh_token": second.json()["refresh_token"]}
    )
    assert after.status_code == 401


async def test_logout_revokes_access_and_refresh(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    tokens = (
        await client.post(
            "/api/auth/login", json={"username": "clerk", "password": data.DEMO_PASSWORD}
        )
    ).json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert (await client.get("/api/auth/me", headers=headers)).status_code == 200
    out = await client.post(
        "/api/auth/logout", json={"refresh_token": tokens["refresh_token"]}, headers=headers
    )
    assert out.status_code == 204
    assert (await client.get("/api/auth/me", headers=headers)).status_code == 401
    again = await client.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert again.status_code == 401


async def test_ops_admin_opens_an_account_that_can_log_in(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    admin = await login(client, "admin")
    created = await client.post(
        "/api/users",
        headers=admin,
        json={
            "username": "wang.wei",
            "display_name": "王伟",
            "unit_id": units["锦华区财政局"].id,
            "roles": ["publisher"],
            "password": "a-long-password-1",
        },
    )
    assert created.status_code == 201, created.text
    response = await client.post(
        "/api/auth/login", json={"username": "wang.wei", "password": "a-long-password-1"}
    )
    assert response.json()["user"]["unit_name"] == "锦华区财政局"


async def test_only_ops_admin_manages_accounts(client: AsyncClient, session: AsyncSession) -> None:
    await district(session)
    assert (await client.get("/api/users")).status_code == 401
    office = await login(client, "office")
    assert (await client.get("/api/users", headers=office)).status_code == 403
