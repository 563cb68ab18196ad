from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow


class UnitType(StrEnum):
    GOVERNMENT = "government"  # 政府本级
    DEPARTMENT = "department"  # 部门
    STREET = "street"  # 街道
    TOWNSHIP = "township"  # 乡镇
    COMMUNITY = "community"  # 社区
    VILLAGE = "village"  # 村


UNIT_TYPE_LABELS: dict[UnitType, str] = {
    UnitType.GOVERNMENT: "人民政府",
    UnitType.DEPARTMENT: "政府部门",
    UnitType.STREET: "街道",
    UnitType.TOWNSHIP: "乡镇",
    UnitType.COMMUNITY: "社区",
    UnitType.VILLAGE: "村",
}


class Unit(Base):
    """单位: one node of the organisation tree.

    The gateway owns the tree; every service keeps a copy, fed through the outbox, for its own
    scoping and reports. `version` rises with each change so a late, older copy never wins.
    """

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100))
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    type: Mapped[str] = mapped_column(String(20))
    # No foreign key on purpose: a service's copy may receive a unit before its parent (each
    # message is retried on its own), and the gateway checks the tree when it changes it.
    parent_id: Mapped[int | None] = mapped_column(index=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    closed: Mapped[bool] = mapped_column(default=False)
    # 垂直管理: tax, customs, financial regulation, statistics survey teams and the like answer
    # to the next authority of their own system, which hears reconsideration of their acts
    # (行政复议法 2023 第二十七条); the gateway requires the body's name when the flag is set.
    vertically_managed: Mapped[bool] = mapped_column(default=False, comment="垂直管理")
    reconsideration_body: Mapped[str | None] = mapped_column(
        String(100), comment="行政复议机关（垂直管理单位）"
    )
    # The unit's disclosure office (政府信息公开工作机构) as its 公开指南 names it: where and when
    # people apply in person, the phone for questions, where letters go (《条例》第十二条).
    office_address: Mapped[str | None] = mapped_column(String(200), comment="办公地址")
    office_phone: Mapped[str | None] = mapped_column(String(40), comment="咨询电话")
    office_hours: Mapped[str | None] = mapped_column(String(100), comment="办公时间")
    postal_address: Mapped[str | None] = mapped_column(String(200), comment="通信地址")
    postal_code: Mapped[str | None] = mapped_column(String(6), comment="邮政编码")
    office_email: Mapped[str | None] = mapped_column(String(100), comment="电子邮箱")
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
