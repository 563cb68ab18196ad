"""Service items: the working copy's pending flag, what the guide searches in a version, and
materials and files withdrawn from the working copy but kept for published versions.

Revision ID: hall_0003
Revises: hall_0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "hall_0003"
down_revision = "hall_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "service_item",
        sa.Column(
            "draft_pending",
            sa.Boolean(),
            server_default=sa.false(),
            nullable=False,
            comment="有未发布的修改",
        ),
    )
    for name, length in (("name", 200), ("category", 20), ("hall_level", 20)):
        op.add_column(
            "service_item_version",
            sa.Column(name, sa.String(length=length), server_default="", nullable=False),
        )
    for table in ("item_material", "material_file"):
        op.add_column(
            table,
            sa.Column("withdrawn", sa.Boolean(), server_default=sa.false(), nullable=False),
        )


def downgrade() -> None:
    for table in ("item_material", "material_file"):
        op.drop_column(table, "withdrawn")
    for name in ("name", "category", "hall_level"):
        op.drop_column("service_item_version", name)
    op.drop_column("service_item", "draft_pending")
