"""Login, refresh and logout; users and their roles."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from sunshine_gateway.identity import lockout
from sunshine_gateway.identity.lockout import AccountLocked
from sunshine_gateway.identity.models import AuthSession, LoginLockout, User
from sunshine_gateway.identity.passwords import (
    ensure_acceptable,
    hash_password,
    needs_rehash,
    verify_password,
)
from sunshine_gateway.identity.schemas import (
    Me,
    PasswordChange,
    PersonOut,
    TokenPair,
    UserIn,
    UserOut,
    UserUpdate,
)
from sunshine_gateway.settings import GatewaySettings
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal, issue_access_token
from sunshine_kit.db import utcnow
from sunshine_kit.errors import INVALID_TOKEN, Forbidden, InvalidInput, NotFound, Unauthorized
from sunshine_kit.roles import ROLE_GROUPS, STAFF_ROLES, SUBTREE_ROLES, Can, Role, groups_of
from sunshine_kit.settings import Settings
from sunshine_kit.units.models import Unit
from sunshine_kit.units.service import ancestors, ensure_can_act_on, get_unit, units_in_reach


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _new_refresh(session_id: str) -> tuple[str, str]:
    secret = secrets.token_urlsafe(32)
    return f"{session_id}.{secret}", _digest(secret)


def _holds_refresh(auth_session: AuthSession, secret: str) -> bool:
    return hmac.compare_digest(auth_session.refresh_hash, _digest(secret))


def _account_roles(roles: Iterable[str]) -> frozenset[Role]:
    """An account's roles as stored, less any that no account may hold (an old row's `service`
    must not make a person speak as a component)."""
    return frozenset(Role(r) for r in roles if r in STAFF_ROLES)


async def me(session: AsyncSession, user: User) -> Me:
    unit = await session.get(Unit, user.unit_id)
    return Me(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        unit_id=user.unit_id,
        unit_name=unit.name if unit else "",
        roles=sorted(_account_roles(user.roles)),
        can=groups_of(_account_roles(user.roles)),
        reaches_subtree=bool(_account_roles(user.roles) & SUBTREE_ROLES),
    )


async def people_for(
    session: AsyncSession, actor: Principal, unit_id: int, work: Can
) -> list[PersonOut]:
    """The active accounts that may do `work` on the unit's records, by name: its own staff of
    that role group, and those above it whose roles reach the units below (the office). The
    unit must be in the caller's reach, so a person sees only the people of units in reach."""
    await _ensure_unit_in_reach(session, actor, unit_id)
    chain = await ancestors(session, unit_id)
    rows = await session.execute(
        select(User, Unit.name)
        .join(Unit, Unit.id == User.unit_id)
        .where(User.active.is_(True), User.unit_id.in_(chain))
        .order_by(User.unit_id != unit_id, User.display_name, User.id)
    )
    people = []
    for user, unit_name in rows:
        roles = _account_roles(user.roles)
        if not roles & ROLE_GROUPS[work]:
            continue
        if user.unit_id != unit_id and not roles & SUBTREE_ROLES:
            continue
        people.append(
            PersonOut(
                username=user.username,
                display_name=user.display_name,
                unit_id=user.unit_id,
                unit_name=unit_name,
            )
        )
    return people


async def _tokens(
    session: AsyncSession, settings: Settings, user: User, auth_session: AuthSession, refresh: str
) -> TokenPair:
    access, lifetime = issue_access_token(
        settings,
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        unit_id=user.unit_id,
        roles=sorted(_account_roles(user.roles)),
        session_id=auth_session.id,
    )
    return TokenPair(
        access_token=access,
        refresh_token=refresh,
        expires_in=lifetime,
        user=await me(session, user),
    )


