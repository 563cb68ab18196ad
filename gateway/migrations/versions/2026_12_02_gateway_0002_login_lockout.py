"""Login lockout: wrong passwords in a row per login name, and the lock they lead to; and no
account keeps the `service` role, which belongs to components alone.

Revision ID: gateway_0002
Revises: gateway_0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from sunshine_kit.db import UTCDateTime

revision = "gateway_0002"
down_revision = "gateway_0001"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "login_lockout",
        sa.Column("username", sa.String(50), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", UTCDateTime(), nullable=False),
        sa.Column("locked_until", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_login_lockout")),
    )
    op.create_index(op.f("ix_login_lockout_last_failed_at"), "login_lockout", ["last_failed_at"])
    accounts = sa.table("user_account", sa.column("id", sa.Integer()), sa.column("roles", JSON))
    connection = op.get_bind()
    for account_id, roles in connection.execute(sa.select(accounts.c.id, accounts.c.roles)).all():
        if "service" in roles:
            connection.execute(
                accounts.update()
                .where(accounts.c.id == account_id)
                .values(roles=[r for r in roles if r != "service"])
            )


def downgrade() -> None:
    op.drop_table("login_lockout")
