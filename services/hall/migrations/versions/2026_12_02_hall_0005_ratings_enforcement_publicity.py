"""Ratings (好差评) with their follow-ups, the windows' rating tablets and invitations, complaints
(效能投诉), the register of 行政处罚/行政强制 decisions and the 双公示 ledger.

Revision ID: hall_0005
Revises: hall_0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import sunshine_kit.db

revision = "hall_0005"
down_revision = "hall_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "double_publicity",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "source",
            sa.String(length=20),
            nullable=False,
            comment="case 行政许可 / enforcement 行政处罚",
        ),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("column_code", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False, comment="outbox 幂等键"),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False, comment="公示期限：决定之日起7个工作日"),
        sa.Column(
            "sent_at",
            sunshine_kit.db.UTCDateTime(timezone=True),
            nullable=False,
            comment="交给 outbox 的时间",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_double_publicity_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_double_publicity")),
        sa.UniqueConstraint("key", name=op.f("uq_double_publicity_key")),
        sa.UniqueConstraint(
            "source", "source_id", name=op.f("uq_double_publicity_source_source_id")
        ),
    )
    op.create_index(
        op.f("ix_double_publicity_unit_id"), "double_publicity", ["unit_id"], unique=False
    )
    op.create_table(
        "enforcement_decision",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False, comment="作出决定的单位"),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("document_number", sa.String(length=100), nullable=False, comment="决定书文号"),
        sa.Column("party_type", sa.String(length=20), nullable=False),
        sa.Column(
            "party_name", sa.String(length=200), nullable=False, comment="行政相对人名称或姓名"
        ),
        sa.Column("credit_code", sa.String(length=18), nullable=False, comment="统一社会信用代码"),
        sa.Column("facts", sa.Text(), nullable=False, comment="违法事实"),
        sa.Column("legal_basis", sa.Text(), nullable=False, comment="处罚或强制依据"),
        sa.Column("content", sa.Text(), nullable=False, comment="处罚或强制内容"),
        sa.Column("fine_fen", sa.Integer(), nullable=False, comment="罚款金额（分）"),
        sa.Column("decided_on", sa.Date(), nullable=False, comment="决定日期"),
        sa.Column("source", sa.String(length=20), nullable=False, comment="form / import"),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.Column("created_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("fine_fen >= 0", name=op.f("ck_enforcement_decision_fine_not_negative")),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_enforcement_decision_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enforcement_decision")),
        sa.UniqueConstraint(
            "unit_id",
            "document_number",
            name=op.f("uq_enforcement_decision_unit_id_document_number"),
        ),
    )
    op.create_index(
        "ix_enforcement_decision_unit_decided",
        "enforcement_decision",
        ["unit_id", "decided_on"],
        unique=False,
    )
    op.create_table(
        "hall_complaint",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("number", sa.String(length=30), nullable=False, comment="投诉编号"),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=False),
        sa.Column("clerk", sa.String(length=50), nullable=False, comment="被投诉人账号，空为窗口"),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("complainant_name", sa.Text(), nullable=False),
        sa.Column("complainant_phone", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("handling_note", sa.Text(), nullable=False, comment="调查处理情况"),
        sa.Column("result", sa.Text(), nullable=False, comment="处理结果"),
        sa.Column("handled_by", sa.String(length=50), nullable=False),
        sa.Column("received_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["service_centre.id"],
            name=op.f("fk_hall_complaint_centre_id_service_centre"),
        ),
        sa.ForeignKeyConstraint(
            ["window_id"],
            ["service_window.id"],
            name=op.f("fk_hall_complaint_window_id_service_window"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hall_complaint")),
        sa.UniqueConstraint("number", name=op.f("uq_hall_complaint_number")),
    )
    op.create_index(
        op.f("ix_hall_complaint_centre_id"), "hall_complaint", ["centre_id"], unique=False
    )
    op.create_index(op.f("ix_hall_complaint_status"), "hall_complaint", ["status"], unique=False)
    op.create_index(
        op.f("ix_hall_complaint_window_id"), "hall_complaint", ["window_id"], unique=False
    )
    op.create_table(
        "rating_tablet",
        sa.Column("window_id", sa.Integer(), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("paired_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("paired_by", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(
            ["window_id"],
            ["service_window.id"],
            name=op.f("fk_rating_tablet_window_id_service_window"),
        ),
        sa.PrimaryKeyConstraint("window_id", name=op.f("pk_rating_tablet")),
    )
    op.create_table(
        "case_rating",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False, comment="1 非常满意 … 5 非常不满意"),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=True),
        sa.Column("clerk", sa.String(length=50), nullable=False),
        sa.Column("rated_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("level BETWEEN 1 AND 5", name=op.f("ck_case_rating_level_in_range")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["hall_case.id"], name=op.f("fk_case_rating_case_id_hall_case")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_case_rating_unit_id_unit")),
        sa.ForeignKeyConstraint(
            ["window_id"],
            ["service_window.id"],
            name=op.f("fk_case_rating_window_id_service_window"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_rating")),
        sa.UniqueConstraint("case_id", name=op.f("uq_case_rating_case_id")),
    )
    op.create_index(op.f("ix_case_rating_clerk"), "case_rating", ["clerk"], unique=False)
    op.create_index(
        "ix_case_rating_unit_rated", "case_rating", ["unit_id", "rated_at"], unique=False
    )
    op.create_index(op.f("ix_case_rating_window_id"), "case_rating", ["window_id"], unique=False)
    op.create_table(
        "rating_invitation",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=False),
        sa.Column("expires_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("used_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["hall_case.id"], name=op.f("fk_rating_invitation_case_id_hall_case")
        ),
        sa.ForeignKeyConstraint(
            ["window_id"],
            ["service_window.id"],
            name=op.f("fk_rating_invitation_window_id_service_window"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating_invitation")),
    )
    op.create_index(
        op.f("ix_rating_invitation_case_id"), "rating_invitation", ["case_id"], unique=False
    )
    op.create_index(
        op.f("ix_rating_invitation_window_id"), "rating_invitation", ["window_id"], unique=False
    )
    op.create_table(
        "rating_follow_up",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("rating_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False, comment="整改单位"),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False, comment="回访整改期限"),
        sa.Column("result", sa.Text(), nullable=False, comment="回访情况与整改结果"),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closed_by", sa.String(length=50), nullable=False),
        sa.Column("created_at", sunshine_kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["hall_case.id"], name=op.f("fk_rating_follow_up_case_id_hall_case")
        ),
        sa.ForeignKeyConstraint(
            ["rating_id"],
            ["case_rating.id"],
            name=op.f("fk_rating_follow_up_rating_id_case_rating"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_rating_follow_up_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating_follow_up")),
        sa.UniqueConstraint("rating_id", name=op.f("uq_rating_follow_up_rating_id")),
    )
    op.create_index(
        op.f("ix_rating_follow_up_case_id"), "rating_follow_up", ["case_id"], unique=False
    )
    op.create_index(
        "ix_rating_follow_up_open_due",
        "rating_follow_up",
        ["due_on"],
        unique=False,
        postgresql_where=sa.text("status = 'open'"),
        sqlite_where=sa.text("status = 'open'"),
    )
    op.create_index(
        op.f("ix_rating_follow_up_status"), "rating_follow_up", ["status"], unique=False
    )
    op.create_index(
        op.f("ix_rating_follow_up_unit_id"), "rating_follow_up", ["unit_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_rating_follow_up_unit_id"), table_name="rating_follow_up")
    op.drop_index(op.f("ix_rating_follow_up_status"), table_name="rating_follow_up")
    op.drop_index(
        "ix_rating_follow_up_open_due",
        table_name="rating_follow_up",
        postgresql_where=sa.text("status = 'open'"),
        sqlite_where=sa.text("status = 'open'"),
    )
    op.drop_index(op.f("ix_rating_follow_up_case_id"), table_name="rating_follow_up")
    op.drop_table("rating_follow_up")
    op.drop_index(op.f("ix_rating_invitation_window_id"), table_name="rating_invitation")
    op.drop_index(op.f("ix_rating_invitation_case_id"), table_name="rating_invitation")
    op.drop_table("rating_invitation")
    op.drop_index(op.f("ix_case_rating_window_id"), table_name="case_rating")
    op.drop_index("ix_case_rating_unit_rated", table_name="case_rating")
    op.drop_index(op.f("ix_case_rating_clerk"), table_name="case_rating")
    op.drop_table("case_rating")
    op.drop_table("rating_tablet")
    op.drop_index(op.f("ix_hall_complaint_window_id"), table_name="hall_complaint")
    op.drop_index(op.f("ix_hall_complaint_status"), table_name="hall_complaint")
    op.drop_index(op.f("ix_hall_complaint_centre_id"), table_name="hall_complaint")
    op.drop_table("hall_complaint")
    op.drop_index("ix_enforcement_decision_unit_decided", table_name="enforcement_decision")
    op.drop_table("enforcement_decision")
    op.drop_index(op.f("ix_double_publicity_unit_id"), table_name="double_publicity")
    op.drop_table("double_publicity")
