"""Information items: writing, review before publication, validity, deadlines, the change feed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import nh3
from sqlalchemy import Select, bindparam, delete, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.columns.models import CatalogueColumn
from sunshine_catalog.columns.service import get_column
from sunshine_catalog.feed.service import to_entry
from sunshine_catalog.items.models import (
    POLICY_TYPES,
    ChangeEntry,
    ChangeKind,
    FeedCounter,
    IndexSequence,
    InformationItem,
    ItemColumn,
    ItemStatus,
    Validity,
)
from sunshine_catalog.items.schemas import (
    DeadlineRow,
    ItemFields,
    ItemIn,
    ItemUpdate,
    MissingInterpretation,
    MoveIn,
    PublicItem,
    ReviewIn,
    StaffItem,
    ValidityIn,
)
from sunshine_catalog.search.tokens import index_text, plain_text
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal, Role
from sunshine_kit.errors import Conflict, Forbidden, InvalidInput, NotFound
from sunshine_kit.outbox import service as outbox
from sunshine_kit.pagination import PageParams
from sunshine_kit.units.models import Unit
from sunshine_kit.units.service import can_act_on, ensure_can_act_on, get_unit, units_in_reach
from sunshine_kit.workdays import WorkingDayCalendar

PUBLICATION_WORKING_DAYS = 20  # Article 26
INTERPRETATION_WORKING_DAYS = 3  # 政策解读 "同步": within 3 working days of the policy
AT_RISK_WORKING_DAYS = 5
EDITABLE = (ItemStatus.DRAFT, ItemStatus.REJECTED, ItemStatus.WITHDRAWN)
WRITERS = (Role.PUBLISHER, Role.OFFICE)
REVIEWERS = (Role.REVIEWER, Role.OFFICE)

# Rich text an item body may keep: structure and tables of official documents, links and images;
# nh3 removes scripts, event handlers, styles and javascript: URLs whatever is allowed here.
ALLOWED_TAGS = {
    *[
        "p",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "s",
        "sub",
        "sup",
        "blockquote",
        "pre",
        "code",
        "hr",
    ],
    *[
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "caption",
        "colgroup",
        "col",
        "a",
        "img",
        "span",
        "div",
    ],
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "p": {"align"},
    "col": {"span"},
}


def sanitise(body_html: str) -> str:
    """The body as it is stored and shown: no script, handler or foreign style survives."""
    return nh3.clean(
        body_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def now() -> datetime:
    return datetime.now(UTC)


# --- reading ---------------------------------------------------------------------------------


async def get_item(session: AsyncSession, item_id: int) -> InformationItem:
    item = await session.get(InformationItem, item_id)
    if item is None:
        raise NotFound("信息不存在", code="item_not_found")
    return item


async def visible_item(
    session: AsyncSession, principal: Principal | None, item_id: int
) -> InformationItem:
    """Published items to everyone; the rest only to staff who may act on the unit."""
    item = await get_item(session, item_id)
    if item.status == ItemStatus.PUBLISHED:
        return item
    if principal is not None and await can_act_on(session, principal, item.unit_id):
        return item
    raise NotFound("信息不存在", code="item_not_found")


async def column_ids(session: AsyncSession, item_id: int) -> list[int]:
    rows = await session.scalars(select(ItemColumn.column_id).where(ItemColumn.item_id == item_id))
    return sorted(rows.all())


# The item page is the catalogue's busiest request: its row with the unit and column names comes
# in one query, the columns it is listed in and its interpretations in a second, both built once.
_ITEM_ROW = (
    select(
        *(c for c in InformationItem.__table__.columns if c.key != "search_text"),
        Unit.__table__.c.name.label("unit_name"),
        func.coalesce(CatalogueColumn.__table__.c.name, "").label("column_name"),
    )
    .join(Unit.__table__, Unit.__table__.c.id == InformationItem.__table__.c.unit_id)
    .outerjoin(
        CatalogueColumn.__table__,
        CatalogueColumn.__table__.c.id == InformationItem.__table__.c.column_id,
    )
    .where(InformationItem.__table__.c.id == bindparam("item_id"))
)
_ITEM_RELATED = (
    select(ItemColumn.__table__.c.column_id.label("id"), literal(True).label("is_column"))
    .where(ItemColumn.__table__.c.item_id == bindparam("item_id"))
    .union_all(
        select(InformationItem.__table__.c.id, literal(False)).where(
            InformationItem.__table__.c.interprets_id == bindparam("item_id"),
            InformationItem.__table__.c.status == ItemStatus.PUBLISHED.value,
        )
    )
)


async def _item_row(session: AsyncSession, item_id: int) -> dict[str, Any]:
    row = (await session.execute(_ITEM_ROW, {"item_id": item_id})).one_or_none()
    if row is None:
        raise NotFound("信息不存在", code="item_not_found")
    return dict(row._mapping)


async def _with_related(session: AsyncSession, view: dict[str, Any]) -> dict[str, Any]:
    """The view with the columns the item is listed in and its published interpretations."""
    related = (await session.execute(_ITEM_RELATED, {"item_id": view["id"]})).all()
    view["column_ids"] = sorted(i for i, is_column in related if is_column)
    view["interpretation_ids"] = sorted(i for i, is_column in related if not is_column)
    return view


async def staff_view(session: AsyncSession, item: InformationItem) -> StaffItem:
    # The view is read with plain table statements, which do not flush the session by themselves.
    await session.flush()
    return StaffItem.model_validate(await _with_related(session, await _item_row(session, item.id)))


async def reader_view(
    session: AsyncSession, principal: Principal | None, item_id: int
) -> PublicItem | StaffItem:
    """The item as this reader may see it: with workflow and deadline for the unit's staff,
    the public view of a published item for anyone else, and nothing else at all."""
    view = await _item_row(session, item_id)
    if principal is not None and await can_act_on(session, principal, view["unit_id"]):
        return StaffItem.model_validate(await _with_related(session, view))
    if view["status"] == ItemStatus.PUBLISHED:
        return PublicItem.model_validate(await _with_related(session, view))
    raise NotFound("信息不存在", code="item_not_found")


def _fields(item: InformationItem) -> dict[str, Any]:
    return {c.key: getattr(item, c.key) for c in InformationItem.__table__.columns}


def snapshot(item: InformationItem) -> dict[str, Any]:
    """The item as the feed and the audit log record it (JSON-ready, without search words)."""
    out: dict[str, Any] = {}
    for key, value in _fields(item).items():
        if key == "search_text":
            continue
        out[key] = value.isoformat() if isinstance(value, date | datetime) else value
    return out


# --- writing ---------------------------------------------------------------------------------


async def _ensure_writer(session: AsyncSession, actor: Principal, unit_id: int) -> Unit:
    if not actor.is_service and not actor.has_any(*WRITERS):
        raise Forbidden("只有信息发布员或政务公开办可以编辑信息", code="role_forbidden")
    await ensure_can_act_on(session, actor, unit_id)
    return await get_unit(session, unit_id)


async def _usable_column(
    session: AsyncSession, unit: Unit, column_id: int, field: str
) -> CatalogueColumn:
    try:
        column = await get_column(session, column_id)
    except NotFound:
        raise InvalidInput(field, "栏目不存在或已停用", code="column_not_found") from None
    if unit.type in column.hidden_for_unit_types:
        raise InvalidInput(field, f"“{column.name}”栏目不适用于本单位", code="column_hidden")
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


def deadline(calendar: WorkingDayCalendar, formed_on: date) -> tuple[date, bool]:
    due = calendar.add_working_days(formed_on, PUBLICATION_WORKING_DAYS)
    return due.date, due.provisional


def archive_date(column: CatalogueColumn, formed_on: date) -> date | None:
    if column.retention_years is None:
        return None
    try:
        return formed_on.replace(year=formed_on.year + column.retention_years)
    except ValueError:  # 29 February
        return formed_on.replace(year=formed_on.year + column.retention_years, day=28)


async def _check_interprets(
    session: AsyncSession, unit_id: int, interprets_id: int | None, self_id: int | None = None
) -> None:
    if interprets_id is None:
        return
    target = await session.get(InformationItem, interprets_id)
    if target is None or target.id == self_id:
        raise InvalidInput("interprets_id", "所解读的政策文件不存在", code="policy_not_found")
    if target.unit_id != unit_id and target.status != ItemStatus.PUBLISHED:
        raise InvalidInput(
            "interprets_id", "只能解读已发布或本单位的政策文件", code="policy_not_found"
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
) -> InformationItem:
    unit = await _ensure_writer(session, actor, body.unit_id)
    column = await _usable_column(session, unit, body.column_id, "column_id")
    await _check_interprets(session, unit.id, body.interprets_id)
    seq, number = await next_index_number(session, unit, body.formed_on.year)
    due_on, provisional = deadline(calendar, body.formed_on)
    item = InformationItem(
        unit_id=unit.id,
        column_id=column.id,
        index_number=number,
        index_year=body.formed_on.year,
        index_seq=seq,
        due_on=due_on,
        due_provisional=provisional,
        archive_on=archive_date(column, body.formed_on),
        author=actor.username,
        status=ItemStatus.DRAFT,
        **_writable(body),
    )
    item.issuing_unit = body.issuing_unit or unit.name
    _refresh_search_text(item)
    session.add(item)
    await session.flush()
    await _set_columns(session, unit, item, body.also_in_columns)
    await audit.record(
        session,
        actor=actor,
        action="item.created",
        entity_type="item",
        entity_id=item.id,
        after=snapshot(item),
    )
    return item


def _writable(body: ItemFields | ItemUpdate) -> dict[str, Any]:
    values = body.model_dump(exclude_unset=isinstance(body, ItemUpdate))
    for key in ("also_in_columns", "unit_id", "column_id"):
        values.pop(key, None)
    if "body_html" in values and values["body_html"] is not None:
        values["body_html"] = sanitise(values["body_html"])
    if "channels" in values and values["channels"] is not None:
        values["channels"] = [str(c) for c in values["channels"]]
    return {k: v for k, v in values.items() if v is not None or k == "interprets_id"}


async def update_item(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    actor: Principal,
    item: InformationItem,
    body: ItemUpdate,
) -> InformationItem:
    unit = await _ensure_writer(session, actor, item.unit_id)
    if item.status not in EDITABLE:
        raise Conflict(
            "已提交或已发布的信息不能直接修改：请先撤回或等待审查结果", code="item_not_editable"
        )
    before = snapshot(item)
    values = _writable(body)
    if "interprets_id" in body.model_fields_set:
        await _check_interprets(session, unit.id, body.interprets_id, item.id)
    else:
        values.pop("interprets_id", None)
    for key, value in values.items():
        setattr(item, key, value)
    if body.column_id is not None and body.column_id != item.column_id:
        column = await _usable_column(session, unit, body.column_id, "column_id")
        item.column_id = column.id
        item.archive_on = archive_date(column, item.formed_on)
    if body.formed_on is not None:
        # Article 26 counts from the date the information was formed or changed.
        item.due_on, item.due_provisional = deadline(calendar, body.formed_on)
    if item.disclosure_attribute != "proactive" and not item.non_disclosure_reason.strip():
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
        action="item.updated",
        entity_type="item",
        entity_id=item.id,
        before=before,
        after=snapshot(item),
    )
    return item


async def ensure_deletable(session: AsyncSession, actor: Principal, item: InformationItem) -> None:
    """Only a draft that was never published may be deleted; its index number stays used."""
    await _ensure_writer(session, actor, item.unit_id)
    if item.status not in (ItemStatus.DRAFT, ItemStatus.REJECTED):
        raise Conflict("只能删除未发布的草稿；已发布的信息请撤回", code="item_not_deletable")
    if await session.scalar(select(ChangeEntry.seq).where(ChangeEntry.item_id == item.id)):
        raise Conflict("该信息曾经发布，只能撤回不能删除", code="item_not_deletable")


async def delete_draft(session: AsyncSession, actor: Principal, item: InformationItem) -> None:
    await ensure_deletable(session, actor, item)
    await audit.record(
        session,
        actor=actor,
        action="item.deleted",
        entity_type="item",
        entity_id=item.id,
        before=snapshot(item),
    )
    await session.execute(delete(ItemColumn).where(ItemColumn.item_id == item.id))
    await session.delete(item)


# --- the review workflow ---------------------------------------------------------------------


async def submit(session: AsyncSession, actor: Principal, item: InformationItem) -> InformationItem:
    await _ensure_writer(session, actor, item.unit_id)
    if item.status not in EDITABLE:
        raise Conflict("只有草稿或被退回的信息可以提交审查", code="item_not_submittable")
    return await _transition(session, actor, item, ItemStatus.SUBMITTED, "item.submitted")


async def review(
    session: AsyncSession,
    actor: Principal,
    item: InformationItem,
    body: ReviewIn,
    *,
    province_url: str = "",
) -> InformationItem:
    """谁公开谁负责: a reviewer of the unit (not the author) checks and publishes or rejects."""
    if not actor.has_any(*REVIEWERS):
        raise Forbidden("只有保密审查员或政务公开办可以审查信息", code="role_forbidden")
    await ensure_can_act_on(session, actor, item.unit_id)
    if item.status != ItemStatus.SUBMITTED:
        raise Conflict("该信息不在待审查状态", code="item_not_submitted")
    if actor.username == item.author:
        raise Forbidden("审查人不能是信息的编写人", code="reviewer_is_author")
    item.reviewer = actor.username
    item.review_note = body.reason.strip()
    if body.decision == "reject":
        return await _transition(
            session, actor, item, ItemStatus.REJECTED, "item.rejected", reason=body.reason
        )
    item.published_at = now()
    await _transition(
        session, actor, item, ItemStatus.PUBLISHED, "item.published", reason=body.reason
    )
    await record_change(session, item, ChangeKind.PUBLISHED, province_url=province_url)
    return item


async def withdraw(
    session: AsyncSession,
    actor: Principal,
    item: InformationItem,
    reason: str,
    *,
    province_url: str = "",
) -> InformationItem:
    """撤回: the item leaves the public catalogue; its record, number and history stay."""
    if not actor.has_any(*WRITERS, *REVIEWERS):
        raise Forbidden("无权撤回信息", code="role_forbidden")
    await ensure_can_act_on(session, actor, item.unit_id)
    if item.status != ItemStatus.PUBLISHED:
        raise Conflict("只有已发布的信息可以撤回", code="item_not_published")
    await _transition(session, actor, item, ItemStatus.WITHDRAWN, "item.withdrawn", reason=reason)
    await record_change(session, item, ChangeKind.WITHDRAWN, province_url=province_url)
    return item


async def change_validity(
    session: AsyncSession,
    actor: Principal,
    item: InformationItem,
    body: ValidityIn,
    *,
    province_url: str = "",
) -> InformationItem:
    """失效/废止 (or valid again), with the date and the item that replaces it."""
    if not actor.has_any(*WRITERS, *REVIEWERS):
        raise Forbidden("无权变更信息的效力", code="role_forbidden")
    await ensure_can_act_on(session, actor, item.unit_id)
    if item.status != ItemStatus.PUBLISHED:
        raise Conflict("只有已发布的信息可以变更效力", code="item_not_published")
    if body.replaced_by_id is not None:
        replacement = await session.get(InformationItem, body.replaced_by_id)
        if replacement is None or replacement.id == item.id:
            raise InvalidInput("replaced_by_id", "替代的信息不存在", code="item_not_found")
        if replacement.status != ItemStatus.PUBLISHED:
            raise InvalidInput("replaced_by_id", "替代的信息尚未发布", code="item_not_published")
    if body.validity == Validity.VALID and body.replaced_by_id is not None:
        raise InvalidInput("replaced_by_id", "有效的信息不能有替代信息")
    before = snapshot(item)
    item.validity = body.validity
    item.validity_changed_on = body.changed_on
    item.replaced_by_id = body.replaced_by_id
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action="item.validity_changed",
        entity_type="item",
        entity_id=item.id,
        before=before,
        after=snapshot(item),
    )
    await record_change(session, item, ChangeKind.VALIDITY_CHANGED, province_url=province_url)
    return item


async def _transition(
    session: AsyncSession,
    actor: Principal,
    item: InformationItem,
    status: ItemStatus,
    action: str,
    reason: str = "",
) -> InformationItem:
    before = item.status
    item.status = status
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=action,
        entity_type="item",
        entity_id=item.id,
        before={"status": before},
        after={"status": status.value, **({"reason": reason} if reason else {})},
    )
    return item


# --- column migration ------------------------------------------------------------------------


async def move_items(
    session: AsyncSession, actor: Principal, body: MoveIn, *, province_url: str = ""
) -> int:
    """Migrate items between columns in bulk (栏目调整); their ids and numbers do not change,
    so links to them keep working, and each move is in the audit log and the change feed."""
    if not actor.has_any(Role.OFFICE):
        raise Forbidden("只有政务公开办可以迁移栏目中的信息", code="role_forbidden")
    if body.from_column_id == body.to_column_id:
        raise InvalidInput("to_column_id", "目标栏目与原栏目相同")
    await get_column(session, body.from_column_id)
    try:
        target = await get_column(session, body.to_column_id)
    except NotFound:
        raise InvalidInput("to_column_id", "目标栏目不存在或已停用") from None
    query = select(InformationItem).where(
        InformationItem.column_id == body.from_column_id,
        InformationItem.unit_id.in_(await units_in_reach(session, actor, body.unit_id)),
    )
    if body.item_ids:
        query = query.where(InformationItem.id.in_(body.item_ids))
    items = (await session.scalars(query)).all()
    for item in items:
        unit = await get_unit(session, item.unit_id)
        if unit.type in target.hidden_for_unit_types:
            raise InvalidInput(
                "to_column_id", f"“{target.name}”栏目不适用于{unit.name}", code="column_hidden"
            )
        item.column_id = target.id
        item.archive_on = archive_date(target, item.formed_on)
        await session.execute(
            delete(ItemColumn).where(
                ItemColumn.item_id == item.id,
                ItemColumn.column_id.in_([body.from_column_id, target.id]),
            )
        )
        session.add(ItemColumn(item_id=item.id, column_id=target.id))
        await audit.record(
            session,
            actor=actor,
            action="item.moved",
            entity_type="item",
            entity_id=item.id,
            before={"column_id": body.from_column_id},
            after={"column_id": target.id},
        )
        if item.status == ItemStatus.PUBLISHED:
            await record_change(session, item, ChangeKind.MOVED, province_url=province_url)
    await session.flush()
    return len(items)


# --- the change feed -------------------------------------------------------------------------


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


# --- lists -----------------------------------------------------------------------------------


async def item_id_by_index_number(session: AsyncSession, index_number: str) -> int:
    item_id = await session.scalar(
        select(InformationItem.id).where(InformationItem.index_number == index_number)
    )
    if item_id is None:
        raise NotFound("没有这个索引号的信息", code="item_not_found")
    return item_id


async def _page(
    session: AsyncSession, query: ItemQuery, page: PageParams
) -> tuple[Sequence[InformationItem], int]:
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = await session.scalars(query.offset(page.offset).limit(page.size))
    return rows.all(), total


ItemQuery = Select[InformationItem]


def _in_column(query: ItemQuery, column_id: int | None) -> ItemQuery:
    if column_id is None:
        return query
    return query.where(
        InformationItem.id.in_(select(ItemColumn.item_id).where(ItemColumn.column_id == column_id))
    )


async def published_page(
    session: AsyncSession, unit_id: int, column_id: int | None, page: PageParams
) -> tuple[Sequence[InformationItem], int]:
    query = select(InformationItem).where(
        InformationItem.unit_id == unit_id, InformationItem.status == ItemStatus.PUBLISHED
    )
    query = _in_column(query, column_id).order_by(
        InformationItem.published_at.desc(), InformationItem.id.desc()
    )
    return await _page(session, query, page)


async def staff_page(
    session: AsyncSession,
    unit_ids: set[int],
    status: ItemStatus | None,
    column_id: int | None,
    page: PageParams,
) -> tuple[Sequence[InformationItem], int]:
    query = select(InformationItem).where(InformationItem.unit_id.in_(unit_ids))
    if status is not None:
        query = query.where(InformationItem.status == status)
    query = _in_column(query, column_id).order_by(
        InformationItem.updated_at.desc(), InformationItem.id.desc()
    )
    return await _page(session, query, page)


async def deadline_rows(
    session: AsyncSession, calendar: WorkingDayCalendar, unit_ids: set[int], state: str, today: date
) -> list[DeadlineRow]:
    """at_risk: unpublished, due within 5 working days; late: unpublished past due, or
    published after the due date (this year's, for supervision and the monthly bulletin)."""
    query = select(InformationItem).where(InformationItem.unit_id.in_(unit_ids))
    if state == "at_risk":
        query = query.where(
            InformationItem.status.in_([*EDITABLE, ItemStatus.SUBMITTED]),
            InformationItem.status != ItemStatus.WITHDRAWN,
            InformationItem.due_on >= today,
        )
    else:
        query = query.where(
            (
                InformationItem.status.in_(
                    [ItemStatus.DRAFT, ItemStatus.REJECTED, ItemStatus.SUBMITTED]
                )
                & (InformationItem.due_on < today)
            )
            | (
                (InformationItem.status == ItemStatus.PUBLISHED)
                & (func.date(InformationItem.published_at) > InformationItem.due_on)
                & (InformationItem.index_year >= today.year - 1)
            )
        )
    rows = []
    for item in (await session.scalars(query.order_by(InformationItem.due_on).limit(500))).all():
        left = calendar.working_days_between(today, item.due_on)
        if state == "at_risk" and left.days > AT_RISK_WORKING_DAYS:
            continue
        rows.append(
            DeadlineRow(
                id=item.id,
                index_number=item.index_number,
                title=item.title,
                status=ItemStatus(item.status),
                formed_on=item.formed_on,
                due_on=item.due_on,
                due_provisional=item.due_provisional or left.provisional,
                working_days_left=left.days,
                published_at=item.published_at,
            )
        )
    return rows


async def missing_interpretations(
    session: AsyncSession, calendar: WorkingDayCalendar, unit_ids: set[int], today: date
) -> list[MissingInterpretation]:
    """Published policy documents with no published interpretation 3 working days on."""
    interpreted = select(InformationItem.interprets_id).where(
        InformationItem.interprets_id.is_not(None),
        InformationItem.status == ItemStatus.PUBLISHED,
    )
    policies = await session.scalars(
        select(InformationItem)
        .where(
            InformationItem.unit_id.in_(unit_ids),
            InformationItem.status == ItemStatus.PUBLISHED,
            InformationItem.document_type.in_([t.value for t in POLICY_TYPES]),
            InformationItem.validity == Validity.VALID,
            InformationItem.id.not_in(interpreted),
        )
        .order_by(InformationItem.published_at)
        .limit(500)
    )
    out = []
    for item in policies.all():
        assert item.published_at is not None
        due = calendar.add_working_days(item.published_at.date(), INTERPRETATION_WORKING_DAYS)
        if today > due.date:
            out.append(
                MissingInterpretation(
                    id=item.id,
                    index_number=item.index_number,
                    title=item.title,
                    published_at=item.published_at,
                    interpretation_due_on=due.date,
                    working_days_overdue=calendar.working_days_between(due.date, today).days,
                )
            )
    return out
