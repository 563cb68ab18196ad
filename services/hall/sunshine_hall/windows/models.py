"""The service centres (政务服务中心 / 便民服务中心) and their windows (窗口)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow


class ServiceCentre(Base):
    """A hall: the district's 政务服务中心, a street's 便民服务中心 or a community's 便民服务站.
    It belongs to the unit that runs it; tickets are numbered per centre and day, and its
    display screen shows its own board."""

    __tablename__ = "service_centre"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True, comment="主办单位")
    level: Mapped[str] = mapped_column(String(20), comment="district / street / community")
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300), default="")
    hours: Mapped[str] = mapped_column(String(200), default="", comment="办公时间")
    phone: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WindowKind(StrEnum):
    COMPREHENSIVE = "comprehensive"  # 综合窗口: 一窗受理, many units' items
    UNIT = "unit"  # 部门窗口: one stationed unit's items
    GREEN_CHANNEL = "green_channel"  # 绿色通道: key projects, the elderly, the disabled


class Window(Base):
    """窗口: a counter of a centre, numbered as the board announces it (请到5号窗口)."""

    __tablename__ = "service_window"
    __table_args__ = (UniqueConstraint("centre_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("service_centre.id"), index=True)
    number: Mapped[int] = mapped_column(comment="窗口号")
    name: Mapped[str] = mapped_column(String(100), comment="如 不动产登记窗口")
    kind: Mapped[str] = mapped_column(String(20), default=WindowKind.UNIT)
    # The letter tickets for this window's items start with (A023): one letter per area.
    ticket_prefix: Mapped[str] = mapped_column(String(2), default="A")
    open: Mapped[bool] = mapped_column(default=True, comment="是否开放")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WindowUnit(Base):
    """A unit stationed at a window (进驻单位)."""

    __tablename__ = "window_unit"

    window_id: Mapped[int] = mapped_column(ForeignKey("service_window.id"), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), primary_key=True, index=True)


class WindowStaff(Base):
    """A staff member stationed at a window; `account` is the gateway's user name."""

    __tablename__ = "window_staff"

    window_id: Mapped[int] = mapped_column(ForeignKey("service_window.id"), primary_key=True)
    account: Mapped[str] = mapped_column(String(50), primary_key=True, index=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), comment="所属进驻单位")


class WindowItem(Base):
    """An item a window accepts (一窗受理: a comprehensive window accepts many units' items)."""

    __tablename__ = "window_item"

    window_id: Mapped[int] = mapped_column(ForeignKey("service_window.id"), primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("service_item.id"), primary_key=True, index=True
    )
