"""The change feed other systems harvest (数据汇聚): entries recorded as the catalogue changes
and pushed to the provincial platform, a cursor API, and Atom and RSS for readers.

Entries are numbered by `record_change` in commit order, so reading `seq > cursor` in order
never skips an entry that commits later and never returns one twice.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.errors import INVALID_CURSOR
from sunshine_catalog.feed.schemas import FeedEntry, FeedItem, FeedPage
from sunshine_catalog.items.models import (
    CHANGE_KIND_LABELS,
    VALIDITY_CHANGE_LABELS,
    ChangeEntry,
    ChangeKind,
    FeedCounter,
    InformationItem,
)
from sunshine_catalog.items.service import snapshot
from sunshine_kit.errors import InvalidInput
from sunshine_kit.outbox import service as outbox

READER_FEED_SIZE = 50  # what a feed reader gets: the latest changes, newest first
# seq is a 32-bit integer column: a larger cursor cannot have come from this feed.
MAX_CURSOR = 2**31 - 1

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Characters XML 1.0 does not allow at all, even escaped.
NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# --- recording -------------------------------------------------------------------------------


async def record_change(
    session: AsyncSession, item: InformationItem, kind: ChangeKind, *, province_url: str = ""
) -> ChangeEntry:
    """Append to the change feed, and queue the push to the provincial platform.

    Sequence numbers come from one counter row locked until commit, so they are handed out in
    commit order: a harvester that has read up to N never later finds a new entry below N.
    """
    await session.flush()
    counter = await session.scalar(select(FeedCounter).where(FeedCounter.id == 1).with_for_update())
    if counter is None:
        counter = FeedCounter(id=1, last=0)
        session.add(counter)
    counter.last += 1
    entry = ChangeEntry(
        seq=counter.last, item_id=item.id, unit_id=item.unit_id, kind=kind, snapshot=snapshot(item)
    )
    session.add(entry)
    await session.flush()
    if province_url:
        outbox.enqueue(
            session,
            destination=province_url,
            path="",
            # What the public feed shows of the entry, no more: the snapshot also holds the
            # workflow (author, reviewer, notes) and the body of items later withdrawn.
            payload=to_entry(entry).model_dump(mode="json"),
            key=f"catalog-change-{entry.seq}",
        )
    return entry


# --- the cursor API --------------------------------------------------------------------------


def parse_cursor(after: str | None) -> int:
    """The cursor is the seq of the last entry read, as a decimal string; none means the start."""
    if after is None or after == "":
        return 0
    if not (after.isascii() and after.isdigit()) or int(after) > MAX_CURSOR:
        raise InvalidInput("after", "游标无效：应为上次返回的 next_cursor", code=INVALID_CURSOR)
    return int(after)


def format_cursor(seq: int) -> str:
    return str(seq)


def item_url(item_id: int) -> str:
    """The item's page on the public portal."""
    return f"/items/{item_id}"


def to_entry(entry: ChangeEntry) -> FeedEntry:
    # The snapshot holds every column; FeedItem keeps only what the feed shows (never the body).
    item = FeedItem.model_validate({**entry.snapshot, "url": item_url(entry.item_id)})
    return FeedEntry(
        seq=entry.seq,
        kind=ChangeKind(entry.kind),
        at=entry.at,
        item_id=entry.item_id,
        unit_id=entry.unit_id,
        item=item,
    )


async def page_after(
    session: AsyncSession, cursor: int, limit: int, unit_ids: set[int] | None
) -> FeedPage:
    """Entries after the cursor, oldest first, optionally only those of some units."""
    query = select(ChangeEntry).where(ChangeEntry.seq > cursor)
    if unit_ids is not None:
        query = query.where(ChangeEntry.unit_id.in_(unit_ids))
    rows = list((await session.scalars(query.order_by(ChangeEntry.seq).limit(limit + 1))).all())
    has_more = len(rows) > limit
    rows = rows[:limit]
    return FeedPage(
        entries=[to_entry(row) for row in rows],
        next_cursor=format_cursor(rows[-1].seq if rows else cursor),
        has_more=has_more,
    )


