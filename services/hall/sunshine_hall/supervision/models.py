"""电子监察: the alerts the sweep raises, and the daily figures of completed cases."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow


class SupervisionAlert(Base):
    """A warning raised on a case: one row per (case, level), whoever raised it and however
    late (the unique constraint makes a second raise, by another replica or a later sweep, a
    no-op). Supervisors handle it: a note, who, when."""

    __tablename__ = "supervision_alert"
    __table_args__ = (
        UniqueConstraint("case_id", "level"),
        Index("ix_supervision_alert_open", "handled_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("hall_case.id"))
    level: Mapped[str] = mapped_column(String(10), comment="yellow 黄牌 / red 红牌")
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("service_centre.id"))
    promised_due_on: Mapped[date] = mapped_column(Date, comment="预警时的承诺办结日期")
    raised_on: Mapped[date] = mapped_column(Date, comment="预警日期（北京时间）")
    raised_at: Mapped[datetime] = mapped_column(default=utcnow)
    handled_at: Mapped[datetime | None] = mapped_column()
    handled_by: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(Text, default="", comment="处理意见")


class CompletionDay(Base):
    """Completed cases of one day, unit, window and clerk, with how many kept the promise:
    kept by the completion step in its transaction, so that a month's rates read a few
    thousand rows rather than every case (bench/hall_supervision.py)."""

    __tablename__ = "hall_completion_day"

    completed_on: Mapped[date] = mapped_column(Date, primary_key=True)
    unit_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    # 0 for cases completed at no window (sub-cases of other units): keys cannot be null.
    window_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    clerk: Mapped[str] = mapped_column(String(50), primary_key=True)
    completed: Mapped[int] = mapped_column(default=0, comment="办结件数")
    on_time: Mapped[int] = mapped_column(default=0, comment="按时办结（含提前、当场）")
    early: Mapped[int] = mapped_column(default=0, comment="提前办结")
    on_the_spot: Mapped[int] = mapped_column(default=0, comment="当场办结")
    fee_fen: Mapped[int] = mapped_column(default=0, comment="收费（分）")
