"""Appointments keep the booker's name and phone encrypted at rest, masked in every view.

Until now a booking kept only the masked name and phone (张**, 138****5678). The columns become
`name` and `phone`, text encrypted with the hall's PERSONAL_DATA_KEY in the format of
`sunshine_kit.personal_data`; the bookings made before keep their masks, encrypted (the full
values were never stored). The key is needed only when there are bookings to encrypt: without
it the migration stops before it changes anything, and it never writes personal data in plain
text. Downgrading masks the values again (and needs the key to read them).

Revision ID: hall_0007
Revises: hall_0004
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import sqlalchemy as sa
from alembic import op

from sunshine_hall.queue.service import mask_name
from sunshine_hall.settings import HallSettings
from sunshine_kit.personal_data import PersonalDataCipher, mask_phone
from sunshine_kit.settings import MissingSecret

revision = "hall_0007"
down_revision = "hall_0004"
branch_labels = None
depends_on = None

TABLE = "appointment_booking"
BATCH = 500


def _cipher() -> PersonalDataCipher:
    try:
        return PersonalDataCipher.from_settings(HallSettings())
    except MissingSecret as exc:
        raise RuntimeError(f"hall_0007 encrypts bookings' names and phones: {exc}") from exc


Change = Callable[[Mapping[str, Any]], tuple[str, str]]


def _rewrite(read: tuple[str, str], written: tuple[str, str], change: Change) -> None:
    """Every booking, a batch at a time, with `written` made of `read` by `change`."""
    bind = op.get_bind()
    if not bind.execute(sa.text(f"SELECT EXISTS (SELECT 1 FROM {TABLE})")).scalar():
        return
    table = sa.table(TABLE, sa.column("id"), *(sa.column(name) for name in (*read, *written)))
    last = 0
    while True:
        rows = (
            bind.execute(
                sa.select(table.c.id, *(table.c[name] for name in read))
                .where(table.c.id > last)
                .order_by(table.c.id)
                .limit(BATCH)
            )
            .mappings()
            .all()
        )
        if not rows:
            return
        bind.execute(
            sa.update(table)
            .where(table.c.id == sa.bindparam("row_id"))
            .values({name: sa.bindparam(f"{name}_new") for name in written}),
            [
                {
                    "row_id": row["id"],
                    **{
                        f"{name}_new": value
                        for name, value in zip(written, change(dict(row)), strict=True)
                    },
                }
                for row in rows
            ],
        )
        last = rows[-1]["id"]


def upgrade() -> None:
    with op.batch_alter_table(TABLE) as batch_op:
        batch_op.add_column(sa.Column("name", sa.Text(), nullable=True, comment="姓名"))
        batch_op.add_column(sa.Column("phone", sa.Text(), nullable=True, comment="手机号"))
    holder: list[PersonalDataCipher] = []

    def sealed(row: Mapping[str, Any]) -> tuple[str, str]:
        if not holder:
            holder.append(_cipher())
        cipher = holder[0]
        return (
            cipher.seal(row["name_masked"], f"{TABLE}.name"),
            cipher.seal(row["phone_masked"], f"{TABLE}.phone"),
        )

    _rewrite(("name_masked", "phone_masked"), ("name", "phone"), sealed)
    with op.batch_alter_table(TABLE) as batch_op:
        batch_op.alter_column("name", existing_type=sa.Text(), nullable=False)
        batch_op.alter_column("phone", existing_type=sa.Text(), nullable=False)
        batch_op.drop_column("name_masked")
        batch_op.drop_column("phone_masked")


def downgrade() -> None:
    with op.batch_alter_table(TABLE) as batch_op:
        batch_op.add_column(
            sa.Column("name_masked", sa.String(length=50), nullable=True, comment="姓名（脱敏）")
        )
        batch_op.add_column(
            sa.Column("phone_masked", sa.String(length=20), nullable=True, comment="手机号（脱敏）")
        )
    holder: list[PersonalDataCipher] = []

    def masked(row: Mapping[str, Any]) -> tuple[str, str]:
        if not holder:
            holder.append(_cipher())
        cipher = holder[0]
        return (
            mask_name(cipher.open(row["name"], f"{TABLE}.name")),
            mask_phone(cipher.open(row["phone"], f"{TABLE}.phone")),
        )

    _rewrite(("name", "phone"), ("name_masked", "phone_masked"), masked)
    with op.batch_alter_table(TABLE) as batch_op:
        batch_op.alter_column("name_masked", existing_type=sa.String(length=50), nullable=False)
        batch_op.alter_column("phone_masked", existing_type=sa.String(length=20), nullable=False)
        batch_op.drop_column("name")
        batch_op.drop_column("phone")
