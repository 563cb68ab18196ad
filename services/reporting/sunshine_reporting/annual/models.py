"""The annual report a unit (or a region's office) prepares for a year.

A draft keeps the figures last read from the services; finalising freezes them in `snapshot`,
which is what the report says from then on. Every change is also an audit entry (kit audit,
entity type `annual_report`), which is the report's history.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow
from sunshine_reporting.annual.schemas import ReportStatus


class AnnualReport(Base):
    __tablename__ = "annual_report"
    __table_args__ = (
        UniqueConstraint("unit_id", "year", "scope"),
        Index("ix_annual_report_year_status", "year", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), comment="报告单位")
    year: Mapped[int] = mapped_column(comment="报告年度")
    scope: Mapped[str] = mapped_column(String(10), comment="unit 本单位 / region 本级及下属汇总")
    status: Mapped[str] = mapped_column(String(10), default=ReportStatus.DRAFT.value)
    overview: Mapped[str] = mapped_column(Text, default="", comment="一、总体情况")
    overview_edited: Mapped[bool] = mapped_column(default=False, comment="一 经公开办修改")
    problems: Mapped[str] = mapped_column(Text, default="", comment="五、存在的主要问题及改进情况")
    other_matters: Mapped[str] = mapped_column(Text, default="", comment="六、其他需要报告的事项")
    figures: Mapped[dict[str, Any]] = mapped_column(comment="最近一次读取的数字（AnnualFigures）")
    snapshot: Mapped[dict[str, Any] | None] = mapped_column(comment="定稿时冻结的数字")
    created_by: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(50))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    finalised_by: Mapped[str | None] = mapped_column(String(50))
    finalised_at: Mapped[datetime | None]
    published_by: Mapped[str | None] = mapped_column(String(50))
    published_at: Mapped[datetime | None]
    publish_key: Mapped[str | None] = mapped_column(String(100), comment="发布到公开目录的幂等键")
