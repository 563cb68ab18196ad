"""The monthly evaluation bulletin (每月考评通报) of a region and the weights its office scores
it with.

Revision ID: reporting_0002
Revises: reporting_0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import sunshine_kit.db

revision = "reporting_0002"
down_revision = "reporting_0001"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "bulletin",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False, comment="通报单位（本级及下属）"),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("weights", JSON, nullable=False, comment="评分所用权重（印发时冻结）"),
        sa.Column(
            "figures",
            JSON,
            nullable=False,
            comment="读取的数字：read_at、各单位 rows、missing（印发时冻结）",
        ),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.Column("created_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=50), nullable=False),
        sa.Column("updated_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("issued_by", sa.String(length=50), nullable=True),
        sa.Column("issued_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("published_by", sa.String(length=50), nullable=True),
        sa.Column("published_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column(
            "publish_key", sa.String(length=100), nullable=True, comment="发布到公开目录的幂等键"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_bulletin_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bulletin")),
        sa.UniqueConstraint(
            "unit_id", "year", "month", name=op.f("uq_bulletin_unit_id_year_month")
        ),
    )
    op.create_table(
        "bulletin_weights",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("weights", JSON, nullable=False),
        sa.Column("updated_by", sa.String(length=50), nullable=False),
        sa.Column("updated_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_bulletin_weights_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("unit_id", name=op.f("pk_bulletin_weights")),
    )


def downgrade() -> None:
    op.drop_table("bulletin_weights")
    op.drop_table("bulletin")
