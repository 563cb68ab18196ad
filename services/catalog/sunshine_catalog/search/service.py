"""Full-text search of the published catalogue (全文检索): matching, ranking, highlighting.

A query is segmented with jieba like the items' `search_text`, and an item matches when it has
every word (PostgreSQL: the stored tsvector and its GIN index; SQLite: the FTS5 table).

People mostly look for a document they know by number or title, and want the one in force, so
the order is: the item whose document number is the query; then by how many of the words the
title holds; then items in force before repealed or expired ones; then policy documents
(规章、规范性文件) before the reports and interpretations that refer to them; then newest first.

Common words match a large share of a million items, and ranking or counting every match costs
seconds. So the ranking is over a bounded set of candidates — the newest 200 matches, the newest
50 matching policy documents, and the item with the query as its document number — and the count
is exact up to 200; beyond it PostgreSQL's planner estimate is given, marked as such (SQLite,
at the scale it serves, counts). A search then
reads a few hundred rows at most: newest first along the published-date index when matches are
many, through the word index when they are few (the planner chooses).
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Row,
    Select,
    case,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
    tuple_,
)
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.columns.models import CatalogueColumn
from sunshine_catalog.items.models import (
    PUBLISHED_POLICY,
    DocumentType,
    InformationItem,
    ItemColumn,
    ItemStatus,
    Validity,
)
from sunshine_catalog.search.models import FTS_TABLE
from sunshine_catalog.search.schemas import SearchHit, SearchOrder, SearchPage
from sunshine_catalog.search.tokens import plain_text, words
from sunshine_kit.errors import InvalidInput
from sunshine_kit.units.models import Unit

AnySelect = Select[*tuple[Any, ...]]
SNIPPET_CHARS = 120
SNIPPET_LEAD = 30  # characters shown before the first word found
DOCUMENT_NUMBER_BOOST = 100_000
TITLE_WORD_BOOST = 100
IN_FORCE_BOOST = 2
POLICY_BOOST = 1
POLICY_TYPES = (DocumentType.REGULATION, DocumentType.NORMATIVE)
CANDIDATES = 200  # newest matches ranked by relevance; the count is exact up to this
POLICY_CANDIDATES = 50  # newest matching policy documents, ranked however old
RECENT_ROWS = 2_000  # newest published items in which common words are looked for first


@dataclass(frozen=True)
class SearchFilters:
    unit_id: int | None = None
    column_id: int | None = None
    year: int | None = None
    document_type: DocumentType | None = None
    validity: Validity | None = None


def query_words(q: str) -> list[str]:
    """The distinct search words of a query, or a 422 naming `q` when it has none."""
    found = list(dict.fromkeys(words(q)))
    if not found:
        raise InvalidInput("q", "检索词中没有可检索的字词", code="query_empty")
    return found


# --- matching --------------------------------------------------------------------------------


def _tsquery(found: list[str]) -> str:
    # Every word a quoted lexeme, so no input can be read as tsquery operators.
    quoted = ("'" + w.replace("\\", "\\\\").replace("'", "''") + "'" for w in found)
    return " & ".join(quoted)


def _fts5_query(found: list[str]) -> str:
    # Every word a quoted string, so no input can be read as FTS5 syntax; juxtaposition is AND.
    return " ".join('"' + w.replace('"', '""') + '"' for w in found)


def _match(dialect: str, found: list[str], source: FromClause | None = None) -> ColumnElement[bool]:
    """Whether an item (of `source`, the items table by default) holds every word."""
    if dialect == "postgresql":
        # The stored vector of migration catalog_0007, GIN-indexed.
        vector: ColumnElement[Any] = (
            literal_column("information_item.search_vector")
            if source is None
            else source.c.search_vector
        )
        return vector.op("@@")(func.to_tsquery(literal_column("'simple'"), _tsquery(found)))
    fts = table(FTS_TABLE, column("rowid"))
    ids = InformationItem.id if source is None else source.c.id
    return ids.in_(
        select(fts.c.rowid).where(literal_column(FTS_TABLE).op("MATCH")(_fts5_query(found)))
    )


def _boost(q: str, found: list[str]) -> ColumnElement[Any]:
    title = func.lower(InformationItem.title)
    in_title = [case((title.contains(w, autoescape=True), 1), else_=0) for w in found]
    number = case((InformationItem.document_number == " ".join(q.split()), 1), else_=0)
    in_force = case((InformationItem.validity == Validity.VALID, 1), else_=0)
    policy = case((InformationItem.document_type.in_([t.value for t in POLICY_TYPES]), 1), else_=0)
    return (
        number * DOCUMENT_NUMBER_BOOST
        + sum(in_title, literal(0)) * TITLE_WORD_BOOST
        + in_force * IN_FORCE_BOOST
        + policy * POLICY_BOOST
    )


def _filtered(query: AnySelect, filters: SearchFilters) -> AnySelect:
    query = query.where(InformationItem.status == ItemStatus.PUBLISHED)
    if filters.unit_id is not None:
        query = query.where(InformationItem.unit_id == filters.unit_id)
    if filters.column_id is not None:
        query = query.where(
            InformationItem.id.in_(
                select(ItemColumn.item_id).where(ItemColumn.column_id == filters.column_id)
            )
        )
    if filters.year is not None:
        query = query.where(
            InformationItem.formed_on >= date(filters.year, 1, 1),
            InformationItem.formed_on < date(filters.year + 1, 1, 1),
        )
    if filters.document_type is not None:
        query = query.where(InformationItem.document_type == filters.document_type)
    if filters.validity is not None:
        query = query.where(InformationItem.validity == filters.validity)
    return query


# --- the cursor ------------------------------------------------------------------------------


def _encode_cursor(order: SearchOrder, score: int, published: datetime, item_id: int) -> str:
    key: list[Any] = [published.isoformat(), item_id]
    if order == SearchOrder.RELEVANCE:
        key.insert(0, int(score))
    raw = json.dumps({"o": order.value, "k": key}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, order: SearchOrder) -> tuple[Any, ...]:
    """(published_at, id) for date order, (score, published_at, id) for relevance."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        key = raw["k"]
        if raw["o"] != order.value or len(key) != (3 if order == SearchOrder.RELEVANCE else 2):
            raise ValueError(cursor)
        *score, published, item_id = key
        if not isinstance(item_id, int) or not all(isinstance(s, int) for s in score):
            raise ValueError(cursor)
        return (*score, datetime.fromisoformat(published), item_id)
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput("cursor", "分页游标无效，请从第一页重新检索") from None


