"""Who is calling: tokens, each signed for one purpose and one receiving component.

Two keys, so that holding one opens nothing the other guards:
- the users' key (SUNSHINE_USER_TOKEN_SECRET), held by the gateway alone, signs the access
  token a person gets at login; only the gateway accepts it;
- the components' key (SUNSHINE_INTERNAL_TOKEN_SECRET), held by every component, signs what
  one component says to another, always for a named receiver (`aud`) and for minutes at most:
  a component's own call (typ "service"), and the gateway's word that a signed-in person is
  calling (typ "forwarded"), made on each request from the person as the gateway's database
  has them now — so logout, deactivation and a change of roles or unit hold at once through
  the gateway, and a service called on its own port with a person's token refuses it.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sunshine_kit.errors import (
    INVALID_TOKEN,
    ROLE_FORBIDDEN,
    SERVICE_ONLY,
    TOKEN_EXPIRED,
    Forbidden,
    Unauthorized,
)
from sunshine_kit.roles import ROLE_GROUPS, SUBTREE_ROLES, Can, Role
from sunshine_kit.settings import MissingSecret, Settings

ALGORITHM = "HS256"
ISSUER = "sunshine"
GATEWAY = "gateway"
# Kinds of token (claim "typ"): a user's, issued at login for the gateway; the gateway's word
# to one service about a user; one component's call to another.
ACCESS, FORWARDED, SERVICE = "access", "forwarded", "service"
# A forwarded token is made for one request; it lives just long enough to arrive.
FORWARDED_SECONDS = 30


@dataclass(frozen=True)
class Principal:
    subject: str
    username: str
    roles: frozenset[Role]
    unit_id: int | None = None
    display_name: str = ""
    session_id: str | None = None
    claims: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def is_service(self) -> bool:
        return Role.SERVICE in self.roles

    @property
    def user_id(self) -> int | None:
        return None if self.is_service else int(self.subject)

    def has_any(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))

    def can(self, work: Can) -> bool:
        """Whether the caller may do `work` (other components always may)."""
        return self.is_service or bool(self.roles & ROLE_GROUPS[work])

    @property
    def reaches_subtree(self) -> bool:
        return self.is_service or bool(self.roles & SUBTREE_ROLES)


def issue_access_token(
    settings: Settings,
    *,
    user_id: int,
    username: str,
    display_name: str,
    unit_id: int,
    roles: list[str],
    session_id: str,
) -> tuple[str, int]:
    """A user's token, issued at login; returns the token and its lifetime in seconds.

    Only the gateway holds its key: a service handed a user's token directly refuses it.
    """
    lifetime = settings.access_token_minutes * 60
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": GATEWAY,
        "sub": str(user_id),
        "usr": username,
        "name": display_name,
        "unit": unit_id,
        "roles": roles,
        "sid": session_id,
        "typ": ACCESS,
        "iat": now,
        "exp": now + lifetime,
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, settings.secret_for_users(), algorithm=ALGORITHM), lifetime


def issue_forwarded_token(
    settings: Settings,
    *,
    audience: str,
    user_id: int,
    username: str,
    display_name: str,
    unit_id: int,
    roles: list[str],
    session_id: str,
) -> str:
    """The gateway's word to one service that a signed-in user is calling, as the user stands
    in the gateway's database right now (roles, unit, session still open)."""
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": audience,
        "sub": str(user_id),
        "usr": username,
        "name": display_name,
        "unit": unit_id,
        "roles": roles,
        "sid": session_id,
        "typ": FORWARDED,
        "iat": now,
        "exp": now + FORWARDED_SECONDS,
    }
    return jwt.encode(claims, settings.secret_for_components(), algorithm=ALGORITHM)


