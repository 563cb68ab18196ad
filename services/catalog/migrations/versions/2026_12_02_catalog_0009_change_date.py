"""Items record the date of a change to published information (变更日期).

A change keeps the item's original 生成日期 (`formed_on`) and records its own date, from which
the change's 20 working days run (Article 26). Existing items have none.

Revision ID: catalog_0009
Revises: catalog_0008
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "catalog_0009"
down_revision = "catalog_0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("information_item") as batch:
        batch.add_column(sa.Column("changed_on", sa.Date(), nullable=True, comment="变更日期"))
        batch.alter_column(
            "formed_on",
            existing_type=sa.Date(),
            existing_nullable=False,
            comment="生成日期",
            existing_comment="生成日期（或变更日期）",
        )


def downgrade() -> None:
    with op.batch_alter_table("information_item") as batch:
        batch.alter_column(
            "formed_on",
            existing_type=sa.Date(),
            existing_nullable=False,
            comment="生成日期（或变更日期）",
            existing_comment="生成日期",
        )
        batch.drop_column("changed_on")
