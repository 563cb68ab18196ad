"""Writing the demo catalogue into the database, in a few batched statements."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.actions import Action
from sunshine_catalog.columns.models import CatalogueColumn
from sunshine_catalog.demo.generator import (
    DemoColumn,
    Generated,
    ItemGenerator,
    ordered_changes,
    search_text,
)
from sunshine_catalog.demo.texts import DemoUnit
from sunshine_catalog.items.models import (
    ChangeEntry,
    FeedCounter,
    IndexSequence,
    InformationItem,
    ItemColumn,
    Validity,
)
from sunshine_kit.audit import service as audit
from sunshine_kit.calendar.service import build_calendar
from sunshine_kit.units.models import Unit

BATCH = 1000
DEFAULT_COUNT = 5000
SEED = 2026


async def has_items(session: AsyncSession) -> bool:
    return (await session.scalar(select(InformationItem.id).limit(1))) is not None


async def units(session: AsyncSession) -> list[DemoUnit]:
    rows = await session.scalars(select(Unit).where(Unit.closed.is_(False)).order_by(Unit.id))
    return [DemoUnit(u.id, u.name, u.type, u.credit_code) for u in rows.all()]


async def columns(session: AsyncSession) -> dict[str, DemoColumn]:
    rows = await session.scalars(select(CatalogueColumn).where(CatalogueColumn.active.is_(True)))
    return {
        c.code: DemoColumn(c.id, c.retention_years, tuple(c.hidden_for_unit_types))
        for c in rows.all()
    }


async def index_sequences(session: AsyncSession) -> dict[tuple[int, int], int]:
    rows = (await session.scalars(select(IndexSequence))).all()
    return {(r.unit_id, r.year): r.last for r in rows}


async def _insert(session: AsyncSession, table: Any, rows: Sequence[dict[str, Any]]) -> None:
    for start in range(0, len(rows), BATCH):
        await session.execute(insert(table), list(rows[start : start + BATCH]))


async def load(
    session: AsyncSession,
    *,
    count: int = DEFAULT_COUNT,
    now: datetime | None = None,
    seed: int = SEED,
) -> int:
    """Write about `count` demo items for the units present; 0 when the catalog has items."""
    if await has_items(session):
        return 0
    present = await units(session)
    if not present:
        return 0
    generator = ItemGenerator(
        present,
        await columns(session),
        now=now or datetime.now(UTC),
        calendar=await build_calendar(session),
        seed=seed,
        first_id=await _first_id(session),
        sequences=await index_sequences(session),
    )
    before = dict(generator.sequences)
    generated: list[Generated] = list(generator.items(count))
    for each in generated:
        each.row["search_text"] = search_text(each.row)
    await _insert(session, InformationItem.__table__, [g.row for g in generated])
    await _insert(
        session,
        ItemColumn.__table__,
        [{"item_id": g.row["id"], "column_id": c} for g in generated for c in g.column_ids],
    )
    if generator.replacements:
        # Separate from the insert: the replacing item comes after the one it replaces.
        table = cast(Table, InformationItem.__table__)
        await session.execute(
            update(table)
            .where(table.c.id == bindparam("old_id"))
            .values(
                validity=Validity.REPEALED.value,
                validity_changed_on=bindparam("b_validity_changed_on"),
                replaced_by_id=bindparam("new_id"),
                updated_at=bindparam("at"),
            ),
            [
                {
                    "old_id": r.item_id,
                    "b_validity_changed_on": r.changed_on,
                    "new_id": r.replaced_by_id,
                    "at": r.at,
                }
                for r in generator.replacements
            ],
        )
    await _write_sequences(session, before, generator.sequences)
    await _write_feed(session, generator)
    if session.get_bind().dialect.name == "postgresql":
        # Ids were given explicitly; move the sequence past them for items written later.
        await session.execute(
            text("SELECT setval('information_item_id_seq', (SELECT max(id) FROM information_item))")
        )
    await audit.record(
        session,
        actor="demo",
        action=Action.DEMO_LOADED,
        entity_type="demo",
        entity_id="jinhua",
        after={"items": len(generated), "changes": len(generator.changes)},
    )
    return len(generated)


async def _first_id(session: AsyncSession) -> int:
    if session.get_bind().dialect.name == "postgresql":
        # Ids of deleted drafts stay used, as they would for items saved one by one.
        first = await session.scalar(text("SELECT nextval('information_item_id_seq')"))
        return int(first or 1)
    highest = await session.scalar(select(func.max(InformationItem.id)))
    return int(highest or 0) + 1


async def _write_sequences(
    session: AsyncSession,
    before: dict[tuple[int, int], int],
    after: dict[tuple[int, int], int],
) -> None:
    table = cast(Table, IndexSequence.__table__)
    changed = [
        {"u": unit_id, "y": year, "new_last": last}
        for (unit_id, year), last in after.items()
        if (unit_id, year) in before and before[(unit_id, year)] != last
    ]
    if changed:
        await session.execute(
            update(table)
            .where(table.c.unit_id == bindparam("u"), table.c.year == bindparam("y"))
            .values(last=bindparam("new_last")),
            changed,
        )
    await _insert(
        session,
        table,
        [
            {"unit_id": unit_id, "year": year, "last": last}
            for (unit_id, year), last in sorted(after.items())
            if (unit_id, year) not in before
        ],
    )


async def _write_feed(session: AsyncSession, generator: ItemGenerator) -> None:
    """The change feed in the order things happened, numbered on from the feed counter."""
    counter = await session.scalar(select(FeedCounter).where(FeedCounter.id == 1).with_for_update())
    if counter is None:
        counter = FeedCounter(id=1, last=0)
        session.add(counter)
    entries = ordered_changes(generator.changes, counter.last + 1)
    await _insert(session, ChangeEntry.__table__, entries)
    counter.last += len(entries)
    await session.flush()
