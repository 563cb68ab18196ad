"""The annual report rolled up for a region of 100 units, and its Word and PDF files, timed.

    .venv/bin/python bench/reporting_annual.py --database-url postgresql://postgres@127.0.0.1:5432/postgres

1. Makes four fresh PostgreSQL databases (`--prefix`_catalog, _applications, _hall, _reporting;
   dropped first, never the demo's), migrates each (`upgrade heads`) and gives each the
   region's 100 units: the demo district's 71 with the ids and credit codes the gateway gives
   them, and 29 more departments.
2. Fills the sources, PostgreSQL making the rows where it can (INSERT … SELECT over
   generate_series):
   - catalog: --items (1,000,000) published items of every unit over the last three years, 2 %
     of them 行政规范性文件 and 0.2 % 规章, a tenth of those repealed;
   - applications: --applications (100,000) from the applications demo generator (every state,
     outcome, remedy and fee, spread over a year and a half), as applications_inbox.py does;
   - hall: a licensing and a public-service item per unit, --cases (1,000,000) completed cases
     over the last twelve months (a tenth of the licensing ones denied, fees on some), a rating
     for every fifth, the daily completion figures the completion step keeps, and
     --decisions (20,000) 行政处罚 / 行政强制 decisions.
3. Starts the catalog, applications, hall and reporting services (uvicorn, one process each) and
   measures, directly against the services (not through the gateway, which adds its proxy hop):
   - each source's statistics endpoint for the region (`below=true`), with the service token the
     reporting service uses, --repeat times;
   - the region's rolled-up report for the current year, as the government's office: created
     (`POST /annual/reports`, which reads every source), then regenerated --repeat times;
   - its DOCX and PDF (`GET /annual/reports/{id}/export.docx|pdf`), --repeat times each.
   Targets: the report under 3 s; each export under 5 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

import asyncpg
import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "gateway"))

from catalog_import import (  # noqa: E402
    district_units,
    fresh_database,
    insert_units,
    plain_url,
    sqlalchemy_url,
)
from hall_supervision import CASE_COLUMNS  # noqa: E402

from sunshine_applications.demo.loader import load  # noqa: E402
from sunshine_catalog.demo.texts import DemoUnit  # noqa: E402
from sunshine_gateway.demo import data as district  # noqa: E402
from sunshine_kit.db import Database  # noqa: E402

# Importing the kit's testing module gives this process, and the services it starts, the same
# fresh keys (tokens, personal-data encryption) through the environment.
from sunshine_kit.testing import token_for  # noqa: E402
from sunshine_kit.units.schemas import make_credit_code  # noqa: E402

SERVICES = {
    "catalog": ("sunshine_catalog", "services/catalog", 1),
    "applications": ("sunshine_applications", "services/applications", 2),
    "hall": ("sunshine_hall", "services/hall", 3),
    "reporting": ("sunshine_reporting", "services/reporting", 4),
}
EXTRA_DEPARTMENTS = 29


def region_units() -> list[tuple[DemoUnit, int | None]]:
    """The demo district's 71 units and 29 more departments under its government: 100."""
    units = district_units()
    top = next(unit.id for unit, parent in units if parent is None)
    first = max(unit.id for unit, _ in units) + 1
    extra = [
        (
            DemoUnit(
                n,
                f"{district.DISTRICT}基准测试局{n - first + 1}",
                "department",
                make_credit_code(f"11{district.REGION_CODE}MB{n:07d}"),
            ),
            top,
        )
        for n in range(first, first + EXTRA_DEPARTMENTS)
    ]
    return units + extra


def migrate(directory: str, url: str) -> None:
    config = str(ROOT / directory / "alembic.ini")
    subprocess.run(
        [sys.executable, "-m", "alembic", "-c", config, "upgrade", "heads"],
        env={**os.environ, "DATABASE_URL": sqlalchemy_url(url)},
        check=True,
        stdout=subprocess.DEVNULL,
    )


async def timed(label: str, statement: Awaitable[Any]) -> None:
    started = time.perf_counter()
    await statement
    print(f"  {label}: {time.perf_counter() - started:.1f} s")


