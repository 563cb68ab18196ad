"""The password policy (口令复杂度), where an ops admin sets a password and where users change
their own."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from gateway_builders import district, login
from httpx import AsyncClient, Response
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_gateway.demo import data
from sunshine_gateway.identity.passwords import password_problem


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Sh0rt!pw", "至少需要 10 位"),
        ("1357924680", "只由一类字符组成"),
        ("jinhuadistrict", "只由一类字符组成"),
        ("jinhua2026district", "至少三类"),
        ("Wang.Wei-2026", "包含用户名"),
        ("Password123!", "过于常见"),
        ("Qwerty123456", "过于常见"),
        ("P@ssw0rd2024", "过于常见"),
    ],
)
async def test_each_rule_is_refused_with_its_reason(
    client: AsyncClient, session: AsyncSession, password: str, reason: str
) -> None:
    units = await district(session)
    admin = await login(client, "admin")
    response = await client.post(
        "/api/users",
        headers=admin,
        json={
            "username": "wang.wei",
            "display_name": "王伟",
            "unit_id": units["锦华区财政局"].id,
            "roles": ["publisher"],
            "password": password,
        },
    )
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "weak_password"
    assert error["fields"][0]["field"] == "body.password"
    assert reason in error["fields"][0]["reason"]


def test_the_username_is_refused_both_ways() -> None:
    assert password_problem("Zhangwei-88", "zhangwei") is not None
    assert password_problem("Ab-1234567", "ab-1234567x") is not None  # inside the name
    assert password_problem("Climb-the-hill-9", "li") is None  # too short a name to forbid


def test_good_passwords_pass_and_the_demo_password_among_them() -> None:
    for password in (data.DEMO_PASSWORD, "Spring-rain-77", "a-long-password-1", "锦华Jinhua#88"):
        assert password_problem(password, "wang.wei", "王伟") is None, password


async def test_an_admin_setting_a_weak_password_is_refused_with_the_reason(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    admin = await login(client, "admin")
    users = (await client.get("/api/users", headers=admin)).json()
    clerk = next(u for u in users if u["username"] == "clerk")
    response = await client.patch(
        f"/api/users/{clerk['id']}", headers=admin, json={"password": "clerk12345!"}
    )
    assert response.status_code == 422
    assert "包含用户名" in response.json()["error"]["fields"][0]["reason"]


async def change(client: AsyncClient, headers: dict[str, str], old: str, new: str) -> Response:
    return await client.post(
        "/api/auth/password", headers=headers, json={"old_password": old, "password": new}
    )


async def test_a_user_changes_their_password_and_their_other_sessions_end(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    here = await login(client, "clerk")
    elsewhere = await login(client, "clerk")
    assert (await change(client, here, data.DEMO_PASSWORD, "Spring-rain-77")).status_code == 204
    assert (await client.get("/api/auth/me", headers=here)).status_code == 200
    assert (await client.get("/api/auth/me", headers=elsewhere)).status_code == 401
    old = await client.post(
        "/api/auth/login", json={"username": "clerk", "password": data.DEMO_PASSWORD}
    )
    assert old.status_code == 401
    new = await client.post(
        "/api/auth/login", json={"username": "clerk", "password": "Spring-rain-77"}
    )
    assert new.status_code == 200


async def test_a_password_change_needs_the_old_password_and_a_policy_password(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    headers = await login(client, "clerk")
    wrong_old = await change(client, headers, "Not-my-password-1", "Spring-rain-77")
    assert wrong_old.status_code == 422
    assert wrong_old.json()["error"]["fields"][0]["field"] == "body.old_password"
    weak = await change(client, headers, data.DEMO_PASSWORD, "abcdefghijk")
    assert weak.status_code == 422
    assert weak.json()["error"]["fields"][0]["field"] == "body.password"
    same = await change(client, headers, data.DEMO_PASSWORD, data.DEMO_PASSWORD)
    assert same.status_code == 422
    assert "相同" in same.json()["error"]["message"]


async def test_a_password_change_needs_a_signed_in_user(client: AsyncClient) -> None:
    assert (await change(client, {}, data.DEMO_PASSWORD, "Spring-rain-77")).status_code == 401


async def test_wrong_old_passwords_count_towards_the_lockout(
    app: FastAPI, client: AsyncClient, session: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stolen access token is no way round the lockout for guessing the password."""
    await district(session)
    headers = await login(client, "clerk")
    tuned = app.state.settings.model_copy(update={"login_lockout_failures": 2})
    monkeypatch.setattr(app.state, "settings", tuned)
    assert (await change(client, headers, "Guess-number-1", "Spring-rain-77")).status_code == 422
    locked = await change(client, headers, "Guess-number-2", "Spring-rain-77")
    assert locked.status_code == 423
    assert locked.json()["error"]["code"] == "account_locked"
