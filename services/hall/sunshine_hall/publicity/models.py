"""双公示: the ledger of decisions sent to the catalogue's 双公示 columns, one row per decision."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow


class PublicityRecord(Base):
    """One decision published (or to be published) to 双公示: the outbox message's key, and
    the last day the law allows (7 working days from the decision)."""

    __tablename__ = "double_publicity"
    __table_args__ = (UniqueConstraint("source", "source_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(20), comment="case 行政许可 / enforcement 行政处罚")
    source_id: Mapped[int] = mapped_column()
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    column_code: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(200), unique=True, comment="outbox 幂等键")
    title: Mapped[str] = mapped_column(String(300))
    decided_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date, comment="公示期限：决定之日起7个工作日")
    sent_at: Mapped[datetime] = mapped_column(default=utcnow, comment="交给 outbox 的时间")
