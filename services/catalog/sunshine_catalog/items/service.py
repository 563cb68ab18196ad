"""Information items as their authors write them: drafts created, edited and deleted, with
their index numbers (索引号), sanitised bodies and columns; the loaders every route starts from;
the snapshot the feed and the audit log keep.

The review workflow is in `steps`, who may do what in `rules`, what readers see in `views`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import nh3
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.actions import Action
from sunshine_catalog.columns.models import CatalogueColumn
from sunshine_catalog.columns.service import get_column
from sunshine_catalog.errors import (
    COLUMN_HIDDEN,
    COLUMN_NOT_FOUND,
    ITEM_NOT_FOUND,
    POLICY_NOT_FOUND,
)
from sunshine_catalog.items import rules
from sunshine_catalog.items.deadlines import archive_date, publication_due
from sunshine_catalog.items.models import (
    DisclosureAttribute,
    IndexSequence,
    InformationItem,
    ItemColumn,
    ItemStatus,
)
from sunshine_catalog.items.rules import ItemStep
from sunshine_catalog.items.schemas import ItemFields, ItemIn, ItemUpdate
from sunshine_catalog.search.tokens import index_text, plain_text
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import WorkingDayCalendar
from sunshine_kit.calendar.days import today as beijing_today
from sunshine_kit.errors import InvalidInput, NotFound
from sunshine_kit.roles import Can
from sunshine_kit.units.models import Unit
from sunshine_kit.units.service import can_act_on, get_unit

# Rich text an item body may keep: exactly what the console's editor (TipTap: headings 2-4 under
# the page's own h1, bold, italic, underline, strike, lists, quotes, rules, tables, links and
# images) writes, so that a body saved from anywhere opens in the editor as it is shown, and
# nothing the editor could not show again (h1, div, span, inline styles, classes, fonts pasted
# from Word) reaches the portal. Tags outside the list go, their text stays; nh3 removes
# scripts, event handlers, styles and javascript: URLs whatever is allowed here.
ALLOWED_TAGS = {
    *["p", "br", "h2", "h3", "h4", "strong", "em", "u", "s", "blockquote", "hr"],
    *["ul", "ol", "li", "a", "img"],
    *["table", "colgroup", "col", "thead", "tbody", "tr", "th", "td"],
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}


# Images a government page shows come from this site: a relative path (the catalog's own
# attachments, /api/catalog/attachments/{id}/download, among them) or a data: image. One from
# elsewhere would tell another server who reads the page (a tracking pixel).
URL_ATTRIBUTES = {("a", "href"), ("img", "src")}
SAFE_DATA_IMAGE = re.compile(r"data:image/(?:png|jpeg|gif|webp)[;,]", re.IGNORECASE)
HAS_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.IGNORECASE)
# What browsers ignore in a URL: tabs and line breaks anywhere, controls and spaces at the ends.
URL_IGNORED = re.compile(r"[\t\n\r]")
URL_TRIMMED = "".join(chr(c) for c in range(0x21))
# An <img> as nh3 writes it (each attribute name="value", any " in a value escaped), to drop
# those left without a source.
IMG_TAG = re.compile(r'<img(?:\s+[^\s"\'=<>/]+="[^"]*")*\s*/?>')
HAS_SRC = re.compile(r'\ssrc="')
MAX_NOTED_URL = 200


@dataclass(frozen=True)
class Sanitised:
    html: str
    notes: list[str]  # what was removed that the author should know of, in Chinese


def _on_this_site(url: str) -> bool:
    """A relative URL; "//host/…" (or "\\\\host", which browsers read the same) is not."""
    return not HAS_SCHEME.match(url) and url[:2].replace("\\", "/") != "//"


def _noted(url: str) -> str:
    return url if len(url) <= MAX_NOTED_URL else url[:MAX_NOTED_URL] + "…"


def sanitise(body_html: str) -> Sanitised:
    """The body as it is stored and shown: no script, handler or foreign style survives, and no
    image from another site; the notes name each image removed."""
    removed: list[str] = []

    def _filter(tag: str, attribute: str, value: str) -> str | None:
        if (tag, attribute) not in URL_ATTRIBUTES:
            return value
        url = URL_IGNORED.sub("", value).strip(URL_TRIMMED)
        if url.lower().startswith("data:"):
            # Only as an image, and only of the kinds browsers draw without running anything.
            return value if tag == "img" and SAFE_DATA_IMAGE.match(url) else None
        if tag == "img" and not _on_this_site(url):
            removed.append(f"已移除外部图片：{_noted(url)}")
            return None
        return value

    cleaned = nh3.clean(
        body_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "data"},
        link_rel="noopener noreferrer",
        attribute_filter=_filter,
    )
    # An image whose source was removed (here, or by nh3 for a script URL) shows nothing.
    cleaned = IMG_TAG.sub(lambda tag: tag[0] if HAS_SRC.search(tag[0]) else "", cleaned)
    return Sanitised(cleaned, removed)


def now() -> datetime:
    return datetime.now(UTC)


# --- loading ---------------------------------------------------------------------------------


async def get_item(session: AsyncSession, item_id: int) -> InformationItem:
    """The item, whoever asks (check who may see or change it before answering)."""
    item = await session.get(InformationItem, item_id)
    if item is None:
        raise NotFound("信息不存在", code=ITEM_NOT_FOUND)
    return item


async def visible_item(
    session: AsyncSession, principal: Principal | None, item_id: int
) -> InformationItem:
    """Published items to everyone; the rest only to catalogue staff who may act on the unit."""
    item = await get_item(session, item_id)
    if item.status == ItemStatus.PUBLISHED:
        return item
    if (
        principal is not None
        and principal.can(Can.READ_ITEMS)
        and await can_act_on(session, principal, item.unit_id)
    ):
        return item
    raise NotFound("信息不存在", code=ITEM_NOT_FOUND)


async def column_ids(session: AsyncSession, item_id: int) -> list[int]:
    """Every column the item is listed in, its own among them."""
    rows = await session.scalars(select(ItemColumn.column_id).where(ItemColumn.item_id == item_id))
    return sorted(rows.all())


def snapshot(item: InformationItem) -> dict[str, Any]:
    """The item as the feed and the audit log record it (JSON-ready, without search words)."""
    out: dict[str, Any] = {}
    for column in InformationItem.__table__.columns:
        if column.key == "search_text":
            continue
        value = getattr(item, column.key)
        out[column.key] = value.isoformat() if isinstance(value, date | datetime) else value
    return out


# --- writing ---------------------------------------------------------------------------------


async def _usable_column(
    session: AsyncSession, unit: Unit, column_id: int, field: str
) -> CatalogueColumn:
    """The column, if the unit may list items in it; else the field is at fault."""
    try:
        column = await get_column(session, column_id)
    except NotFound:
        raise InvalidInput(field, "栏目不存在或已停用", code=COLUMN_NOT_FOUND) from None
    if unit.type in column.hidden_for_unit_types:
        raise InvalidInput(field, f"“{column.name}”栏目不适用于本单位", code=COLUMN_HIDDEN)
    return column


async def next_index_number(session: AsyncSession, unit: Unit, year: int) -> tuple[int, str]:
    """The next 索引号 of the unit for the year: credit code/year-5-digit sequence.

    The counter row is locked (SELECT ... FOR UPDATE on PostgreSQL; SQLite serialises writers)
    and only ever grows, so a number is never handed out twice, even after a draft is deleted.
    """
    row = await session.scalar(
        select(IndexSequence)
        .where(IndexSequence.unit_id == unit.id, IndexSequence.year == year)
        .with_for_update()
    )
    if row is None:
        row = IndexSequence(unit_id=unit.id, year=year, last=0)
        session.add(row)
    row.last += 1
    await session.flush()
    return row.last, f"{unit.credit_code}/{year}-{row.last:05d}"


async def _check_interprets(
    session: AsyncSession, unit_id: int, interprets_id: int | None, self_id: int | None = None
) -> None:
    if interprets_id is None:
        return
    target = await session.get(InformationItem, interprets_id)
    if target is None or target.id == self_id:
        raise InvalidInput("interprets_id", "所解读的政策文件不存在", code=POLICY_NOT_FOUND)
    if target.unit_id != unit_id and target.status != ItemStatus.PUBLISHED:
        raise InvalidInput(
            "interprets_id", "只能解读已发布或本单位的政策文件", code=POLICY_NOT_FOUND
        )


async def _set_columns(
    session: AsyncSession, unit: Unit, item: InformationItem, also: list[int]
) -> None:
    wanted = [item.column_id, *[c for c in dict.fromkeys(also) if c != item.column_id]]
    for index, column_id in enumerate(wanted[1:]):
        await _usable_column(session, unit, column_id, f"also_in_columns.{index}")
    await session.execute(delete(ItemColumn).where(ItemColumn.item_id == item.id))
    session.add_all(ItemColumn(item_id=item.id, column_id=c) for c in wanted)


def _refresh_search_text(item: InformationItem) -> None:
    item.search_text = index_text(
        item.title, item.document_number, item.keywords, item.topic, plain_text(item.body_html)
    )


async def create_item(
    session: AsyncSession, calendar: WorkingDayCalendar, actor: Principal, body: ItemIn
) -> tuple[InformationItem, list[str]]:
    """A new draft, with its index number and its publication deadline; and what was removed
    from its body (`sanitise`)."""
    await rules.ensure_writer(session, actor, body.unit_id)
    unit = await get_unit(session, body.unit_id)
    column = await _usable_column(session, unit, body.column_id, "column_id")
    await _check_interprets(session, unit.id, body.interprets_id)
    seq, number = await next_index_number(session, unit, body.formed_on.year)
    due = publication_due(calendar, body.formed_on)
    values, notes = _writable(body)
    item = InformationItem(
        unit_id=unit.id,
        column_id=column.id,
        index_number=number,
        index_year=body.formed_on.year,
        index_seq=seq,
        due_on=due.date,
        due_provisional=due.provisional,
        archive_on=archive_date(column.retention_years, body.formed_on),
        author=actor.username,
        status=ItemStatus.DRAFT,
        **values,
    )
    item.issuing_unit = body.issuing_unit or unit.name
    _refresh_search_text(item)
    session.add(item)
    await session.flush()
    await _set_columns(session, unit, item, body.also_in_columns)
    await audit.record(
        session,
        actor=actor,
        action=Action.ITEM_CREATED,
        entity_type="item",
        entity_id=item.id,
        after=snapshot(item),
    )
    return item, notes


def _writable(body: ItemFields | ItemUpdate) -> tuple[dict[str, Any], list[str]]:
    """The columns the body sets, and what sanitising its text removed."""
    values = body.model_dump(exclude_unset=isinstance(body, ItemUpdate))
    notes: list[str] = []
    for key in ("also_in_columns", "unit_id", "column_id"):
        values.pop(key, None)
    if "body_html" in values and values["body_html"] is not None:
        sanitised = sanitise(values["body_html"])
        values["body_html"], notes = sanitised.html, sanitised.notes
    if "channels" in values and values["channels"] is not None:
        values["channels"] = [str(c) for c in values["channels"]]
    return {k: v for k, v in values.items() if v is not None or k == "interprets_id"}, notes


# What a change to published information is: its content, not its filing (columns, channels).
_CONTENT = ("title", "body_html", "document_number", "issuing_unit", "document_type")


def _change_date(item: InformationItem, values: dict[str, Any]) -> date | None:
    """The change date to record, when the update changes the content of information once
    published (it keeps its 生成日期; the change's own 20 working days run from this date).
    Takes `changed_on` out of `values`."""
    given: date | None = values.pop("changed_on", None)
    if item.published_at is None:
        if given is not None:
            raise InvalidInput("changed_on", "未发布过的信息没有变更日期，请修改生成日期")
        return None
    if "formed_on" in values and values["formed_on"] != item.formed_on:
        raise InvalidInput("formed_on", "已发布过的信息保留原生成日期，变更请填写变更日期")
    values.pop("formed_on", None)
    content_changed = any(k in values and values[k] != getattr(item, k) for k in _CONTENT)
    if given is None and not content_changed:
        return None
    on = given or beijing_today()
    if on < item.formed_on:
        raise InvalidInput("changed_on", "变更日期不能早于生成日期")
    return on


async def update_item(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    item: InformationItem,
    body: ItemUpdate,
) -> list[str]:
    """Change a draft, rejected or withdrawn item (a withdrawn one becomes a draft again); what
    was removed from its new body (`sanitise`)."""
    await rules.ensure(session, actor, item, ItemStep.EDIT)
    unit = await get_unit(session, item.unit_id)
    before = snapshot(item)
    values, notes = _writable(body)
    changed_on = _change_date(item, values)
    if "interprets_id" in body.model_fields_set:
        await _check_interprets(session, unit.id, body.interprets_id, item.id)
    else:
        values.pop("interprets_id", None)
    for key, value in values.items():
        setattr(item, key, value)
    if body.column_id is not None and body.column_id != item.column_id:
        column = await _usable_column(session, unit, body.column_id, "column_id")
        item.column_id = column.id
        item.archive_on = archive_date(column.retention_years, item.formed_on)
    if changed_on is not None:
        item.changed_on = changed_on
    if body.formed_on is not None or changed_on is not None:
        # Article 26 counts from the date the information was formed or changed.
        due = publication_due(calendar, item.changed_on or item.formed_on)
        item.due_on, item.due_provisional = due.date, due.provisional
    if (
        item.disclosure_attribute != DisclosureAttribute.PROACTIVE
        and not item.non_disclosure_reason.strip()
    ):
        raise InvalidInput("non_disclosure_reason", "非主动公开的信息须写明理由")
    if item.status == ItemStatus.WITHDRAWN:
        item.status = ItemStatus.DRAFT
    _refresh_search_text(item)
    if body.also_in_columns is not None or body.column_id is not None:
        also = body.also_in_columns
        if also is None:
            also = [c for c in await column_ids(session, item.id) if c != item.column_id]
        await _set_columns(session, unit, item, also)
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=Action.ITEM_UPDATED,
        entity_type="item",
        entity_id=item.id,
        before=before,
        after=snapshot(item),
    )
    return notes


async def delete_draft(session: AsyncSession, actor: Principal, item: InformationItem) -> None:
    """Delete a draft never published (its attachments first: see `attachments.remove_all`);
    its index number stays used."""
    await rules.ensure(session, actor, item, ItemStep.DELETE)
    await audit.record(
        session,
        actor=actor,
        action=Action.ITEM_DELETED,
        entity_type="item",
        entity_id=item.id,
        before=snapshot(item),
    )
    await session.execute(delete(ItemColumn).where(ItemColumn.item_id == item.id))
    await session.delete(item)


async def recompute_due_dates(session: AsyncSession, calendar: WorkingDayCalendar) -> int:
    """Recompute every unpublished 主动公开 item's publication deadline (after a year's
    arrangement is loaded or corrected); how many moved. Published items keep theirs: the
    statistics judge them against the deadline they were published under."""
    items = await session.scalars(
        select(InformationItem).where(
            InformationItem.status != ItemStatus.PUBLISHED,
            InformationItem.disclosure_attribute == DisclosureAttribute.PROACTIVE,
        )
    )
    changed = 0
    for item in items.all():
        # Article 26 counts from the date the information was formed or changed.
        due = publication_due(calendar, item.changed_on or item.formed_on)
        if (due.date, due.provisional) != (item.due_on, item.due_provisional):
            item.due_on, item.due_provisional = due.date, due.provisional
            changed += 1
    await session.flush()
    return changed
