"""办件: a case accepted (or refused) at a window, with its log of suspensions and extensions."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow
from sunshine_kit.personal_data import Sealed


class CaseStatus(StrEnum):
    RECEIVED = "received"  # 收件，待受理（窗口审查材料中）
    AWAITING_MATERIALS = "awaiting_materials"  # 一次告知后，待补齐材料（未受理）
    ACCEPTED = "accepted"  # 已受理，办理中
    SUSPENDED = "suspended"  # 特别程序中（不计时）
    DECIDED = "decided"  # 已作出决定，待办结送达
    COMPLETED = "completed"  # 已办结（送达）
    NOT_ACCEPTED = "not_accepted"  # 不予受理


class Decision(StrEnum):
    GRANTED = "granted"  # 准予
    DENIED = "denied"  # 不予（否定报备）


class SuspensionKind(StrEnum):
    """Special procedures whose days are not counted in the time limit (特别程序)."""

    EXPERT_REVIEW = "expert_review"  # 专家评审
    SITE_INSPECTION = "site_inspection"  # 现场勘验
    HEARING = "hearing"  # 听证
    PUBLIC_NOTICE = "public_notice"  # 公示
    TESTING = "testing"  # 检验检测
    OTHER = "other"  # 其他法定特别程序


class WarningLevel(StrEnum):
    NONE = "none"
    YELLOW = "yellow"  # 黄牌预警: near its due date
    RED = "red"  # 红牌警告: overdue


# Cases still running: the predicate of the supervision sweep's partial index.
OPEN_CASE = "status IN ('accepted', 'suspended', 'decided')"


class Case(Base):
    """办件: one application for a service item, from acceptance to delivery. Its legal and
    promised end dates are computed by `cases.clock` from the dates on the row and its
    suspensions and extensions, and kept here so that the sweep and the lists work in SQL."""

    __tablename__ = "hall_case"
    # On PostgreSQL the table keeps a fifth of each page free (fillfactor 80, set by migration
    # hall_0006 only: Alembic does not compare storage parameters), so that the supervision
    # sweep's updates of `warning` and `updated_at` — neither indexed: keep it so — stay on
    # their page and write no index entry.
    __table_args__ = (
        Index(
            "ix_hall_case_open_due",
            "promised_due_on",
            "id",
            postgresql_where=text(OPEN_CASE),
            sqlite_where=text(OPEN_CASE),
        ),
        # Also every query by unit alone (its leading column).
        Index("ix_hall_case_unit_completed", "unit_id", "completed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(30), unique=True, comment="办件编号")
    query_code_hash: Mapped[str] = mapped_column(String(128), comment="查询码（评价、查进度）")
    item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id"), index=True)
    item_version: Mapped[int] = mapped_column(comment="受理时事项的版本")
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), comment="办理单位")
    centre_id: Mapped[int] = mapped_column(ForeignKey("service_centre.id"), index=True)
    window_id: Mapped[int | None] = mapped_column(ForeignKey("service_window.id"), index=True)
    clerk: Mapped[str] = mapped_column(String(50), index=True, comment="受理人账号")
    first_asked_by: Mapped[str] = mapped_column(String(50), comment="首问责任人账号")
    ticket_id: Mapped[int | None] = mapped_column(comment="叫号票（queue）")
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("hall_case.id"), index=True, comment="并联审批的主办件"
    )
    channel: Mapped[str] = mapped_column(String(20), default="window", comment="window / online")
    applicant_type: Mapped[str] = mapped_column(String(20), comment="natural_person/legal_person")
    applicant_name: Mapped[str] = mapped_column(String(200))
    # Personal data, encrypted at rest (sunshine_kit.personal_data), masked in every view.
    applicant_id_number: Mapped[str] = mapped_column(
        Sealed("hall_case.applicant_id_number"), default="", comment="证件号码"
    )
    applicant_phone: Mapped[str] = mapped_column(
        Sealed("hall_case.applicant_phone"), default="", comment="联系电话"
    )
    green_channel: Mapped[bool] = mapped_column(default=False, comment="绿色通道")
    status: Mapped[str] = mapped_column(String(30), index=True)
    received_at: Mapped[datetime] = mapped_column(default=utcnow, comment="收件时间")
    accepted_on: Mapped[date | None] = mapped_column(Date, index=True, comment="受理日期")
    not_accepted_reason: Mapped[str] = mapped_column(Text, default="", comment="不予受理理由")
    decision: Mapped[str | None] = mapped_column(String(20))
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(50), default="")
    # 否定报备: every refusal (不予受理, 不予许可) is reported to the centre, which reviews it.
    refusal_reported_at: Mapped[datetime | None] = mapped_column()
    refusal_reviewed_by: Mapped[str] = mapped_column(String(50), default="")
    completed_on: Mapped[date | None] = mapped_column(Date, comment="办结日期")
    completed_at: Mapped[datetime | None] = mapped_column()
    on_the_spot: Mapped[bool] = mapped_column(default=False, comment="当场办结")
    delivered_on: Mapped[date | None] = mapped_column(Date, comment="送达日期")
    delivery_method: Mapped[str] = mapped_column(String(20), default="", comment="窗口/邮寄/电子")
    fee_fen: Mapped[int] = mapped_column(default=0, comment="收费金额（分）")
    fee_paid_at: Mapped[datetime | None] = mapped_column()
    # The item's limits as at acceptance (a later revision of the item does not move them).
    legal_limit_days: Mapped[int] = mapped_column(default=0, comment="法定时限（工作日）")
    promised_limit_days: Mapped[int] = mapped_column(default=0, comment="承诺时限（工作日）")
    extension_working_days: Mapped[int] = mapped_column(default=0)
    # Kept by `cases.clock` (recomputed on every change and when a calendar year changes).
    legal_due_on: Mapped[date | None] = mapped_column(Date, comment="法定办结日期")
    promised_due_on: Mapped[date | None] = mapped_column(Date, comment="承诺办结日期")
    due_provisional: Mapped[bool] = mapped_column(default=False)
    warning: Mapped[str] = mapped_column(String(10), default=WarningLevel.NONE)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class MissingMaterialsNotice(Base):
    """一次性告知书: every missing or defective material named at once, so that the applicant
    comes back once."""

    __tablename__ = "missing_materials_notice"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("hall_case.id"), index=True)
    materials: Mapped[list[Any]] = mapped_column(comment="[{material_id, name, problem}]")
    note: Mapped[str] = mapped_column(Text, default="")
    notified_on: Mapped[date] = mapped_column(Date)
    notified_by: Mapped[str] = mapped_column(String(50))
    completed_on: Mapped[date | None] = mapped_column(Date, comment="材料补齐日期")


class CaseSuspension(Base):
    """A special procedure (特别程序): its working days do not count towards the limits."""

    __tablename__ = "case_suspension"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("hall_case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(Text)
    approved_by: Mapped[str] = mapped_column(String(100), comment="批准人")
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseExtension(Base):
    """延期: the legal limit extended as the law of the item allows, approved by a head."""

    __tablename__ = "case_extension"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("hall_case.id"), index=True)
    working_days: Mapped[int] = mapped_column()
    reason: Mapped[str] = mapped_column(Text)
    approved_by: Mapped[str] = mapped_column(String(100))
    approved_on: Mapped[date] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseStep(Base):
    """办理环节: the timeline of a case (受理, 审查, 决定, 办结, 送达...), who and when."""

    __tablename__ = "case_step"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("hall_case.id"), index=True)
    step: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(String(50))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseSequence(Base):
    """The last case number handed out in a year (BJ2026000123)."""

    __tablename__ = "hall_case_sequence"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(default=0)
