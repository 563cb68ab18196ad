"""好差评: one rating per case, the follow-ups of bad ratings, the windows' rating tablets and
the public's complaints about a window or a clerk (效能投诉)."""

from __future__ import annotations

from datetime import date, datetime
from enum import IntEnum, StrEnum

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow
from sunshine_kit.personal_data import Sealed


class RatingLevel(IntEnum):
    """The five levels of 好差评; the cases' satisfaction rate counts 1..3 as satisfied."""

    VERY_SATISFIED = 1  # 非常满意
    SATISFIED = 2  # 满意
    FAIRLY_SATISFIED = 3  # 基本满意
    DISSATISFIED = 4  # 不满意
    VERY_DISSATISFIED = 5  # 非常不满意


# 差评: each opens a follow-up (回访/整改) that must be closed.
BAD_LEVELS = frozenset({RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED})


class RatingChannel(StrEnum):
    PUBLIC_PAGE = "public_page"  # 办件编号 + 查询码, on the portal or a phone
    WINDOW_TABLET = "window_tablet"  # 窗口评价器
    OTHER = "other"  # 电话回访、短信等，由工作人员代录


class CaseRating(Base):
    """好差评: the applicant's one rating of a completed case."""

    __tablename__ = "case_rating"
    __table_args__ = (
        CheckConstraint("level BETWEEN 1 AND 5", name="level_in_range"),
        Index("ix_case_rating_unit_rated", "unit_id", "rated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("hall_case.id"), unique=True)
    level: Mapped[int] = mapped_column(comment="1 非常满意 … 5 非常不满意")
    channel: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")
    # Copied from the case, so that rates by unit, window and clerk need no join.
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("service_window.id"), index=True)
    clerk: Mapped[str] = mapped_column(String(50), default="", index=True)
    rated_at: Mapped[datetime] = mapped_column(default=utcnow)


class RatingTablet(Base):
    """A window's rating tablet (评价器), paired by the office with a key shown once."""

    __tablename__ = "rating_tablet"

    window_id: Mapped[int] = mapped_column(ForeignKey("service_window.id"), primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64))
    paired_at: Mapped[datetime] = mapped_column(default=utcnow)
    paired_by: Mapped[str] = mapped_column(String(50))


class RatingInvitation(Base):
    """The rating a window's tablet offers for the case just completed there: short-lived,
    spent by the one rating it admits, and seen only by the tablet paired with the window."""

    __tablename__ = "rating_invitation"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("hall_case.id"), index=True)
    window_id: Mapped[int] = mapped_column(ForeignKey("service_window.id"), index=True)
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class FollowUpStatus(StrEnum):
    OPEN = "open"  # 待回访整改
    CLOSED = "closed"  # 已办结


OPEN_FOLLOW_UP = "status = 'open'"


class FollowUp(Base):
    """回访/整改: what a bad rating obliges the case's unit to do, closed with a result by the
    supervisors within its working days."""

    __tablename__ = "rating_follow_up"
    __table_args__ = (
        Index(
            "ix_rating_follow_up_open_due",
            "due_on",
            postgresql_where=text(OPEN_FOLLOW_UP),
            sqlite_where=text(OPEN_FOLLOW_UP),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    rating_id: Mapped[int] = mapped_column(ForeignKey("case_rating.id"), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("hall_case.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True, comment="整改单位")
    status: Mapped[str] = mapped_column(String(10), default=FollowUpStatus.OPEN, index=True)
    opened_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date, comment="回访整改期限")
    result: Mapped[str] = mapped_column(Text, default="", comment="回访情况与整改结果")
    closed_on: Mapped[date | None] = mapped_column(Date)
    closed_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ComplaintStatus(StrEnum):
    RECEIVED = "received"  # 已收到
    HANDLING = "handling"  # 调查处理中
    CLOSED = "closed"  # 已办结（结果已反馈）


class Complaint(Base):
    """效能投诉: a complaint from the public about a window or one of its clerks."""

    __tablename__ = "hall_complaint"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(30), unique=True, comment="投诉编号")
    centre_id: Mapped[int] = mapped_column(ForeignKey("service_centre.id"), index=True)
    window_id: Mapped[int] = mapped_column(ForeignKey("service_window.id"), index=True)
    clerk: Mapped[str] = mapped_column(String(50), default="", comment="被投诉人账号，空为窗口")
    content: Mapped[str] = mapped_column(Text)
    # Personal data: encrypted at rest (the kit's Sealed type), shown masked.
    complainant_name: Mapped[str] = mapped_column(
        Sealed("hall_complaint.complainant_name"), default=""
    )
    complainant_phone: Mapped[str] = mapped_column(
        Sealed("hall_complaint.complainant_phone"), default=""
    )
    status: Mapped[str] = mapped_column(String(20), default=ComplaintStatus.RECEIVED, index=True)
    handling_note: Mapped[str] = mapped_column(Text, default="", comment="调查处理情况")
    result: Mapped[str] = mapped_column(Text, default="", comment="处理结果")
    handled_by: Mapped[str] = mapped_column(String(50), default="")
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column()
