from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from sunshine_gateway.deps import CurrentUser, LimitsDep, SettingsDep, SignedIn, client_ip
from sunshine_gateway.identity import service
from sunshine_gateway.identity.schemas import (
    LoginIn,
    Me,
    PasswordChange,
    PersonOut,
    RefreshIn,
    TokenPair,
    UserIn,
    UserOut,
    UserUpdate,
)
from sunshine_kit.auth import OptionalPrincipal, require
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES, ErrorBody
from sunshine_kit.ids import MAX_ID, RecordId
from sunshine_kit.roles import Can

router = APIRouter(prefix="/auth", tags=["auth"], responses=ERROR_RESPONSES)
users_router = APIRouter(
    prefix="/users",
    tags=["users"],
    responses=ERROR_RESPONSES,
    dependencies=[require(Can.MANAGE_ACCOUNTS)],
)
_LOCKED: dict[int | str, dict[str, Any]] = {
    423: {"model": ErrorBody, "description": "密码连续错误，账号已锁定（含截止时间）"}
}


@router.post("/login", response_model=TokenPair, responses=_LOCKED)
async def login(
    body: LoginIn, request: Request, session: SessionDep, settings: SettingsDep, limits: LimitsDep
) -> TokenPair:
    """登录: exchange a username and password for an access token and a refresh token.

    Throttled per address and per account name (from whatever address); a run of wrong
    passwords locks the name for a while (423 with the time it ends)."""
    ip = client_ip(request)
    await limits.check(settings.login_ip_rate_limit, "login-ip", ip)
    await limits.check(settings.login_rate_limit, "login", body.username.lower())
    return await service.login(session, settings, body.username, body.password, ip)


@router.post("/refresh", response_model=TokenPair)
async def refresh(body: RefreshIn, session: SessionDep, settings: SettingsDep) -> TokenPair:
    """Swap the refresh token for a new pair before the access token expires."""
    return await service.refresh(session, settings, body.refresh_token)


@router.post("/logout", status_code=204)
async def logout(body: RefreshIn, session: SessionDep, principal: OptionalPrincipal) -> None:
    """退出登录: revoke the session, so neither its refresh nor its access token works again.

    Needs the session's current refresh token (or an access token of the same session); any
    other token is refused with 401 and ends nothing."""
    await service.logout(session, body.refresh_token, principal)


@router.post("/password", status_code=204, responses=_LOCKED)
async def change_password(
    body: PasswordChange,
    user: CurrentUser,
    principal: SignedIn,
    session: SessionDep,
    settings: SettingsDep,
    limits: LimitsDep,
) -> None:
    """修改密码: change one's own password, giving the old one; ends one's other sessions."""
    await limits.check(settings.login_rate_limit, "login", user.username.lower())
    await service.change_own_password(session, settings, user, principal, body)


@router.get("/me", response_model=Me)
async def me(user: CurrentUser, session: SessionDep) -> Me:
    """Who is signed in: name, unit and roles."""
    return await service.me(session, user)


@router.get("/people", response_model=list[PersonOut], dependencies=[require(Can.WORK_IN_CONSOLE)])
async def people(
    session: SessionDep,
    principal: SignedIn,
    unit_id: Annotated[int, Query(ge=1, le=MAX_ID, description="单位")],
    work: Annotated[Can, Query(description="工作（角色组），如 handle_applications")],
) -> list[PersonOut]:
    """同事: the people who may do a kind of work on a unit's records (an application's
    handlers to pick from), with their names; the unit must be in the caller's reach."""
    return await service.people_for(session, principal, unit_id, work)


@users_router.get("", response_model=list[UserOut])
async def list_users(session: SessionDep, principal: SignedIn) -> list[UserOut]:
    """The staff accounts of the units in the admin's subtree, with any login lockout."""
    return await service.list_users(session, principal)


@users_router.post("", response_model=UserOut, status_code=201)
async def create_user(body: UserIn, session: SessionDep, principal: SignedIn) -> UserOut:
    """Open a staff account in a unit of the admin's subtree."""
    return await service.create_user(session, principal, body)


@users_router.patch("/{user_id}", response_model=UserOut)
async def update_user(
    user_id: RecordId, body: UserUpdate, session: SessionDep, principal: SignedIn
) -> UserOut:
    """Change a staff account's roles, unit, password or status (within the admin's subtree)."""
    return await service.update_user(session, principal, user_id, body)


@users_router.post("/{user_id}/unlock", response_model=UserOut)
async def unlock_user(user_id: RecordId, session: SessionDep, principal: SignedIn) -> UserOut:
    """解锁: lift an account's login lockout before it runs out (audited)."""
    return await service.unlock_user(session, principal, user_id)
