"""Full-text search of the published catalogue (全文检索): matching, ranking, highlighting.

A query is segmented with jieba like the items' `search_text`, and an item matches when it has
every word. Matching, filtering, counting and date order are the search index's (search.index,
tantivy, the same on PostgreSQL and SQLite); the database supplies what is shown.

People mostly look for a document they know by number or title, and want the one in force, so
the order is: the item whose document number is the query; then by how many of the words the
title holds; then items in force before repealed or expired ones; then policy documents
(规章、规范性文件) before the reports and interpretations that refer to them; then newest first.

Common words match a large share of a million items, and scoring every match would mean reading
every match's title. So the ranking is over a bounded set of candidates — the newest 200
matches, the newest 50 matching policy documents, and the item with the query as its document
number — which the index finds in milliseconds however many match, and which one SQL statement
scores and pages; the total is always counted.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import functools
import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, Row, Select, any_, bindparam, case, func, literal, select, tuple_
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncConnection

from sunshine_catalog.columns.models import CatalogueColumn
from sunshine_catalog.errors import QUERY_EMPTY
from sunshine_catalog.items.models import (
    POLICY_TYPES,
    DocumentType,
    InformationItem,
    ItemStatus,
    Validity,
)
from sunshine_catalog.search.index import Match, SearchIndex, item_of
from sunshine_catalog.search.schemas import SearchHit, SearchOrder, SearchPage
from sunshine_catalog.search.tokens import plain_text, words
from sunshine_kit.errors import InvalidInput
from sunshine_kit.ids import MAX_ID
from sunshine_kit.units.models import Unit

AnySelect = Select[*tuple[Any, ...]]
SNIPPET_CHARS = 120
SNIPPET_LEAD = 30  # characters shown before the first word found
DOCUMENT_NUMBER_BOOST = 100_000
TITLE_WORD_BOOST = 100
IN_FORCE_BOOST = 2
POLICY_BOOST = 1
CANDIDATES = 200  # newest matches ranked by relevance
POLICY_CANDIDATES = 50  # newest matching policy documents, ranked however old


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
        raise InvalidInput("q", "检索词中没有可检索的字词", code=QUERY_EMPTY)
    return found


def _number(q: str) -> str:
    """The query as a document number would be written: its spaces as one."""
    return " ".join(q.split())


# --- the cursor ------------------------------------------------------------------------------
# Date order pages by the index's order key; relevance by (score, published_at, id).


def _encode_cursor(order: SearchOrder, key: Sequence[Any]) -> str:
    raw = json.dumps({"o": order.value, "k": list(key)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


# What the index and the database can compare with: a cursor made up past these did not come
# from a page of ours, and is refused rather than overflowing an integer downstream.
MAX_ORDER_KEY = 2**63 - 1


def _within(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _decode_cursor(cursor: str, order: SearchOrder) -> tuple[Any, ...]:
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        key = raw["k"]
        if raw["o"] != order.value:
            raise ValueError(cursor)
        if order == SearchOrder.DATE:
            (order_key,) = key
            if not _within(order_key, 0, MAX_ORDER_KEY):
                raise ValueError(cursor)
            return (order_key,)
        score, published, item_id = key
        after = datetime.fromisoformat(published)
        if not (_within(score, 0, MAX_ID) and _within(item_id, 1, MAX_ID) and after.tzinfo):
            raise ValueError(cursor)
        return (score, after, item_id)
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput("cursor", "分页游标无效，请从第一页重新检索") from None


# --- the search ------------------------------------------------------------------------------


async def search(
    connection: AsyncConnection,
    index: SearchIndex,
    q: str,
    filters: SearchFilters,
    order: SearchOrder,
    size: int,
    cursor: str | None,
) -> SearchPage:
    """One page of the published items matching every word of `q`, best or newest first.

    Pages follow each other by keyset (the last hit's order key, or its score, date and id), so
    a page deep in the results costs the same as the first. `index` must be up to date.
    """
    found = query_words(q)
    after = _decode_cursor(cursor, order) if cursor else None
    match = Match(
        found,
        unit_id=filters.unit_id,
        column_id=filters.column_id,
        year=filters.year,
        document_type=filters.document_type.value if filters.document_type else None,
        validity=filters.validity.value if filters.validity else None,
    )
    if order == SearchOrder.DATE:
        return await _dated_page(connection, index, match, size, after)
    # The index's queries run in a worker thread (tantivy lets go of the GIL), so that a search
    # of common words does not hold up the requests behind it, most of them answered from the
    # search cache in a fraction of the time.
    candidates, total = await asyncio.to_thread(_candidates, index, match, _number(q))
    return await _ranked_page(connection, q, found, candidates, size, after, total)


def _candidates(index: SearchIndex, match: Match, number: str) -> tuple[list[int], int]:
    """The items to rank, and how many match in all."""
    keys, total = index.counted(match, CANDIDATES)
    candidates = set(keys)
    if total > CANDIDATES:
        # Not every match is a candidate: the policy documents and the numbered one join.
        candidates.update(index.newest(match, POLICY_CANDIDATES, policy=True))
        candidates.update(index.newest(match, 1, number=number))
    return [item_of(k) for k in candidates], total


async def _dated_page(
    connection: AsyncConnection,
    index: SearchIndex,
    match: Match,
    size: int,
    after: tuple[Any, ...] | None,
) -> SearchPage:
    """A page newest first, straight from the index's date order; the database shows it."""
    keys, total = await asyncio.to_thread(_dated_keys, index, match, size, after)
    ids = [item_of(k) for k in keys[:size]]
    rows = (await connection.execute(_HIT_ROWS, {"ids": ids})).all() if ids else []
    by_id = {row.id: row for row in rows}
    return SearchPage(
        items=[_hit(by_id[i], match.words) for i in ids if i in by_id],
        total=total,
        next_cursor=_encode_cursor(SearchOrder.DATE, [keys[size - 1]])
        if len(keys) > size
        else None,
    )


def _dated_keys(
    index: SearchIndex, match: Match, size: int, after: tuple[Any, ...] | None
) -> tuple[list[int], int]:
    """A page (and one more) of order keys newest first, and how many match in all."""
    if after is None:
        return index.counted(match, size + 1)
    keys = index.newest(match, size + 1, before=after[0])
    return keys, index.counted(match, 1)[1]  # of every match, not only those past the cursor


_ITEM = InformationItem.__table__.c
_UNIT = Unit.__table__.c
_COLUMN = CatalogueColumn.__table__.c


def _hit_rows(*extra: Any) -> AnySelect:
    """What a page of hits shows of each item, with its unit's and column's names."""
    return (
        select(
            _ITEM.id,
            _ITEM.index_number,
            _ITEM.title,
            _ITEM.body_html,
            _ITEM.unit_id,
            _UNIT.name.label("unit_name"),
            _ITEM.column_id,
            _COLUMN.name.label("column_name"),
            _ITEM.document_number,
            _ITEM.document_type,
            _ITEM.published_at,
            _ITEM.validity,
            *extra,
        )
        .join(Unit.__table__, _UNIT.id == _ITEM.unit_id)
        .join(CatalogueColumn.__table__, _COLUMN.id == _ITEM.column_id)
    )


# Statements built once (the ORM's per-call statement building cost more than the queries) on
# the plain tables. Hits are published still: an item withdrawn since the index was brought up
# to date is not shown.
_HIT_ROWS = _hit_rows().where(
    _ITEM.id.in_(bindparam("ids", expanding=True)), _ITEM.status == ItemStatus.PUBLISHED
)


@functools.cache
def _ranking(dialect: str, words: int, after: bool) -> AnySelect:
    """A page (and one more) of the candidates `ids`, best first, with what each hit shows:
    one statement per number of query words (bound as w0, w1, …) and cursor or none.

    The score: the query as the document number, each word in the title (`contains`, so that
    "小区改造" counts in "老旧小区改造"), in force, a policy document; then newest first.
    """
    title = func.lower(_ITEM.title)
    in_title = [
        case((title.contains(bindparam(f"w{n}"), escape="\\"), 1), else_=0) for n in range(words)
    ]
    number = case((_ITEM.document_number == bindparam("number"), 1), else_=0)
    in_force = case((_ITEM.validity == Validity.VALID.value, 1), else_=0)
    policy = case((_ITEM.document_type.in_([t.value for t in POLICY_TYPES]), 1), else_=0)
    score = (
        number * DOCUMENT_NUMBER_BOOST
        + sum(in_title, literal(0)) * TITLE_WORD_BOOST
        + in_force * IN_FORCE_BOOST
        + policy * POLICY_BOOST
    )
    # PostgreSQL takes the candidates as one array, so the statement is the same whatever
    # their number (a list of placeholders would be prepared anew for every length).
    candidates = (
        _ITEM.id == any_(bindparam("ids", type_=ARRAY(Integer)))
        if dialect == "postgresql"
        else _ITEM.id.in_(bindparam("ids", expanding=True))
    )
    ranked = select(_ITEM.id, _ITEM.published_at, score.label("score")).where(
        candidates, _ITEM.status == ItemStatus.PUBLISHED
    )
    if after:
        cursor = (
            bindparam("after_score", type_=Integer),
            bindparam("after_published", type_=_ITEM.published_at.type),
            bindparam("after_id", type_=Integer),
        )
        ranked = ranked.where(tuple_(score, _ITEM.published_at, _ITEM.id) < tuple_(*cursor))
    best = (
        ranked.order_by(score.desc(), _ITEM.published_at.desc(), _ITEM.id.desc())
        .limit(bindparam("limit", type_=Integer))
        .subquery("best")
    )
    return (
        _hit_rows(best.c.score)
        .join(best, best.c.id == _ITEM.id)
        .order_by(best.c.score.desc(), _ITEM.published_at.desc(), _ITEM.id.desc())
    )


def _like_escaped(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def _ranked_page(
    connection: AsyncConnection,
    q: str,
    found: list[str],
    candidates: list[int],
    size: int,
    after: tuple[Any, ...] | None,
    total: int,
) -> SearchPage:
    if not candidates:
        return SearchPage(items=[], total=total, next_cursor=None)
    statement = _ranking(connection.dialect.name, len(found), after is not None)
    parameters: dict[str, Any] = {f"w{n}": _like_escaped(w) for n, w in enumerate(found)}
    parameters.update(ids=candidates, number=_number(q), limit=size + 1)
    if after is not None:
        parameters.update(after_score=after[0], after_published=after[1], after_id=after[2])
    rows = (await connection.execute(statement, parameters)).all()
    next_cursor = None
    if len(rows) > size:
        last = rows[size - 1]
        next_cursor = _encode_cursor(
            SearchOrder.RELEVANCE, [int(last.score), last.published_at.isoformat(), last.id]
        )
    return SearchPage(
        items=[_hit(row, found) for row in rows[:size]], total=total, next_cursor=next_cursor
    )


def _hit(row: Row[Any], found: Sequence[str]) -> SearchHit:
    shown = row._mapping
    return SearchHit(
        **{k: v for k, v in shown.items() if k not in ("body_html", "score")},
        title_highlight=highlight(row.title, found),
        snippet=snippet(plain_text(row.body_html), found),
    )


# --- highlighting ----------------------------------------------------------------------------


def _words_pattern(found: Sequence[str]) -> str:
    # Longer words first, so a word is marked whole rather than by a shorter word inside it.
    return "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True))


def _pattern(found: Sequence[str]) -> re.Pattern[str]:
    return re.compile(_words_pattern(found), re.IGNORECASE)


def _starts(found: Sequence[str]) -> re.Pattern[str]:
    """Matches, without consuming, at every position where a word starts: the word it finds
    there is group 1. One scan of the text finds overlapping words too."""
    return re.compile(f"(?=({_words_pattern(found)}))", re.IGNORECASE)


def highlight(text: str, found: Sequence[str]) -> str:
    """`text` HTML-escaped, with the words found wrapped in <em>…</em>.

    jieba gives overlapping words ("老旧小区", "小区改造"), so every position is tried and
    overlapping or touching places become one mark.
    """
    spans: list[tuple[int, int]] = []
    for hit in _starts(found).finditer(text):
        start, end = hit.start(), hit.end(1)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    out, at = [], 0
    for start, end in spans:
        out.append(html.escape(text[at:start]))
        out.append(f"<em>{html.escape(text[start:end])}</em>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def snippet(body: str, found: Sequence[str]) -> str:
    """About 120 characters of the body around the first word found, highlighted."""
    first = _pattern(found).search(body)
    start = max(0, first.start() - SNIPPET_LEAD) if first else 0
    end = min(len(body), start + SNIPPET_CHARS)
    start = max(0, end - SNIPPET_CHARS)
    text = highlight(body[start:end], found)
    return ("…" if start > 0 else "") + text + ("…" if end < len(body) else "")
