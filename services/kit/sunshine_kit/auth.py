"""Who is calling: tokens issued by the gateway, verified by every component itself.

Tokens are HS256 JWTs signed with the deployment's shared secret (SUNSHINE_JWT_SECRET). The
gateway issues user tokens at login; a service mints its own short-lived service token to call
another component. Each component verifies signatures itself, so a request that bypasses the
gateway gains nothing.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any

import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sunshine_kit.errors import Forbidden, Unauthorized
from sunshine_kit.settings import Settings

ALGORITHM = "HS256"
ISSUER = "sunshine"


class Role(StrEnum):
    PUBLISHER = "publisher"  # 信息发布员
    REVIEWER = "reviewer"  # 保密审查员
    APPLICATION_HANDLER = "application_handler"  # 依申请公开经办人
    WINDOW_CLERK = "window_clerk"  # 窗口人员
    OFFICE = "office"  # 政务公开办
    SUPERVISOR = "supervisor"  # 电子监察
    OPS_ADMIN = "ops_admin"  # 运维管理员
    SERVICE = "service"  # another Sunshine component


# Roles whose holders act on their unit's whole subtree; everyone else only on their own unit.
SUBTREE_ROLES = frozenset({Role.OFFICE, Role.SUPERVISOR, Role.OPS_ADMIN})


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
    """A short-lived user token; returns the token and its lifetime in seconds."""
    lifetime = settings.access_token_minutes * 60
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "sub": str(user_id),
        "usr": username,
        "name": display_name,
        "unit": unit_id,
        "roles": roles,
        "sid": session_id,
        "typ": "access",
        "iat": now,
        "exp": now + lifetime,
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, settings.jwt_secret, algorithm=ALGORITHM), lifetime


class ServiceTokens:
    """Mints and reuses this component's service token until shortly before it expires."""

    lifetime = 300

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._token = ""
        self._expires = 0.0

    def token(self) -> str:
        now = time.time()
        if now > self._expires - 60:
            issued = int(now)
            claims = {
                "iss": ISSUER,
                "sub": f"service:{self._settings.service_name}",
                "usr": self._settings.service_name,
                "roles": [Role.SERVICE.value],
                "typ": "service",
                "iat": issued,
                "exp": issued + self.lifetime,
            }
            self._token = jwt.encode(claims, self._settings.jwt_secret, algorithm=ALGORITHM)
            self._expires = issued + self.lifetime
        return self._token


def decode_token(settings: Settings, token: str) -> Principal:
    try:
        claims = jwt.decode(
            token,
            settings.jwt_secret,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={"require": ["exp", "sub", "iss"]},
        )
    except jwt.ExpiredSignatureError:
        raise Unauthorized("登录已过期，请重新登录", code="token_expired") from None
    except jwt.PyJWTError:
        raise Unauthorized("登录凭证无效", code="invalid_token") from None
    try:
        roles = frozenset(Role(r) for r in claims.get("roles", []))
    except ValueError:
        raise Unauthorized("登录凭证无效", code="invalid_token") from None
    return Principal(
        subject=claims["sub"],
        username=claims.get("usr", ""),
        roles=roles,
        unit_id=claims.get("unit"),
        display_name=claims.get("name", ""),
        session_id=claims.get("sid"),
        claims=claims,
    )


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


def require_roles(*roles: Role) -> Any:
    """Dependency: the caller must hold one of `roles` (services always may)."""

    async def _check(principal: CurrentPrincipal) -> Principal:
        if principal.is_service or principal.has_any(*roles):
            return principal
        raise Forbidden("当前角色无权执行此操作", code="role_forbidden")

    return Depends(_check)


async def _require_service(principal: CurrentPrincipal) -> Principal:
    if not principal.is_service:
        raise Forbidden("仅限系统内部服务调用", code="service_only")
    return principal


ServiceCaller = Annotated[Principal, Depends(_require_service)]
StaffRoles = tuple(r for r in Role if r is not Role.SERVICE)
