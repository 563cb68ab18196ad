"""Applications for disclosure (依申请公开), consultations of third parties, remedies.

Revision ID: applications_0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from sunshine_kit.db import UTCDateTime

revision = "applications_0001"
down_revision = None
branch_labels = ("applications",)
depends_on = "kit_0001"

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "tracking_sequence",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_tracking_sequence")),
    )
    op.create_table(
        "disclosure_application",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("tracking_number", sa.String(length=30), nullable=False),
        sa.Column("query_code_hash", sa.String(length=128), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("applicant_type", sa.String(length=20), nullable=False),
        sa.Column("organisation_kind", sa.String(length=20), nullable=True),
        sa.Column("applicant_name", sa.String(length=100), nullable=False),
        sa.Column("organisation_name", sa.String(length=200), nullable=False),
        sa.Column("id_type", sa.String(length=30), nullable=False, comment="证件类型"),
        sa.Column("id_number", sa.String(length=50), nullable=False, comment="证件号码"),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("email", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column(
            "description", sa.Text(), nullable=False, comment="所需政府信息的名称、文号或描述"
        ),
        sa.Column("purpose", sa.String(length=500), nullable=False),
        sa.Column("form", sa.String(length=20), nullable=False, comment="获取形式：纸质/电子/邮寄"),
        sa.Column("submitted_on", sa.Date(), nullable=False, comment="提交（寄出）日期"),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("handler", sa.String(length=50), nullable=True),
        sa.Column("supplement_requested_on", sa.Date(), nullable=True),
        sa.Column("supplement_due_on", sa.Date(), nullable=True, comment="申请人补正期限"),
        sa.Column("supplement_request", sa.Text(), nullable=False, comment="补正事项"),
        sa.Column("supplement_received_on", sa.Date(), nullable=True),
        sa.Column("extension_working_days", sa.Integer(), nullable=False),
        sa.Column("extension_approved_by", sa.String(length=50), nullable=False),
        sa.Column("extension_reason", sa.String(length=500), nullable=False),
        sa.Column("extension_notified_on", sa.Date(), nullable=True),
        sa.Column("fee_fen", sa.Integer(), nullable=False, comment="信息处理费（分）"),
        sa.Column("fee_notified_on", sa.Date(), nullable=True),
        sa.Column("fee_due_on", sa.Date(), nullable=True),
        sa.Column("fee_paid_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=30), nullable=True),
        sa.Column(
            "outcome_reason", sa.Integer(), nullable=True, comment="结果细项序号，如不予公开第3项"
        ),
        sa.Column("outcome_explanation", sa.Text(), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("linked_item_ids", JSON, nullable=False),
        sa.Column("decided_by", sa.String(length=50), nullable=True),
        sa.Column("replied_on", sa.Date(), nullable=True),
        sa.Column("reply_due_on", sa.Date(), nullable=True),
        sa.Column("due_provisional", sa.Boolean(), nullable=False),
        sa.Column("repeat_of_id", sa.Integer(), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=False, comment="申请人+内容摘要"),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["repeat_of_id"],
            ["disclosure_application.id"],
            name=op.f("fk_disclosure_application_repeat_of_id_disclosure_application"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_disclosure_application_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disclosure_application")),
        sa.UniqueConstraint(
            "tracking_number", name=op.f("uq_disclosure_application_tracking_number")
        ),
    )
    with op.batch_alter_table("disclosure_application", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_disclosure_application_fingerprint"), ["fingerprint"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_disclosure_application_handler"), ["handler"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_disclosure_application_outcome"), ["outcome"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_disclosure_application_received_on"), ["received_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_disclosure_application_replied_on"), ["replied_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_disclosure_application_reply_due_on"), ["reply_due_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_disclosure_application_status"), ["status"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_disclosure_application_unit_id"), ["unit_id"], unique=False
        )
        batch_op.create_index(
            "ix_disclosure_application_unit_status", ["unit_id", "status"], unique=False
        )

    op.create_table(
        "opinion_request",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("party", sa.String(length=200), nullable=False, comment="第三方或机关名称"),
        sa.Column("asked_on", sa.Date(), nullable=False),
        sa.Column("answer_due_on", sa.Date(), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["disclosure_application.id"],
            name=op.f("fk_opinion_request_application_id_disclosure_application"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opinion_request")),
    )
    with op.batch_alter_table("opinion_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opinion_request_application_id"), ["application_id"], unique=False
        )

    op.create_table(
        "remedy",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["disclosure_application.id"],
            name=op.f("fk_remedy_application_id_disclosure_application"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_remedy")),
    )
    with op.batch_alter_table("remedy", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_remedy_application_id"), ["application_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_remedy_unit_id"), ["unit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("remedy", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_remedy_unit_id"))
        batch_op.drop_index(batch_op.f("ix_remedy_application_id"))

    op.drop_table("remedy")
    with op.batch_alter_table("opinion_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opinion_request_application_id"))

    op.drop_table("opinion_request")
    with op.batch_alter_table("disclosure_application", schema=None) as batch_op:
        batch_op.drop_index("ix_disclosure_application_unit_status")
        batch_op.drop_index(batch_op.f("ix_disclosure_application_unit_id"))
        batch_op.drop_index(batch_op.f("ix_disclosure_application_status"))
        batch_op.drop_index(batch_op.f("ix_disclosure_application_reply_due_on"))
        batch_op.drop_index(batch_op.f("ix_disclosure_application_replied_on"))
        batch_op.drop_index(batch_op.f("ix_disclosure_application_received_on"))
        batch_op.drop_index(batch_op.f("ix_disclosure_application_outcome"))
        batch_op.drop_index(batch_op.f("ix_disclosure_application_handler"))
        batch_op.drop_index(batch_op.f("ix_disclosure_application_fingerprint"))

    op.drop_table("disclosure_application")
    op.drop_table("tracking_sequence")
