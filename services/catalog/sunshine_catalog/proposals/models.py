from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow


class ProposalStatus(StrEnum):
    OPEN = "open"  # 待处理
    ACCEPTED = "accepted"  # 已采纳（转为主动公开）
    DECLINED = "declined"  # 不予采纳


PROPOSAL_STATUS_LABELS: dict[ProposalStatus, str] = {
    ProposalStatus.OPEN: "待处理",
    ProposalStatus.ACCEPTED: "已采纳",
    ProposalStatus.DECLINED: "不予采纳",
}


class Proposal(Base):
    """Article 44 (第四十四条): information several applicants asked for, proposed by the
    applications service for proactive disclosure."""

    __tablename__ = "disclosure_proposal"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    description: Mapped[str] = mapped_column(Text, comment="申请公开的信息")
    application_count: Mapped[int] = mapped_column(comment="申请件数")
    tracking_numbers: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(20), default=ProposalStatus.OPEN, index=True)
    # The sender's idempotency key: a redelivery finds the proposal made the first time.
    source_key: Mapped[str] = mapped_column(String(200), unique=True)
    handled_by: Mapped[str | None] = mapped_column(String(50))
    handled_at: Mapped[datetime | None]
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("information_item.id"), comment="据此主动公开的信息"
    )
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
