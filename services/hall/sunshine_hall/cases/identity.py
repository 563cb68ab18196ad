"""How a case is named and found by its applicant: its number and query code."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.cases.models import CaseSequence

# Query codes avoid characters people misread (0/O, 1/I/L).
QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


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


def new_query_code() -> str:
    """The secret the applicant keeps to follow and rate the case without an account."""
    return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(8))


def query_code_hash(number: str, code: str) -> str:
    """What is stored of a query code: the code itself is printed once and never kept."""
    return hashlib.sha256(f"{number}:{code.strip().upper()}".encode()).hexdigest()


def code_matches(number: str, code: str, stored: str) -> bool:
    return secrets.compare_digest(query_code_hash(number, code), stored)
