"""The queue (排队叫号): tickets numbered per centre and day, appointment slots and bookings.

Revision ID: hall_0004
Revises: hall_0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import sunshine_kit.db

revision = "hall_0004"
down_revision = "hall_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "appointment_slot",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=False),
        sa.Column("ends_at", sa.Time(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("booked", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.Column("created_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["service_centre.id"],
            name=op.f("fk_appointment_slot_centre_id_service_centre"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["service_item.id"], name=op.f("fk_appointment_slot_item_id_service_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_slot")),
        sa.UniqueConstraint(
            "centre_id",
            "item_id",
            "day",
            "starts_at",
            name=op.f("uq_appointment_slot_centre_id_item_id_day_starts_at"),
        ),
    )
    op.create_index(
        op.f("ix_appointment_slot_item_id"), "appointment_slot", ["item_id"], unique=False
    )
    op.create_table(
        "queue_counter",
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["service_centre.id"],
            name=op.f("fk_queue_counter_centre_id_service_centre"),
        ),
        sa.PrimaryKeyConstraint("centre_id", "service_day", name=op.f("pk_queue_counter")),
    )
    op.create_table(
        "queue_ticket",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False, comment="取号日（北京时间）"),
        sa.Column("sequence", sa.Integer(), nullable=False, comment="当日序号"),
        sa.Column("number", sa.String(length=10), nullable=False, comment="票号，如 A023"),
        sa.Column(
            "area",
            sa.String(length=2),
            nullable=False,
            comment="区号：票号的字母，窗口区的前缀",
        ),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("window_id", sa.Integer(), nullable=True),
        sa.Column("priority", sa.String(length=20), nullable=False),
        sa.Column("priority_reason", sa.String(length=200), nullable=False, comment="优先理由"),
        sa.Column(
            "issued_by", sa.String(length=50), nullable=False, comment="发放优先票的工作人员"
        ),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("taken_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column(
            "called_at",
            sunshine_kit.db.UTCDateTime(timezone=True),
            nullable=True,
            comment="最近一次叫号时间",
        ),
        sa.Column(
            "first_called_at",
            sunshine_kit.db.UTCDateTime(timezone=True),
            nullable=True,
            comment="首次叫号（等候时长止）",
        ),
        sa.Column("called_window_id", sa.Integer(), nullable=True),
        sa.Column("called_by", sa.String(length=50), nullable=False),
        sa.Column("calls", sa.Integer(), nullable=False, comment="叫号次数（含重呼）"),
        sa.Column("transferred_from_window_id", sa.Integer(), nullable=True),
        sa.Column("finished_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("case_number", sa.String(length=30), nullable=False, comment="受理的办件编号"),
        sa.ForeignKeyConstraint(
            ["called_window_id"],
            ["service_window.id"],
            name=op.f("fk_queue_ticket_called_window_id_service_window"),
        ),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["service_centre.id"],
            name=op.f("fk_queue_ticket_centre_id_service_centre"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["service_item.id"], name=op.f("fk_queue_ticket_item_id_service_item")
        ),
        sa.ForeignKeyConstraint(
            ["transferred_from_window_id"],
            ["service_window.id"],
            name=op.f("fk_queue_ticket_transferred_from_window_id_service_window"),
        ),
        sa.ForeignKeyConstraint(
            ["window_id"],
            ["service_window.id"],
            name=op.f("fk_queue_ticket_window_id_service_window"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue_ticket")),
        sa.UniqueConstraint(
            "centre_id",
            "service_day",
            "sequence",
            name=op.f("uq_queue_ticket_centre_id_service_day_sequence"),
        ),
    )
    op.create_index(
        op.f("ix_queue_ticket_called_window_id"), "queue_ticket", ["called_window_id"], unique=False
    )
    op.create_index(op.f("ix_queue_ticket_item_id"), "queue_ticket", ["item_id"], unique=False)
    op.create_index(
        "ix_queue_ticket_waiting",
        "queue_ticket",
        ["centre_id", "service_day", "status"],
        unique=False,
    )
    op.create_table(
        "appointment_booking",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("slot_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False, comment="预约码"),
        sa.Column("name_masked", sa.String(length=50), nullable=False, comment="姓名（脱敏）"),
        sa.Column("phone_masked", sa.String(length=20), nullable=False, comment="手机号（脱敏）"),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("checked_in_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["slot_id"],
            ["appointment_slot.id"],
            name=op.f("fk_appointment_booking_slot_id_appointment_slot"),
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["queue_ticket.id"],
            name=op.f("fk_appointment_booking_ticket_id_queue_ticket"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_booking")),
        sa.UniqueConstraint("code", name=op.f("uq_appointment_booking_code")),
    )
    op.create_index(
        op.f("ix_appointment_booking_slot_id"), "appointment_booking", ["slot_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_appointment_booking_slot_id"), table_name="appointment_booking")
    op.drop_table("appointment_booking")
    op.drop_index("ix_queue_ticket_waiting", table_name="queue_ticket")
    op.drop_index(op.f("ix_queue_ticket_item_id"), table_name="queue_ticket")
    op.drop_index(op.f("ix_queue_ticket_called_window_id"), table_name="queue_ticket")
    op.drop_table("queue_ticket")
    op.drop_table("queue_counter")
    op.drop_index(op.f("ix_appointment_slot_item_id"), table_name="appointment_slot")
    op.drop_table("appointment_slot")
