"""The monthly bulletins of a region and the weights its office scores them with.

A draft keeps the figures last read; issuing freezes figures and weights (the bulletin says
the same thing forever after). Every change is also an audit entry (kit audit, entity type
`bulletin` or `bulletin_weights`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow
from sunshine_reporting.bulletin.schemas import BulletinStatus


class Bulletin(Base):
    """每月考评通报: a region's (a unit's and those below it) month."""

    __tablename__ = "bulletin"
    __table_args__ = (UniqueConstraint("unit_id", "year", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), comment="通报单位（本级及下属）")
    year: Mapped[int]
    month: Mapped[int]
    status: Mapped[str] = mapped_column(String(10), default=BulletinStatus.DRAFT.value)
    weights: Mapped[dict[str, Any]] = mapped_column(comment="评分所用权重（印发时冻结）")
    figures: Mapped[dict[str, Any]] = mapped_column(
        comment="读取的数字：read_at、各单位 rows、missing（印发时冻结）"
    )
    created_by: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(50))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    issued_by: Mapped[str | None] = mapped_column(String(50))
    issued_at: Mapped[datetime | None]
    published_by: Mapped[str | None] = mapped_column(String(50))
    published_at: Mapped[datetime | None]
    publish_key: Mapped[str | None] = mapped_column(String(100), comment="发布到公开目录的幂等键")


class BulletinWeights(Base):
    """考评权重 of a region's bulletin, set by its office (defaults until then)."""

    __tablename__ = "bulletin_weights"

    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), primary_key=True)
    weights: Mapped[dict[str, Any]]
    updated_by: Mapped[str] = mapped_column(String(50))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
