"""Login under attack: throttles per account and per address, the lockout after a run of wrong
passwords (and its lifting), the address behind trusted proxies, and logout's proof."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from gateway_builders import district, login
from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import HTTPConnection

from sunshine_gateway.demo import data
from sunshine_gateway.deps import client_ip
from sunshine_gateway.identity.models import AuthSession, LoginLockout, User
from sunshine_gateway.ratelimit import RateLimits
from sunshine_kit.audit.models import AuditEntry
from sunshine_kit.db import utcnow

WRONG = "Wrong-guess-2026"
Tune = Callable[..., None]


@pytest.fixture
def tune(app: FastAPI, monkeypatch: pytest.MonkeyPatch) -> Tune:
    """Change the gateway's settings for one test."""

    def _tune(**changes: Any) -> None:
        if "trusted_proxies" in changes:
            changes["trusted_proxies"] = type(app.state.settings)(
                trusted_proxies=changes["trusted_proxies"]
            ).trusted_proxies
        monkeypatch.setattr(app.state, "settings", app.state.settings.model_copy(update=changes))

    return _tune


@asynccontextmanager
async def peer(app: FastAPI, address: str) -> AsyncIterator[AsyncClient]:
    """A client whose connection comes from `address` (alongside the `client` fixture, whose
    database overrides it shares)."""
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


async def attempt(client: AsyncClient, username: str, password: str = WRONG) -> httpx.Response:
    return await client.post("/api/auth/login", json={"username": username, "password": password})


# Per account, per address ----------------------------------------------------------------------


async def test_an_account_is_throttled_however_many_addresses_guess_at_it(
    app: FastAPI, client: AsyncClient, session: AsyncSession, tune: Tune
) -> None:
    await district(session)
    tune(login_lockout_failures=100)  # the throttle alone; conftest allows 5 a minute
    statuses = []
    for n in range(6):
        async with peer(app, f"198.51.100.{n + 1}") as elsewhere:
            statuses.append((await attempt(elsewhere, "reviewer")).status_code)
    assert statuses == [401] * 5 + [429]
    # Another account, from one of the same addresses, is not held up.
    async with peer(app, "198.51.100.1") as first:
        assert (await attempt(first, "publisher")).status_code == 401


async def test_one_address_is_throttled_across_accounts(
    client: AsyncClient, session: AsyncSession, tune: Tune
) -> None:
    await district(session)
    tune(login_ip_rate_limit="3/minute")
    statuses = [(await attempt(client, name)).status_code for name in ("a1", "a2", "a3", "a4")]
    assert statuses == [401, 401, 401, 429]


async def test_a_name_nobody_holds_is_throttled_like_a_real_one(
    client: AsyncClient, session: AsyncSession, tune: Tune
) -> None:
    await district(session)
    tune(login_lockout_failures=100)
    known = [(await attempt(client, "reviewer")).status_code for _ in range(6)]
    unknown = [(await attempt(client, "nobody.here")).status_code for _ in range(6)]
    assert known == unknown == [401] * 5 + [429]


# Lockout ---------------------------------------------------------------------------------------


async def test_a_run_of_wrong_passwords_locks_the_account_until_a_stated_time(
    app: FastAPI, client: AsyncClient, session: AsyncSession, tune: Tune
) -> None:
    await district(session)
    tune(login_lockout_failures=3, login_lockout_minutes=15, login_rate_limit="100/minute")
    answers = [await attempt(client, "reviewer") for _ in range(3)]
    assert [a.status_code for a in answers] == [401, 401, 423]
    locked = answers[-1].json()["error"]
    assert locked["code"] == "account_locked"
    assert "锁定至" in locked["message"]
    assert 14 * 60 < int(answers[-1].headers["Retry-After"]) <= 15 * 60

    # The right password does not open it now, and the lock is the database's, so a restarted
    # gateway (fresh rate-limit storage) or another replica sees it too.
    app.state.rate_limits = RateLimits("memory://")
    again = await attempt(client, "reviewer", data.DEMO_PASSWORD)
    assert again.status_code == 423
    lock = await session.get(LoginLockout, "reviewer")
    assert lock is not None and lock.locked_until is not None
    assert timedelta(minutes=14) < lock.locked_until - utcnow() <= timedelta(minutes=15)
    logged = await session.scalars(
        select(AuditEntry.action)
        .where(AuditEntry.entity_type == "login_name", AuditEntry.entity_id == "reviewer")
        .order_by(AuditEntry.id)
    )
    assert list(logged) == ["login.failed", "login.failed", "login.locked"]


