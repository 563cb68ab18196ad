from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow


class User(Base):
    """用户: a staff member, who belongs to one unit and holds one or more roles."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    password_hash: Mapped[str] = mapped_column(String(200))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    roles: Mapped[list[Any]]
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]


class AuthSession(Base):
    """A login: holds the hash of the current refresh token; revoked at logout."""

    __tablename__ = "auth_session"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    refresh_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    client_ip: Mapped[str | None] = mapped_column(String(64))


class LoginLockout(Base):
    """登录失败锁定: the wrong passwords given in a row for a login name, and the lock they led to.

    Kept per name as typed, not per account, so that a name nobody holds counts and locks like a
    real one and the login answers tell nothing of which names exist. A success or an ops admin's
    unlock deletes the row; a run whose last failure is older than the lockout is forgotten.
    """

    __tablename__ = "login_lockout"

    username: Mapped[str] = mapped_column(String(50), primary_key=True)
    failures: Mapped[int]
    last_failed_at: Mapped[datetime] = mapped_column(index=True)
    locked_until: Mapped[datetime | None]
