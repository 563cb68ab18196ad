"""Information items (政府信息), their columns, index numbers and the change feed.

Revision ID: catalog_0002
Revises: catalog_0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from sunshine_kit.db import UTCDateTime

revision = "catalog_0002"
down_revision = "catalog_0001"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "feed_counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_counter")),
    )
    # The one row whose lock orders the feed (items.service.record_change).
    op.bulk_insert(
        sa.table("feed_counter", sa.column("id"), sa.column("last")), [{"id": 1, "last": 0}]
    )
    op.create_table(
        "index_sequence",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_index_sequence_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("unit_id", "year", name=op.f("pk_index_sequence")),
    )
    op.create_table(
        "information_item",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("column_id", sa.Integer(), nullable=False),
        sa.Column("index_number", sa.String(length=40), nullable=False),
        sa.Column("index_year", sa.Integer(), nullable=False),
        sa.Column("index_seq", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=False),
        sa.Column("document_number", sa.String(length=100), nullable=False, comment="发文字号"),
        sa.Column("issuing_unit", sa.String(length=100), nullable=False, comment="发布机构"),
        sa.Column("formed_on", sa.Date(), nullable=False, comment="生成日期（或变更日期）"),
        sa.Column("published_at", UTCDateTime(), nullable=True),
        sa.Column("topic", sa.String(length=50), nullable=False, comment="主题分类"),
        sa.Column("keywords", sa.String(length=200), nullable=False),
        sa.Column("disclosure_attribute", sa.String(length=20), nullable=False),
        sa.Column("non_disclosure_reason", sa.String(length=200), nullable=False),
        sa.Column("validity", sa.String(length=20), nullable=False),
        sa.Column("validity_changed_on", sa.Date(), nullable=True),
        sa.Column("replaced_by_id", sa.Integer(), nullable=True),
        sa.Column("document_type", sa.String(length=20), nullable=False),
        sa.Column("channels", JSON, nullable=False),
        sa.Column("interprets_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("due_provisional", sa.Boolean(), nullable=False),
        sa.Column("archive_on", sa.Date(), nullable=True, comment="归档日期（栏目保管期限）"),
        sa.Column("author", sa.String(length=50), nullable=False),
        sa.Column("reviewer", sa.String(length=50), nullable=True),
        sa.Column("review_note", sa.String(length=500), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("source_key", sa.String(length=200), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["column_id"],
            ["catalogue_column.id"],
            name=op.f("fk_information_item_column_id_catalogue_column"),
        ),
        sa.ForeignKeyConstraint(
            ["interprets_id"],
            ["information_item.id"],
            name=op.f("fk_information_item_interprets_id_information_item"),
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by_id"],
            ["information_item.id"],
            name=op.f("fk_information_item_replaced_by_id_information_item"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_information_item_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_information_item")),
        sa.UniqueConstraint("index_number", name=op.f("uq_information_item_index_number")),
        sa.UniqueConstraint("source_key", name=op.f("uq_information_item_source_key")),
        sa.UniqueConstraint(
            "unit_id",
            "index_year",
            "index_seq",
            name=op.f("uq_information_item_unit_id_index_year_index_seq"),
        ),
    )
    with op.batch_alter_table("information_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_information_item_column_id"), ["column_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_information_item_interprets_id"), ["interprets_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_information_item_status"), ["status"], unique=False)
        batch_op.create_index(
            "ix_information_item_status_published", ["status", "published_at", "id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_information_item_unit_id"), ["unit_id"], unique=False)
        batch_op.create_index(
            "ix_information_item_unit_status_published",
            ["unit_id", "status", "published_at"],
            unique=False,
        )

    op.create_table(
        "change_entry",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("snapshot", JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["information_item.id"],
            name=op.f("fk_change_entry_item_id_information_item"),
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_entry")),
    )
    with op.batch_alter_table("change_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_entry_item_id"), ["item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_change_entry_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "item_column",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("column_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["column_id"],
            ["catalogue_column.id"],
            name=op.f("fk_item_column_column_id_catalogue_column"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["information_item.id"],
            name=op.f("fk_item_column_item_id_information_item"),
        ),
        sa.PrimaryKeyConstraint("item_id", "column_id", name=op.f("pk_item_column")),
    )
    with op.batch_alter_table("item_column", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_column_column_id"), ["column_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("item_column", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_column_column_id"))

    op.drop_table("item_column")
    with op.batch_alter_table("change_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_entry_unit_id"))
        batch_op.drop_index(batch_op.f("ix_change_entry_item_id"))

    op.drop_table("change_entry")
    with op.batch_alter_table("information_item", schema=None) as batch_op:
        batch_op.drop_index("ix_information_item_unit_status_published")
        batch_op.drop_index(batch_op.f("ix_information_item_unit_id"))
        batch_op.drop_index("ix_information_item_status_published")
        batch_op.drop_index(batch_op.f("ix_information_item_status"))
        batch_op.drop_index(batch_op.f("ix_information_item_interprets_id"))
        batch_op.drop_index(batch_op.f("ix_information_item_column_id"))

    op.drop_table("information_item")
    op.drop_table("index_sequence")
    op.drop_table("feed_counter")