async def fill_catalog(url: str, unit_ids: list[int], items: int) -> None:
    conn = await asyncpg.connect(plain_url(url))
    try:
        columns = [r["id"] for r in await conn.fetch("SELECT id FROM catalogue_column ORDER BY id")]
        units = ",".join(map(str, unit_ids))
        # Item k: unit k % 100, published (k % 1095) days and (k % 86400) seconds ago; every
        # 50th a 规范性文件, every 500th (offset 1) a 规章, a tenth of those (k / 500 ending in
        # 3) repealed 100 days after publication (or today).
        await timed(
            f"catalog: {items:,} items",
            conn.execute(
                "INSERT INTO information_item (id, unit_id, column_id, index_number, index_year,"
                " index_seq, title, body_html, document_number, issuing_unit, formed_on,"
                " published_at, topic, keywords, disclosure_attribute, non_disclosure_reason,"
                " validity, validity_changed_on, document_type, channels, status, due_on,"
                " due_provisional, author, reviewer, review_note, source, search_text,"
                " created_at, updated_at)"
                f" SELECT k, (ARRAY[{units}])[1 + k % {len(unit_ids)}],"
                f" (ARRAY[{','.join(map(str, columns))}])[1 + (k / 7) % {len(columns)}],"
                " 'BENCH-' || k, extract(year FROM p)::int, k, '基准信息' || k, '<p>基准</p>',"
                " '', '', p::date - 3, p, '', '', 'proactive', '',"
                " CASE WHEN doc <> 'other' AND (k / 500) % 10 = 3 THEN 'repealed' ELSE 'valid' END,"
                " CASE WHEN doc <> 'other' AND (k / 500) % 10 = 3"
                "   THEN least(p::date + 100, current_date) END,"
                " doc, '[\"website\"]'::json, 'published', p::date + 25 - (k % 3) * 14, false,"
                " 'bench', 'bench', '', 'import', '', now(), now()"
                f" FROM generate_series(1, {items}) AS k,"
                " LATERAL (SELECT now() - (k % 1095) * interval '1 day'"
                "   - (k % 86400) * interval '1 second' AS p) AS published,"
                " LATERAL (SELECT CASE WHEN k % 50 = 0 THEN 'normative'"
                "   WHEN k % 500 = 1 THEN 'regulation' ELSE 'other' END AS doc) AS kind"
            ),
        )
        await conn.execute(
            "INSERT INTO item_column (item_id, column_id) SELECT id, column_id"
            " FROM information_item"
        )
        await conn.execute(
            "SELECT setval(pg_get_serial_sequence('information_item', 'id'),"
            " (SELECT max(id) FROM information_item))"
        )
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


async def fill_applications(url: str, count: int) -> None:
    database = Database(sqlalchemy_url(url))
    try:
        started = time.perf_counter()
        async with database.sessionmaker() as session, session.begin():
            written = await load(session, count=count)
        print(f"  applications: {written:,} in {time.perf_counter() - started:.1f} s")
    finally:
        await database.dispose()
    conn = await asyncpg.connect(plain_url(url))
    try:
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


