from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from sunshine_catalog.items.models import DocumentType, Validity
from sunshine_catalog.search import service
from sunshine_catalog.search.cache import SearchCache
from sunshine_catalog.search.index import SearchIndex, catalogue_version
from sunshine_catalog.search.schemas import SearchOrder, SearchPage
from sunshine_kit.db import ReaderDep
from sunshine_kit.errors import ERROR_RESPONSES

router = APIRouter(tags=["search"], responses=ERROR_RESPONSES)


async def _cache(request: Request) -> SearchCache[bytes]:
    cache: SearchCache[bytes] = request.app.state.search_cache
    return cache


async def _index(request: Request) -> SearchIndex:
    index: SearchIndex = request.app.state.search_index
    return index


@router.get("/search", response_model=SearchPage)
async def search(
    connection: ReaderDep,
    cache: Annotated[SearchCache[bytes], Depends(_cache)],
    index: Annotated[SearchIndex, Depends(_index)],
    q: Annotated[str, Query(min_length=1, max_length=100, description="检索词")],
    unit_id: Annotated[int | None, Query(description="发布单位")] = None,
    column_id: Annotated[int | None, Query(description="栏目")] = None,
    year: Annotated[int | None, Query(ge=1949, le=9999, description="生成日期所在年份")] = None,
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
    key = (" ".join(q.split()), filters, order, size, cursor)
    version = await catalogue_version(connection)

    async def compute() -> bytes:
        await index.bring_up_to(connection, version)
        page = await service.search(connection, index, q, filters, order, size, cursor)
        return page.model_dump_json().encode()

    # Sent as it was serialised once: FastAPI would otherwise validate the page a second time.
    return Response(await cache.page(key, version, compute), media_type="application/json")
