"""How a case is named: its number (its query code is `sunshine_kit.query_codes`)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.cases.models import CaseSequence


async def next_case_number(session: AsyncSession, year: int) -> str:
    """BJ2026000123: the year's next number, handed out once even under concurrent intake."""
    row = await session.scalar(
        select(CaseSequence).where(CaseSequence.year == year).with_for_update()
    )
    if row is None:
        row = CaseSequence(year=year, last=0)
        session.add(row)
    row.last += 1
    await session.flush()
    return f"BJ{year}{row.last:06d}"
