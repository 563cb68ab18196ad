"""The catalogue's 通知公告 column (notices): the portal's home page shows the district's notices
in a block of their own, as every government portal does, and the template had no column for
them (其他 holds everything unclassified). Notices stay in their own Article-20 column as well.

Revision ID: catalog_0011
Revises: catalog_0010
Create Date: 2026-12-02
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from sunshine_kit.db import JSONType, UTCDateTime

revision = "catalog_0011"
down_revision = "catalog_0010"
branch_labels = None
depends_on = None

CODE = "X-NOTICES"

_column = sa.table(
    "catalogue_column",
    sa.column("code", sa.String),
    sa.column("name", sa.String),
    sa.column("parent_id", sa.Integer),
    sa.column("article20_item", sa.Integer),
    sa.column("sort_order", sa.Integer),
    sa.column("hidden_for_unit_types", JSONType),
    sa.column("retention_years", sa.Integer),
    sa.column("active", sa.Boolean),
    sa.column("created_at", UTCDateTime()),
    sa.column("updated_at", UTCDateTime()),
)


def upgrade() -> None:
    bind = op.get_bind()
    last = bind.scalar(
        sa.select(sa.func.coalesce(sa.func.max(_column.c.sort_order), 0)).where(
            _column.c.parent_id.is_(None)
        )
    )
    now = datetime.now(UTC)
    op.execute(
        _column.insert().values(
            code=CODE,
            name="通知公告",
            parent_id=None,
            article20_item=None,
            sort_order=int(last or 0) + 10,
            hidden_for_unit_types=[],
            retention_years=10,
            active=True,
            created_at=now,
            updated_at=now,
        )
    )


def downgrade() -> None:
    op.execute(_column.delete().where(_column.c.code == CODE))
