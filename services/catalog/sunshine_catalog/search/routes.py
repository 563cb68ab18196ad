from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from sunshine_catalog.deps import SearchCacheDep, SearchIndexDep
from sunshine_catalog.fields import FIRST_YEAR, LAST_YEAR
from sunshine_catalog.items.models import DocumentType, Validity
from sunshine_catalog.search import service
from sunshine_catalog.search.cache import SearchCache
from sunshine_catalog.search.index import catalogue_version
from sunshine_catalog.search.schemas import SearchOrder, SearchPage
from sunshine_kit.db import ReaderDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.ids import OptionalIdFilter

router = APIRouter(tags=["search"], responses=ERROR_RESPONSES)


@router.get("/search", response_model=SearchPage)
async def search(
    request: Request,
    connection: ReaderDep,
    cache: SearchCacheDep,
    index: SearchIndexDep,
    q: Annotated[str, Query(min_length=1, max_length=100, description="检索词")],
    unit_id: Annotated[OptionalIdFilter, Query(description="发布单位")] = None,
    column_id: Annotated[OptionalIdFilter, Query(description="栏目")] = None,
    year: Annotated[
        int | None, Query(ge=FIRST_YEAR, le=LAST_YEAR, description="生成日期所在年份")
    ] = None,
    document_type: Annotated[DocumentType | None, Query(description="文件类型")] = None,
    validity: Annotated[Validity | None, Query(description="效力")] = None,
    order: Annotated[SearchOrder, Query(description="排序：相关度或发布日期")] = (
        SearchOrder.RELEVANCE
    ),
    size: Annotated[int, Query(ge=1, le=50, description="每页条数")] = 10,
    cursor: Annotated[str | None, Query(max_length=500, description="上一页给出的游标")] = None,
) -> Response:
    """Full-text search of the published catalogue (public): every word of `q` must match."""
    filters = service.SearchFilters(
        unit_id=unit_id,
        column_id=column_id,
        year=year,
        document_type=document_type,
        validity=validity,
    )
    # Kept under the query string as sent, which is what CachedSearchPages looks up; the SPA
    # and other clients send the same search the same way.
    key = request.scope["query_string"]
    version = await catalogue_version(connection)

    async def compute() -> bytes:
        await index.bring_up_to(connection, version)
        page = await service.search(connection, index, q, filters, order, size, cursor)
        return page.model_dump_json().encode()

    # Sent as it was serialised once: FastAPI would otherwise validate the page a second time.
    return Response(await cache.page(key, version, compute), media_type="application/json")


class CachedSearchPages:
    """Middleware answering GET /search from the search cache before FastAPI takes the request.

    Most searches are the everyday ones, already kept; for them FastAPI's routing, parameter
    validation and dependencies cost more CPU than the answer (bench/README.md). A page is kept
    only under a query string the route accepted and answered, so serving it again needs no
    validation; it still needs the catalogue version, read here as the route reads it, and a
    page of an older version is left to the route to make again.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == "/search" and scope["method"] == "GET":
            state = scope["app"].state
            cache: SearchCache[bytes] = state.search_cache
            key = scope["query_string"]
            if cache.holds(key):
                async with state.db.reader() as connection:
                    version = await catalogue_version(connection)
                page = cache.kept(key, version)
                if page is not None:
                    await Response(page, media_type="application/json")(scope, receive, send)
                    return
        await self.app(scope, receive, send)
