"""Searching the inbox by tracking number and by applicant.

Staff look an application up by its tracking number (all of it or its beginning, YSQ2026…) or by
the applicant's or organisation's name (all of it or its beginning). Names are kept in plain
text, only the contact data is encrypted, so the search is a prefix match in SQL; these indexes
serve it (on PostgreSQL with the pattern operator class, which a prefix LIKE needs under a
non-C collation).

Revision ID: applications_0007
Revises: applications_0006
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "applications_0007"
down_revision = "applications_0006"
branch_labels = None
depends_on = None

SEARCHED = ("tracking_number", "applicant_name", "organisation_name")


def upgrade() -> None:
    for column in SEARCHED:
        op.create_index(
            f"ix_disclosure_application_{column}_prefix",
            "disclosure_application",
            [column],
            postgresql_ops={column: "varchar_pattern_ops"},
        )


def downgrade() -> None:
    for column in SEARCHED:
        op.drop_index(
            f"ix_disclosure_application_{column}_prefix", table_name="disclosure_application"
        )