async def fill_hall(url: str, unit_ids: list[int], cases: int, decisions: int) -> None:
    conn = await asyncpg.connect(plain_url(url))
    try:
        top = unit_ids[0]
        centre = await conn.fetchval(
            "INSERT INTO service_centre (unit_id, level, name, address, hours, phone, created_at)"
            " VALUES ($1, 'district', '锦华区政务服务中心', '', '', '', now()) RETURNING id",
            top,
        )
        windows = 30
        await conn.execute(
            "INSERT INTO service_window (id, centre_id, number, name, kind, ticket_prefix, open,"
            " created_at) SELECT n, $1, n, '综合窗口' || n, 'comprehensive', 'A', true, now()"
            f" FROM generate_series(1, {windows}) AS n",
            centre,
        )
        # Item 2u-1 of unit u (in the list's order) is a licence, item 2u a public service.
        await conn.executemany(
            "INSERT INTO service_item (id, code, unit_id, hall_level, category, name,"
            " legal_basis, conditions, procedure, kind, legal_limit_days, promised_limit_days,"
            " fee_basis, fee_standard, fee_fen, authority, location, hours, phone, online,"
            " status, version, created_at, updated_at, draft_pending)"
            " VALUES ($1, $2, $3, 'district', $4, $5, '', '', '', 'promised', 20, 10, '', '',"
            " 0, '', '', '', '', false, 'published', 1, now(), now(), false)",
            [
                (2 * n + offset + 1, f"BENCH-{2 * n + offset + 1}", unit, category, f"{name}{n}")
                for n, unit in enumerate(unit_ids)
                for offset, category, name in (
                    (0, "licensing", "基准许可事项"),
                    (1, "public_service", "基准服务事项"),
                )
            ],
        )
        items = 2 * len(unit_ids)
        # Case k: item k % items (so unit (k % items) / 2), accepted in the last 360 days,
        # decided and completed within 0-18 days; every tenth licence denied; fees on every
        # seventh case.
        await timed(
            f"hall: {cases:,} completed cases",
            conn.execute(
                f"INSERT INTO hall_case ({CASE_COLUMNS})"
                " SELECT 'BJB' || lpad(k::text, 9, '0'), '', i, 1,"
                f" (ARRAY[{','.join(map(str, unit_ids))}])[1 + (i - 1) / 2], {centre},"
                f" 1 + k % {windows}, 'bench' || (1 + k % {windows}),"
                f" 'bench' || (1 + k % {windows}), 'window', 'natural_person', '申请人' || k,"
                " '', '', false, 'completed', now(), a, '',"
                " CASE WHEN k % 10 = 0 THEN 'denied' ELSE 'granted' END, '', c, 'bench', '',"
                " c, now(), c = a, 'window', CASE WHEN k % 7 = 0 THEN 1000 + k % 5000 ELSE 0 END,"
                " 0, 20, 10, a + 28, a + 14, false, 'none', now(), now()"
                f" FROM generate_series(1, {cases}) AS k,"
                f" LATERAL (SELECT 1 + k % {items} AS i) AS item,"
                " LATERAL (SELECT current_date - 365 + (k % 360) AS a) AS accepted,"
                " LATERAL (SELECT a + (k % 7) * (k % 4) AS c) AS completed"
            ),
        )
        await conn.execute(
            "INSERT INTO case_rating (case_id, level, channel, comment, unit_id, window_id,"
            " clerk, rated_at) SELECT id, 1 + (id % 40 = 0)::int * 3 + (id % 3 = 0)::int,"
            " 'window', '', unit_id, window_id, clerk, now() FROM hall_case WHERE id % 5 = 0"
        )
        await conn.execute(
            "INSERT INTO hall_completion_day (completed_on, unit_id, window_id, clerk, completed,"
            " on_time, early, on_the_spot, fee_fen)"
            " SELECT completed_on, unit_id, window_id, clerk, count(*),"
            " count(*) FILTER (WHERE completed_on <= promised_due_on),"
            " count(*) FILTER (WHERE completed_on < promised_due_on),"
            " count(*) FILTER (WHERE on_the_spot), sum(fee_fen)"
            " FROM hall_case WHERE status = 'completed'"
            " GROUP BY completed_on, unit_id, window_id, clerk"
        )
        await conn.execute(
            "INSERT INTO enforcement_decision (unit_id, kind, document_number, party_type,"
            " party_name, credit_code, facts, legal_basis, content, fine_fen, decided_on,"
            " source, created_by, created_at)"
            f" SELECT (ARRAY[{','.join(map(str, unit_ids))}])[1 + k % {len(unit_ids)}],"
            " CASE WHEN k % 8 = 0 THEN 'coercion' ELSE 'penalty' END,"
            " '锦罚〔' || k || '〕号', 'legal_person', '基准公司' || k, '', '', '', '',"
            " 50000, current_date - k % 540, 'import', 'bench', now()"
            f" FROM generate_series(1, {decisions}) AS k"
        )
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