# --- the search ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    """A search's words and filters, as every statement of it needs them."""

    q: str
    found: list[str]
    filters: SearchFilters
    dialect: str


Before = tuple[datetime, int] | None  # (published_at, id) of the last item already seen


def _published(query: Query, *extra: ColumnElement[bool]) -> AnySelect:
    columns: list[Any] = [InformationItem.id, InformationItem.published_at]
    if query.dialect == "postgresql":
        columns.append(literal_column("information_item.search_vector").label("search_vector"))
    return _filtered(select(*columns), query.filters).where(*extra)


def _after(keys: Sequence[Any], values: Sequence[Any]) -> ColumnElement[bool]:
    """Past a cursor in an order of `keys`, all descending: the keys compared as one tuple."""
    return tuple_(*keys) < tuple_(*(literal(v, k.type) for k, v in zip(keys, values, strict=True)))


def _older_than(before: Before) -> list[ColumnElement[bool]]:
    if before is None:
        return []
    return [_after((InformationItem.published_at, InformationItem.id), before)]


NEWEST = (InformationItem.published_at.desc(), InformationItem.id.desc())


def _newest_among_recent(query: Query, limit: int, before: Before, *extra: Any) -> AnySelect:
    """The newest `limit` matches among the newest RECENT_ROWS published items.

    The items are read newest first along the published-date index and each is tested against
    its vector; the LIMIT inside keeps the database from testing its word index first, which
    for common words means visiting every match (its estimate of how many match is often far
    too low for words that occur together, such as 最低 生活 保障).
    """
    recent = (
        _published(query, *_older_than(before), *extra)
        .order_by(*NEWEST)
        .limit(RECENT_ROWS)
        .subquery("recent")
    )
    return (
        select(recent.c.id, recent.c.published_at)
        .where(_match(query.dialect, query.found, recent))
        .order_by(recent.c.published_at.desc(), recent.c.id.desc())
        .limit(limit)
    )


