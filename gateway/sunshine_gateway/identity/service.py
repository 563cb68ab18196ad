"""Login, refresh and logout; users and their roles."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import bindparam, literal, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from sunshine_gateway.identity.models import AuthSession, User
from sunshine_gateway.identity.passwords import hash_password, needs_rehash, verify_password
from sunshine_gateway.identity.schemas import Me, TokenPair, UserIn, UserOut, UserUpdate
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal, issue_access_token
from sunshine_kit.db import utcnow
from sunshine_kit.errors import Forbidden, InvalidInput, NotFound, Unauthorized
from sunshine_kit.settings import Settings
from sunshine_kit.units.models import Unit
from sunshine_kit.units.service import ensure_can_act_on


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _new_refresh(session_id: str) -> tuple[str, str]:
    secret = secrets.token_urlsafe(32)
    return f"{session_id}.{secret}", _digest(secret)


async def me(session: AsyncSession, user: User) -> Me:
    unit = await session.get(Unit, user.unit_id)
    return Me(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        unit_id=user.unit_id,
        unit_name=unit.name if unit else "",
        roles=user.roles,
    )


async def _tokens(
    session: AsyncSession, settings: Settings, user: User, auth_session: AuthSession, refresh: str
) -> TokenPair:
    access, lifetime = issue_access_token(
        settings,
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        unit_id=user.unit_id,
        roles=list(user.roles),
        session_id=auth_session.id,
    )
    return TokenPair(
        access_token=access,
        refresh_token=refresh,
        expires_in=lifetime,
        user=await me(session, user),
    )


async def login(
    session: AsyncSession, settings: Settings, username: str, password: str, client_ip: str | None
) -> TokenPair:
    """Check the password and open a session; the same error for any wrong name or password."""
    user = await session.scalar(select(User).where(User.username == username))
    if not verify_password(user.password_hash if user else None, password) or user is None:
        raise Unauthorized("用户名或密码错误", code="invalid_credentials")
    if not user.active:
        raise Unauthorized("用户名或密码错误", code="invalid_credentials")
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
    if auth_session.refresh_hash != _digest(secret):
        # Someone presented a refresh token that was already swapped: assume it leaked.
        auth_session.revoked_at = utcnow()
        await session.commit()
        raise Unauthorized("登录已失效，请重新登录", code="session_expired")
    user = await session.get(User, auth_session.user_id)
    if user is None or not user.active:
        raise Unauthorized("登录已失效，请重新登录", code="session_expired")
    new_token, auth_session.refresh_hash = _new_refresh(session_id)
    return await _tokens(session, settings, user, auth_session, new_token)


async def logout(session: AsyncSession, session_id: str) -> None:
    auth_session = await session.get(AuthSession, session_id)
    if auth_session is not None and auth_session.revoked_at is None:
        auth_session.revoked_at = utcnow()


def session_of_refresh(token: str) -> str:
    return token.partition(".")[0]


class SessionRevoked(Unauthorized):
    code = "session_revoked"
    message = "已退出登录，请重新登录"


async def active_user(session: AsyncSession, principal: Principal) -> User:
    """The user behind a token, as long as its session is still open."""
    if principal.session_id is None or principal.user_id is None:
        raise Unauthorized("登录凭证无效", code="invalid_token")
    if not await session_is_open(await session.connection(), principal.session_id):
        raise SessionRevoked()
    user = await session.get(User, principal.user_id)
    if user is None or not user.active:
        raise Unauthorized("账号已停用", code="user_inactive")
    return user


# Asked on every signed-in request (the proxy's too): built once, run without the ORM.
_OPEN_SESSION = select(literal(1)).where(
    AuthSession.__table__.c.id == bindparam("session_id"),
    AuthSession.__table__.c.revoked_at.is_(None),
)


async def session_is_open(connection: AsyncConnection, session_id: str | None) -> bool:
    if session_id is None:
        return False
    found = await connection.execute(_OPEN_SESSION, {"session_id": session_id})
    return found.first() is not None


async def list_users(session: AsyncSession) -> Sequence[User]:
    return (await session.scalars(select(User).order_by(User.unit_id, User.id))).all()


async def create_user(session: AsyncSession, actor: Principal, body: UserIn) -> User:
    await ensure_can_act_on(session, actor, body.unit_id)
    if await session.scalar(select(User.id).where(User.username == body.username)):
        raise InvalidInput("body.username", "用户名已被使用", code="username_taken")
    user = User(
        username=body.username,
        display_name=body.display_name,
        unit_id=body.unit_id,
        roles=[r.value for r in body.roles],
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
        after=UserOut.model_validate(user).model_dump(mode="json"),
    )
    return user


async def update_user(
    session: AsyncSession, actor: Principal, user_id: int, body: UserUpdate
) -> User:
    user = await session.get(User, user_id)
    if user is None:
        raise NotFound("用户不存在", code="user_not_found")
    await ensure_can_act_on(session, actor, user.unit_id)
    if body.unit_id is not None:
        await ensure_can_act_on(session, actor, body.unit_id)
    if actor.user_id == user.id and body.active is False:
        raise Forbidden("不能停用自己的账号", code="cannot_deactivate_self")
    before = UserOut.model_validate(user).model_dump(mode="json")
    changes = body.model_dump(exclude_unset=True, exclude={"password"})
    if "roles" in changes:
        changes["roles"] = [r.value for r in body.roles or []]
    for key, value in changes.items():
        setattr(user, key, value)
    if body.password is not None:
        user.password_hash = hash_password(body.password)
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action="user.updated",
        entity_type="user",
        entity_id=user.id,
        before=before,
        after=UserOut.model_validate(user).model_dump(mode="json"),
    )
    return user
