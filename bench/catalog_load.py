"""Constant-rate load on the catalog through the gateway, beside the same queries in plain SQL.

    .venv/bin/python bench/catalog_load.py --gateway-url http://127.0.0.1:8000 \\
        --database-url postgresql://postgres@127.0.0.1:5432/bench_catalog

Open loop: request i is due at start + i/rate whatever happened to the earlier ones, and its
latency runs from that due time, so a slow server shows as latency rather than as a lower
rate (no coordinated omission). Two targets: (a) the public item page
GET /api/catalog/items/{id} of random published items, (b) full-text search
GET /api/catalog/search?q=… over 50 everyday queries (skipped when the endpoint is absent).
Then the queries those endpoints make are run directly, one after another, so the cost of the
layers above them shows as a ratio: the item page's SQL on the catalog database with asyncpg;
for search, the search index's queries (tantivy, on an index this script builds from the same
database as the service does) plus the SQL that search sends.
"""

from __future__ import annotations

import argparse
import functools
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from catalog_import import plain_url, sqlalchemy_url  # noqa: E402
from loadgen import (  # noqa: E402
    HEADER,
    Statements,
    captured,
    client_session,
    open_loop,
    report,
    run_on_uvloop,
    timed_sql,
)
from sqlalchemy.ext.asyncio import (  # noqa: E402
    AsyncEngine,
    AsyncSession,
    create_async_engine,
)

from sunshine_catalog.items.views import reader_view  # noqa: E402
from sunshine_catalog.search import service as search  # noqa: E402
from sunshine_catalog.search.index import SearchIndex  # noqa: E402
from sunshine_catalog.search.schemas import SearchOrder  # noqa: E402
from sunshine_catalog.search.tokens import words  # noqa: E402

# What people type into a government site's search box, in the demo district's vocabulary.
QUERIES = [
    "义务教育招生入学",
    "最低生活保障",
    "行政处罚决定书",
    "政府信息公开工作年度报告",
    "部门预算",
    "三公经费",
    "防汛应急预案",
    "食品安全抽检",
    "老旧小区改造",
    "营商环境",
    "政策解读",
    "锦府办发〔2025〕3号",
    "锦教发〔2026〕12号",
    "公开招聘事业单位工作人员",
    "耕地地力保护补贴",
    "政府采购意向",
    "中标结果公告",
    "特困人员救助供养",
    "环境空气质量",
    "安全生产检查",
    "物业服务管理",
    "城市更新",
    "一网通办",
    "家庭医生签约服务",
    "医保参保缴费",
    "就业创业补贴",
    "高新技术企业",
    "河长制",
    "生活垃圾分类",
    "户外广告",
    "突发环境事件应急预案",
    "地质灾害",
    "暴雨预警",
    "食品经营许可",
    "排污许可",
    "不动产登记",
    "征收土地公告",
    "可行性研究报告批复",
    "国民经济",
    "社会消费品零售总额",
    "审计工作报告",
    "退役军人",
    "养老服务补贴",
    "学生资助",
    "幼儿园招生",
    "职务任免",
    "企业开办办事指南",
    "12345热线",
    "规范性文件管理办法",
    "乡村振兴衔接资金",
]


async def item_sql(engine: AsyncEngine, item_id: int) -> Statements:
    """The item page's queries (sunshine_catalog.items.service.reader_view)."""
    return await captured(engine, lambda s: reader_view(s, None, item_id))


