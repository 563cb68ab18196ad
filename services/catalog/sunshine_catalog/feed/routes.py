from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.feed import latest as latest_items
from sunshine_catalog.feed import service
from sunshine_catalog.feed.schemas import FeedPage
from sunshine_catalog.items.models import FeedCounter
from sunshine_catalog.items.schemas import ItemPage, ItemSummary
from sunshine_catalog.search.cache import SearchCache
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.ids import OptionalIdFilter
from sunshine_kit.pagination import PageDep
from sunshine_kit.units.service import get_unit, subtree_ids

router = APIRouter(tags=["feed"], responses=ERROR_RESPONSES)

UnitQuery = Annotated[OptionalIdFilter, Query(description="只看这个单位的变更")]
BelowQuery = Annotated[bool, Query(description="包括下属单位")]
ATOM_TYPE = "application/atom+xml; charset=utf-8"
RSS_TYPE = "application/rss+xml; charset=utf-8"


async def _units(session: AsyncSession, unit_id: int | None, below: bool) -> set[int] | None:
    if unit_id is None:
        return None
    await get_unit(session, unit_id)
    return await subtree_ids(session, unit_id) if below else {unit_id}


async def _title(session: AsyncSession, unit_id: int | None) -> str:
    name = (await get_unit(session, unit_id)).name if unit_id is not None else "阳光政务"
    return f"{name} · 政府信息公开目录更新"


def _latest_cache(request: Request) -> SearchCache[bytes]:
    cache: SearchCache[bytes] = request.app.state.latest_cache
    return cache


@router.get("/feed/latest", response_model=ItemPage)
async def latest(
    request: Request,
    session: SessionDep,
    page: PageDep,
    cache: Annotated[SearchCache[bytes], Depends(_latest_cache)],
    column: Annotated[
        str | None,
        Query(
            min_length=2,
            max_length=40,
            pattern=r"^[A-Z0-9-]+$",
            description="栏目编码：只看该栏目及其下级栏目的信息（如 X-POLICY-INTERP）",
        ),
    ] = None,
) -> Response:
    """最新信息: every unit's published items, newest first (public; the portal's home page)."""
    version = await session.scalar(select(FeedCounter.last).where(FeedCounter.id == 1)) or 0
    headers = {
        "ETag": f'W/"{version}"',
        "Cache-Control": f"public, max-age={latest_items.BROWSER_MAX_AGE}",
    }
    if request.headers.get("if-none-match") == headers["ETag"]:
        return Response(status_code=304, headers=headers)

    async def compute() -> bytes:
        items, total = await latest_items.latest_page(session, column, page)
        found = ItemPage(
            items=[ItemSummary.model_validate(i) for i in items],
            total=total,
            page=page.page,
            size=page.size,
        )
        return found.model_dump_json().encode()

    body = await cache.page(request.scope["query_string"], version, compute)
    return Response(body, media_type="application/json", headers=headers)


@router.get("/feed", response_model=FeedPage)
async def harvest(
    session: SessionDep,
    after: Annotated[
        str | None,
        Query(description="游标：上次返回的 next_cursor（最后读到的变更序号）；不填从头开始"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    unit_id: UnitQuery = None,
    below: BelowQuery = False,
) -> FeedPage:
    """Changes of the catalogue after a cursor, oldest first, for other platforms to harvest
    (public). Reading on from next_cursor returns every change once, in order."""
    cursor = service.parse_cursor(after)
    return await service.page_after(session, cursor, limit, await _units(session, unit_id, below))


@router.get(
    "/feed.atom",
    response_class=Response,
    responses={200: {"content": {"application/atom+xml": {}}, "description": "Atom 1.0"}},
)
async def atom(
    session: SessionDep, unit_id: UnitQuery = None, below: BelowQuery = False
) -> Response:
    """The latest 50 changes as an Atom feed, for feed readers (public)."""
    entries = await service.latest(session, await _units(session, unit_id, below))
    body = service.atom(
        entries,
        title=await _title(session, unit_id),
        feed_key=f"sunshine-catalog-feed:{unit_id or 'all'}:{below}",
    )
    return Response(body, media_type=ATOM_TYPE)


@router.get(
    "/feed.rss",
    response_class=Response,
    responses={200: {"content": {"application/rss+xml": {}}, "description": "RSS 2.0"}},
)
async def rss(
    session: SessionDep, unit_id: UnitQuery = None, below: BelowQuery = False
) -> Response:
    """The latest 50 changes as an RSS 2.0 feed, for feed readers (public)."""
    entries = await service.latest(session, await _units(session, unit_id, below))
    return Response(service.rss(entries, title=await _title(session, unit_id)), media_type=RSS_TYPE)
