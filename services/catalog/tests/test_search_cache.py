import asyncio
from collections.abc import Awaitable, Callable

import pytest

from sunshine_catalog.search.cache import SearchCache
from sunshine_catalog.search.schemas import SearchPage


async def test_a_page_is_computed_once_per_catalogue_version() -> None:
    cache = SearchCache()
    computed = 0

    async def compute() -> SearchPage:
        nonlocal computed
        computed += 1
        await asyncio.sleep(0.01)  # others ask while it is being computed
        return SearchPage(items=[], total=computed, next_cursor=None)

    first = await asyncio.gather(*(cache.page("低保", 7, compute) for _ in range(5)))
    assert [p.total for p in first] == [1] * 5 and computed == 1
    # Asked again later: a search people repeat, kept from now on.
    assert (await cache.page("低保", 7, compute)).total == 2
    assert (await cache.page("低保", 7, compute)).total == 2
    # The catalogue changed: the page is made again, once.
    again = await asyncio.gather(*(cache.page("低保", 8, compute) for _ in range(3)))
    assert [p.total for p in again] == [3] * 3 and computed == 3


async def test_searches_made_once_do_not_push_out_the_everyday_ones() -> None:
    cache = SearchCache(max_pages=3)
    computed: list[str] = []

    def compute(q: str) -> Callable[[], Awaitable[SearchPage]]:
        async def run() -> SearchPage:
            computed.append(q)
            return SearchPage(items=[], total=len(computed), next_cursor=None)

        return run

    for q in ("低保", "低保", "预算", "预算"):
        await cache.page(q, 1, compute(q))
    for n in range(10):
        await cache.page(f"第{n}次才有人问", 1, compute(f"第{n}次才有人问"))
    del computed[:]
    await cache.page("低保", 1, compute("低保"))
    await cache.page("预算", 1, compute("预算"))
    assert computed == []  # both still kept


async def test_a_failed_search_is_not_kept() -> None:
    cache = SearchCache()

    async def fail() -> SearchPage:
        raise RuntimeError("database went away")

    async def succeed() -> SearchPage:
        return SearchPage(items=[], total=3, next_cursor=None)

    with pytest.raises(RuntimeError):
        await cache.page("预算", 1, fail)
    assert (await cache.page("预算", 1, succeed)).total == 3