def _newest_of_all(query: Query, limit: int, before: Before, *extra: Any) -> AnySelect:
    """The newest `limit` matches of all, through the word index: for words that are rare."""
    return (
        _filtered(select(InformationItem.id, InformationItem.published_at), query.filters)
        .where(_match(query.dialect, query.found), *_older_than(before), *extra)
        .order_by(*NEWEST)
        .limit(limit)
    )


async def _newest_matches(
    session: AsyncSession, query: Query, limit: int, before: Before = None, *extra: Any
) -> list[Row[Any]]:
    """The newest `limit` matches: among the recent items when the words are common enough
    to fill the limit there, else through the word index, which then has few to visit."""
    rows = (await session.execute(_newest_among_recent(query, limit, before, *extra))).all()
    if len(rows) >= limit:
        return list(rows)
    return list((await session.execute(_newest_of_all(query, limit, before, *extra))).all())


async def search(
    session: AsyncSession,
    q: str,
    filters: SearchFilters,
    order: SearchOrder,
    size: int,
    cursor: str | None,
) -> SearchPage:
    """One page of the published items matching every word of `q`, best or newest first.

    Pages follow each other by keyset (the last hit's score or date, and id), so a page deep in
    the results costs the same as the first.
    """
    query = Query(q, query_words(q), filters, session.get_bind().dialect.name)
    after = _decode_cursor(cursor, order) if cursor else None
    candidates = await _newest_matches(session, query, CANDIDATES + 1)
    total, exact = len(candidates), len(candidates) <= CANDIDATES
    if not exact:
        total, exact = await _total_beyond_candidates(session, query)
        total = max(total, len(candidates))

    if order == SearchOrder.DATE:
        if after is None:
            rows = [(r.id, r.published_at, 0) for r in candidates[: size + 1]]
        else:
            older = await _newest_matches(session, query, size + 1, (after[-2], after[-1]))
            rows = [(r.id, r.published_at, 0) for r in older]
    else:
        rows = await _ranked(session, query, candidates, exact, size, after)

    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last_id, last_date, last_score = rows[-1]
        next_cursor = _encode_cursor(order, last_score, last_date, last_id)
    return SearchPage(
        items=await _hits(session, [r[0] for r in rows], query.found),
        total=total,
        total_exact=exact,
        next_cursor=next_cursor,
    )


async def _ranked(
    session: AsyncSession,
    query: Query,
    candidates: list[Row[Any]],
    every_match: bool,
    size: int,
    after: tuple[Any, ...] | None,
) -> list[tuple[int, datetime, int]]:
    """A page of the candidates best first. When they are not every match, the newest matching
    policy documents and the item numbered as the query join them, however old."""
    ids = {r.id for r in candidates}
    if not every_match:
        # The same text as the partial index it walks (items.models.PUBLISHED_POLICY).
        policy = text(PUBLISHED_POLICY)
        newest_policy = await _newest_matches(session, query, POLICY_CANDIDATES, None, policy)
        ids.update(r.id for r in newest_policy)
        number = " ".join(query.q.split())
        ids.update(
            await session.scalars(
                _filtered(select(InformationItem.id), query.filters).where(
                    InformationItem.document_number == number, _match(query.dialect, query.found)
                )
            )
        )
    score = _boost(query.q, query.found)
    page = (
        select(InformationItem.id, InformationItem.published_at, score.label("score"))
        .where(InformationItem.id.in_(ids))
        .order_by(score.desc(), *NEWEST)
        .limit(size + 1)
    )
    if after is not None:
        page = page.where(_after((score, InformationItem.published_at, InformationItem.id), after))
    return [(r[0], r[1], r[2]) for r in await session.execute(page)]


