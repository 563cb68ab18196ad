"""What readers see of items: an item as its unit's staff or the public may see it, the lists,
and the supervision lists (deadlines at risk or missed, policies without interpretation)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Date, Select, bindparam, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from sunshine_catalog.columns.models import CatalogueColumn
from sunshine_catalog.errors import ITEM_NOT_FOUND
from sunshine_catalog.items.deadlines import AT_RISK_WORKING_DAYS, interpretation_overdue
from sunshine_catalog.items.models import (
    POLICY_TYPES,
    DisclosureAttribute,
    DocumentType,
    InformationItem,
    ItemColumn,
    ItemStatus,
    Validity,
)
from sunshine_catalog.items.rules import ItemState, next_steps
from sunshine_catalog.items.schemas import (
    DeadlineRow,
    MissingInterpretation,
    PublicItem,
    StaffItem,
)
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import BEIJING, WorkingDayCalendar
from sunshine_kit.errors import NotFound
from sunshine_kit.pagination import PageParams
from sunshine_kit.roles import Can
from sunshine_kit.units.models import Unit
from sunshine_kit.units.service import can_act_on

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
        raise NotFound("信息不存在", code=ITEM_NOT_FOUND)
    return dict(row._mapping)


async def _with_related(session: AsyncSession, view: dict[str, Any]) -> dict[str, Any]:
    """The view with the columns the item is listed in and its published interpretations."""
    related = (await session.execute(_ITEM_RELATED, {"item_id": view["id"]})).all()
    view["column_ids"] = sorted(i for i, is_column in related if is_column)
    view["interpretation_ids"] = sorted(i for i, is_column in related if not is_column)
    return view


def _staff_item(principal: Principal, view: dict[str, Any]) -> StaffItem:
    return StaffItem.model_validate(
        {**view, "next_steps": next_steps(principal, ItemState.of_row(view))}
    )


async def staff_view(
    session: AsyncSession,
    principal: Principal,
    item: InformationItem,
    *,
    sanitiser_notes: list[str] | None = None,
) -> StaffItem:
    """The item as its unit's staff see it after `principal` changed it, with what saving its
    body removed."""
    # The view is read with plain table statements, which do not flush the session by themselves.
    await session.flush()
    view = await _item_row(session, item.id)
    staff = _staff_item(principal, await _with_related(session, view))
    staff.sanitiser_notes = sanitiser_notes or []
    return staff


async def reader_view(
    session: AsyncSession, principal: Principal | None, item_id: int
) -> PublicItem | StaffItem:
    """The item as this reader may see it: with workflow and deadline for the unit's catalogue
    staff, the public view of a published item for anyone else, and nothing else at all."""
    view = await _item_row(session, item_id)
    if (
        principal is not None
        and principal.can(Can.READ_ITEMS)
        and await can_act_on(session, principal, view["unit_id"])
    ):
        return _staff_item(principal, await _with_related(session, view))
    if view["status"] == ItemStatus.PUBLISHED:
        return PublicItem.model_validate(await _with_related(session, view))
    raise NotFound("信息不存在", code=ITEM_NOT_FOUND)


async def item_id_by_index_number(session: AsyncSession, index_number: str) -> int:
    """The id of the item with this 索引号 (links printed on documents carry the number)."""
    item_id = await session.scalar(
        select(InformationItem.id).where(InformationItem.index_number == index_number)
    )
    if item_id is None:
        raise NotFound("没有这个索引号的信息", code=ITEM_NOT_FOUND)
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
    """A page of a unit's published items, newest first, and how many there are."""
    query = select(InformationItem).where(
        InformationItem.unit_id == unit_id, InformationItem.status == ItemStatus.PUBLISHED
    )
    query = _in_column(query, column_id).order_by(
        InformationItem.published_at.desc(), InformationItem.id.desc()
    )
    return await _page(session, query, page)


@dataclass(frozen=True)
class StaffFilters:
    """What the console's item list (信息发布) narrows by; None: not narrowed."""

    status: ItemStatus | None = None
    column_id: int | None = None
    document_type: DocumentType | None = None
    # Words in the title, the 索引号 or the 发文字号, as typed (no wildcards).
    text: str | None = None
    formed_from: date | None = None
    formed_to: date | None = None