async def test_a_name_nobody_holds_locks_exactly_like_a_real_one(
    client: AsyncClient, session: AsyncSession, tune: Tune
) -> None:
    await district(session)
    tune(login_lockout_failures=3, login_rate_limit="100/minute")
    known = [await attempt(client, "reviewer") for _ in range(4)]
    unknown = [await attempt(client, "nobody.here") for _ in range(4)]
    statuses = [r.status_code for r in known]
    assert statuses == [r.status_code for r in unknown] == [401, 401, 423, 423]
    assert known[-1].json()["error"]["code"] == unknown[-1].json()["error"]["code"]


async def test_a_success_starts_the_count_again(
    client: AsyncClient, session: AsyncSession, tune: Tune
) -> None:
    await district(session)
    tune(login_lockout_failures=3, login_rate_limit="100/minute")
    for _ in range(2):
        assert (await attempt(client, "reviewer")).status_code == 401
    assert (await attempt(client, "reviewer", data.DEMO_PASSWORD)).status_code == 200
    for _ in range(2):
        assert (await attempt(client, "reviewer")).status_code == 401
    assert (await attempt(client, "reviewer", data.DEMO_PASSWORD)).status_code == 200


async def test_a_lock_runs_out_and_a_new_run_begins(
    client: AsyncClient, session: AsyncSession, tune: Tune
) -> None:
    await district(session)
    tune(login_lockout_failures=2, login_rate_limit="100/minute")
    for _ in range(2):
        await attempt(client, "reviewer")
    lock = await session.get(LoginLockout, "reviewer")
    assert lock is not None
    lock.locked_until = lock.last_failed_at = utcnow() - timedelta(minutes=16)  # time passes
    await session.commit()
    assert (await attempt(client, "reviewer")).status_code == 401  # one wrong, not locked again
    assert (await attempt(client, "reviewer", data.DEMO_PASSWORD)).status_code == 200


async def test_an_ops_admin_sees_and_lifts_a_lockout_and_the_audit_log_says_so(
    client: AsyncClient, session: AsyncSession, tune: Tune
) -> None:
    await district(session)
    admin = await login(client, "admin")
    tune(login_lockout_failures=3, login_rate_limit="100/minute")
    for _ in range(3):
        await attempt(client, "reviewer")
    listed = {u["username"]: u for u in (await client.get("/api/users", headers=admin)).json()}
    assert listed["reviewer"]["locked_until"] is not None
    assert listed["publisher"]["locked_until"] is None

    reviewer_id = listed["reviewer"]["id"]
    lifted = await client.post(f"/api/users/{reviewer_id}/unlock", headers=admin)
    assert lifted.status_code == 200, lifted.text
    assert lifted.json()["locked_until"] is None
    assert (await attempt(client, "reviewer", data.DEMO_PASSWORD)).status_code == 200
    entry = await session.scalar(
        select(AuditEntry).where(
            AuditEntry.action == "user.unlocked", AuditEntry.entity_id == str(reviewer_id)
        )
    )
    assert entry is not None and entry.actor == "admin"


