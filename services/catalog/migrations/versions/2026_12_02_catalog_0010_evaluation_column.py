"""The catalogue's 考评通报 column: the reporting service publishes each region's monthly
evaluation bulletin (每月考评通报) there, through the intake (code `X-EVALUATION`). The template
had no column for it: 年度报告, 公开制度 and 其他 each mean something else.

Revision ID: catalog_0010
Revises: catalog_0009
Create Date: 2026-12-02
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from sunshine_kit.db import JSONType, UTCDateTime

revision = "catalog_0010"
down_revision = "catalog_0009"
branch_labels = None
depends_on = None

CODE = "X-EVALUATION"

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
            name="考评通报",
            parent_id=None,
            article20_item=None,
            sort_order=int(last or 0) + 10,
            hidden_for_unit_types=[],
            retention_years=None,
            active=True,
            created_at=now,
            updated_at=now,
        )
    )


def downgrade() -> None:
    op.execute(_column.delete().where(_column.c.code == CODE))
