"""行政处罚 and 行政强制 decisions: not hall cases, but a register each enforcing unit keeps, which
feeds 双公示 (penalties) and table 二 of the annual report (both)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow


class EnforcementKind(StrEnum):
    PENALTY = "penalty"  # 行政处罚
    COERCION = "coercion"  # 行政强制


class PartyType(StrEnum):
    LEGAL_PERSON = "legal_person"  # 法人或其他组织: name and credit code published
    NATURAL_PERSON = "natural_person"  # 自然人: name masked when published


class EnforcementDecision(Base):
    """A 行政处罚 or 行政强制 decision as its document (决定书) states it."""

    __tablename__ = "enforcement_decision"
    __table_args__ = (
        UniqueConstraint("unit_id", "document_number"),
        CheckConstraint("fine_fen >= 0", name="fine_not_negative"),
        Index("ix_enforcement_decision_unit_decided", "unit_id", "decided_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), comment="作出决定的单位")
    kind: Mapped[str] = mapped_column(String(20))
    document_number: Mapped[str] = mapped_column(String(100), comment="决定书文号")
    party_type: Mapped[str] = mapped_column(String(20))
    party_name: Mapped[str] = mapped_column(String(200), comment="行政相对人名称或姓名")
    credit_code: Mapped[str] = mapped_column(String(18), default="", comment="统一社会信用代码")
    facts: Mapped[str] = mapped_column(Text, comment="违法事实")
    legal_basis: Mapped[str] = mapped_column(Text, comment="处罚或强制依据")
    content: Mapped[str] = mapped_column(Text, comment="处罚或强制内容")
    fine_fen: Mapped[int] = mapped_column(default=0, comment="罚款金额（分）")
    decided_on: Mapped[date] = mapped_column(Date, comment="决定日期")
    source: Mapped[str] = mapped_column(String(20), default="form", comment="form / import")
    created_by: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
