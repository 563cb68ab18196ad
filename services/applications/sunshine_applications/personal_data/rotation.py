"""Re-encrypting personal data with the current key once it has been rotated.

A rotation: make a new key, set it as PERSONAL_DATA_KEY and move the old one to the front of
PERSONAL_DATA_OLD_KEYS; restart the service, which reads values under either; run
`python -m sunshine_applications.personal_data`, which rewrites every value and fingerprint
with the new key; then drop the old key. Running it again changes nothing that matters.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from sqlalchemy import Row, Table, bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.identity import fingerprint
from sunshine_applications.applications.models import DisclosureApplication
from sunshine_applications.inquiries.models import Inquiry

BATCH = 500
_APPLICANT = ("id_number", "phone", "email", "address")

Make = Callable[[Row[Any]], str]  # a column's new value from the row as read


async def _rewrite(
    session: AsyncSession, table: Table, read: tuple[str, ...], written: dict[str, Make]
) -> int:
    """Every row of `table`, read (and so decrypted with whichever key opens it) and written
    back (encrypted with the current key) a batch at a time; `written` makes the new values."""
    count, last = 0, 0
    # The row's own updated_at, kept: re-encrypting is not a change anyone made.
    statement = (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values(
            {
                **{name: bindparam(f"{name}_new", type_=table.c[name].type) for name in written},
                "updated_at": table.c.updated_at,
            }
        )
    )
    while True:
        rows = (
            await session.execute(
                select(table.c.id, *(table.c[name] for name in read))
                .where(table.c.id > last)
                .order_by(table.c.id)
                .limit(BATCH)
            )
        ).all()
        if not rows:
            return count
        await session.execute(
            statement,
            [
                {"row_id": row.id, **{f"{name}_new": make(row) for name, make in written.items()}}
                for row in rows
            ],
        )
        count, last = count + len(rows), rows[-1].id


async def reseal(session: AsyncSession) -> int:
    """Rewrite every applicant's and asker's personal data, and every fingerprint, with the
    current key; the number of rows rewritten."""
    applications = DisclosureApplication.__table__
    inquiries = Inquiry.__table__
    assert isinstance(applications, Table) and isinstance(inquiries, Table)
    applicant: dict[str, Make] = {name: attrgetter(name) for name in _APPLICANT}
    applicant["fingerprint"] = lambda row: fingerprint(row.id_number, row.description)
    count = await _rewrite(session, applications, (*_APPLICANT, "description"), applicant)
    asker: dict[str, Make] = {"asker_contact": attrgetter("asker_contact")}
    return count + await _rewrite(session, inquiries, ("asker_contact",), asker)
