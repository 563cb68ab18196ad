"""Consultations and messages (咨询、领导信箱/留言).

Revision ID: applications_0002
Revises: applications_0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sunshine_kit.db import UTCDateTime

revision = "applications_0002"
down_revision = "applications_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inquiry",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("asker_name", sa.String(length=100), nullable=False),
        sa.Column("asker_contact", sa.String(length=100), nullable=False, comment="电话或电子邮件"),
        sa.Column("token_hash", sa.String(length=128), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("answer_due_on", sa.Date(), nullable=False, comment="答复期限"),
        sa.Column("due_provisional", sa.Boolean(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.String(length=50), nullable=True),
        sa.Column("satisfaction", sa.String(length=30), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_inquiry_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inquiry")),
    )
    op.create_index(op.f("ix_inquiry_unit_id"), "inquiry", ["unit_id"])
    op.create_index(op.f("ix_inquiry_received_on"), "inquiry", ["received_on"])
    op.create_index(op.f("ix_inquiry_answered_on"), "inquiry", ["answered_on"])
    op.create_index("ix_inquiry_unit_due", "inquiry", ["unit_id", "answered_on", "answer_due_on"])


def downgrade() -> None:
    op.drop_table("inquiry")