async def _count_wrong_password(
    session: AsyncSession, settings: GatewaySettings, username: str, client_ip: str | None
) -> None:
    """Record a wrong password, in the audit log too (kept although the request is refused);
    refuse once it locks."""
    until = await lockout.record_failure(session, settings, username)
    await audit.record(
        session,
        actor=username,
        action="login.locked" if until is not None else "login.failed",
        entity_type="login_name",
        entity_id=username,
        after={"client_ip": client_ip, "locked_until": until.isoformat() if until else None},
    )
    await session.commit()
    if until is not None:
        raise AccountLocked(until)


async def login(
    session: AsyncSession,
    settings: GatewaySettings,
    username: str,
    password: str,
    client_ip: str | None,
) -> TokenPair:
    """Check the password and open a session; the same answers for a name nobody holds as for
    a wrong password, lockout included."""
    await lockout.ensure_not_locked(session, username)
    user = await session.scalar(select(User).where(User.username == username))
    if not verify_password(user.password_hash if user else None, password) or user is None:
        await _count_wrong_password(session, settings, username, client_ip)
        raise Unauthorized("用户名或密码错误", code="invalid_credentials")
    if not user.active:
        raise Unauthorized("用户名或密码错误", code="invalid_credentials")
    await lockout.forget(session, username)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    session_id = secrets.token_hex(16)
    refresh, digest = _new_refresh(session_id)
    auth_session = AuthSession(
        id=session_id,
        user_id=user.id,
        refresh_hash=digest,
        expires_at=utcnow() + timedelta(days=settings.refresh_token_days),
        client_ip=client_ip,
    )
    session.add(auth_session)
    await audit.record(
        session, actor=user.username, action="user.logged_in", entity_type="user", entity_id=user.id
    )
    return await _tokens(session, settings, user, auth_session, refresh)


async def refresh(session: AsyncSession, settings: Settings, token: str) -> TokenPair:
    """Swap a refresh token for a new pair. A reused old token revokes the whole session."""
    session_id, _, secret = token.partition(".")
    auth_session = await session.get(AuthSession, session_id)
    if (
        auth_session is None
        or auth_session.revoked_at is not None
        or auth_session.expires_at < utcnow()
    ):
        raise Unauthorized("登录已失效，请重新登录", code="session_expired")
    if not _holds_refresh(auth_session, secret):
        # Someone presented a refresh token that was already swapped: assume it leaked.
        auth_session.revoked_at = utcnow()
        await session.commit()
        raise Unauthorized("登录已失效，请重新登录", code="session_expired")
    user = await session.get(User, auth_session.user_id)
    if user is None or not user.active:
        raise Unauthorized("登录已失效，请重新登录", code="session_expired")
    new_token, auth_session.refresh_hash = _new_refresh(session_id)
    return await _tokens(session, settings, user, auth_session, new_token)


async def logout(session: AsyncSession, token: str, principal: Principal | None) -> None:
    """End the session of refresh token `token`. Its secret proves the caller holds the session
    (or an access token of that same session does); its id alone proves nothing, so a token
    with a wrong secret is refused and the session stays open."""
    session_id, _, secret = token.partition(".")
    auth_session = await session.get(AuthSession, session_id)
    by_access = principal is not None and principal.session_id == session_id
    if auth_session is None or not (by_access or _holds_refresh(auth_session, secret)):
        raise Unauthorized("退出登录凭证无效", code="invalid_refresh_token")
    if auth_session.revoked_at is None:
        auth_session.revoked_at = utcnow()
        user = await session.get(User, auth_session.user_id)
        await audit.record(
            session,
            actor=user.username if user else str(auth_session.user_id),
            action="user.logged_out",
            entity_type="user",
            entity_id=auth_session.user_id,
        )


async def _end_sessions(session: AsyncSession, user_id: int, *, keep: str | None = None) -> None:
    """Revoke every open session of the user, but `keep`."""
    await session.execute(
        update(AuthSession)
        .where(
            AuthSession.user_id == user_id,
            AuthSession.revoked_at.is_(None),
            AuthSession.id != (keep or ""),
        )
        .values(revoked_at=utcnow())
    )


