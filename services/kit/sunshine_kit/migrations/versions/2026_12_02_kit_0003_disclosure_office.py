"""Units record their disclosure office's contact details (政府信息公开工作机构: office
address, phone, hours, postal address and code, e-mail), which the portal's 公开指南 shows.
Existing units have none until their office fills them in.

Revision ID: kit_0003
Revises: kit_0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "kit_0003"
down_revision = "kit_0002"
branch_labels = None
depends_on = None

COLUMNS = (
    ("office_address", 200, "办公地址"),
    ("office_phone", 40, "咨询电话"),
    ("office_hours", 100, "办公时间"),
    ("postal_address", 200, "通信地址"),
    ("postal_code", 6, "邮政编码"),
    ("office_email", 100, "电子邮箱"),
)


def upgrade() -> None:
    with op.batch_alter_table("unit") as batch:
        for name, length, comment in COLUMNS:
            batch.add_column(sa.Column(name, sa.String(length), nullable=True, comment=comment))


def downgrade() -> None:
    with op.batch_alter_table("unit") as batch:
        for name, _length, _comment in reversed(COLUMNS):
            batch.drop_column(name)
