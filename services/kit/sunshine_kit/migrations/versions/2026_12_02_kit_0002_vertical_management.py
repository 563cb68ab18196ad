"""Units record whether they are vertically managed (垂直管理) and, if so, the authority that
hears reconsideration of their acts (行政复议法 2023 第二十七条). Existing units are not.

Revision ID: kit_0002
Revises: kit_0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "kit_0002"
down_revision = "kit_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("unit") as batch:
        batch.add_column(
            sa.Column(
                "vertically_managed",
                sa.Boolean(),
                nullable=False,
                server_default=sa.false(),
                comment="垂直管理",
            )
        )
        batch.add_column(
            sa.Column(
                "reconsideration_body",
                sa.String(100),
                nullable=True,
                comment="行政复议机关（垂直管理单位）",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("unit") as batch:
        batch.drop_column("reconsideration_body")
        batch.drop_column("vertically_managed")