async def change_own_password(
    session: AsyncSession,
    settings: GatewaySettings,
    user: User,
    principal: Principal,
    body: PasswordChange,
) -> None:
    """修改密码: the holder proves the old password; the new one must meet the policy. Ends the
    account's other sessions. A wrong old password counts towards the lockout as at login."""
    await lockout.ensure_not_locked(session, user.username)
    if not verify_password(user.password_hash, body.old_password):
        await _count_wrong_password(session, settings, user.username, None)
        raise InvalidInput("body.old_password", "原密码不正确", code="wrong_password")
    if body.password == body.old_password:
        raise InvalidInput("body.password", "新密码不能与原密码相同", code="weak_password")
    ensure_acceptable(body.password, user.username, user.display_name, field="body.password")
    user.password_hash = hash_password(body.password)
    await lockout.forget(session, user.username)
    await _end_sessions(session, user.id, keep=principal.session_id)
    await audit.record(
        session,
        actor=principal,
        action="user.password_changed",
        entity_type="user",
        entity_id=user.id,
    )


class SessionRevoked(Unauthorized):
    code = "session_revoked"
    message = "已退出登录，请重新登录"


class UserInactive(Unauthorized):
    code = "user_inactive"
    message = "账号已停用"


async def active_user(session: AsyncSession, principal: Principal) -> User:
    """The user behind a token, as long as its session is open and the account active."""
    await confirm_signed_in(await session.connection(), principal)
    user = await session.get(User, principal.user_id)
    if user is None:
        raise UserInactive()
    return user


# Asked on every signed-in request (the proxy's too): built once, run without the ORM.
_users, _sessions = User.__table__.c, AuthSession.__table__.c
_SIGNED_IN = (
    select(
        _sessions.revoked_at.is_(None).label("open"),
        _users.active,
        _users.username,
        _users.display_name,
        _users.unit_id,
        _users.roles,
    )
    .join_from(AuthSession.__table__, User.__table__, _sessions.user_id == _users.id)
    .where(_sessions.id == bindparam("session_id"), _users.id == bindparam("user_id"))
)


async def confirm_signed_in(connection: AsyncConnection, principal: Principal) -> Principal:
    """The person behind a user's token as the gateway's database has them now: refused once
    logged out or deactivated, and with today's roles and unit rather than the token's."""
    if principal.is_service:
        return principal
    if principal.session_id is None or principal.user_id is None:
        raise Unauthorized("登录凭证无效", code=INVALID_TOKEN)
    found = await connection.execute(
        _SIGNED_IN, {"session_id": principal.session_id, "user_id": principal.user_id}
    )
    row = found.first()
    if row is None or not row.open:
        raise SessionRevoked()
    if not row.active:
        raise UserInactive()
    return Principal(
        subject=principal.subject,
        username=row.username,
        roles=_account_roles(row.roles),
        unit_id=row.unit_id,
        display_name=row.display_name,
        session_id=principal.session_id,
        claims=principal.claims,
    )


def _user_out(user: User, locked_until: datetime | None) -> UserOut:
    return UserOut.model_validate(user).model_copy(update={"locked_until": locked_until})


def _snapshot(user: User) -> dict[str, Any]:
    """An account as the audit log keeps it."""
    return UserOut.model_validate(user).model_dump(mode="json", exclude={"locked_until"})


async def _locked_until(session: AsyncSession, username: str) -> datetime | None:
    until = await session.scalar(
        select(LoginLockout.locked_until).where(LoginLockout.username == username)
    )
    return until if until is not None and until > utcnow() else None


def _grantable(roles: list[Role]) -> list[str]:
    """The roles an ops admin may give an account: staff roles, never a component's."""
    if any(r not in STAFF_ROLES for r in roles):
        raise InvalidInput(
            "body.roles", "“系统服务”角色属于系统组件，不能授予账号", code="role_not_grantable"
        )
    return list(dict.fromkeys(r.value for r in roles))