async def staff_page(
    session: AsyncSession, unit_ids: set[int], filters: StaffFilters, page: PageParams
) -> tuple[Sequence[InformationItem], int]:
    """A page of the units' items in any state, last changed first, and how many there are."""
    query = select(InformationItem).where(InformationItem.unit_id.in_(unit_ids))
    if filters.status is not None:
        query = query.where(InformationItem.status == filters.status)
    if filters.document_type is not None:
        query = query.where(InformationItem.document_type == filters.document_type)
    if filters.formed_from is not None:
        query = query.where(InformationItem.formed_on >= filters.formed_from)
    if filters.formed_to is not None:
        query = query.where(InformationItem.formed_on <= filters.formed_to)
    if filters.text:
        # A substring, not the search index's words: staff look for a draft by a few characters
        # of its title or its number, and drafts are not in the index. The list is one unit's
        # (or one office's reach), small enough to scan.
        query = query.where(
            InformationItem.title.icontains(filters.text, autoescape=True)
            | InformationItem.index_number.icontains(filters.text, autoescape=True)
            | InformationItem.document_number.icontains(filters.text, autoescape=True)
        )
    if filters.column_id is not None:
        # A parent column (Article 20's item 11) holds little itself: its sub-columns' items are
        # what the author looks for under it.
        below = await _column_and_below(session, filters.column_id)
        query = query.where(
            InformationItem.id.in_(
                select(ItemColumn.item_id).where(ItemColumn.column_id.in_(below))
            )
        )
    query = query.order_by(InformationItem.updated_at.desc(), InformationItem.id.desc())
    return await _page(session, query, page)


async def _column_and_below(session: AsyncSession, column_id: int) -> set[int]:
    """The column and the template's columns below it (a hundred or so rows in all)."""
    rows = (await session.execute(select(CatalogueColumn.id, CatalogueColumn.parent_id))).all()
    children: dict[int, list[int]] = {}
    for child, parent in rows:
        if parent is not None:
            children.setdefault(parent, []).append(child)
    found, todo = {column_id}, [column_id]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


class beijing_date(FunctionElement[date]):  # noqa: N801 (an SQL function, named like one)
    """The date in Beijing of a stored (UTC) time: legal dates are the offices' dates, and an
    item published at 01:00 in Beijing was published that day, not the day before."""

    type = Date()
    inherit_cache = True