def start(name: str, urls: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    package, _, offset = SERVICES[name]
    command = [sys.executable, "-m", "uvicorn", f"{package}.main:app", "--port"]
    command += [str(port + offset), "--log-level", "warning", "--no-access-log"]
    return subprocess.Popen(
        command,
        env={
            **os.environ,
            "DATABASE_URL": sqlalchemy_url(urls[name]),
            **{
                f"{s.upper()}_URL": f"http://127.0.0.1:{port + o}"
                for s, (_, _, o) in SERVICES.items()
            },
            "GATEWAY_URL": f"http://127.0.0.1:{port}",
            "OUTBOX_WORKER_ENABLED": "false",
            "SUPERVISION_SWEEP_ENABLED": "false",
            "LOG_LEVEL": "WARNING",
            # The catalog's search index is not what is measured: two segments, not eight.
            "SEARCH_INDEX_MEMORY_MB": "1000",
            # A rolled-up source may take longer than a screen's request; not a failure here.
            "HTTP_TIMEOUT_SECONDS": "60",
        },
    )


async def wait_until_up(base: str, patience: float = 600) -> None:
    deadline = time.monotonic() + patience
    async with httpx.AsyncClient(base_url=base) as http:
        while True:
            try:
                if (await http.get("/readyz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{base} did not start")
            await asyncio.sleep(0.5)


async def repeat(times: int, call: Callable[[], Awaitable[Any]]) -> tuple[list[float], Any]:
    """Run `call` once unmeasured, then `times` times; the seconds of each and the last answer."""
    answer = await call()
    seconds = []
    for _ in range(times):
        started = time.perf_counter()
        answer = await call()
        seconds.append(time.perf_counter() - started)
    return seconds, answer


def show(label: str, seconds: list[float], target: float | None = None) -> None:
    verdict = ""
    if target is not None:
        verdict = "  met" if max(seconds) < target else f"  NOT MET (target {target:.0f} s)"
    print(
        f"{label}: median {statistics.median(seconds) * 1000:,.0f} ms,"
        f" max {max(seconds) * 1000:,.0f} ms ({len(seconds)} runs){verdict}"
    )


async def measure(port: int, top: int, year: int, times: int) -> None:
    service = {"Authorization": f"Bearer {token_for('service', unit_id=None)}"}
    office = {"Authorization": f"Bearer {token_for('office', unit_id=top, username='bench')}"}
    region = {"year": year, "below": "true"}
    sources: dict[str, tuple[int, str, dict[str, Any]]] = {
        "catalog items": (1, f"/stats/units/{top}/items", region),
        "applications": (2, f"/stats/units/{top}/applications", region),
        "hall cases": (3, "/stats/cases", {"year": year, "unit_id": top, "below": "true"}),
        "hall enforcement": (3, "/enforcement/stats", {"year": year, "unit_id": top}),
    }
    async with httpx.AsyncClient(timeout=120) as http:
        print(f"\nsources for the region ({year}, below=true):")
        for label, (offset, path, params) in sources.items():
            url = f"http://127.0.0.1:{port + offset}{path}"

            async def get(url: str = url, params: dict[str, Any] = params) -> Any:
                answer = await http.get(url, params=params, headers=service)
                assert answer.status_code == 200, answer.text
                return answer.json()

            seconds, _ = await repeat(times, get)
            show(f"  {label}", seconds)

        base = f"http://127.0.0.1:{port + 4}"
        started = time.perf_counter()
        created = await http.post(
            f"{base}/annual/units/{top}/reports",
            json={"year": year, "scope": "region"},
            headers=office,
        )
        assert created.status_code in (200, 201), created.text
        print(f"\nreport created (every source read): {time.perf_counter() - started:.2f} s")
        report = created.json()

        async def regenerate() -> Any:
            answer = await http.post(
                f"{base}/annual/reports/{report['id']}/regenerate", headers=office
            )
            assert answer.status_code == 200, answer.text
            return answer.json()

        seconds, report = await repeat(times, regenerate)
        show("report regenerated (rolled up, every source read)", seconds, 3)
        two = report["tables"]["two"]
        three = {r["key"]: r["cells"] for r in report["tables"]["three"]["rows"]}
        print(
            f"  figures: 规范性文件 issued {two['normative_documents']['issued']:,},"
            f" valid {two['normative_documents']['valid']:,};"
            f" 规章 issued {two['regulations']['issued']:,};"
            f" 行政许可 {two['licensing']['decisions']:,};"
            f" 行政处罚 {two['penalties']['decisions']:,};"
            f" 收费 {two['charges']['amount_wan_yuan']} 万元;"
            f" applications new {three['new']['total']:,},"
            f" closed {three['results_total']['total']:,};"
            f" missing {len(report['missing'])}, problems {len(report['problems'])}"
        )
        for extension in ("docx", "pdf"):

            async def export(extension: str = extension) -> bytes:
                answer = await http.get(
                    f"{base}/annual/reports/{report['id']}/export.{extension}", headers=office
                )
                assert answer.status_code == 200, answer.text
                return answer.content

            seconds, data = await repeat(times, export)
            show(f"export.{extension} ({len(data):,} bytes)", seconds, 5)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="a PostgreSQL server (any db)")
    parser.add_argument("--prefix", default="bench_annual")
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--decisions", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--port", type=int, default=8740, help="services on port+1 … port+4")
    parser.add_argument("--year", type=int, default=date.today().year)
    parser.add_argument(
        "--keep", action="store_true", help="reuse the databases a previous run filled"
    )
    args = parser.parse_args()
    units = region_units()
    unit_ids = [unit.id for unit, _ in units]
    top = unit_ids[0]
    urls: dict[str, str] = {}
    for name, (_, directory, _) in SERVICES.items():
        database = f"{args.prefix}_{name}"
        if args.keep:
            urls[name] = plain_url(args.database_url).rsplit("/", 1)[0] + f"/{database}"
            continue
        urls[name] = await fresh_database(args.database_url, database)
        migrate(directory, urls[name])
        conn = await asyncpg.connect(plain_url(urls[name]))
        try:
            await insert_units(conn, units)
        finally:
            await conn.close()
    if args.keep:
        # The report is made afresh each run (a unit has one report a year).
        conn = await asyncpg.connect(plain_url(urls["reporting"]))
        try:
            await conn.execute("DELETE FROM annual_report")
        finally:
            await conn.close()
    else:
        print(f"filling a region of {len(units)} units:")
        await fill_catalog(urls["catalog"], unit_ids, args.items)
        await fill_applications(urls["applications"], args.applications)
        await fill_hall(urls["hall"], unit_ids, args.cases, args.decisions)
    processes = [start(name, urls, args.port) for name in SERVICES]
    try:
        started = time.perf_counter()
        for _, _, offset in SERVICES.values():
            await wait_until_up(f"http://127.0.0.1:{args.port + offset}")
        print(f"services up in {time.perf_counter() - started:.0f} s")
        await measure(args.port, top, args.year, args.repeat)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait()


if __name__ == "__main__":
    asyncio.run(main())
