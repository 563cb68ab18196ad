"""Events the live screens follow: the hall boards and the supervisors' dashboard."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow


class LiveEvent(Base):
    """One event for the live screens (a call at a window, a warning raised). Written in the
    transaction of the change it tells about, and read in id order by every replica of the hall,
    so a screen connected to any replica sees every event, once, in order."""

    __tablename__ = "live_event"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    channel: Mapped[str] = mapped_column(String(60), index=True, comment="board:<centre> / alerts")
    kind: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict[str, Any]] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
