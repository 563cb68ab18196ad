"""The hall's first tables: service centres and windows, service items with their versions and
materials, cases with their suspensions, extensions, steps and one-time notices, and the events
the live screens follow.

Revision ID: hall_0001
Revises:
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import sunshine_kit.db

revision = "hall_0001"
down_revision = None
branch_labels = ("hall",)
depends_on = "kit_0001"


def upgrade() -> None:
    op.create_table(
        "live_event",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "channel", sa.String(length=60), nullable=False, comment="board:<centre> / alerts"
        ),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_live_event")),
    )
    op.create_index(op.f("ix_live_event_channel"), "live_event", ["channel"], unique=False)
    op.create_index(op.f("ix_live_event_created_at"), "live_event", ["created_at"], unique=False)
    op.create_table(
        "service_centre",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False, comment="主办单位"),
        sa.Column(
            "level", sa.String(length=20), nullable=False, comment="district / street / community"
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("hours", sa.String(length=200), nullable=False, comment="办公时间"),
        sa.Column("phone", sa.String(length=100), nullable=False),
        sa.Column("created_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_service_centre_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_centre")),
    )
    op.create_index(op.f("ix_service_centre_unit_id"), "service_centre", ["unit_id"], unique=False)
    op.create_table(
        "service_item",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False, comment="事项编码"),
        sa.Column("unit_id", sa.Integer(), nullable=False, comment="实施主体"),
        sa.Column("hall_level", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False, comment="设定依据"),
        sa.Column("conditions", sa.Text(), nullable=False, comment="受理条件"),
        sa.Column("procedure", sa.Text(), nullable=False, comment="办理流程"),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column(
            "legal_limit_days", sa.Integer(), nullable=False, comment="法定办结时限（工作日）"
        ),
        sa.Column(
            "promised_limit_days", sa.Integer(), nullable=False, comment="承诺办结时限（工作日）"
        ),
        sa.Column("fee_basis", sa.Text(), nullable=False, comment="收费依据"),
        sa.Column("fee_standard", sa.String(length=500), nullable=False, comment="收费标准"),
        sa.Column("fee_fen", sa.Integer(), nullable=False, comment="收费金额（分），不收费为0"),
        sa.Column("authority", sa.String(length=200), nullable=False, comment="办理机构"),
        sa.Column("location", sa.String(length=300), nullable=False, comment="办理地点、窗口"),
        sa.Column("hours", sa.String(length=200), nullable=False, comment="办理时间"),
        sa.Column("phone", sa.String(length=100), nullable=False, comment="咨询与监督电话"),
        sa.Column("online", sa.Boolean(), nullable=False, comment="可网上办理"),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, comment="已发布的版本号，0为从未发布"),
        sa.Column("published_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_service_item_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_item")),
        sa.UniqueConstraint("code", name=op.f("uq_service_item_code")),
    )
    op.create_index(op.f("ix_service_item_category"), "service_item", ["category"], unique=False)
    op.create_index(
        "ix_service_item_unit_status", "service_item", ["unit_id", "status"], unique=False
    )
    op.create_table(
        "item_material",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("form", sa.String(length=30), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column(
            "source", sa.String(length=200), nullable=False, comment="材料来源，如申请人自备"
        ),
        sa.Column("note", sa.Text(), nullable=False, comment="填报说明"),
        sa.ForeignKeyConstraint(
            ["item_id"], ["service_item.id"], name=op.f("fk_item_material_item_id_service_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_material")),
    )
    op.create_index(op.f("ix_item_material_item_id"), "item_material", ["item_id"], unique=False)
    op.create_table(
        "service_item_version",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "content",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
            comment="该版本的事项与材料",
        ),
        sa.Column("published_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["service_item.id"],
            name=op.f("fk_service_item_version_item_id_service_item"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_item_version")),
        sa.UniqueConstraint(
            "item_id", "version", name=op.f("uq_service_item_version_item_id_version")
        ),
    )
    op.create_table(
        "service_window",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False, comment="窗口号"),
        sa.Column("name", sa.String(length=100), nullable=False, comment="如 不动产登记窗口"),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("ticket_prefix", sa.String(length=2), nullable=False),
        sa.Column("open", sa.Boolean(), nullable=False, comment="是否开放"),
        sa.Column("created_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["service_centre.id"],
            name=op.f("fk_service_window_centre_id_service_centre"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_window")),
        sa.UniqueConstraint("centre_id", "number", name=op.f("uq_service_window_centre_id_number")),
    )
    op.create_index(
        op.f("ix_service_window_centre_id"), "service_window", ["centre_id"], unique=False
    )
    op.create_table(
        "hall_case",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("number", sa.String(length=30), nullable=False, comment="办件编号"),
        sa.Column(
            "query_code_hash",
            sa.String(length=128),
            nullable=False,
            comment="查询码（评价、查进度）",
        ),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("item_version", sa.Integer(), nullable=False, comment="受理时事项的版本"),
        sa.Column("unit_id", sa.Integer(), nullable=False, comment="办理单位"),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=True),
        sa.Column("clerk", sa.String(length=50), nullable=False, comment="受理人账号"),
        sa.Column("first_asked_by", sa.String(length=50), nullable=False, comment="首问责任人账号"),
        sa.Column("ticket_id", sa.Integer(), nullable=True, comment="叫号票（queue）"),
        sa.Column("parent_id", sa.Integer(), nullable=True, comment="并联审批的主办件"),
        sa.Column("channel", sa.String(length=20), nullable=False, comment="window / online"),
        sa.Column(
            "applicant_type",
            sa.String(length=20),
            nullable=False,
            comment="natural_person/legal_person",
        ),
        sa.Column("applicant_name", sa.String(length=200), nullable=False),
        sa.Column("applicant_id_number", sa.Text(), nullable=False, comment="证件号码"),
        sa.Column("applicant_phone", sa.Text(), nullable=False, comment="联系电话"),
        sa.Column("green_channel", sa.Boolean(), nullable=False, comment="绿色通道"),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column(
            "received_at",
            sunshine_kit.db.UTCDateTime(timezone=True),
            nullable=False,
            comment="收件时间",
        ),
        sa.Column("accepted_on", sa.Date(), nullable=True, comment="受理日期"),
        sa.Column("not_accepted_reason", sa.Text(), nullable=False, comment="不予受理理由"),
        sa.Column("decision", sa.String(length=20), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.String(length=50), nullable=False),
        sa.Column("refusal_reported_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("refusal_reviewed_by", sa.String(length=50), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True, comment="办结日期"),
        sa.Column("completed_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("on_the_spot", sa.Boolean(), nullable=False, comment="当场办结"),
        sa.Column("delivered_on", sa.Date(), nullable=True, comment="送达日期"),
        sa.Column(
            "delivery_method", sa.String(length=20), nullable=False, comment="窗口/邮寄/电子"
        ),
        sa.Column("fee_fen", sa.Integer(), nullable=False, comment="收费金额（分）"),
        sa.Column("fee_paid_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("extension_working_days", sa.Integer(), nullable=False),
        sa.Column("legal_due_on", sa.Date(), nullable=True, comment="法定办结日期"),
        sa.Column("promised_due_on", sa.Date(), nullable=True, comment="承诺办结日期"),
        sa.Column("due_provisional", sa.Boolean(), nullable=False),
        sa.Column("warning", sa.String(length=10), nullable=False),
        sa.Column("created_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["service_centre.id"], name=op.f("fk_hall_case_centre_id_service_centre")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["service_item.id"], name=op.f("fk_hall_case_item_id_service_item")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["hall_case.id"], name=op.f("fk_hall_case_parent_id_hall_case")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_hall_case_unit_id_unit")),
        sa.ForeignKeyConstraint(
            ["window_id"], ["service_window.id"], name=op.f("fk_hall_case_window_id_service_window")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hall_case")),
        sa.UniqueConstraint("number", name=op.f("uq_hall_case_number")),
    )
    op.create_index(op.f("ix_hall_case_accepted_on"), "hall_case", ["accepted_on"], unique=False)
    op.create_index(op.f("ix_hall_case_centre_id"), "hall_case", ["centre_id"], unique=False)
    op.create_index(op.f("ix_hall_case_clerk"), "hall_case", ["clerk"], unique=False)
    op.create_index(op.f("ix_hall_case_item_id"), "hall_case", ["item_id"], unique=False)
    op.create_index(
        "ix_hall_case_open_due",
        "hall_case",
        ["promised_due_on", "id"],
        unique=False,
        postgresql_where=sa.text("status IN ('accepted', 'suspended', 'decided')"),
        sqlite_where=sa.text("status IN ('accepted', 'suspended', 'decided')"),
    )
    op.create_index(op.f("ix_hall_case_parent_id"), "hall_case", ["parent_id"], unique=False)
    op.create_index(op.f("ix_hall_case_status"), "hall_case", ["status"], unique=False)
    op.create_index(
        "ix_hall_case_unit_completed", "hall_case", ["unit_id", "completed_on"], unique=False
    )
    op.create_index(op.f("ix_hall_case_unit_id"), "hall_case", ["unit_id"], unique=False)
    op.create_index(op.f("ix_hall_case_window_id"), "hall_case", ["window_id"], unique=False)
    op.create_table(
        "material_file",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column(
            "purpose",
            sa.String(length=20),
            nullable=False,
            comment="blank 空白表格 / sample 示范文本",
        ),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["item_material.id"],
            name=op.f("fk_material_file_material_id_item_material"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_material_file")),
    )
    op.create_index(
        op.f("ix_material_file_material_id"), "material_file", ["material_id"], unique=False
    )
    op.create_table(
        "window_item",
        sa.Column("window_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["service_item.id"], name=op.f("fk_window_item_item_id_service_item")
        ),
        sa.ForeignKeyConstraint(
            ["window_id"],
            ["service_window.id"],
            name=op.f("fk_window_item_window_id_service_window"),
        ),
        sa.PrimaryKeyConstraint("window_id", "item_id", name=op.f("pk_window_item")),
    )
    op.create_index(op.f("ix_window_item_item_id"), "window_item", ["item_id"], unique=False)
    op.create_table(
        "window_staff",
        sa.Column("window_id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=50), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True, comment="所属进驻单位"),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_window_staff_unit_id_unit")
        ),
        sa.ForeignKeyConstraint(
            ["window_id"],
            ["service_window.id"],
            name=op.f("fk_window_staff_window_id_service_window"),
        ),
        sa.PrimaryKeyConstraint("window_id", "account", name=op.f("pk_window_staff")),
    )
    op.create_index(op.f("ix_window_staff_account"), "window_staff", ["account"], unique=False)
    op.create_table(
        "window_unit",
        sa.Column("window_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_window_unit_unit_id_unit")),
        sa.ForeignKeyConstraint(
            ["window_id"],
            ["service_window.id"],
            name=op.f("fk_window_unit_window_id_service_window"),
        ),
        sa.PrimaryKeyConstraint("window_id", "unit_id", name=op.f("pk_window_unit")),
    )
    op.create_index(op.f("ix_window_unit_unit_id"), "window_unit", ["unit_id"], unique=False)
    op.create_table(
        "case_extension",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("working_days", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("approved_by", sa.String(length=100), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=False),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.Column("created_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["hall_case.id"], name=op.f("fk_case_extension_case_id_hall_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_extension")),
    )
    op.create_index(op.f("ix_case_extension_case_id"), "case_extension", ["case_id"], unique=False)
    op.create_table(
        "case_step",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("by", sa.String(length=50), nullable=False),
        sa.Column("at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["hall_case.id"], name=op.f("fk_case_step_case_id_hall_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_step")),
    )
    op.create_index(op.f("ix_case_step_case_id"), "case_step", ["case_id"], unique=False)
    op.create_table(
        "case_suspension",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("approved_by", sa.String(length=100), nullable=False, comment="批准人"),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.Column("created_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["hall_case.id"], name=op.f("fk_case_suspension_case_id_hall_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_suspension")),
    )
    op.create_index(
        op.f("ix_case_suspension_case_id"), "case_suspension", ["case_id"], unique=False
    )
    op.create_table(
        "missing_materials_notice",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "materials",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
            comment="[{material_id, name, problem}]",
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("notified_on", sa.Date(), nullable=False),
        sa.Column("notified_by", sa.String(length=50), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True, comment="材料补齐日期"),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["hall_case.id"],
            name=op.f("fk_missing_materials_notice_case_id_hall_case"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_missing_materials_notice")),
    )
    op.create_index(
        op.f("ix_missing_materials_notice_case_id"),
        "missing_materials_notice",
        ["case_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_missing_materials_notice_case_id"), table_name="missing_materials_notice"
    )
    op.drop_table("missing_materials_notice")
    op.drop_index(op.f("ix_case_suspension_case_id"), table_name="case_suspension")
    op.drop_table("case_suspension")
    op.drop_index(op.f("ix_case_step_case_id"), table_name="case_step")
    op.drop_table("case_step")
    op.drop_index(op.f("ix_case_extension_case_id"), table_name="case_extension")
    op.drop_table("case_extension")
    op.drop_index(op.f("ix_window_unit_unit_id"), table_name="window_unit")
    op.drop_table("window_unit")
    op.drop_index(op.f("ix_window_staff_account"), table_name="window_staff")
    op.drop_table("window_staff")
    op.drop_index(op.f("ix_window_item_item_id"), table_name="window_item")
    op.drop_table("window_item")
    op.drop_index(op.f("ix_material_file_material_id"), table_name="material_file")
    op.drop_table("material_file")
    op.drop_index(op.f("ix_hall_case_window_id"), table_name="hall_case")
    op.drop_index(op.f("ix_hall_case_unit_id"), table_name="hall_case")
    op.drop_index("ix_hall_case_unit_completed", table_name="hall_case")
    op.drop_index(op.f("ix_hall_case_status"), table_name="hall_case")
    op.drop_index(op.f("ix_hall_case_parent_id"), table_name="hall_case")
    op.drop_index(
        "ix_hall_case_open_due",
        table_name="hall_case",
        postgresql_where=sa.text("status IN ('accepted', 'suspended', 'decided')"),
        sqlite_where=sa.text("status IN ('accepted', 'suspended', 'decided')"),
    )
    op.drop_index(op.f("ix_hall_case_item_id"), table_name="hall_case")
    op.drop_index(op.f("ix_hall_case_clerk"), table_name="hall_case")
    op.drop_index(op.f("ix_hall_case_centre_id"), table_name="hall_case")
    op.drop_index(op.f("ix_hall_case_accepted_on"), table_name="hall_case")
    op.drop_table("hall_case")
    op.drop_index(op.f("ix_service_window_centre_id"), table_name="service_window")
    op.drop_table("service_window")
    op.drop_table("service_item_version")
    op.drop_index(op.f("ix_item_material_item_id"), table_name="item_material")
    op.drop_table("item_material")
    op.drop_index("ix_service_item_unit_status", table_name="service_item")
    op.drop_index(op.f("ix_service_item_category"), table_name="service_item")
    op.drop_table("service_item")
    op.drop_index(op.f("ix_service_centre_unit_id"), table_name="service_centre")
    op.drop_table("service_centre")
    op.drop_index(op.f("ix_live_event_created_at"), table_name="live_event")
    op.drop_index(op.f("ix_live_event_channel"), table_name="live_event")
    op.drop_table("live_event")