async def latest(session: AsyncSession, unit_ids: set[int] | None) -> list[FeedEntry]:
    """The latest changes, newest first, for feed readers."""
    query = select(ChangeEntry)
    if unit_ids is not None:
        query = query.where(ChangeEntry.unit_id.in_(unit_ids))
    rows = await session.scalars(query.order_by(ChangeEntry.seq.desc()).limit(READER_FEED_SIZE))
    return [to_entry(row) for row in rows.all()]


# --- Atom and RSS ----------------------------------------------------------------------------


def kind_label(entry: FeedEntry) -> str:
    if entry.kind == ChangeKind.VALIDITY_CHANGED:
        return VALIDITY_CHANGE_LABELS[entry.item.validity]
    return CHANGE_KIND_LABELS[entry.kind]


def entry_title(entry: FeedEntry) -> str:
    """Publications show the plain title; other changes say what happened to the item."""
    if entry.kind == ChangeKind.PUBLISHED:
        return entry.item.title
    return f"【{kind_label(entry)}】{entry.item.title}"


def entry_summary(entry: FeedEntry) -> str:
    item = entry.item
    parts = [kind_label(entry), f"索引号 {item.index_number}"]
    if item.document_number:
        parts.append(f"发文字号 {item.document_number}")
    parts.append(item.issuing_unit)
    return " · ".join(parts)


def entry_id(entry: FeedEntry) -> str:
    # A URN that stays the same for the entry and differs between installations (their times do).
    name = f"sunshine-catalog-change:{entry.seq}:{entry.item_id}:{entry.at.isoformat()}"
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    # ElementTree escapes markup but writes control characters as they are, which no XML
    # parser accepts: a title pasted with one would break the whole feed for every reader.
    element.text = NOT_XML.sub("", text)
    return element


def atom(entries: Sequence[FeedEntry], *, title: str, feed_key: str) -> bytes:
    """Atom 1.0 (RFC 4287). Links are paths on the portal, resolved against the feed's address."""
    # Tags without a prefix in the Atom namespace: readers expect <feed xmlns="...">, and
    # ElementTree's default_namespace option refuses the unprefixed attributes Atom uses.
    root = ET.Element("feed", {"xmlns": ATOM, XML_LANG: "zh-CN"})
    _text(root, "title", title)
    _text(root, "id", uuid.uuid5(uuid.NAMESPACE_URL, feed_key).urn)
    updated = entries[0].at if entries else datetime.now(UTC)
    _text(root, "updated", updated.isoformat())
    ET.SubElement(root, "link", {"rel": "alternate", "href": "/"})
    author = ET.SubElement(root, "author")
    _text(author, "name", "阳光政务")
    _text(root, "generator", "Sunshine 阳光政务")
    for entry in entries:
        node = ET.SubElement(root, "entry")
        _text(node, "id", entry_id(entry))
        _text(node, "title", entry_title(entry))
        _text(node, "updated", entry.at.isoformat())
        if entry.item.published_at is not None:
            _text(node, "published", entry.item.published_at.isoformat())
        ET.SubElement(
            node,
            "link",
            {"rel": "alternate", "type": "text/html", "href": entry.item.url},
        )
        ET.SubElement(node, "category", {"term": entry.kind, "label": kind_label(entry)})
        author = ET.SubElement(node, "author")
        _text(author, "name", entry.item.issuing_unit)
        _text(node, "summary", entry_summary(entry))
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document


def rss(entries: Sequence[FeedEntry], *, title: str) -> bytes:
    """RSS 2.0. Links are paths on the portal, as in the Atom feed."""
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    _text(channel, "title", title)
    _text(channel, "link", "/")
    _text(channel, "description", "政府信息公开目录的发布、撤回、效力变更和栏目调整")
    _text(channel, "language", "zh-cn")
    updated = entries[0].at if entries else datetime.now(UTC)
    _text(channel, "lastBuildDate", format_datetime(updated.astimezone(UTC)))
    _text(channel, "generator", "Sunshine 阳光政务")
    for entry in entries:
        node = ET.SubElement(channel, "item")
        _text(node, "title", entry_title(entry))
        _text(node, "link", entry.item.url)
        _text(node, "description", entry_summary(entry))
        _text(node, "category", kind_label(entry))
        _text(node, "guid", entry_id(entry), isPermaLink="false")
        _text(node, "pubDate", format_datetime(entry.at.astimezone(UTC)))
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document