class TimedIndex(SearchIndex):
    """The search index, adding up the time its queries take (the part of a search not in SQL)."""

    seconds = 0.0

    def _newest(self, *args: Any, **kwargs: Any) -> tuple[list[int], int]:
        # Every query of the index goes through here.
        started = time.perf_counter()
        try:
            return super()._newest(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started


async def _first_page(session: AsyncSession, *, index: TimedIndex, q: str) -> object:
    return await search.search(
        await session.connection(),
        index,
        q,
        search.SearchFilters(),
        SearchOrder.RELEVANCE,
        10,
        None,
    )


async def search_direct(
    engine: AsyncEngine, db: asyncpg.Connection, index: TimedIndex, queries: list[str]
) -> list[float]:
    """Each search's own work without HTTP: its index queries, timed as search makes them,
    plus its SQL (captured from sunshine_catalog.search.service.search, first page by
    relevance) replayed on asyncpg."""
    out = []
    for q in queries:
        index.seconds = 0.0
        statements = await captured(engine, functools.partial(_first_page, index=index, q=q))
        out.append(index.seconds + (await timed_sql(db, [statements]))[0])
    return out


def title_queries(titles: list[str], rng: random.Random) -> list[str]:
    """Queries nobody typed before: two words of a published item's title, so that each one
    is new to every cache and its matches are many or few as the words fall."""
    out = []
    for title in titles:
        found = [w for w in dict.fromkeys(words(title)) if len(w) > 1]
        if len(found) >= 2:
            out.append(" ".join(rng.sample(found, 2)))
    return out


# A label, the client to send it with, its rate, and the next request's path and parameters.
Target = tuple[str, aiohttp.ClientSession, float, Callable[[], tuple[str, dict[str, str]]]]


async def main(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    db = await asyncpg.connect(plain_url(args.database_url))
    ids = [
        r["id"]
        for r in await db.fetch(
            "SELECT id FROM information_item WHERE status = 'published'"
            " ORDER BY random() LIMIT 20000"
        )
    ]
    items = await db.fetchval("SELECT count(*) FROM information_item")
    print(f"catalog database: {items:,} items; {len(ids):,} published ids sampled")
    titles = await db.fetch(
        "SELECT title FROM information_item WHERE id = ANY($1::int[])", ids[: args.fresh_queries]
    )
    searches = {
        "(b) search, everyday words": QUERIES,
        "(b') search, new each time": title_queries([r["title"] for r in titles], rng),
    }
    fresh = iter(searches["(b') search, new each time"])
    async with (
        client_session(args.gateway_url, args.connections, args.timeout) as gateway,
        client_session(
            args.catalog_url or args.gateway_url, args.connections, args.timeout
        ) as direct,
    ):
        async with gateway.get("/api/catalog/search", params={"q": "河长制", "size": "1"}) as probe:
            search_ready = probe.status == 200
        if not search_ready:
            print(
                f"search endpoint GET /api/catalog/search answered {probe.status}: "
                "target (b) skipped until the catalog has search"
            )
        targets: list[Target] = []
        if args.target in ("item", "both"):
            targets.append(
                (
                    "(a) item page",
                    gateway,
                    args.rate,
                    lambda: (f"/api/catalog/items/{rng.choice(ids)}", {}),
                )
            )
        if args.catalog_url and args.target in ("item", "both"):
            # The same page from the catalog service itself: what the gateway adds.
            targets.append(
                (
                    "(a) item page, no gateway",
                    direct,
                    args.rate,
                    lambda: (f"/items/{rng.choice(ids)}", {}),
                )
            )
        rate = args.search_rate or args.rate
        if args.target in ("search", "both") and search_ready:
            targets.append(
                (
                    "(b) search, everyday words",
                    gateway,
                    rate,
                    lambda: ("/api/catalog/search", {"q": rng.choice(QUERIES), "size": "10"}),
                )
            )
        if args.target in ("search", "both", "mixed") and search_ready:
            # What a portal sees: the everyday searches and, mixed in, ones new to the cache.
            share = args.fresh_share
            targets.append(
                (
                    "(b'') search, mixed",
                    gateway,
                    rate,
                    lambda: (
                        "/api/catalog/search",
                        {
                            "q": next(fresh) if rng.random() < share else rng.choice(QUERIES),
                            "size": "10",
                        },
                    ),
                )
            )
        if args.target in ("search", "both") and search_ready:
            # Last: at the full rate this one can overload the machine, and a server just
            # overloaded answers slowly for a while after (bench/README.md).
            targets.append(
                (
                    "(b') search, new each time",
                    gateway,
                    args.fresh_rate or rate,
                    lambda: ("/api/catalog/search", {"q": next(fresh), "size": "10"}),
                )
            )
        runs = []
        # A portal in service has its everyday searches cached (search.cache); a run starts
        # from that state rather than from a cold start. (b') is new to every cache anyway.
        for q in QUERIES * 2:  # kept from the second time it is asked (search.cache)
            async with gateway.get("/api/catalog/search", params={"q": q, "size": "10"}) as r:
                await r.read()
        for label, client, rate, next_request in targets:
            # Warm up connections and caches before measuring.
            await open_loop(
                label, client, next_request, min(rate, 20), 2, args.timeout, args.connections
            )
            run = await open_loop(
                label, client, next_request, rate, args.duration, args.timeout, args.connections
            )
            runs.append((run, rate))

    # The same statements in plain SQL, one after another on one connection; the texts are
    # made before the clock starts.
    sql: dict[str, list[float]] = {}
    engine = create_async_engine(sqlalchemy_url(args.database_url))
    items_sql = [await item_sql(engine, rng.choice(ids)) for _ in range(args.sql_samples)]
    sql["(a) item page"] = sql["(a) item page, no gateway"] = await timed_sql(db, items_sql)
    if any(r.label in searches for r, _ in runs):  # (b'') has no direct figure of its own
        index = TimedIndex(None, 1000)  # as run_stack.py runs the catalog
        started = time.perf_counter()
        await index.warm(engine)
        built = time.perf_counter() - started
        print(f"search index built in this process for the direct figures: {built:.1f}s")
        for label, queries in searches.items():
            if any(r.label == label for r, _ in runs):
                sql[label] = await search_direct(engine, db, index, queries[: args.sql_samples])
    await engine.dispose()
    await db.close()

    print()
    print(HEADER)
    for run, rate in runs:
        report(
            run,
            sql.get(run.label),
            rate,
            "same index+SQL" if run.label.startswith("(b") else "same queries in SQL",
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gateway-url", default="http://127.0.0.1:8000")
    parser.add_argument("--catalog-url", help="also load the catalog service directly (no gateway)")
    parser.add_argument("--database-url", required=True, help="the catalog's PostgreSQL database")
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second")
    parser.add_argument(
        "--search-rate", type=float, help="requests per second for search (default: --rate)"
    )
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per target")
    parser.add_argument(
        "--target",
        choices=["item", "search", "both", "mixed"],
        default="both",
        help="mixed: only (b''), the everyday searches with new ones mixed in",
    )
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--sql-samples", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--fresh-rate", type=float, help="requests per second for (b') (default: --search-rate)"
    )
    parser.add_argument(
        "--fresh-share",
        type=float,
        default=0.5,
        help="share of (b'') searches that are new to the cache (the rest everyday ones)",
    )
    parser.add_argument(
        "--fresh-queries",
        type=int,
        default=20000,
        help="queries made from titles for (b'); at least rate x (duration + 2) are needed",
    )
    run_on_uvloop(main(parser.parse_args()))
