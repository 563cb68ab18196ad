"""Bulk import of N catalogue items into a fresh PostgreSQL catalog database, timed.

    .venv/bin/python bench/catalog_import.py --database-url URL --items 100000

Creates the database (dropping one of the same name), migrates it with Alembic, inserts the demo
district's 71 units as the gateway would send them, then streams items from the demo generator
(sunshine_catalog.demo.generator) in chunks: jieba segments each chunk's search words in worker
processes while the main process generates the next chunks and COPYs the finished ones
(asyncpg copy_records_to_table). The secondary indexes and foreign keys are dropped for the
COPY and built again afterwards, as for any bulk load; --keep-indexes measures the other way.
Prints items/s, the time of each phase and the size of the tables and their indexes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import resource
import sys
import time
from collections import deque
from collections.abc import Iterator
from datetime import UTC, datetime
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any

import asyncpg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "gateway"))

from sunshine_catalog.demo.generator import (  # noqa: E402
    DemoColumn,
    Generated,
    ItemGenerator,
    search_text,
)
from sunshine_catalog.demo.texts import DemoUnit  # noqa: E402
from sunshine_catalog.items.models import InformationItem  # noqa: E402
from sunshine_gateway.demo import data as district  # noqa: E402
from sunshine_kit.calendar.days import WorkingDayCalendar  # noqa: E402
from sunshine_kit.migrate import upgrade  # noqa: E402
from sunshine_kit.units.schemas import make_credit_code  # noqa: E402

ITEM_COLUMNS = [c.name for c in InformationItem.__table__.columns]
TEXT_FIELDS = ("title", "document_number", "keywords", "topic", "body_html")
BULK_TABLES = ("information_item", "item_column")


def plain_url(url: str) -> str:
    """asyncpg's form of a SQLAlchemy URL."""
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def sqlalchemy_url(url: str) -> str:
    return plain_url(url).replace("postgresql://", "postgresql+asyncpg://", 1)


def with_database(url: str, name: str) -> str:
    head, _, _ = plain_url(url).rpartition("/")
    return f"{head}/{name}"


# --- the workers -----------------------------------------------------------------------------


def _warm_up() -> None:
    search_text(dict.fromkeys(TEXT_FIELDS, "初始化分词词典"))


def segment(texts: list[tuple[str, ...]]) -> list[str]:
    """Search words of a chunk of items (runs in a worker process)."""
    return [search_text(dict(zip(TEXT_FIELDS, t, strict=True))) for t in texts]


# --- the database ----------------------------------------------------------------------------


async def fresh_database(server: str, name: str) -> str:
    admin = await asyncpg.connect(with_database(server, "postgres"))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return with_database(server, name)


def district_units() -> list[tuple[DemoUnit, int | None]]:
    """The gateway demo's units and their parents, with the ids and credit codes it gives."""
    names: list[tuple[str, str, str | None]] = [(district.DISTRICT, "government", None)]
    names += [(n, "department", district.DISTRICT) for n in district.DEPARTMENTS]
    for groups, kind, child_kind in (
        (district.STREETS, "street", "community"),
        (district.TOWNSHIPS, "township", "village"),
    ):
        for name, children in groups.items():
            names.append((name, kind, district.DISTRICT))
            names += [(c, child_kind, name) for c in children]
    ids = {name: n for n, (name, _, _) in enumerate(names, start=1)}
    return [
        (
            DemoUnit(
                ids[name],
                name,
                kind,
                make_credit_code(f"11{district.REGION_CODE}MB{ids[name]:07d}"),
            ),
            ids[parent] if parent else None,
        )
        for name, kind, parent in names
    ]


async def insert_units(conn: asyncpg.Connection, units: list[tuple[DemoUnit, int | None]]) -> None:
    await conn.executemany(
        "INSERT INTO unit (id, name, credit_code, type, parent_id, sort_order, closed, version,"
        " updated_at) VALUES ($1, $2, $3, $4, $5, $1, false, 1, now())",
        [(u.id, u.name, u.credit_code, u.type, parent) for u, parent in units],
    )


