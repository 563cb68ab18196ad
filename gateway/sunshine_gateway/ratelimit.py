"""Rate limits on login and on anonymous writes, answered with 429 and Retry-After."""

from __future__ import annotations

import math
import time

from limits import RateLimitItem, parse
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from sunshine_kit.errors import TooManyRequests


class RateLimits:
    def __init__(self, storage_uri: str) -> None:
        uri = storage_uri if storage_uri.startswith("async+") else f"async+{storage_uri}"
        self._limiter = MovingWindowRateLimiter(storage_from_string(uri))

    async def check(self, limit: str, *identifiers: str) -> None:
        """Count one hit; raise 429 with the seconds to wait when the limit is spent."""
        item: RateLimitItem = parse(limit)
        if await self._limiter.hit(item, *identifiers):
            return
        stats = await self._limiter.get_window_stats(item, *identifiers)
        wait = max(1, math.ceil(stats.reset_time - time.time()))
        raise TooManyRequests(
            f"操作过于频繁，请 {wait} 秒后再试", headers={"Retry-After": str(wait)}
        )
