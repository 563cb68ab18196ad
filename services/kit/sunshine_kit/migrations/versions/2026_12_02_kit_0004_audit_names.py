"""The audit log keeps the name of the person who acted (as it was then), and is indexed by
person and by time, the console's filters. Earlier entries have no name and show the login.

Revision ID: kit_0004
Revises: kit_0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "kit_0004"
down_revision = "kit_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_entry") as batch:
        batch.add_column(sa.Column("actor_name", sa.String(100), nullable=True))
    op.create_index("ix_audit_entry_actor", "audit_entry", ["actor"])
    op.create_index("ix_audit_entry_at", "audit_entry", ["at"])


def downgrade() -> None:
    op.drop_index("ix_audit_entry_at", table_name="audit_entry")
    op.drop_index("ix_audit_entry_actor", table_name="audit_entry")
    with op.batch_alter_table("audit_entry") as batch:
        batch.drop_column("actor_name")
