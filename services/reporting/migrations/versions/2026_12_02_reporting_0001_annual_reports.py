"""The reporting service's first table: the annual report (政府信息公开工作年度报告) of a unit or
a region for a year, with its text sections, the figures last read and the snapshot frozen at
finalisation.

Revision ID: reporting_0001
Revises:
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import sunshine_kit.db

revision = "reporting_0001"
down_revision = None
branch_labels = ("reporting",)
depends_on = "kit_0001"

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "annual_report",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False, comment="报告单位"),
        sa.Column("year", sa.Integer(), nullable=False, comment="报告年度"),
        sa.Column(
            "scope",
            sa.String(length=10),
            nullable=False,
            comment="unit 本单位 / region 本级及下属汇总",
        ),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("overview", sa.Text(), nullable=False, comment="一、总体情况"),
        sa.Column("overview_edited", sa.Boolean(), nullable=False, comment="一 经公开办修改"),
        sa.Column("problems", sa.Text(), nullable=False, comment="五、存在的主要问题及改进情况"),
        sa.Column("other_matters", sa.Text(), nullable=False, comment="六、其他需要报告的事项"),
        sa.Column("figures", JSON, nullable=False, comment="最近一次读取的数字（AnnualFigures）"),
        sa.Column("snapshot", JSON, nullable=True, comment="定稿时冻结的数字"),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.Column("created_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=50), nullable=False),
        sa.Column("updated_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finalised_by", sa.String(length=50), nullable=True),
        sa.Column("finalised_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("published_by", sa.String(length=50), nullable=True),
        sa.Column("published_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column(
            "publish_key", sa.String(length=100), nullable=True, comment="发布到公开目录的幂等键"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_annual_report_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annual_report")),
        sa.UniqueConstraint(
            "unit_id", "year", "scope", name=op.f("uq_annual_report_unit_id_year_scope")
        ),
    )
    op.create_index(
        "ix_annual_report_year_status", "annual_report", ["year", "status"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_annual_report_year_status", table_name="annual_report")
    op.drop_table("annual_report")
