from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow
from sunshine_kit.personal_data import Sealed


class InquiryKind(StrEnum):
    CONSULTATION = "consultation"  # 咨询
    MAILBOX = "mailbox"  # 领导信箱/留言


class InquiryChannel(StrEnum):
    ON_SITE = "on_site"  # 现场
    PHONE = "phone"  # 电话
    ONLINE = "online"  # 网上


class Satisfaction(StrEnum):
    SATISFIED = "satisfied"  # 满意
    BASICALLY_SATISFIED = "basically_satisfied"  # 基本满意
    UNSATISFIED = "unsatisfied"  # 不满意


class InquiryAction(StrEnum):
    """What the audit log records of an inquiry: the entries of its history."""

    RECEIVED = "inquiry.received"
    ANSWERED = "inquiry.answered"
    RATED = "inquiry.rated"


class Inquiry(Base):
    """咨询 or 领导信箱/留言: a question or message to a unit, answered within working days."""

    __tablename__ = "inquiry"
    __table_args__ = (Index("ix_inquiry_unit_due", "unit_id", "answered_on", "answer_due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    asker_name: Mapped[str] = mapped_column(String(100))
    # Encrypted at rest (sunshine_kit.personal_data), masked but for who answers.
    asker_contact: Mapped[str] = mapped_column(
        Sealed("inquiry.asker_contact"), comment="电话或电子邮件"
    )
    # The asker keeps a code to read the answer and rate it; only its hash is stored.
    token_hash: Mapped[str] = mapped_column(String(128))
    received_on: Mapped[date] = mapped_column(Date, index=True)
    answer_due_on: Mapped[date] = mapped_column(Date, comment="答复期限")
    due_provisional: Mapped[bool] = mapped_column(default=False)
    answered_on: Mapped[date | None] = mapped_column(Date, index=True)
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str | None] = mapped_column(String(50))
    satisfaction: Mapped[str | None] = mapped_column(String(30))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
