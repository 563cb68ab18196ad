import asyncio

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
    assert (await cache.page("低保", 7, compute)).total == 1
    # The catalogue changed: the page is made again, once.
    again = await asyncio.gather(*(cache.page("低保", 8, compute) for _ in range(3)))
    assert [p.total for p in again] == [2] * 3 and computed == 2


async def test_a_failed_search_is_not_kept() -> None:
    cache = SearchCache()

    async def fail() -> SearchPage:
        raise RuntimeError("database went away")

    async def succeed() -> SearchPage:
        return SearchPage(items=[], total=3, next_cursor=None)

    with pytest.raises(RuntimeError):
        await cache.page("预算", 1, fail)
    assert (await cache.page("预算", 1, succeed)).total == 3
