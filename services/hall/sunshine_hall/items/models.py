"""政务服务事项: the service items a hall accepts, published with the 八公开 to the public guide."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow


class ItemCategory(StrEnum):
    """The categories of government service items (政务服务事项类别)."""

    LICENSING = "licensing"  # 行政许可
    BENEFIT = "benefit"  # 行政给付
    CONFIRMATION = "confirmation"  # 行政确认
    LEVY = "levy"  # 行政征收
    REWARD = "reward"  # 行政奖励
    ADJUDICATION = "adjudication"  # 行政裁决
    OTHER_POWER = "other_power"  # 其他行政权力
    PUBLIC_SERVICE = "public_service"  # 公共服务


class HallLevel(StrEnum):
    """Where an item is handled or a centre stands: the three levels of halls."""

    DISTRICT = "district"  # 区级政务服务中心
    STREET = "street"  # 街道（乡镇）便民服务中心
    COMMUNITY = "community"  # 社区（村）便民服务站


class ItemKind(StrEnum):
    INSTANT = "instant"  # 即办件: decided at the window the same day
    PROMISED = "promised"  # 承诺件: decided within the promised time limit


class ItemStatus(StrEnum):
    DRAFT = "draft"  # 草稿（新事项或修订中）
    PUBLISHED = "published"  # 已发布到办事指南
    RETIRED = "retired"  # 已取消（停止受理）


class ServiceItem(Base):
    """政务服务事项: one item of the guide. The row holds the version being edited or the one in
    force; every published version is kept in `service_item_version`, and a case records the
    version it was accepted under."""

    __tablename__ = "service_item"
    __table_args__ = (Index("ix_service_item_unit_status", "unit_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(40), unique=True, comment="事项编码")
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), comment="实施主体")
    hall_level: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(200))
    legal_basis: Mapped[str] = mapped_column(Text, default="", comment="设定依据")
    conditions: Mapped[str] = mapped_column(Text, default="", comment="受理条件")
    procedure: Mapped[str] = mapped_column(Text, default="", comment="办理流程")
    kind: Mapped[str] = mapped_column(String(20), default=ItemKind.PROMISED)
    # Working days; 0 for 即办件. The promised limit is the centre's commitment, never longer
    # than the legal one.
    legal_limit_days: Mapped[int] = mapped_column(default=20, comment="法定办结时限（工作日）")
    promised_limit_days: Mapped[int] = mapped_column(default=10, comment="承诺办结时限（工作日）")
    fee_basis: Mapped[str] = mapped_column(Text, default="", comment="收费依据")
    fee_standard: Mapped[str] = mapped_column(String(500), default="", comment="收费标准")
    fee_fen: Mapped[int] = mapped_column(default=0, comment="收费金额（分），不收费为0")
    authority: Mapped[str] = mapped_column(String(200), default="", comment="办理机构")
    location: Mapped[str] = mapped_column(String(300), default="", comment="办理地点、窗口")
    hours: Mapped[str] = mapped_column(String(200), default="", comment="办理时间")
    phone: Mapped[str] = mapped_column(String(100), default="", comment="咨询与监督电话")
    online: Mapped[bool] = mapped_column(default=False, comment="可网上办理")
    status: Mapped[str] = mapped_column(String(20), default=ItemStatus.DRAFT)
    version: Mapped[int] = mapped_column(default=0, comment="已发布的版本号，0为从未发布")
    # The row is the working copy: edits after a publication change it, not the guide, which
    # shows `service_item_version` number `version` until the next publication.
    draft_pending: Mapped[bool] = mapped_column(
        default=False, server_default=false(), comment="有未发布的修改"
    )
    published_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ServiceItemVersion(Base):
    """A published version of an item as the public saw it, materials included."""

    __tablename__ = "service_item_version"
    __table_args__ = (UniqueConstraint("item_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id"))
    version: Mapped[int] = mapped_column()
    # What the public guide searches and filters by, copied out of `content`.
    name: Mapped[str] = mapped_column(String(200), server_default="")
    category: Mapped[str] = mapped_column(String(20), server_default="")
    hall_level: Mapped[str] = mapped_column(String(20), server_default="")
    content: Mapped[dict[str, Any]] = mapped_column(comment="该版本的事项与材料")
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_by: Mapped[str] = mapped_column(String(50), default="")


class MaterialForm(StrEnum):
    ORIGINAL = "original"  # 原件
    COPY = "copy"  # 复印件
    ORIGINAL_AND_COPY = "original_and_copy"  # 原件及复印件
    ELECTRONIC = "electronic"  # 电子文件


class ItemMaterial(Base):
    """申请材料: what the applicant brings, with a blank form or a sample to download."""

    __tablename__ = "item_material"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id"), index=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    form: Mapped[str] = mapped_column(String(30), default=MaterialForm.ORIGINAL_AND_COPY)
    copies: Mapped[int] = mapped_column(default=1)
    required: Mapped[bool] = mapped_column(default=True)
    source: Mapped[str] = mapped_column(String(200), default="", comment="材料来源，如申请人自备")
    note: Mapped[str] = mapped_column(Text, default="", comment="填报说明")
    # Removed from the working copy, kept while a published version lists it (and its files).
    withdrawn: Mapped[bool] = mapped_column(default=False, server_default=false())


class MaterialFile(Base):
    """A blank form (空白表格) or a filled sample (示范文本) of a material, to download."""

    __tablename__ = "material_file"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("item_material.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(20), comment="blank 空白表格 / sample 示范文本")
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column()
    data: Mapped[bytes] = mapped_column(LargeBinary)
    # Removed from the working copy, kept while a published version offers it for download.
    withdrawn: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
