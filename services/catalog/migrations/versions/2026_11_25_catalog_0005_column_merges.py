"""Columns remember what they were merged into, so that old links resolve.

Revision ID: catalog_0005
Revises: catalog_0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "catalog_0005"
down_revision = "catalog_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("catalogue_column") as batch_op:
        batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_catalogue_column_merged_into_id_catalogue_column"),
            "catalogue_column",
            ["merged_into_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("catalogue_column") as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_catalogue_column_merged_into_id_catalogue_column"), type_="foreignkey"
        )
        batch_op.drop_column("merged_into_id")
