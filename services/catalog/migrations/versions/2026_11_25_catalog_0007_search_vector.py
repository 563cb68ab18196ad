"""Search that stays fast at a million items: a stored word vector, document numbers indexed.

PostgreSQL: the words' tsvector becomes a stored generated column with the GIN index on it,
replacing the expression index. A search can then walk the published items newest first and
test each against its vector in microseconds, instead of rebuilding the vector from the text;
that is what keeps a query of common words from touching every match (search.service). The
document number gets an index on both databases, for the exact-number lookup every search makes,
and the published policy documents (规章、规范性文件) one by date, which search walks to rank the
newest of them however many other items match.

Revision ID: catalog_0007
Revises: catalog_0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "catalog_0007"
down_revision = "catalog_0003"
branch_labels = None
depends_on = None

POLICY = sa.text("status = 'published' AND document_type IN ('regulation', 'normative')")


def upgrade() -> None:
    op.create_index("ix_information_item_document_number", "information_item", ["document_number"])
    op.create_index(
        "ix_information_item_published_policy",
        "information_item",
        ["published_at", "id"],
        postgresql_where=POLICY,
        sqlite_where=POLICY,
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE information_item ADD COLUMN search_vector tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED"
    )
    op.execute(
        "CREATE INDEX ix_information_item_search_vector ON information_item "
        "USING gin (search_vector)"
    )
    op.execute("DROP INDEX ix_information_item_search")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_information_item_search ON information_item "
            "USING gin (to_tsvector('simple', search_text))"
        )
        op.execute("DROP INDEX ix_information_item_search_vector")
        op.execute("ALTER TABLE information_item DROP COLUMN search_vector")
    op.drop_index("ix_information_item_published_policy", table_name="information_item")
    op.drop_index("ix_information_item_document_number", table_name="information_item")
