"""Catalogue template (目录模板) with the default Article-20 columns.

Revision ID: catalog_0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from sunshine_kit.db import UTCDateTime

revision = "catalog_0001"
down_revision = None
branch_labels = ("catalog",)
depends_on = "kit_0001"

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
RURAL_HIDDEN = ["street", "community"]

# (code, name, Article 20 item, retention years or None for permanent, hidden for, children)
# The default template of 《政府信息公开条例》第二十条 plus the columns offices add to it.
DEFAULT_TEMPLATE: list[
    tuple[str, str, int | None, int | None, list[str], list[tuple[str, str]]]
] = [
    (
        "A20-01",
        "法规、规章和行政规范性文件",
        1,
        None,
        [],
        [("A20-01-01", "规章"), ("A20-01-02", "行政规范性文件"), ("A20-01-03", "其他文件")],
    ),
    (
        "A20-02",
        "机关职能、机构设置、办公地址、办公时间、联系方式、负责人",
        2,
        10,
        [],
        [
            ("A20-02-01", "机关职能"),
            ("A20-02-02", "机构设置"),
            ("A20-02-03", "联系方式"),
            ("A20-02-04", "负责人信息"),
        ],
    ),
    (
        "A20-03",
        "规划及相关政策",
        3,
        30,
        [],
        [
            ("A20-03-01", "国民经济和社会发展规划"),
            ("A20-03-02", "专项规划"),
            ("A20-03-03", "区域规划及相关政策"),
        ],
    ),
    ("A20-04", "统计信息", 4, 30, [], [("A20-04-01", "统计公报"), ("A20-04-02", "统计数据")]),
    (
        "A20-05",
        "行政许可等办理依据、条件、程序及结果",
        5,
        30,
        [],
        [("A20-05-01", "办理依据"), ("A20-05-02", "办理条件与程序"), ("A20-05-03", "办理结果")],
    ),
    (
        "A20-06",
        "行政处罚、行政强制",
        6,
        30,
        [],
        [("A20-06-01", "行政处罚"), ("A20-06-02", "行政强制")],
    ),
    (
        "A20-07",
        "财政预算、决算",
        7,
        30,
        [],
        [("A20-07-01", "财政预算"), ("A20-07-02", "财政决算"), ("A20-07-03", "三公经费")],
    ),
    ("A20-08", "行政事业性收费", 8, 10, [], []),
    (
        "A20-09",
        "政府集中采购",
        9,
        10,
        [],
        [("A20-09-01", "采购项目目录及标准"), ("A20-09-02", "采购实施情况")],
    ),
    (
        "A20-10",
        "重大建设项目",
        10,
        30,
        [],
        [
            ("A20-10-01", "批准服务"),
            ("A20-10-02", "批准结果"),
            ("A20-10-03", "招标投标"),
            ("A20-10-04", "征收土地"),
            ("A20-10-05", "施工有关"),
        ],
    ),
    (
        "A20-11",
        "扶贫、教育、医疗、社会保障、促进就业",
        11,
        30,
        [],
        [
            ("A20-11-01", "乡村振兴与扶贫"),
            ("A20-11-02", "教育"),
            ("A20-11-03", "医疗卫生"),
            ("A20-11-04", "社会保障"),
            ("A20-11-05", "促进就业"),
            ("A20-11-06", "涉农补贴"),
            ("A20-11-07", "农村危房改造"),
        ],
    ),
    (
        "A20-12",
        "突发公共事件应急预案、预警及应对",
        12,
        30,
        [],
        [("A20-12-01", "应急预案"), ("A20-12-02", "预警信息"), ("A20-12-03", "应对情况")],
    ),
    (
        "A20-13",
        "环境保护、公共卫生、安全生产、食品药品、产品质量监督检查",
        13,
        30,
        [],
        [
            ("A20-13-01", "环境保护"),
            ("A20-13-02", "公共卫生"),
            ("A20-13-03", "安全生产"),
            ("A20-13-04", "食品药品"),
            ("A20-13-05", "产品质量"),
        ],
    ),
    ("A20-14", "公务员招考", 14, 10, [], [("A20-14-01", "招考职位"), ("A20-14-02", "录用结果")]),
    ("A20-15", "其他", 15, 10, [], []),
    ("X-POLICY-INTERP", "政策解读", None, 30, [], []),
    ("X-GUIDE", "公开指南", None, None, [], []),
    ("X-RULES", "公开制度", None, None, [], []),
    ("X-ANNUAL-REPORT", "年度报告", None, None, [], []),
    ("X-ON-APPLICATION", "依申请公开", None, 30, [], []),
    ("X-POWER-LIST", "权责清单", None, 30, [], []),
    (
        "X-DOUBLE-PUBLICITY",
        "双公示",
        None,
        30,
        [],
        [("X-DOUBLE-PUBLICITY-01", "行政许可"), ("X-DOUBLE-PUBLICITY-02", "行政处罚")],
    ),
    ("X-PERSONNEL", "人事信息", None, 10, [], []),
    ("X-RESPONSE", "回应关切", None, 10, [], []),
]
RURAL_CHILDREN = {"A20-11-01", "A20-11-06", "A20-11-07"}


def upgrade() -> None:
    column = op.create_table(
        "catalogue_column",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("article20_item", sa.Integer(), nullable=True, comment="《条例》第二十条第几项"),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("hidden_for_unit_types", JSON, nullable=False),
        sa.Column(
            "retention_years", sa.Integer(), nullable=True, comment="保管期限（年），空为永久"
        ),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["catalogue_column.id"],
            name=op.f("fk_catalogue_column_parent_id_catalogue_column"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_column")),
        sa.UniqueConstraint("code", name=op.f("uq_catalogue_column_code")),
    )
    op.create_index(op.f("ix_catalogue_column_parent_id"), "catalogue_column", ["parent_id"])
    op.create_table(
        "unit_column_setting",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("column_id", sa.Integer(), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["column_id"],
            ["catalogue_column.id"],
            name=op.f("fk_unit_column_setting_column_id_catalogue_column"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_unit_column_setting_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("unit_id", "column_id", name=op.f("pk_unit_column_setting")),
    )

    now = datetime.now(UTC)
    rows, next_id = [], 1
    for order, (code, name, item, years, hidden, children) in enumerate(DEFAULT_TEMPLATE, start=1):
        parent_id = next_id
        rows.append(
            {
                "id": parent_id,
                "code": code,
                "name": name,
                "parent_id": None,
                "article20_item": item,
                "sort_order": order * 10,
                "hidden_for_unit_types": hidden,
                "retention_years": years,
            }
        )
        next_id += 1
        for child_order, (child_code, child_name) in enumerate(children, start=1):
            rows.append(
                {
                    "id": next_id,
                    "code": child_code,
                    "name": child_name,
                    "parent_id": parent_id,
                    "article20_item": item,
                    "sort_order": child_order * 10,
                    "hidden_for_unit_types": RURAL_HIDDEN if child_code in RURAL_CHILDREN else [],
                    "retention_years": years,
                }
            )
            next_id += 1
    op.bulk_insert(
        column, [{**row, "active": True, "created_at": now, "updated_at": now} for row in rows]
    )
    if op.get_bind().dialect.name == "postgresql":
        # Ids above were given explicitly; move the sequence past them for columns added later.
        op.execute(
            "SELECT setval('catalogue_column_id_seq', (SELECT max(id) FROM catalogue_column))"
        )


def downgrade() -> None:
    op.drop_table("unit_column_setting")
    op.drop_index(op.f("ix_catalogue_column_parent_id"), table_name="catalogue_column")
    op.drop_table("catalogue_column")