class ServiceTokens:
    """Mints and reuses this component's token for each other component it calls."""

    lifetime = 120

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._tokens: dict[str, tuple[str, float]] = {}

    def token(self, audience: str) -> str:
        now = time.time()
        token, expires = self._tokens.get(audience, ("", 0.0))
        if now > expires - 30:
            issued = int(now)
            claims = {
                "iss": ISSUER,
                "aud": audience,
                "sub": f"service:{self._settings.service_name}",
                "usr": self._settings.service_name,
                "roles": [Role.SERVICE.value],
                "typ": SERVICE,
                "iat": issued,
                "exp": issued + self.lifetime,
            }
            token = jwt.encode(claims, self._settings.secret_for_components(), algorithm=ALGORITHM)
            expires = issued + self.lifetime
            self._tokens[audience] = (token, expires)
        return token


def decode_token(settings: Settings, token: str) -> Principal:
    """The caller a token names, once its signature, audience and lifetime hold.

    A user's own token (typ "access") is checked against the users' key, which only the gateway
    has; anything else must be signed with the components' key for this very component.
    """
    try:
        # Only the gateway has two keys to choose between; a service checks every token against
        # the components' key at once (a person's own token then fails its signature), without
        # reading it a second time on every request.
        at_gateway = settings.service_name == GATEWAY
        if (
            at_gateway
            and jwt.decode(token, options={"verify_signature": False}).get("typ") == ACCESS
        ):
            key, audience = settings.secret_for_users(), GATEWAY
        else:
            key, audience = settings.secret_for_components(), settings.service_name
        claims = jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            audience=audience,
            options={"require": ["exp", "sub", "iss", "aud"]},
        )
    except jwt.ExpiredSignatureError:
        raise Unauthorized("登录已过期，请重新登录", code=TOKEN_EXPIRED) from None
    except (jwt.PyJWTError, MissingSecret):
        raise Unauthorized("登录凭证无效", code=INVALID_TOKEN) from None
    if claims.get("typ") == SERVICE and Role.SERVICE.value not in claims.get("roles", []):
        raise Unauthorized("登录凭证无效", code=INVALID_TOKEN)
    if claims.get("typ") != SERVICE and Role.SERVICE.value in claims.get("roles", []):
        # Only a component's own token speaks as a component, never a person's.
        raise Unauthorized("登录凭证无效", code=INVALID_TOKEN)
    try:
        roles = frozenset(Role(r) for r in claims.get("roles", []))
    except ValueError:
        raise Unauthorized("登录凭证无效", code=INVALID_TOKEN) from None
    return Principal(
        subject=claims["sub"],
        username=claims.get("usr", ""),
        roles=roles,
        unit_id=claims.get("unit"),
        display_name=claims.get("name", ""),
        session_id=claims.get("sid"),
        claims=claims,
    )


ConfirmPrincipal = Callable[[Principal], Awaitable[Principal]]

_bearer = HTTPBearer(auto_error=False, description="网关登录后签发的访问令牌")


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def optional_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal | None:
    if credentials is None:
        return None
    principal = decode_token(get_settings(request), credentials.credentials)
    # The gateway confirms a person's token against its sessions and accounts (see its main);
    # a service trusts the gateway's forwarded word, which lives for seconds.
    confirm: ConfirmPrincipal | None = getattr(request.app.state, "confirm_principal", None)
    if confirm is not None:
        principal = await confirm(principal)
    request.state.principal = principal
    return principal


async def current_principal(
    principal: Annotated[Principal | None, Depends(optional_principal)],
) -> Principal:
    if principal is None:
        raise Unauthorized()
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
OptionalPrincipal = Annotated[Principal | None, Depends(optional_principal)]


def require(work: Can) -> Any:
    """Dependency: the caller must belong to the role group `work` (services always may)."""

    async def _check(principal: CurrentPrincipal) -> Principal:
        if principal.can(work):
            return principal
        raise Forbidden("当前角色无权执行此操作", code=ROLE_FORBIDDEN)

    return Depends(_check)


async def _require_service(principal: CurrentPrincipal) -> Principal:
    if not principal.is_service:
        raise Forbidden("仅限系统内部服务调用", code=SERVICE_ONLY)
    return principal


ServiceCaller = Annotated[Principal, Depends(_require_service)]
