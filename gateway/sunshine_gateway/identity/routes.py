from __future__ import annotations

from fastapi import APIRouter, Request

from sunshine_gateway.deps import CurrentUser, LimitsDep, SettingsDep, SignedIn, client_ip
from sunshine_gateway.identity import service
from sunshine_gateway.identity.schemas import (
    LoginIn,
    Me,
    RefreshIn,
    TokenPair,
    UserIn,
    UserOut,
    UserUpdate,
)
from sunshine_kit.auth import OptionalPrincipal, Role, require_roles
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES

router = APIRouter(prefix="/auth", tags=["auth"], responses=ERROR_RESPONSES)
users_router = APIRouter(
    prefix="/users",
    tags=["users"],
    responses=ERROR_RESPONSES,
    dependencies=[require_roles(Role.OPS_ADMIN)],
)


@router.post("/login", response_model=TokenPair)
async def login(
    body: LoginIn, request: Request, session: SessionDep, settings: SettingsDep, limits: LimitsDep
) -> TokenPair:
    """登录: exchange a username and password for an access token and a refresh token."""
    ip = client_ip(request)
    await limits.check(settings.login_ip_rate_limit, "login-ip", ip)
    await limits.check(settings.login_rate_limit, "login", ip, body.username.lower())
    return await service.login(session, settings, body.username, body.password, ip)


@router.post("/refresh", response_model=TokenPair)
async def refresh(body: RefreshIn, session: SessionDep, settings: SettingsDep) -> TokenPair:
    """Swap the refresh token for a new pair before the access token expires."""
    return await service.refresh(session, settings, body.refresh_token)


@router.post("/logout", status_code=204)
async def logout(body: RefreshIn, session: SessionDep, principal: OptionalPrincipal) -> None:
    """退出登录: revoke the session, so neither its refresh nor its access token works again."""
    await service.logout(session, service.session_of_refresh(body.refresh_token))
    if principal is not None and principal.session_id:
        await service.logout(session, principal.session_id)


@router.get("/me", response_model=Me)
async def me(user: CurrentUser, session: SessionDep) -> Me:
    """Who is signed in: name, unit and roles."""
    return await service.me(session, user)


@users_router.get("", response_model=list[UserOut])
async def list_users(session: SessionDep) -> list[UserOut]:
    """All staff accounts."""
    return [UserOut.model_validate(u) for u in await service.list_users(session)]


@users_router.post("", response_model=UserOut, status_code=201)
async def create_user(body: UserIn, session: SessionDep, principal: SignedIn) -> UserOut:
    """Open a staff account in a unit of the admin's subtree."""
    return UserOut.model_validate(await service.create_user(session, principal, body))


@users_router.patch("/{user_id}", response_model=UserOut)
async def update_user(
    user_id: int, body: UserUpdate, session: SessionDep, principal: SignedIn
) -> UserOut:
    """Change a staff account's roles, unit, password or status."""
    return UserOut.model_validate(await service.update_user(session, principal, user_id, body))
