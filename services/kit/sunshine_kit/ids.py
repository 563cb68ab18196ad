"""Record ids in paths and filters, bounded to what the databases hold.

Ids are PostgreSQL `integer`s: a 20-digit id in a URL is a caller's mistake, answered 422 by
validation, not an overflow inside the database driver.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

MAX_ID = 2**31 - 1

RecordId = Annotated[int, Path(ge=1, le=MAX_ID)]
OptionalIdFilter = Annotated[int | None, Query(ge=1, le=MAX_ID)]
