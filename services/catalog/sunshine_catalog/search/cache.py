"""Recent search pages, kept until the published catalogue changes.

What people search for repeats (低保, 招生, 预算 on every portal every day) while a catalogue
changes a few hundred times a day, and a search of common words among a million items costs far
more than the lookup that tells whether anything changed since. Every change of a published
item moves the change feed's counter (feed.service.record_change), so a page is served again
only while that counter stands where it stood when the page was made — a withdrawn item leaves
the results at once — and for at most about ten minutes, which bounds how long a renamed unit or
column (they do not move the counter) shows its old name in the hits. Each catalog process keeps
its own pages; all of them check the same counter, so none serves a page older than the
catalogue. While one request computes a page, others asking for the same one wait for it rather
than computing it again, so a popular search that has just expired costs one search, not one
per caller.

Most searches are made once, and kept they would push the everyday ones out (measured: after a
run of one-off searches the everyday ones missed the cache and the service fell behind). So a
page is kept only when the same search was asked before: the last SEEN_KEYS searches are
remembered, without their pages.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

Page = TypeVar("Page")  # what is kept of a page: the routes keep its JSON, ready to send

MAX_PAGES = 2_000
SEEN_KEYS = 20_000
MAX_AGE_SECONDS = 600.0  # each page gets up to a tenth more, so pages made together expire apart


class SearchCache(Generic[Page]):
    def __init__(self, max_pages: int = MAX_PAGES, max_age: float = MAX_AGE_SECONDS) -> None:
        self._pages: OrderedDict[Hashable, tuple[int, float, Page]] = OrderedDict()
        self._seen: OrderedDict[Hashable, None] = OrderedDict()
        self._pending: dict[tuple[Hashable, int], asyncio.Future[Page]] = {}
        self._max_pages = max_pages
        self._max_age = max_age

    async def page(
        self, key: Hashable, version: int, compute: Callable[[], Awaitable[Page]]
    ) -> Page:
        """The page kept for `key` at this catalogue version, else computed once (and kept if
        the search was asked before)."""
        kept = self.kept(key, version)
        if kept is not None:
            return kept
        pending = self._pending.get((key, version))
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[Page] = asyncio.get_running_loop().create_future()
        self._pending[(key, version)] = future
        try:
            page = await compute()
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved here, so a failure nobody else awaited is not logged
            raise
        finally:
            del self._pending[(key, version)]
        future.set_result(page)
        if self._asked_before(key):
            self._put(key, version, page)
        return page

    def _asked_before(self, key: Hashable) -> bool:
        if key in self._seen:
            self._seen.move_to_end(key)
            return True
        self._seen[key] = None
        if len(self._seen) > SEEN_KEYS:
            self._seen.popitem(last=False)
        return False

    def holds(self, key: Hashable) -> bool:
        """Whether a page is kept for `key`, current or not (no database read needed to ask)."""
        return key in self._pages

    def kept(self, key: Hashable, version: int) -> Page | None:
        """The page kept for `key` if it was made at this catalogue version and is not too old."""
        found = self._pages.get(key)
        if found is None:
            return None
        made_at_version, expires, page = found
        if made_at_version != version or time.monotonic() > expires:
            del self._pages[key]
            return None
        self._pages.move_to_end(key)
        return page

    def _put(self, key: Hashable, version: int, page: Page) -> None:
        expires = time.monotonic() + self._max_age * random.uniform(1.0, 1.1)
        self._pages[key] = (version, expires, page)
        self._pages.move_to_end(key)
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
