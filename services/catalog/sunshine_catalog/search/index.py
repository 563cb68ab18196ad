"""The search index: the published catalogue's words in a tantivy index, in step with the feed.

Why not the database's own full-text index: a portal's search asks for the newest (or best)
few of all the items holding some words, and at a million items common words match hundreds of
thousands. PostgreSQL's GIN index knows which items match but not their dates, so it reads
every match from the table to sort them — a search nobody made before took 75 ms at the median
and seconds at the 95th percentile. tantivy (the search library of the Rust world, a Lucene in
the same spirit) keeps each item's date beside its words in columnar form and intersects,
counts and orders a query's matches without touching the records: the same searches take
a few milliseconds, and the count is exact (bench/README.md).

The database stays the record; the index is derived from it and holds, for each published item,
its words (`search_text`, segmented with jieba when the item is saved), what the filters ask
(unit, columns, year formed, type, validity, document number) and its place in date order. It
remembers the change-feed counter it reflects. Every change of a published item moves that
counter (feed.service.record_change: publication, withdrawal, validity, column moves), so
before each search the index is brought up to the counter the request read: the items named by
the feed entries since are read again and replaced. A search thus sees every change committed
before it — a withdrawn item is gone at once. The index is built whole when it is empty, and
again at start when the database's counter is behind the index's (a database restored from a
backup).

Each catalog process keeps its own index: in memory (built at start, 45 s for a million items
in one process on this machine), or in `search_index_dir`, where it survives a restart and only
the changes since are applied.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import tantivy
from sqlalchemy import Row, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from sunshine_catalog.items.models import (
    POLICY_TYPES,
    ChangeEntry,
    FeedCounter,
    InformationItem,
    ItemColumn,
    ItemStatus,
)

# Bumped when the fields change: an index on disk of another layout is built again.
LAYOUT = 1
ID_BITS = 31  # item ids are SQL integers, below 2**31
CHUNK = 5_000  # items read and indexed at a time
WRITER_THREADS = 2

_Q = tantivy.Query
_MUST = tantivy.Occur.Must


def order_key(published_at: datetime, item_id: int) -> int:
    """An item's place in date order, newest highest: the second it was published, then its id.
    One integer, so the index orders and pages by it in one step."""
    return (int(published_at.timestamp()) << ID_BITS) | item_id


def item_of(key: int) -> int:
    return key & ((1 << ID_BITS) - 1)


def _schema() -> tantivy.Schema:
    build = tantivy.SchemaBuilder()
    build.add_integer_field("id", indexed=True)
    build.add_integer_field("order", indexed=True, fast=True)
    # The words are already segmented and lower-cased: split at the spaces and kept as they are.
    build.add_text_field("words", tokenizer_name="words", index_option="basic")
    build.add_integer_field("unit", indexed=True)
    build.add_integer_field("column", indexed=True)
    build.add_integer_field("year", indexed=True)
    build.add_integer_field("policy", indexed=True)  # 1 for 规章 and 规范性文件: one term to test
    for exact in ("type", "validity", "number"):
        build.add_text_field(exact, tokenizer_name="raw", index_option="basic")
    return build.build()


@dataclass(frozen=True)
class Match:
    """What a search asks of the index: every word, and the filters that are set."""

    words: Sequence[str]
    unit_id: int | None = None
    column_id: int | None = None
    year: int | None = None
    document_type: str | None = None
    validity: str | None = None


class SearchIndex:
    def __init__(self, directory: Path | None = None, memory_mb: int = 256) -> None:
        """`memory_mb`: what the writer may buffer before it writes a segment. Queries visit the
        segments in turn, so fewer (more memory while building) is faster: a million items make
        eight segments with 256 MB, two with 1,000 MB (bench/README.md)."""
        self._directory = directory
        self._schema = _schema()
        self._index, self.version = self._open()
        self._index.register_tokenizer(
            "words", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
        )
        self._writer = self._index.writer(memory_mb * 1_000_000, WRITER_THREADS)
        self._lock = asyncio.Lock()

    # --- keeping in step -----------------------------------------------------------------------

    def _open(self) -> tuple[tantivy.Index, int | None]:
        if self._directory is None:
            return tantivy.Index(self._schema), None
        state = self._state_file()
        version = None
        if state.exists():
            saved = json.loads(state.read_text())
            if saved.get("layout") == LAYOUT:
                version = int(saved["feed"])
        if version is None and self._directory.exists():
            shutil.rmtree(self._directory)  # another layout, or interrupted before its first build
        self._directory.mkdir(parents=True, exist_ok=True)
        return tantivy.Index(self._schema, path=str(self._directory)), version

    def _state_file(self) -> Path:
        assert self._directory is not None
        return self._directory / "sunshine-state.json"

    def _committed(self, version: int) -> None:
        self._writer.commit()
        self._index.reload()
        self.version = version
        if self._directory is not None:
            self._state_file().write_text(json.dumps({"layout": LAYOUT, "feed": version}))

    async def bring_up_to(self, connection: AsyncConnection, version: int) -> None:
        """Make the index reflect the catalogue at feed counter `version` (or later)."""
        if self.version is not None and self.version >= version:
            return
        async with self._lock:
            if self.version is None:
                await self._rebuild(connection, version)
            elif self.version < version:
                await self._apply_changes(connection, self.version, version)

    async def warm(self, engine: AsyncEngine) -> None:
        """Brought up to date at start, so that the first searches need not wait; built again
        if the database's counter is behind the index's (the database was restored)."""
        async with engine.connect() as connection:
            current = await catalogue_version(connection)
            async with self._lock:
                if self.version is not None and self.version > current:
                    await self._rebuild(connection, current)
            await self.bring_up_to(connection, current)

    async def _rebuild(self, connection: AsyncConnection, version: int) -> None:
        self._writer.delete_all_documents()
        after = 0
        while True:
            rows = (
                await connection.execute(
                    _indexed_rows()
                    .where(
                        InformationItem.status == ItemStatus.PUBLISHED, InformationItem.id > after
                    )
                    .order_by(InformationItem.id)
                    .limit(CHUNK)
                )
            ).all()
            if not rows:
                break
            await self._add(connection, rows)
            after = rows[-1].id
        self._committed(version)

    async def _apply_changes(self, connection: AsyncConnection, after: int, upto: int) -> None:
        changed = list(
            await connection.scalars(
                select(ChangeEntry.item_id)
                .where(ChangeEntry.seq > after, ChangeEntry.seq <= upto)
                .distinct()
            )
        )
        for start in range(0, len(changed), CHUNK):
            ids = changed[start : start + CHUNK]
            for item_id in ids:
                self._writer.delete_documents_by_term("id", item_id)
            rows = (
                await connection.execute(
                    _indexed_rows().where(
                        InformationItem.id.in_(ids),
                        InformationItem.status == ItemStatus.PUBLISHED,
                    )
                )
            ).all()
            await self._add(connection, rows)
        self._committed(upto)

    async def _add(self, connection: AsyncConnection, rows: Sequence[Row[Any]]) -> None:
        columns: dict[int, list[int]] = {}
        for item_id, column_id in await connection.execute(
            select(ItemColumn.item_id, ItemColumn.column_id).where(
                ItemColumn.item_id.in_([r.id for r in rows])
            )
        ):
            columns.setdefault(item_id, []).append(column_id)
        # In a worker thread, so that building a large index leaves the service answering.
        await asyncio.to_thread(self._add_documents, rows, columns)

    def _add_documents(self, rows: Iterable[Row[Any]], columns: dict[int, list[int]]) -> None:
        for row in rows:
            doc = tantivy.Document()
            doc.add_integer("id", row.id)
            doc.add_integer("order", order_key(row.published_at, row.id))
            doc.add_text("words", row.search_text)
            doc.add_integer("unit", row.unit_id)
            for column_id in columns.get(row.id, ()):
                doc.add_integer("column", column_id)
            doc.add_integer("year", row.formed_on.year)
            doc.add_text("type", row.document_type)
            doc.add_integer("policy", int(row.document_type in POLICY_TYPES))
            doc.add_text("validity", row.validity)
            if row.document_number:
                doc.add_text("number", row.document_number)
            self._writer.add_document(doc)

    # --- searching -----------------------------------------------------------------------------

    def _matching(self, match: Match) -> list[tuple[tantivy.Occur, tantivy.Query]]:
        clauses = [(_MUST, _Q.term_query(self._schema, "words", w)) for w in match.words]
        for field, value in (
            ("unit", match.unit_id),
            ("column", match.column_id),
            ("year", match.year),
            ("type", match.document_type),
            ("validity", match.validity),
        ):
            if value is not None:
                clauses.append((_MUST, _Q.term_query(self._schema, field, value)))
        return clauses

    def newest(
        self,
        match: Match,
        limit: int,
        *,
        before: int | None = None,
        policy: bool = False,
        number: str | None = None,
    ) -> list[int]:
        """The order keys of the newest `limit` matches: older than the key `before`, policy
        documents only, or numbered `number`, when these are given."""
        clauses = self._matching(match)
        if before is not None:
            older = _Q.range_query(
                self._schema, "order", tantivy.FieldType.Integer, None, before, True, False
            )
            clauses.append((_MUST, older))
        if policy:
            clauses.append((_MUST, _Q.term_query(self._schema, "policy", 1)))
        if number is not None:
            clauses.append((_MUST, _Q.term_query(self._schema, "number", number)))
        return self._newest(clauses, limit, count=False)[0]

    def counted(self, match: Match, limit: int) -> tuple[list[int], int]:
        """The order keys of the newest `limit` matches, and how many match in all: one pass."""
        keys, total = self._newest(self._matching(match), limit, count=True)
        return keys, total

    def _newest(
        self, clauses: list[tuple[tantivy.Occur, tantivy.Query]], limit: int, *, count: bool
    ) -> tuple[list[int], int]:
        found = self._index.searcher().search(
            _Q.boolean_query(clauses), limit, count=count, order_by_field="order"
        )
        # `count` is missing from the library's type stubs (tantivy 0.27), not from the result.
        total: int = found.count if count else 0  # type: ignore[attr-defined]
        return [key for key, _ in found.hits], total


def _indexed_rows() -> Any:
    return select(
        InformationItem.id,
        InformationItem.published_at,
        InformationItem.search_text,
        InformationItem.unit_id,
        InformationItem.formed_on,
        InformationItem.document_type,
        InformationItem.validity,
        InformationItem.document_number,
    )


_COUNTER = FeedCounter.__table__.c
_VERSION = select(_COUNTER.last).where(_COUNTER.id == 1)


async def catalogue_version(connection: AsyncConnection) -> int:
    """The change feed's counter: it moves with every change of a published item."""
    return (await connection.execute(_VERSION)).scalar() or 0
