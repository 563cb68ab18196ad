"""登录失败锁定: after `LOGIN_LOCKOUT_FAILURES` wrong passwords in a row a login name is locked
for `LOGIN_LOCKOUT_MINUTES`, in the database so that every replica and a restart agree.

Counted per name as typed (see `LoginLockout`), so an unknown name is answered exactly like a
known one. The count is kept with a row lock, so failures arriving together at two replicas are
both counted.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_gateway.identity.models import LoginLockout
from sunshine_gateway.settings import GatewaySettings
from sunshine_kit.calendar.days import BEIJING
from sunshine_kit.db import utcnow
from sunshine_kit.errors import AppError

# Forgotten runs are deleted a few at a time, by whichever failure comes next.
_PRUNE_BATCH = 100


class AccountLocked(AppError):
    status_code = 423
    code = "account_locked"

    def __init__(self, until: datetime) -> None:
        wait = max(1, math.ceil((until - utcnow()).total_seconds()))
        shown = until.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S")
        super().__init__(
            f"密码连续错误次数过多，账号已锁定至 {shown}（北京时间），"
            "请届时再试，或请运维管理员解锁",
            headers={"Retry-After": str(wait)},
        )


async def ensure_not_locked(session: AsyncSession, username: str) -> None:
    """Refuse a login name whose lock has not run out yet."""
    lock = await session.get(LoginLockout, username)
    if lock is not None and lock.locked_until is not None and lock.locked_until > utcnow():
        raise AccountLocked(lock.locked_until)


def _insert(session: AsyncSession) -> postgresql.Insert | sqlite.Insert:
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(LoginLockout)


async def record_failure(
    session: AsyncSession, settings: GatewaySettings, username: str
) -> datetime | None:
    """Count a wrong password for `username`; the end of its lock when this one locks it (or
    another replica's just did). The caller commits: its refused request must not undo this."""
    now = utcnow()
    window = timedelta(minutes=settings.login_lockout_minutes)
    forgotten = (
        select(LoginLockout.username)
        .where(
            LoginLockout.last_failed_at < now - window,
            or_(LoginLockout.locked_until.is_(None), LoginLockout.locked_until < now),
        )
        .limit(_PRUNE_BATCH)
        # Rows another request is counting are left for later rather than waited for.
        .with_for_update(skip_locked=True)
    )
    await session.execute(delete(LoginLockout).where(LoginLockout.username.in_(forgotten)))
    await session.execute(
        _insert(session)
        .values(username=username, failures=0, last_failed_at=now)
        .on_conflict_do_nothing(index_elements=[LoginLockout.username])
    )
    lock = await session.scalar(
        select(LoginLockout)
        .where(LoginLockout.username == username)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    assert lock is not None  # inserted above, or already there and now held by us
    if lock.locked_until is not None and lock.locked_until > now:
        return lock.locked_until
    if lock.locked_until is not None or lock.last_failed_at < now - window:
        lock.failures = 0  # after a lock, or a long pause, a new run begins
    lock.failures += 1
    lock.last_failed_at = now
    lock.locked_until = None
    if lock.failures >= settings.login_lockout_failures:
        lock.locked_until = now + window
    await session.flush()
    return lock.locked_until


async def forget(session: AsyncSession, username: str) -> LoginLockout | None:
    """Forget the failures of `username` (a success, or an ops admin's unlock); what was kept."""
    lock = await session.get(LoginLockout, username)
    if lock is not None:
        await session.delete(lock)
    return lock
