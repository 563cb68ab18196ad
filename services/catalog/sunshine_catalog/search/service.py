"""Full-text search of the published catalogue (全文检索): matching, ranking, highlighting.

A query is segmented with jieba like the items' `search_text`, and an item matches when it has
every word. The database finds and scores the matches with its own full-text index (PostgreSQL:
ts_rank over the GIN-indexed tsvector; SQLite: bm25 over the FTS5 table). People mostly look for
a document they know by number or title, and want the one in force, so the order is: the item
whose document number is the query; then by how many of the words the title holds; then items
in force before repealed or expired ones; then policy documents (规章、规范性文件) before the
reports and interpretations that refer to them; then the database's score.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Double,
    FromClause,
    Select,
    and_,
    case,
    cast,
    column,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.columns.models import CatalogueColumn
from sunshine_catalog.items.models import (
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

SNIPPET_CHARS = 120
SNIPPET_LEAD = 30  # characters shown before the first word found
# The database's score is brought into [0, 1), so each of these whole-number steps outweighs
# everything after it (a query of at most 100 characters never has 1000 words).
DOCUMENT_NUMBER_BOOST = 100_000
TITLE_WORD_BOOST = 100
IN_FORCE_BOOST = 2
POLICY_BOOST = 1
POLICY_TYPES = (DocumentType.REGULATION, DocumentType.NORMATIVE)


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


def _matches(dialect: str, found: list[str]) -> FromClause:
    """(item_id, relevance) of the items holding every word, higher relevance better."""
    if dialect == "postgresql":
        # The same expression as the GIN index (migration catalog_0003), so the index serves it.
        vector = func.to_tsvector(literal_column("'simple'"), InformationItem.search_text)
        query = func.to_tsquery(literal_column("'simple'"), _tsquery(found))
        # No ts_rank: with an expression index it rebuilds every match's vector from the text,
        # seconds for a common word in a million items. The boosts (document number, title
        # words, in force, policy type) decide the order; equal ones fall back to newest first.
        return (
            select(
                InformationItem.id.label("item_id"),
                cast(literal(0.0), Double).label("relevance"),
            )
            .where(vector.op("@@")(query))
            .cte("matches")
        )
    fts = table(FTS_TABLE, column("rowid"))
    # bm25 is lower for better matches. Materialised so that it runs once per match, where the
    # MATCH is, rather than again in each outer WHERE and ORDER BY.
    return (
        select(
            fts.c.rowid.label("item_id"),
            cast(-func.bm25(literal_column(FTS_TABLE)), Double).label("relevance"),
        )
        .where(literal_column(FTS_TABLE).op("MATCH")(_fts5_query(found)))
        .cte("matches")
        .prefix_with("MATERIALIZED")
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


def _filtered(query: Select[Any], filters: SearchFilters) -> Select[Any]:
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


def _encode_cursor(order: SearchOrder, key: float | str, item_id: int) -> str:
    raw = json.dumps({"o": order.value, "k": key, "i": item_id}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, order: SearchOrder) -> tuple[Any, int]:
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if raw["o"] != order.value or not isinstance(raw["i"], int):
            raise ValueError(cursor)
        if order == SearchOrder.DATE:
            return datetime.fromisoformat(raw["k"]), raw["i"]
        return float(raw["k"]), raw["i"]
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput("cursor", "分页游标无效，请从第一页重新检索") from None


# --- the search ------------------------------------------------------------------------------


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
    found = query_words(q)
    matches = _matches(session.get_bind().dialect.name, found)
    relevance = matches.c.relevance
    score = (_boost(q, found) + relevance / (1.0 + relevance)).label("score")
    hits = _filtered(
        select(InformationItem.id, InformationItem.published_at, score).join(
            matches, matches.c.item_id == InformationItem.id
        ),
        filters,
    ).subquery("hits")
    total = await session.scalar(select(func.count()).select_from(hits)) or 0

    key = hits.c.published_at if order == SearchOrder.DATE else hits.c.score
    page = select(hits.c.id, key).order_by(key.desc(), hits.c.id.desc()).limit(size + 1)
    if cursor:
        after, after_id = _decode_cursor(cursor, order)
        page = page.where(or_(key < after, and_(key == after, hits.c.id < after_id)))
    rows = (await session.execute(page)).all()

    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last_id, last_key = rows[-1]
        value = last_key.isoformat() if order == SearchOrder.DATE else last_key
        next_cursor = _encode_cursor(order, value, last_id)
    return SearchPage(
        items=await _hits(session, [r[0] for r in rows], found),
        total=total,
        next_cursor=next_cursor,
    )


async def _hits(session: AsyncSession, ids: list[int], found: list[str]) -> list[SearchHit]:
    if not ids:
        return []
    rows = await session.execute(
        select(InformationItem, Unit.name, CatalogueColumn.name)
        .join(Unit, Unit.id == InformationItem.unit_id)
        .join(CatalogueColumn, CatalogueColumn.id == InformationItem.column_id)
        .where(InformationItem.id.in_(ids))
    )
    by_id = {item.id: (item, unit_name, column_name) for item, unit_name, column_name in rows}
    out = []
    for item_id in ids:
        item, unit_name, column_name = by_id[item_id]
        out.append(
            SearchHit(
                id=item.id,
                index_number=item.index_number,
                title=item.title,
                title_highlight=highlight(item.title, found),
                snippet=snippet(plain_text(item.body_html), found),
                unit_id=item.unit_id,
                unit_name=unit_name,
                column_id=item.column_id,
                column_name=column_name,
                document_number=item.document_number,
                document_type=DocumentType(item.document_type),
                published_at=item.published_at,
                validity=Validity(item.validity),
            )
        )
    return out


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
