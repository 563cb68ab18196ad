"""Proposals for proactive disclosure from the applications service (Article 44).

Revision ID: catalog_0006
Revises: catalog_0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from sunshine_kit.db import UTCDateTime

revision = "catalog_0006"
down_revision = "catalog_0002"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "disclosure_proposal",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False, comment="申请公开的信息"),
        sa.Column("application_count", sa.Integer(), nullable=False, comment="申请件数"),
        sa.Column("tracking_numbers", JSON, nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("source_key", sa.String(length=200), nullable=False),
        sa.Column("handled_by", sa.String(length=50), nullable=True),
        sa.Column("handled_at", UTCDateTime(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True, comment="据此主动公开的信息"),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_disclosure_proposal_unit_id_unit")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["information_item.id"],
            name=op.f("fk_disclosure_proposal_item_id_information_item"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disclosure_proposal")),
        sa.UniqueConstraint("source_key", name=op.f("uq_disclosure_proposal_source_key")),
    )
    op.create_index(op.f("ix_disclosure_proposal_unit_id"), "disclosure_proposal", ["unit_id"])
    op.create_index(op.f("ix_disclosure_proposal_status"), "disclosure_proposal", ["status"])


def downgrade() -> None:
    op.drop_table("disclosure_proposal")
