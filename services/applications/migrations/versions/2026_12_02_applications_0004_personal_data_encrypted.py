"""Personal data encrypted at rest (等保 2.0 三级): applicants' ID numbers, phones, e-mails and
addresses, and askers' contacts.

The columns become text (a ciphertext is longer than what it hides) and every value is encrypted
in place with PERSONAL_DATA_KEY, in the format of `sunshine_kit.personal_data`, which the service
reads. The repeat-detection fingerprints were a plain SHA-256 of the ID number and the request,
which anyone holding the table could reverse by trying the possible numbers; they are recomputed
keyed (HMAC). Without the key the migration stops before it changes anything: it never writes
personal data in plain text. Downgrading needs the key too, to decrypt.

Revision ID: applications_0004
Revises: applications_0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import Any

import sqlalchemy as sa
from alembic import op

from sunshine_applications.applications.identity import applicant_and_request
from sunshine_applications.settings import ApplicationsSettings
from sunshine_kit.personal_data import PersonalDataCipher
from sunshine_kit.settings import MissingSecret

revision = "applications_0004"
down_revision = "applications_0003"
branch_labels = None
depends_on = None

# The columns encrypted, with their type and comment before.
APPLICANT = {
    "id_number": (sa.String(length=50), "证件号码"),
    "phone": (sa.String(length=30), None),
    "email": (sa.String(length=100), None),
    "address": (sa.String(length=200), None),
}
ASKER = {"asker_contact": (sa.String(length=100), "电话或电子邮件")}
BATCH = 500

Change = Callable[[Mapping[str, Any]], dict[str, str]]


def _cipher() -> PersonalDataCipher:
    try:
        return PersonalDataCipher.from_settings(ApplicationsSettings())
    except MissingSecret as exc:
        raise RuntimeError(f"applications_0004 encrypts personal data: {exc}") from exc


def _retype(table: str, columns: dict[str, tuple[sa.String, str | None]], *, wide: bool) -> None:
    with op.batch_alter_table(table) as batch_op:
        for name, (narrow, comment) in columns.items():
            batch_op.alter_column(
                name,
                existing_type=narrow if wide else sa.Text(),
                type_=sa.Text() if wide else narrow,
                existing_nullable=False,
                existing_comment=comment,
            )


def _rewrite(table_name: str, read: list[str], written: list[str], change: Change) -> None:
    """Every row of the table, a batch at a time, with the values `change` makes of it."""
    bind = op.get_bind()
    names = dict.fromkeys([*read, *written])
    table = sa.table(table_name, sa.column("id"), *(sa.column(name) for name in names))
    last = 0
    while True:
        rows = (
            bind.execute(
                sa.select(table).where(table.c.id > last).order_by(table.c.id).limit(BATCH)
            )
            .mappings()
            .all()
        )
        if not rows:
            return
        bind.execute(
            sa.update(table)
            .where(table.c.id == sa.bindparam("row_id"))
            .values({name: sa.bindparam(name + "_new") for name in written}),
            [
                {
                    "row_id": row["id"],
                    **{name + "_new": value for name, value in change(row).items()},
                }
                for row in rows
            ],
        )
        last = rows[-1]["id"]


def upgrade() -> None:
    cipher = _cipher()  # before anything changes: no key, no migration
    _retype("disclosure_application", APPLICANT, wide=True)
    _retype("inquiry", ASKER, wide=True)

    def applicant(row: Mapping[str, Any]) -> dict[str, str]:
        label = "disclosure_application."
        return {
            **{name: cipher.seal(row[name], label + name) for name in APPLICANT},
            "fingerprint": cipher.fingerprint(
                applicant_and_request(row["id_number"], row["description"])
            ),
        }

    def asker(row: Mapping[str, Any]) -> dict[str, str]:
        return {"asker_contact": cipher.seal(row["asker_contact"], "inquiry.asker_contact")}

    _rewrite(
        "disclosure_application",
        [*APPLICANT, "description"],
        [*APPLICANT, "fingerprint"],
        applicant,
    )
    _rewrite("inquiry", list(ASKER), list(ASKER), asker)


def downgrade() -> None:
    cipher = _cipher()

    def applicant(row: Mapping[str, Any]) -> dict[str, str]:
        label = "disclosure_application."
        plain = {name: cipher.open(row[name], label + name) for name in APPLICANT}
        made = applicant_and_request(plain["id_number"], row["description"])
        return {**plain, "fingerprint": hashlib.sha256(made.encode()).hexdigest()}

    def asker(row: Mapping[str, Any]) -> dict[str, str]:
        return {"asker_contact": cipher.open(row["asker_contact"], "inquiry.asker_contact")}

    _rewrite(
        "disclosure_application",
        [*APPLICANT, "description"],
        [*APPLICANT, "fingerprint"],
        applicant,
    )
    _rewrite("inquiry", list(ASKER), list(ASKER), asker)
    _retype("disclosure_application", APPLICANT, wide=False)
    _retype("inquiry", ASKER, wide=False)
