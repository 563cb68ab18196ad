"""Asking the applicant to explain a request (条例第三十五条).

When an application's quantity or frequency clearly exceeds a reasonable range, the office may
ask the applicant to explain why, by a day it sets; the reply clock does not run meanwhile. The
application records the request, the day by which to explain, the day the explanation came, the
office's finding and, when the reasons are sound but the reply cannot be given within Article
33's time, the later reply date it set (延迟答复的合理期限). Existing applications have none.

Revision ID: applications_0006
Revises: applications_0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "applications_0006"
down_revision = "applications_0005"
branch_labels = None
depends_on = None

COLUMNS = (
    "explanation_requested_on",
    "explanation_request",
    "explanation_due_on",
    "explanation_received_on",
    "explanation_reasonable",
    "later_reply_on",
)


def upgrade() -> None:
    with op.batch_alter_table("disclosure_application") as batch:
        batch.add_column(sa.Column("explanation_requested_on", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column(
                "explanation_request",
                sa.Text(),
                nullable=False,
                server_default="",
                comment="要求说明的事项",
            )
        )
        batch.add_column(
            sa.Column("explanation_due_on", sa.Date(), nullable=True, comment="申请人说明理由期限")
        )
        batch.add_column(sa.Column("explanation_received_on", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column(
                "explanation_reasonable",
                sa.Boolean(),
                nullable=True,
                comment="机关认为理由是否合理",
            )
        )
        batch.add_column(
            sa.Column("later_reply_on", sa.Date(), nullable=True, comment="延迟答复的合理期限")
        )


def downgrade() -> None:
    with op.batch_alter_table("disclosure_application") as batch:
        for column in reversed(COLUMNS):
            batch.drop_column(column)
