"""How an application is named and recognised: its tracking number and query code, and the
fingerprint that finds a repeated request (masking is in `personal_data.masking`)."""

from __future__ import annotations

import hashlib
import re
import secrets

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.models import TrackingSequence
from sunshine_kit.personal_data import cipher

# Query codes avoid characters people misread (0/O, 1/I/L).
QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


async def next_tracking_number(session: AsyncSession, year: int) -> str:
    """YSQ2026000123: the year's next number, handed out once even under concurrent intake."""
    row = await session.scalar(
        select(TrackingSequence).where(TrackingSequence.year == year).with_for_update()
    )
    if row is None:
        row = TrackingSequence(year=year, last=0)
        session.add(row)
    row.last += 1
    await session.flush()
    return f"YSQ{year}{row.last:06d}"


def new_query_code() -> str:
    """The secret an applicant (or asker) keeps to follow their case without an account."""
    return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(8))


def query_code_hash(tracking_number: str, code: str) -> str:
    """What is stored of a query code: the code itself is shown once and never kept."""
    return hashlib.sha256(f"{tracking_number}:{code.strip().upper()}".encode()).hexdigest()


def normalised(description: str) -> str:
    """A request's words without spaces, punctuation or case: what "the same request" compares."""
    return _NOT_WORD.sub("", description).lower()


def applicant_and_request(id_number: str, description: str) -> str:
    """What a fingerprint is made of: the applicant's ID number and the normalised request."""
    return f"{id_number.upper()}|{normalised(description)}"


def fingerprint(id_number: str, description: str) -> str:
    """Same applicant, same information: what repeat detection compares. Keyed (HMAC), so the
    stored value does not give the ID number away to whoever tries the possible ones."""
    return cipher().fingerprint(applicant_and_request(id_number, description))


def fingerprints(id_number: str, description: str) -> list[str]:
    """The fingerprints an earlier application of the same applicant and request may carry:
    under the current key and those of earlier rotations."""
    return cipher().fingerprints(applicant_and_request(id_number, description))
