from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow


class CalendarYear(Base):
    """A year's official holiday arrangement (节假日安排) loaded by an ops admin.

    Loaded years override the chinesecalendar package, which stops at 2026.
    """

    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    holidays: Mapped[list[Any]]
    workdays: Mapped[list[Any]]
    note: Mapped[str] = mapped_column(String(200), default="")
    loaded_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