async def _ensure_unit_in_reach(session: AsyncSession, actor: Principal, unit_id: int) -> None:
    await get_unit(session, unit_id)
    await ensure_can_act_on(session, actor, unit_id)


async def _user_in_reach(session: AsyncSession, actor: Principal, user_id: int) -> User:
    user = await session.get(User, user_id)
    if user is None:
        raise NotFound("用户不存在", code="user_not_found")
    await ensure_can_act_on(session, actor, user.unit_id)
    return user


async def list_users(session: AsyncSession, actor: Principal) -> list[UserOut]:
    """The accounts of the units in the caller's subtree, with any lock still running."""
    units = await units_in_reach(session, actor, None)
    rows = await session.execute(
        select(User, LoginLockout.locked_until)
        .outerjoin(
            LoginLockout,
            and_(LoginLockout.username == User.username, LoginLockout.locked_until > utcnow()),
        )
        .where(User.unit_id.in_(units))
        .order_by(User.unit_id, User.id)
    )
    return [_user_out(user, until) for user, until in rows]


async def create_user(session: AsyncSession, actor: Principal, body: UserIn) -> UserOut:
    """Open an account in a unit of the admin's subtree, with staff roles and a policy password."""
    await _ensure_unit_in_reach(session, actor, body.unit_id)
    roles = _grantable(body.roles)
    if await session.scalar(select(User.id).where(User.username == body.username)):
        raise InvalidInput("body.username", "用户名已被使用", code="username_taken")
    ensure_acceptable(body.password, body.username, body.display_name, field="body.password")
    user = User(
        username=body.username,
        display_name=body.display_name,
        unit_id=body.unit_id,
        roles=roles,
        password_hash=hash_password(body.password),
    )
    session.add(user)
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action="user.created",
        entity_type="user",
        entity_id=user.id,
        after=_snapshot(user),
    )
    return _user_out(user, await _locked_until(session, user.username))


async def update_user(
    session: AsyncSession, actor: Principal, user_id: int, body: UserUpdate
) -> UserOut:
    """Change an account of the admin's subtree, keeping it there. A new password ends the
    account's sessions (but the admin's own, when editing themselves)."""
    user = await _user_in_reach(session, actor, user_id)
    if body.unit_id is not None:
        await _ensure_unit_in_reach(session, actor, body.unit_id)
    if actor.user_id == user.id and body.active is False:
        raise Forbidden("不能停用自己的账号", code="cannot_deactivate_self")
    roles = _grantable(body.roles) if body.roles is not None else None
    if body.password is not None:
        ensure_acceptable(
            body.password,
            user.username,
            body.display_name or user.display_name,
            field="body.password",
        )
    before = _snapshot(user)
    changes = body.model_dump(exclude_unset=True, exclude={"password", "roles"})
    if roles is not None:
        changes["roles"] = roles
    for key, value in changes.items():
        setattr(user, key, value)
    if body.password is not None:
        user.password_hash = hash_password(body.password)
        await _end_sessions(session, user.id, keep=actor.session_id)
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action="user.updated",
        entity_type="user",
        entity_id=user.id,
        before=before,
        after=_snapshot(user),
    )
    return _user_out(user, await _locked_until(session, user.username))


async def unlock_user(session: AsyncSession, actor: Principal, user_id: int) -> UserOut:
    """解锁: lift a login lockout (and forget the failures counted so far)."""
    user = await _user_in_reach(session, actor, user_id)
    lock = await lockout.forget(session, user.username)
    if lock is not None:
        await audit.record(
            session,
            actor=actor,
            action="user.unlocked",
            entity_type="user",
            entity_id=user.id,
            before={
                "failures": lock.failures,
                "locked_until": lock.locked_until.isoformat() if lock.locked_until else None,
            },
        )
    return _user_out(user, None)