async def test_only_an_ops_admin_over_the_unit_unlocks(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    reviewer_id = await session.scalar(select(User.id).where(User.username == "reviewer"))
    office = await login(client, "office")
    refused = await client.post(f"/api/users/{reviewer_id}/unlock", headers=office)
    assert refused.status_code == 403


# Behind proxies --------------------------------------------------------------------------------


def _connection(app: FastAPI, peer_address: str, forwarded: list[str]) -> HTTPConnection:
    headers = [(b"x-forwarded-for", value.encode()) for value in forwarded]
    scope = {"type": "http", "client": (peer_address, 1), "headers": headers, "app": app}
    return HTTPConnection(scope)


@pytest.mark.parametrize(
    ("trusted", "peer_address", "forwarded", "expected"),
    [
        # Nobody trusted (the default): the header is anyone's invention.
        ("", "203.0.113.9", ["1.2.3.4"], "203.0.113.9"),
        ("", "10.0.0.2", ["1.2.3.4"], "10.0.0.2"),
        # From a trusted proxy: the right-most hop that no trusted proxy wrote.
        ("10.0.0.0/8", "10.0.0.2", ["1.2.3.4, 198.51.100.7"], "198.51.100.7"),
        ("10.0.0.0/8", "10.0.0.2", ["1.2.3.4, 198.51.100.7, 10.0.0.5"], "198.51.100.7"),
        ("10.0.0.0/8", "10.0.0.2", ["1.2.3.4", "198.51.100.7"], "198.51.100.7"),
        # A trusted proxy that was not told who called it is taken as the client itself.
        ("10.0.0.0/8", "10.0.0.2", [], "10.0.0.2"),
        # The header from an untrusted peer, even with trusted proxies configured.
        ("10.0.0.0/8", "203.0.113.9", ["10.0.0.5"], "203.0.113.9"),
    ],
)
def test_the_address_is_read_from_forwarded_for_only_behind_trusted_proxies(
    app: FastAPI,
    tune: Tune,
    trusted: str,
    peer_address: str,
    forwarded: list[str],
    expected: str,
) -> None:
    tune(trusted_proxies=trusted)
    assert client_ip(_connection(app, peer_address, forwarded)) == expected


async def test_a_spoofed_forwarded_for_does_not_dodge_the_address_limit(
    app: FastAPI, client: AsyncClient, session: AsyncSession, tune: Tune
) -> None:
    await district(session)
    tune(login_ip_rate_limit="3/minute")
    statuses = []
    for n in range(4):
        response = await client.post(
            "/api/auth/login",
            json={"username": f"a{n}", "password": WRONG},
            headers={"X-Forwarded-For": f"192.0.2.{n + 1}"},
        )
        statuses.append(response.status_code)
    assert statuses == [401, 401, 401, 429]


async def test_behind_a_trusted_proxy_each_client_has_its_own_address_limit(
    app: FastAPI, client: AsyncClient, session: AsyncSession, tune: Tune
) -> None:
    await district(session)
    tune(login_ip_rate_limit="3/minute", trusted_proxies="127.0.0.1")
    statuses = []
    for n in range(4):
        response = await client.post(
            "/api/auth/login",
            json={"username": f"a{n}", "password": WRONG},
            headers={"X-Forwarded-For": f"192.0.2.{n + 1}"},
        )
        statuses.append(response.status_code)
    assert statuses == [401] * 4
    signed_in = await client.post(
        "/api/auth/login",
        json={"username": "clerk", "password": data.DEMO_PASSWORD},
        headers={"X-Forwarded-For": "192.0.2.50"},
    )
    assert signed_in.status_code == 200
    recorded = await session.scalar(
        select(AuthSession.client_ip).where(AuthSession.user_id == signed_in.json()["user"]["id"])
    )
    assert recorded == "192.0.2.50"


def test_trusted_proxies_are_read_from_a_comma_separated_list(app: FastAPI) -> None:
    settings_class = type(app.state.settings)
    networks = settings_class(trusted_proxies="10.0.0.0/8, 127.0.0.1,::1").trusted_proxies
    assert [str(n) for n in networks] == ["10.0.0.0/8", "127.0.0.1/32", "::1/128"]
    assert settings_class().trusted_proxies == ()
    with pytest.raises(ValueError, match="host bits"):
        settings_class(trusted_proxies="10.0.0.1/8")


# Logout ----------------------------------------------------------------------------------------


async def test_logout_with_a_wrong_refresh_secret_leaves_the_session_open(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    pair = (await attempt(client, "clerk", data.DEMO_PASSWORD)).json()
    session_id = pair["refresh_token"].partition(".")[0]
    forged = await client.post(
        "/api/auth/logout", json={"refresh_token": f"{session_id}.not-the-secret"}
    )
    assert forged.status_code == 401
    assert forged.json()["error"]["code"] == "invalid_refresh_token"
    headers = {"Authorization": f"Bearer {pair['access_token']}"}
    assert (await client.get("/api/auth/me", headers=headers)).status_code == 200
    renewed = await client.post("/api/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert renewed.status_code == 200


async def test_logout_with_the_refresh_token_alone_ends_the_session(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    pair = (await attempt(client, "clerk", data.DEMO_PASSWORD)).json()
    out = await client.post("/api/auth/logout", json={"refresh_token": pair["refresh_token"]})
    assert out.status_code == 204
    headers = {"Authorization": f"Bearer {pair['access_token']}"}
    assert (await client.get("/api/auth/me", headers=headers)).status_code == 401
    # Logging out twice is no error.
    again = await client.post("/api/auth/logout", json={"refresh_token": pair["refresh_token"]})
    assert again.status_code == 204


async def test_a_stale_tab_logs_out_with_its_access_token(
    client: AsyncClient, session: AsyncSession
) -> None:
    """Another tab rotated the refresh token; this tab's access token still proves the session."""
    await district(session)
    pair = (await attempt(client, "clerk", data.DEMO_PASSWORD)).json()
    await client.post("/api/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    headers = {"Authorization": f"Bearer {pair['access_token']}"}
    out = await client.post(
        "/api/auth/logout", json={"refresh_token": pair["refresh_token"]}, headers=headers
    )
    assert out.status_code == 204
    assert (await client.get("/api/auth/me", headers=headers)).status_code == 401