async def columns(conn: asyncpg.Connection) -> dict[str, DemoColumn]:
    rows = await conn.fetch(
        "SELECT id, code, retention_years, hidden_for_unit_types FROM catalogue_column"
    )
    return {
        r["code"]: DemoColumn(
            r["id"], r["retention_years"], tuple(json.loads(r["hidden_for_unit_types"]))
        )
        for r in rows
    }


async def drop_secondary_indexes(conn: asyncpg.Connection) -> list[str]:
    """Drop the bulk tables' foreign keys, unique constraints and indexes (not the primary
    keys); returns the statements that build them again."""
    again: list[str] = []
    constraints = await conn.fetch(
        "SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def,"
        " contype FROM pg_constraint WHERE conrelid::regclass::text = ANY($1)"
        " AND contype IN ('f', 'u') ORDER BY contype DESC",
        list(BULK_TABLES),
    )
    for c in constraints:
        await conn.execute(f'ALTER TABLE {c["tbl"]} DROP CONSTRAINT "{c["conname"]}"')
    indexes = await conn.fetch(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY($1)"
        " AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype = 'p')",
        list(BULK_TABLES),
    )
    for i in indexes:
        await conn.execute(f'DROP INDEX "{i["indexname"]}"')
        again.append(i["indexdef"])
    # Unique constraints first (the foreign keys may need them), foreign keys last.
    again += [
        f'ALTER TABLE {c["tbl"]} ADD CONSTRAINT "{c["conname"]}" {c["def"]}'
        for c in sorted(constraints, key=lambda c: c["contype"] == "f")
    ]
    return again


