"""Tokens are signed for one purpose and one receiver (issue: forgeable tokens)."""

from __future__ import annotations

import os
import secrets
import time

import jwt
import pytest
from httpx import AsyncClient

from sunshine_kit.auth import ALGORITHM, ISSUER, ServiceTokens, decode_token, issue_access_token
from sunshine_kit.errors import Unauthorized
from sunshine_kit.settings import MissingSecret, Settings
from sunshine_kit.testing import token_for


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _person_at_login() -> str:
    """A publisher's own access token, as the gateway issues it at login."""
    token, _ = issue_access_token(
        Settings(service_name="gateway"),
        user_id=7,
        username="zhangli",
        display_name="张丽",
        unit_id=1,
        roles=["publisher"],
        session_id="s" * 32,
    )
    return token


async def test_a_persons_own_token_opens_no_service(client: AsyncClient) -> None:
    """Called on its own port with a login token, a service refuses: only the gateway's word
    (made per request from the account as it stands) is taken."""
    response = await client.post(
        "/notes", json={"title": "公告"}, headers=_bearer(_person_at_login())
    )
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"


async def test_whoever_holds_the_users_key_cannot_speak_for_a_component(
    client: AsyncClient,
) -> None:
    users_key = os.environ["SUNSHINE_USER_TOKEN_SECRET"]
    as_service = token_for("service", secret=users_key)
    as_person = token_for("office", secret=users_key)
    for token in (as_service, as_person):
        response = await client.post("/notes", json={"title": "公告"}, headers=_bearer(token))
        assert response.status_code == 401


async def test_a_token_made_for_another_component_is_refused(client: AsyncClient) -> None:
    for_hall = token_for("publisher", audience="hall")
    response = await client.post("/notes", json={"title": "公告"}, headers=_bearer(for_hall))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"
    for_us = token_for("publisher", audience="catalog")
    ok = await client.post("/notes", json={"title": "公告"}, headers=_bearer(for_us))
    assert ok.status_code == 201


async def test_a_person_cannot_claim_the_service_role(client: AsyncClient) -> None:
    claims = {
        "iss": ISSUER,
        "aud": "catalog",
        "sub": "7",
        "roles": ["service"],
        "typ": "forwarded",
        "exp": int(time.time()) + 60,
    }
    token = jwt.encode(claims, os.environ["SUNSHINE_INTERNAL_TOKEN_SECRET"], algorithm=ALGORITHM)
    response = await client.post("/notes", json={"title": "公告"}, headers=_bearer(token))
    assert response.status_code == 401


def test_service_tokens_are_short_lived_and_bound_to_their_receiver() -> None:
    tokens = ServiceTokens(Settings(service_name="applications"))
    token = tokens.token("catalog")
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["aud"] == "catalog" and claims["exp"] - claims["iat"] <= 300
    assert decode_token(Settings(service_name="catalog"), token).is_service
    with pytest.raises(Unauthorized):
        decode_token(Settings(service_name="hall"), token)


def _settings(env: str, users: str, components: str) -> Settings:
    return Settings(
        service_name="gateway",
        SUNSHINE_ENV=env,
        SUNSHINE_USER_TOKEN_SECRET=users,
        SUNSHINE_INTERNAL_TOKEN_SECRET=components,
    )


@pytest.mark.parametrize(
    ("users", "why"),
    [
        ("", "not set"),
        ("short-but-random-Zq81", "shorter than"),
        ("sunshine-development-secret-change-me-in-production", "published"),
        ("CHANGE-ME-PLACEHOLDER-generate-with-openssl-rand-base64-48", "published"),
        ("my-production-secret-0123456789-abcdefghij", "placeholder"),
        ("ab" * 30, "repeats too few"),
    ],
)
def test_production_refuses_keys_that_protect_nothing(users: str, why: str) -> None:
    with pytest.raises(MissingSecret, match=why):
        _settings("production", users, secrets.token_urlsafe(48)).check_secrets(
            signs_user_tokens=True
        )


def test_production_starts_with_two_random_keys_and_not_with_one_twice() -> None:
    key = secrets.token_urlsafe(48)
    _settings("production", secrets.token_urlsafe(48), key).check_secrets(signs_user_tokens=True)
    with pytest.raises(MissingSecret, match="must differ"):
        _settings("production", key, key).check_secrets(signs_user_tokens=True)


def test_no_component_starts_without_its_key_even_in_development() -> None:
    service = Settings(service_name="catalog", SUNSHINE_INTERNAL_TOKEN_SECRET="")
    with pytest.raises(MissingSecret, match="SUNSHINE_INTERNAL_TOKEN_SECRET"):
        service.check_secrets(signs_user_tokens=False)
