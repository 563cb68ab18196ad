"""Search moves to its own index (search.index, tantivy): the databases' word indexes go.

The stored word vector and its GIN index (PostgreSQL), the FTS5 table and its triggers (SQLite),
and the two indexes only the database search walked (document numbers; published policy
documents by date) are dropped. `information_item.search_text`, the segmented words, stays: the
search index is built from it.

Migrations 0003 and 0007, which built the database search this one drops, stay as they are and
are not squashed into one: existing databases have them applied, and Alembic must still find
every revision between theirs and this one. Their indexes and triggers live only until here.

Revision ID: catalog_0008
Revises: catalog_0007
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "catalog_0008"
down_revision = "catalog_0007"
branch_labels = None
depends_on = None

POLICY = sa.text("status = 'published' AND document_type IN ('regulation', 'normative')")
SQLITE_TRIGGERS = ("item_search_update", "item_search_delete", "item_search_insert")


def upgrade() -> None:
    op.drop_index("ix_information_item_published_policy", table_name="information_item")
    op.drop_index("ix_information_item_document_number", table_name="information_item")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_information_item_search_vector")
        op.execute("ALTER TABLE information_item DROP COLUMN search_vector")
        return
    for trigger in SQLITE_TRIGGERS:
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE item_search")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE information_item ADD COLUMN search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED"
        )
        op.execute(
            "CREATE INDEX ix_information_item_search_vector ON information_item "
            "USING gin (search_vector)"
        )
    else:
        op.execute(
            "CREATE VIRTUAL TABLE item_search USING fts5("
            "search_text, content='information_item', content_rowid='id')"
        )
        op.execute(
            "CREATE TRIGGER item_search_insert AFTER INSERT ON information_item BEGIN "
            "INSERT INTO item_search(rowid, search_text) VALUES (new.id, new.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER item_search_delete AFTER DELETE ON information_item BEGIN "
            "INSERT INTO item_search(item_search, rowid, search_text) "
            "VALUES ('delete', old.id, old.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER item_search_update AFTER UPDATE OF search_text ON information_item "
            "BEGIN INSERT INTO item_search(item_search, rowid, search_text) "
            "VALUES ('delete', old.id, old.search_text); "
            "INSERT INTO item_search(rowid, search_text) VALUES (new.id, new.search_text); END"
        )
        op.execute("INSERT INTO item_search(item_search) VALUES ('rebuild')")
    op.create_index("ix_information_item_document_number", "information_item", ["document_number"])
    op.create_index(
        "ix_information_item_published_policy",
        "information_item",
        ["published_at", "id"],
        postgresql_where=POLICY,
        sqlite_where=POLICY,
    )
