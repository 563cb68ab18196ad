from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow


class AuditEntry(Base):
    """审计日志: one append-only line per state change (who, when, what, before/after)."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_entity", "entity_type", "entity_id"),
        # The log is read by person and by date range (the console's 审计日志 filters).
        Index("ix_audit_entry_actor", "actor"),
        Index("ix_audit_entry_at", "at"),
    )

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    # The person's name as it was when they acted (None: a component, or an entry from before
    # names were kept); the log shows it instead of the login name.
    actor_name: Mapped[str | None] = mapped_column(String(100))
    actor_unit_id: Mapped[int | None]
    action: Mapped[str] = mapped_column(String(100))
    entity_type: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(100))
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]
    request_id: Mapped[str | None] = mapped_column(String(64))
