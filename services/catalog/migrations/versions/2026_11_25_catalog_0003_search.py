"""Full-text search of information items: a GIN index on PostgreSQL, an FTS5 table on SQLite.

Both index `information_item.search_text` (jieba words separated by spaces, see search.tokens).

Revision ID: catalog_0003
Revises: catalog_0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "catalog_0003"
down_revision = "catalog_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_information_item_search ON information_item "
            "USING gin (to_tsvector('simple', search_text))"
        )
        return
    # An external-content FTS5 table: it keeps only the index, the text stays in the item, and
    # triggers keep the two in step whoever writes the item.
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
        "CREATE TRIGGER item_search_update AFTER UPDATE OF search_text ON information_item BEGIN "
        "INSERT INTO item_search(item_search, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); "
        "INSERT INTO item_search(rowid, search_text) VALUES (new.id, new.search_text); END"
    )
    op.execute("INSERT INTO item_search(item_search) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_information_item_search")
        return
    for trigger in ("item_search_update", "item_search_delete", "item_search_insert"):
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE item_search")