async def sizes(conn: asyncpg.Connection) -> list[tuple[str, int, int, int]]:
    rows = await conn.fetch(
        "SELECT c.relname, c.reltuples::bigint, pg_table_size(c.oid), pg_indexes_size(c.oid)"
        " FROM pg_class c WHERE c.relname = ANY($1) ORDER BY c.relname",
        list(BULK_TABLES),
    )
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def cpu_seconds(backend_pid: int) -> tuple[float, float, float]:
    """CPU time of this process, of its finished workers and of the PostgreSQL backend
    (readable when the server runs on this machine): wall time depends on what else runs."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        fields = Path(f"/proc/{backend_pid}/stat").read_text().rsplit(")", 1)[1].split()
        backend = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        backend = 0.0
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime, backend


# --- the import ------------------------------------------------------------------------------


def chunks(stream: Iterator[Generated], size: int) -> Iterator[list[Generated]]:
    chunk: list[Generated] = []
    for generated in stream:
        chunk.append(generated)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def item_record(row: dict[str, Any], words: str) -> tuple[Any, ...]:
    row["search_text"] = words
    row["channels"] = json.dumps(row["channels"])
    return tuple(row[c] for c in ITEM_COLUMNS)


async def run(args: argparse.Namespace) -> None:
    server = (
        args.database_url
        or os.environ.get("TEST_DATABASE_URL")
        or os.environ.get("DATABASE_URL", "")
    )
    if not server.startswith("postgresql"):
        sys.exit("a PostgreSQL URL is needed: --database-url or TEST_DATABASE_URL")
    started = time.monotonic()
    url = await fresh_database(server, args.database_name)
    await asyncio.to_thread(upgrade, ROOT / "services/catalog/alembic.ini", sqlalchemy_url(url))
    conn = await asyncpg.connect(url)
    backend = await conn.fetchval("SELECT pg_backend_pid()")
    units = district_units()
    await insert_units(conn, units)
    generator = ItemGenerator(
        [u for u, _ in units],
        await columns(conn),
        now=datetime.now(UTC),
        calendar=WorkingDayCalendar(),
        seed=args.seed,
        with_changes=False,
    )
    rebuild = [] if args.keep_indexes else await drop_secondary_indexes(conn)
    prepared = time.monotonic()
    print(
        f"database {args.database_name} migrated, {len(units)} units, in {prepared - started:.1f}s"
    )

    context = multiprocessing.get_context("fork")
    copied = 0
    with context.Pool(args.workers, initializer=_warm_up) as pool:
        pending: deque[tuple[list[Generated], AsyncResult[list[str]]]] = deque()

        async def copy_oldest() -> None:
            nonlocal copied
            chunk, result = pending.popleft()
            words = await asyncio.to_thread(result.get)
            await conn.copy_records_to_table(
                "information_item",
                records=[item_record(g.row, w) for g, w in zip(chunk, words, strict=True)],
                columns=ITEM_COLUMNS,
            )
            await conn.copy_records_to_table(
                "item_column",
                records=[(g.row["id"], c) for g in chunk for c in g.column_ids],
                columns=["item_id", "column_id"],
            )
            copied += len(chunk)
            if copied // args.report_every != (copied - len(chunk)) // args.report_every:
                spent = time.monotonic() - prepared
                print(f"  {copied:>9,} items  {copied / spent:>8,.0f} items/s", flush=True)

        for chunk in chunks(generator.items(args.items), args.chunk):
            texts = [tuple(g.row[f] for f in TEXT_FIELDS) for g in chunk]
            pending.append((chunk, pool.apply_async(segment, (texts,))))
            if len(pending) > args.workers * 2:
                await copy_oldest()
        while pending:
            await copy_oldest()
    loaded = time.monotonic()

    await conn.executemany(
        "INSERT INTO index_sequence (unit_id, year, last) VALUES ($1, $2, $3)",
        [(u, y, last) for (u, y), last in sorted(generator.sequences.items())],
    )
    await conn.executemany(
        "UPDATE information_item SET validity = 'repealed', validity_changed_on = $2,"
        " replaced_by_id = $3, updated_at = $4 WHERE id = $1",
        [(r.item_id, r.changed_on, r.replaced_by_id, r.at) for r in generator.replacements],
    )
    await conn.execute(
        "SELECT setval('information_item_id_seq', (SELECT max(id) FROM information_item))"
    )
    for statement in rebuild:
        await conn.execute(statement)
    indexed = time.monotonic()
    await conn.execute("ANALYZE information_item; ANALYZE item_column")
    finished = time.monotonic()

    total = finished - started
    print()
    print(f"items imported       {copied:,}")
    print(
        f"generate+segment+COPY {loaded - prepared:8.1f}s"
        f"  {copied / (loaded - prepared):,.0f} items/s"
    )
    print(f"indexes and keys      {indexed - loaded:8.1f}s  ({len(rebuild)} built after the COPY)")
    print(f"analyze               {finished - indexed:8.1f}s")
    print(f"total                 {total:8.1f}s  {copied / total:,.0f} items/s overall")
    print(f"{'table':<18}{'rows':>12}{'table MB':>10}{'index MB':>10}")
    for name, rows, table_bytes, index_bytes in await sizes(conn):
        print(f"{name:<18}{rows:>12,}{table_bytes / 2**20:>10.0f}{index_bytes / 2**20:>10.0f}")
    main_cpu, workers_cpu, backend_cpu = cpu_seconds(backend)
    print(
        f"CPU seconds: this process {main_cpu:.0f}, jieba workers {workers_cpu:.0f}, "
        f"PostgreSQL backend {backend_cpu:.0f}; on an otherwise idle 2-core machine the import"
        f" needs at least {(main_cpu + workers_cpu + backend_cpu) / 2:.0f}s"
    )
    print(f"database URL: {sqlalchemy_url(url)}")
    await conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", help="a PostgreSQL server (default: TEST_DATABASE_URL)")
    parser.add_argument("--database-name", default="bench_catalog")
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2, help="jieba worker processes")
    parser.add_argument("--chunk", type=int, default=5000, help="items per COPY")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep-indexes", action="store_true", help="COPY into indexed tables")
    parser.add_argument("--report-every", type=int, default=100_000)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
