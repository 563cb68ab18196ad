"""The open applications in due-date order, for the inbox.

An office keeps years of closed applications and a few thousand open ones. The inbox lists the
open ones soonest due first and counts them; this index holds exactly those, in that order, with
the unit beside each, so the first page is read from its start and the count from the index.

Revision ID: applications_0003
Revises: applications_0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "applications_0003"
down_revision = "applications_0002"
branch_labels = None
depends_on = None

OPEN = sa.text("status <> 'closed'")


def upgrade() -> None:
    op.create_index(
        "ix_disclosure_application_open_due",
        "disclosure_application",
        ["reply_due_on", "id", "unit_id"],
        postgresql_where=OPEN,
        sqlite_where=OPEN,
    )


def downgrade() -> None:
    op.drop_index("ix_disclosure_application_open_due", table_name="disclosure_application")
