"""排队叫号: tickets, their daily numbering, and appointment slots with their bookings."""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow
from sunshine_kit.personal_data import Sealed


class TicketStatus(StrEnum):
    WAITING = "waiting"  # 等候中 (also after a transfer to another window)
    CALLED = "called"  # 已叫号: at the window, being served
    FINISHED = "finished"  # 已办结
    NO_SHOW = "no_show"  # 过号


class Priority(StrEnum):
    """Who is called before first come: the order of this enumeration is not the order of the
    call (every priority ticket ranks alike, then the earlier one first)."""

    NONE = "none"
    APPOINTMENT = "appointment"  # 预约
    GREEN_CHANNEL = "green_channel"  # 绿色通道（重点项目）
    ELDERLY = "elderly"  # 老年人
    DISABLED = "disabled"  # 残疾人


class TicketCounter(Base):
    """The last sequence handed out at a centre on a day: one row, bumped in one statement, so
    two kiosks taking a ticket at the same moment never get the same number."""

    __tablename__ = "queue_counter"

    centre_id: Mapped[int] = mapped_column(ForeignKey("service_centre.id"), primary_key=True)
    service_day: Mapped[date] = mapped_column(primary_key=True)
    last_sequence: Mapped[int] = mapped_column(default=0)


class Ticket(Base):
    """叫号票: taken on site (kiosk, phone) or at check-in of an appointment, for an item or for
    a window, numbered by the window area's letter and the centre's sequence of the day."""

    __tablename__ = "queue_ticket"
    __table_args__ = (
        UniqueConstraint("centre_id", "service_day", "sequence"),
        # What call-next reads: a centre's waiting tickets of the day.
        Index("ix_queue_ticket_waiting", "centre_id", "service_day", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("service_centre.id"))
    service_day: Mapped[date] = mapped_column(comment="取号日（北京时间）")
    sequence: Mapped[int] = mapped_column(comment="当日序号")
    number: Mapped[str] = mapped_column(String(10), comment="票号，如 A023")
    area: Mapped[str] = mapped_column(String(2), comment="区号：票号的字母，窗口区的前缀")
    item_id: Mapped[int | None] = mapped_column(ForeignKey("service_item.id"), index=True)
    # Taken for a window (or transferred to one): only that window calls it.
    window_id: Mapped[int | None] = mapped_column(ForeignKey("service_window.id"))
    priority: Mapped[str] = mapped_column(String(20), default=Priority.NONE)
    priority_reason: Mapped[str] = mapped_column(String(200), default="", comment="优先理由")
    issued_by: Mapped[str] = mapped_column(String(50), default="", comment="发放优先票的工作人员")
    status: Mapped[str] = mapped_column(String(20), default=TicketStatus.WAITING)
    taken_at: Mapped[datetime] = mapped_column(default=utcnow)
    called_at: Mapped[datetime | None] = mapped_column(comment="最近一次叫号时间")
    first_called_at: Mapped[datetime | None] = mapped_column(comment="首次叫号（等候时长止）")
    called_window_id: Mapped[int | None] = mapped_column(
        ForeignKey("service_window.id"), index=True
    )
    called_by: Mapped[str] = mapped_column(String(50), default="")
    calls: Mapped[int] = mapped_column(default=0, comment="叫号次数（含重呼）")
    transferred_from_window_id: Mapped[int | None] = mapped_column(ForeignKey("service_window.id"))
    finished_at: Mapped[datetime | None] = mapped_column()
    case_number: Mapped[str] = mapped_column(String(30), default="", comment="受理的办件编号")


class AppointmentSlot(Base):
    """可预约时段: a period of a day when a centre takes `capacity` appointments for an item."""

    __tablename__ = "appointment_slot"
    __table_args__ = (UniqueConstraint("centre_id", "item_id", "day", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("service_centre.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id"), index=True)
    day: Mapped[date] = mapped_column()
    starts_at: Mapped[time] = mapped_column()
    ends_at: Mapped[time] = mapped_column()
    capacity: Mapped[int] = mapped_column()
    # Bumped with a guarded UPDATE (booked < capacity), never read then written.
    booked: Mapped[int] = mapped_column(default=0)
    created_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class BookingStatus(StrEnum):
    BOOKED = "booked"  # 已预约
    CHECKED_IN = "checked_in"  # 已签到取号
    CANCELLED = "cancelled"  # 已取消


class AppointmentBooking(Base):
    """预约: one person's place in a slot. The code is checked in at the centre for a priority
    ticket. The name and phone are kept encrypted at rest (`sunshine_kit.personal_data`, the
    hall's key) and shown masked in every view: the centre may call the person about their
    appointment, and nothing else of theirs is needed by the queue."""

    __tablename__ = "appointment_booking"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("appointment_slot.id"), index=True)
    code: Mapped[str] = mapped_column(String(12), unique=True, comment="预约码")
    name: Mapped[str] = mapped_column(Sealed("appointment_booking.name"), comment="姓名")
    phone: Mapped[str] = mapped_column(Sealed("appointment_booking.phone"), comment="手机号")
    status: Mapped[str] = mapped_column(String(20), default=BookingStatus.BOOKED)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("queue_ticket.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    checked_in_at: Mapped[datetime | None] = mapped_column()
