"""Constant-rate load on the catalog through the gateway, beside the same queries in plain SQL.

    .venv/bin/python bench/catalog_load.py --gateway-url http://127.0.0.1:8000 \\
        --database-url postgresql://postgres@127.0.0.1:5432/bench_catalog

Open loop: request i is due at start + i/rate whatever happened to the earlier ones, and its
latency runs from that due time, so a slow server shows as latency rather than as a lower
rate (no coordinated omission). Two targets: (a) the public item page
GET /api/catalog/items/{id} of random published items, (b) full-text search
GET /api/catalog/search?q=… over 50 everyday queries (skipped when the endpoint is absent).
Then the queries those endpoints make are run directly on the catalog database with asyncpg,
one after another, so the cost of the layers above SQL shows as a ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
from collections.abc import Callable
from pathlib import Path

import asyncpg
import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from catalog_import import plain_url  # noqa: E402
from loadgen import HEADER, open_loop, report, sequential  # noqa: E402

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

ITEM_SQL = [
    "SELECT * FROM information_item WHERE id = $1",
    "SELECT * FROM unit WHERE id = (SELECT unit_id FROM information_item WHERE id = $1)",
    "SELECT * FROM catalogue_column"
    " WHERE id = (SELECT column_id FROM information_item WHERE id = $1)",
    "SELECT column_id FROM item_column WHERE item_id = $1",
    "SELECT id FROM information_item WHERE interprets_id = $1 AND status = 'published'",
]
# The search service's matching and ranking (sunshine_catalog.search.service) as plain SQL.
SEARCH_HITS = """
WITH matches AS (
    SELECT id AS item_id, ts_rank(to_tsvector('simple', search_text), q)::float8 AS relevance
    FROM information_item, to_tsquery('simple', $1) AS q
    WHERE to_tsvector('simple', search_text) @@ q
), hits AS (
    SELECT i.id, i.published_at,
        (CASE WHEN i.document_number = $2 THEN 100000 ELSE 0 END)
        + 100 * (SELECT count(*) FROM unnest($3::text[]) AS w WHERE strpos(lower(i.title), w) > 0)
        + (CASE WHEN i.validity = 'valid' THEN 2 ELSE 0 END)
        + (CASE WHEN i.document_type IN ('regulation', 'normative') THEN 1 ELSE 0 END)
        + m.relevance / (1 + m.relevance) AS score
    FROM information_item i JOIN matches m ON m.item_id = i.id
    WHERE i.status = 'published'
)
"""
SEARCH_SQL = [
    SEARCH_HITS + "SELECT count(*) FROM hits",
    SEARCH_HITS + "SELECT id FROM hits ORDER BY score DESC, id DESC LIMIT 11",
]
SEARCH_ROWS = (
    "SELECT i.*, u.name, c.name FROM information_item i JOIN unit u ON u.id = i.unit_id"
    " JOIN catalogue_column c ON c.id = i.column_id WHERE i.id = ANY($1::int[])"
)


def tsquery(found: list[str]) -> str:
    return " & ".join("'" + w.replace("\\", "\\\\").replace("'", "''") + "'" for w in found)


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
    limits = httpx.Limits(
        max_connections=args.connections, max_keepalive_connections=args.connections
    )
    async with httpx.AsyncClient(
        base_url=args.gateway_url, timeout=args.timeout, limits=limits
    ) as client:
        probe = await client.get("/api/catalog/search", params={"q": "河长制", "size": "1"})
        search_ready = probe.status_code == 200
        if not search_ready:
            print(
                f"search endpoint GET /api/catalog/search answered {probe.status_code}: "
                "target (b) skipped until the catalog has search"
            )
        targets: list[tuple[str, float, Callable[[], tuple[str, dict[str, str]]]]] = []
        if args.target in ("item", "both"):
            targets.append(
                ("(a) item page", args.rate, lambda: (f"/api/catalog/items/{rng.choice(ids)}", {}))
            )
        if args.catalog_url and args.target in ("item", "both"):
            # The same page from the catalog service itself: what the gateway adds.
            targets.append(
                (
                    "(a) item page, no gateway",
                    args.rate,
                    lambda: (f"{args.catalog_url}/items/{rng.choice(ids)}", {}),
                )
            )
        if args.target in ("search", "both") and search_ready:
            targets.append(
                (
                    "(b) search",
                    args.search_rate or args.rate,
                    lambda: ("/api/catalog/search", {"q": rng.choice(QUERIES), "size": "10"}),
                )
            )
        runs = []
        for label, rate, next_request in targets:
            # Warm up connections and caches before measuring.
            await open_loop(
                label, client, next_request, min(rate, 20), 2, args.timeout, args.connections
            )
            run = await open_loop(
                label, client, next_request, rate, args.duration, args.timeout, args.connections
            )
            runs.append((run, rate))

    sql: dict[str, list[float]] = {}
    sample = [rng.choice(ids) for _ in range(args.sql_samples)]

    async def item_queries(n: int) -> None:
        for statement in ITEM_SQL:
            await db.fetch(statement, sample[n])

    sql["(a) item page"] = await sequential(len(sample), item_queries)
    sql["(a) item page, no gateway"] = sql["(a) item page"]
    if any(r.label == "(b) search" for r, _ in runs):

        async def search_queries(n: int) -> None:
            q = QUERIES[n % len(QUERIES)]
            found = list(dict.fromkeys(words(q)))
            params = (tsquery(found), " ".join(q.split()), found)
            await db.fetchval(SEARCH_SQL[0], *params)
            page = await db.fetch(SEARCH_SQL[1], *params)
            await db.fetch(SEARCH_ROWS, [r["id"] for r in page[:10]])

        sql["(b) search"] = await sequential(len(QUERIES), search_queries)
    await db.close()

    print()
    print(HEADER)
    for run, rate in runs:
        report(run, sql.get(run.label), rate)


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
    parser.add_argument("--target", choices=["item", "search", "both"], default="both")
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--sql-samples", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    asyncio.run(main(parser.parse_args()))
