"""Bounds on what callers send in request bodies: record ids and legal dates.

Path ids and id filters use the kit's `RecordId` and `OptionalIdFilter`; the same bound holds
for ids inside bodies, so that a 20-digit id is the caller's mistake, answered 422 with the
field named, never an overflow inside the database driver. Dates are bounded to years the
working-day calendar and the archive dates can count with.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from sunshine_kit.ids import MAX_ID

FIRST_YEAR, LAST_YEAR = 1949, 2100

RecordRef = Annotated[int, Field(ge=1, le=MAX_ID)]
LegalDay = Annotated[date, Field(ge=date(FIRST_YEAR, 1, 1), le=date(LAST_YEAR, 12, 31))]