async def _total_beyond_candidates(session: AsyncSession, query: Query) -> tuple[int, bool]:
    """How many items match, and whether that is a count: SQLite counts (FTS5 at the scale
    it serves does it in milliseconds); PostgreSQL gives its planner's estimate instead."""
    matching = _filtered(select(InformationItem.id), query.filters).where(
        _match(query.dialect, query.found)
    )
    if query.dialect != "postgresql":
        count = select(func.count()).select_from(matching.subquery())
        return await session.scalar(count) or 0, True
    sql = matching.compile(
        dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True}
    )
    plan_json = await session.scalar(text(f"EXPLAIN (FORMAT JSON) {sql}"))
    plans = json.loads(plan_json) if isinstance(plan_json, str) else plan_json
    return int(plans[0]["Plan"]["Plan Rows"]), False


def _hit_rows(ids: list[int]) -> AnySelect:
    """What a page of hits shows of each item, with its unit's and column's names."""
    return (
        select(
            InformationItem.id,
            InformationItem.index_number,
            InformationItem.title,
            InformationItem.body_html,
            InformationItem.unit_id,
            Unit.name.label("unit_name"),
            InformationItem.column_id,
            CatalogueColumn.name.label("column_name"),
            InformationItem.document_number,
            InformationItem.document_type,
            InformationItem.published_at,
            InformationItem.validity,
        )
        .join(Unit, Unit.id == InformationItem.unit_id)
        .join(CatalogueColumn, CatalogueColumn.id == InformationItem.column_id)
        .where(InformationItem.id.in_(ids))
    )


async def _hits(session: AsyncSession, ids: list[int], found: list[str]) -> list[SearchHit]:
    if not ids:
        return []
    by_id = {row.id: row._mapping for row in await session.execute(_hit_rows(ids))}
    return [
        SearchHit(
            **{k: v for k, v in by_id[i].items() if k != "body_html"},
            title_highlight=highlight(by_id[i]["title"], found),
            snippet=snippet(plain_text(by_id[i]["body_html"]), found),
        )
        for i in ids
    ]


# --- highlighting ----------------------------------------------------------------------------


def _pattern(found: list[str]) -> re.Pattern[str]:
    # Longer words first, so a word is marked whole rather than by a shorter word inside it.
    return re.compile(
        "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True)), re.IGNORECASE
    )


def highlight(text: str, found: list[str]) -> str:
    """`text` HTML-escaped, with the words found wrapped in <em>…</em>.

    jieba gives overlapping words ("老旧小区", "小区改造"), so every position is tried and
    overlapping or touching places become one mark.
    """
    pattern = _pattern(found)
    spans: list[tuple[int, int]] = []
    for start in range(len(text)):
        hit = pattern.match(text, start)
        if hit is None:
            continue
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hit.end()))
        else:
            spans.append((start, hit.end()))
    out, at = [], 0
    for start, end in spans:
        out.append(html.escape(text[at:start]))
        out.append(f"<em>{html.escape(text[start:end])}</em>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def snippet(body: str, found: list[str]) -> str:
    """About 120 characters of the body around the first word found, highlighted."""
    first = _pattern(found).search(body)
    start = max(0, first.start() - SNIPPET_LEAD) if first else 0
    end = min(len(body), start + SNIPPET_CHARS)
    start = max(0, end - SNIPPET_CHARS)
    text = highlight(body[start:end], found)
    return ("…" if start > 0 else "") + text + ("…" if end < len(body) else "")
