from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow


class ItemStatus(StrEnum):
    DRAFT = "draft"  # 草稿
    SUBMITTED = "submitted"  # 待审查
    REJECTED = "rejected"  # 退回修改
    PUBLISHED = "published"  # 已发布
    WITHDRAWN = "withdrawn"  # 已撤回


# The labels of each enumeration live next to it, in the order the console offers them; the SPA
# reads them from GET /vocabulary.
STATUS_LABELS: dict[ItemStatus, str] = {
    ItemStatus.DRAFT: "草稿",
    ItemStatus.SUBMITTED: "待审查",
    ItemStatus.REJECTED: "已退回",
    ItemStatus.PUBLISHED: "已发布",
    ItemStatus.WITHDRAWN: "已撤回",
}

# Items that may still be changed by their author.
EDITABLE = frozenset({ItemStatus.DRAFT, ItemStatus.REJECTED, ItemStatus.WITHDRAWN})


class DisclosureAttribute(StrEnum):
    PROACTIVE = "proactive"  # 主动公开
    ON_APPLICATION = "on_application"  # 依申请公开
    NOT_DISCLOSED = "not_disclosed"  # 不予公开


DISCLOSURE_LABELS: dict[DisclosureAttribute, str] = {
    DisclosureAttribute.PROACTIVE: "主动公开",
    DisclosureAttribute.ON_APPLICATION: "依申请公开",
    DisclosureAttribute.NOT_DISCLOSED: "不予公开",
}


class Validity(StrEnum):
    VALID = "valid"  # 有效
    EXPIRED = "expired"  # 失效
    REPEALED = "repealed"  # 废止


VALIDITY_LABELS: dict[Validity, str] = {
    Validity.VALID: "有效",
    Validity.EXPIRED: "已失效",
    Validity.REPEALED: "已废止",
}
# What a change of validity is called in the change feed's Atom and RSS entries.
VALIDITY_CHANGE_LABELS: dict[Validity, str] = {
    Validity.VALID: "恢复有效",
    Validity.EXPIRED: "失效",
    Validity.REPEALED: "废止",
}


class DocumentType(StrEnum):
    REGULATION = "regulation"  # 规章
    NORMATIVE = "normative"  # 行政规范性文件
    OTHER = "other"  # 其他


DOCUMENT_TYPE_LABELS: dict[DocumentType, str] = {
    DocumentType.REGULATION: "规章",
    DocumentType.NORMATIVE: "行政规范性文件",
    DocumentType.OTHER: "其他文件",
}

# 规章 and 规范性文件: the policy documents (their interpretations, their rank in search).
POLICY_TYPES = (DocumentType.REGULATION, DocumentType.NORMATIVE)


class InformationItem(Base):
    """政府信息: one piece of government information in a unit's catalogue."""

    __tablename__ = "information_item"
    __table_args__ = (
        UniqueConstraint("unit_id", "index_year", "index_seq"),
        Index("ix_information_item_unit_status_published", "unit_id", "status", "published_at"),
        Index("ix_information_item_status_published", "status", "published_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    column_id: Mapped[int] = mapped_column(ForeignKey("catalogue_column.id"), index=True)
    # 索引号: credit code/year-sequence; assigned once, never reused (see index_sequence).
    index_number: Mapped[str] = mapped_column(String(40), unique=True)
    index_year: Mapped[int]
    index_seq: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))
    body_html: Mapped[str] = mapped_column(Text, default="")
    document_number: Mapped[str] = mapped_column(String(100), default="", comment="发文字号")
    issuing_unit: Mapped[str] = mapped_column(String(100), comment="发布机构")
    formed_on: Mapped[date] = mapped_column(Date, comment="生成日期")
    # A change to information once published keeps its 生成日期 and records its own date, from
    # which the change's 20 working days run (Article 26).
    changed_on: Mapped[date | None] = mapped_column(Date, comment="变更日期")
    published_at: Mapped[datetime | None]
    topic: Mapped[str] = mapped_column(String(50), default="", comment="主题分类")
    keywords: Mapped[str] = mapped_column(String(200), default="")
    disclosure_attribute: Mapped[str] = mapped_column(
        String(20), default=DisclosureAttribute.PROACTIVE
    )
    non_disclosure_reason: Mapped[str] = mapped_column(String(200), default="")
    validity: Mapped[str] = mapped_column(String(20), default=Validity.VALID)
    validity_changed_on: Mapped[date | None] = mapped_column(Date)
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("information_item.id"))
    document_type: Mapped[str] = mapped_column(String(20), default=DocumentType.OTHER)
    channels: Mapped[list[Any]] = mapped_column(default=list)
    # The policy document this item interprets (政策解读), when it is an interpretation.
    interprets_id: Mapped[int | None] = mapped_column(ForeignKey("information_item.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=ItemStatus.DRAFT, index=True)
    # Article 26: published within 20 working days of being formed or (last) changed.
    due_on: Mapped[date] = mapped_column(Date)
    due_provisional: Mapped[bool] = mapped_column(default=False)
    archive_on: Mapped[date | None] = mapped_column(Date, comment="归档日期（栏目保管期限）")
    author: Mapped[str] = mapped_column(String(50))
    reviewer: Mapped[str | None] = mapped_column(String(50))
    review_note: Mapped[str] = mapped_column(String(500), default="")
    # Who sent it when another service published it (hall: 双公示; reporting: 年度报告).
    source: Mapped[str] = mapped_column(String(30), default="staff")
    # The sender's idempotency key: the same intake message twice makes one item.
    source_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    # Pre-segmented words of title, document number, keywords and body for full-text search.
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ItemColumn(Base):
    """Every column an item appears in (its own column first); migrations move these rows."""

    __tablename__ = "item_column"

    item_id: Mapped[int] = mapped_column(ForeignKey("information_item.id"), primary_key=True)
    column_id: Mapped[int] = mapped_column(
        ForeignKey("catalogue_column.id"), primary_key=True, index=True
    )


class IndexSequence(Base):
    """The last sequence number given out per unit and year: numbers are never given twice."""

    __tablename__ = "index_sequence"

    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last: Mapped[int] = mapped_column(default=0)


class ChangeKind(StrEnum):
    PUBLISHED = "published"
    UPDATED = "updated"
    WITHDRAWN = "withdrawn"
    VALIDITY_CHANGED = "validity_changed"
    MOVED = "moved"


CHANGE_KIND_LABELS: dict[ChangeKind, str] = {
    ChangeKind.PUBLISHED: "发布",
    ChangeKind.UPDATED: "更新",
    ChangeKind.WITHDRAWN: "撤回",
    ChangeKind.VALIDITY_CHANGED: "效力变更",
    ChangeKind.MOVED: "栏目调整",
}


class FeedCounter(Base):
    """One row whose lock orders the change feed: see feed.service.record_change."""

    __tablename__ = "feed_counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    last: Mapped[int] = mapped_column(default=0)


class ChangeEntry(Base):
    """One entry of the change feed other platforms harvest: what changed, and the item after."""

    __tablename__ = "change_entry"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    item_id: Mapped[int] = mapped_column(ForeignKey("information_item.id"), index=True)
    unit_id: Mapped[int] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    snapshot: Mapped[dict[str, Any]]