@compiles(beijing_date, "postgresql")
def _beijing_date_postgresql(element: beijing_date, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(timezone('{BEIJING.key}', {compiler.process(element.clauses, **kw)}) AS DATE)"


@compiles(beijing_date)
def _beijing_date_sqlite(element: beijing_date, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite keeps the UTC time as text; China has kept UTC+8 all year since 1991.
    return f"date({compiler.process(element.clauses, **kw)}, '+8 hours')"


# Not yet published, and never was: a withdrawn item went out, and is not late.
_ON_THE_WAY = [ItemStatus.DRAFT, ItemStatus.REJECTED, ItemStatus.SUBMITTED]


async def deadline_rows(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    unit_ids: set[int],
    state: str,
    today: date,
    page: PageParams,
) -> tuple[list[DeadlineRow], int]:
    """at_risk: unpublished, due within 5 working days; late: unpublished past due, or
    published after the due date (this year's, for supervision and the monthly bulletin).
    A page of them, soonest (or longest) due first, and how many there are: never cut off."""
    # 依申请公开 and 不予公开 items are catalogued, never published, and so never late.
    query = select(InformationItem).where(
        InformationItem.unit_id.in_(unit_ids),
        InformationItem.disclosure_attribute == DisclosureAttribute.PROACTIVE,
    )
    if state == "at_risk":
        # Due within 5 working days: before the 6th working day after today.
        beyond = calendar.add_working_days(today, AT_RISK_WORKING_DAYS + 1).date
        query = query.where(
            InformationItem.status.in_(_ON_THE_WAY),
            InformationItem.due_on >= today,
            InformationItem.due_on < beyond,
        )
    else:
        query = query.where(
            (InformationItem.status.in_(_ON_THE_WAY) & (InformationItem.due_on < today))
            | (
                (InformationItem.status == ItemStatus.PUBLISHED)
                & (beijing_date(InformationItem.published_at) > InformationItem.due_on)
                & (InformationItem.index_year >= today.year - 1)
            )
        )
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    ordered = query.order_by(InformationItem.due_on, InformationItem.id)
    rows = []
    for item in (await session.scalars(ordered.offset(page.offset).limit(page.size))).all():
        left = calendar.working_days_between(today, item.due_on)
        rows.append(
            DeadlineRow(
                id=item.id,
                index_number=item.index_number,
                title=item.title,
                status=ItemStatus(item.status),
                formed_on=item.formed_on,
                changed_on=item.changed_on,
                due_on=item.due_on,
                due_provisional=item.due_provisional or left.provisional,
                working_days_left=left.days,
                published_at=item.published_at,
            )
        )
    return rows, total


async def missing_interpretations(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    unit_ids: set[int],
    today: date,
    page: PageParams,
) -> tuple[list[MissingInterpretation], int]:
    """Published policy documents still without a published interpretation 3 working days on,
    and those whose (first) interpretation went out later than that — with how many working
    days late, by Beijing dates: a page of them, newest first, and how many there are."""
    first = (
        select(
            InformationItem.interprets_id.label("policy_id"),
            func.min(InformationItem.published_at).label("at"),
        )
        .where(
            InformationItem.interprets_id.is_not(None),
            InformationItem.status == ItemStatus.PUBLISHED,
        )
        .group_by(InformationItem.interprets_id)
        .subquery()
    )
    candidates = await session.execute(
        select(InformationItem.id, InformationItem.published_at, first.c.at)
        .outerjoin(first, first.c.policy_id == InformationItem.id)
        .where(
            InformationItem.unit_id.in_(unit_ids),
            InformationItem.status == ItemStatus.PUBLISHED,
            InformationItem.document_type.in_([t.value for t in POLICY_TYPES]),
            InformationItem.validity == Validity.VALID,
        )
        .order_by(InformationItem.published_at.desc(), InformationItem.id.desc())
    )
    flagged: list[tuple[int, date, int, bool]] = []  # id, due, working days late, still missing
    for policy_id, published_at, interpreted_at in candidates.all():
        published_on = published_at.astimezone(BEIJING).date()
        interpreted_on = (
            interpreted_at.astimezone(BEIJING).date() if interpreted_at is not None else None
        )
        if interpreted_on is None or interpreted_on > today:
            overdue = interpretation_overdue(calendar, published_on, today)
            if overdue is not None:
                flagged.append((policy_id, overdue[0], overdue[1], True))
            continue
        late = interpretation_overdue(calendar, published_on, interpreted_on)
        if late is not None:
            flagged.append((policy_id, late[0], late[1], False))
    chosen = flagged[page.offset : page.offset + page.size]
    ids = [policy_id for policy_id, *_ in chosen]
    policies = {
        item.id: item
        for item in (
            await session.scalars(select(InformationItem).where(InformationItem.id.in_(ids)))
        ).all()
    }
    interpretations: dict[int, InformationItem] = {}
    for interpretation in (
        await session.scalars(
            select(InformationItem)
            .where(
                InformationItem.interprets_id.in_(ids),
                InformationItem.status == ItemStatus.PUBLISHED,
            )
            .order_by(InformationItem.published_at.desc(), InformationItem.id.desc())
        )
    ).all():
        assert interpretation.interprets_id is not None
        interpretations[interpretation.interprets_id] = interpretation  # the first one stays
    out = []
    for policy_id, due_on, working_days, missing in chosen:
        item = policies[policy_id]
        assert item.published_at is not None
        first_one = None if missing else interpretations.get(policy_id)
        out.append(
            MissingInterpretation(
                id=item.id,
                index_number=item.index_number,
                title=item.title,
                published_at=item.published_at,
                interpretation_due_on=due_on,
                working_days_overdue=working_days,
                interpretation_id=first_one.id if first_one else None,
                interpretation_published_at=first_one.published_at if first_one else None,
            )
        )
    return out, len(flagged)
