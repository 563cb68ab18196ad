"""cases_supervision

Revision ID: hall_0002
Revises: hall_0001
Create Date: 2026-12-02 06:07:39.298628
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import sunshine_kit.db

revision = "hall_0002"
down_revision = "hall_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hall_case_sequence",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_hall_case_sequence")),
    )
    op.create_table(
        "hall_completion_day",
        sa.Column("completed_on", sa.Date(), nullable=False),
        sa.Column("unit_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("window_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("clerk", sa.String(length=50), nullable=False),
        sa.Column("completed", sa.Integer(), nullable=False, comment="办结件数"),
        sa.Column("on_time", sa.Integer(), nullable=False, comment="按时办结（含提前、当场）"),
        sa.Column("early", sa.Integer(), nullable=False, comment="提前办结"),
        sa.Column("on_the_spot", sa.Integer(), nullable=False, comment="当场办结"),
        sa.Column("fee_fen", sa.Integer(), nullable=False, comment="收费（分）"),
        sa.PrimaryKeyConstraint(
            "completed_on", "unit_id", "window_id", "clerk", name=op.f("pk_hall_completion_day")
        ),
    )
    op.create_table(
        "supervision_alert",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False, comment="yellow 黄牌 / red 红牌"),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("promised_due_on", sa.Date(), nullable=False, comment="预警时的承诺办结日期"),
        sa.Column("raised_on", sa.Date(), nullable=False, comment="预警日期（北京时间）"),
        sa.Column("raised_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("handled_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("handled_by", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, comment="处理意见"),
        sa.ForeignKeyConstraint(
            ["case_id"], ["hall_case.id"], name=op.f("fk_supervision_alert_case_id_hall_case")
        ),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["service_centre.id"],
            name=op.f("fk_supervision_alert_centre_id_service_centre"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_supervision_alert_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_alert")),
        sa.UniqueConstraint("case_id", "level", name=op.f("uq_supervision_alert_case_id_level")),
    )
    op.create_index(
        "ix_supervision_alert_open", "supervision_alert", ["handled_at", "id"], unique=False
    )
    op.create_index(
        op.f("ix_supervision_alert_unit_id"), "supervision_alert", ["unit_id"], unique=False
    )
    op.add_column(
        "hall_case",
        sa.Column(
            "legal_limit_days",
            sa.Integer(),
            nullable=False,
            server_default="0",
            comment="法定时限（工作日）",
        ),
    )
    op.add_column(
        "hall_case",
        sa.Column(
            "promised_limit_days",
            sa.Integer(),
            nullable=False,
            server_default="0",
            comment="承诺时限（工作日）",
        ),
    )
    # Cases received before: their limits as their items have them now (a 即办件: 0).
    op.execute(
        "UPDATE hall_case SET"
        " legal_limit_days = COALESCE((SELECT CASE WHEN i.kind = 'instant' THEN 0"
        " ELSE i.legal_limit_days END FROM service_item i WHERE i.id = hall_case.item_id), 0),"
        " promised_limit_days = COALESCE((SELECT CASE WHEN i.kind = 'instant' THEN 0"
        " WHEN i.promised_limit_days < i.legal_limit_days THEN i.promised_limit_days"
        " ELSE i.legal_limit_days END FROM service_item i WHERE i.id = hall_case.item_id), 0)"
    )
    with op.batch_alter_table("hall_case") as batch:
        batch.alter_column("legal_limit_days", server_default=None)
        batch.alter_column("promised_limit_days", server_default=None)


def downgrade() -> None:
    op.drop_column("hall_case", "promised_limit_days")
    op.drop_column("hall_case", "legal_limit_days")
    op.drop_index(op.f("ix_supervision_alert_unit_id"), table_name="supervision_alert")
    op.drop_index("ix_supervision_alert_open", table_name="supervision_alert")
    op.drop_table("supervision_alert")
    op.drop_table("hall_completion_day")
    op.drop_table("hall_case_sequence")
