"""How an application is named and recognised: its tracking number, and the fingerprint that
finds a repeated request (query codes are `sunshine_kit.query_codes`, masking is in
`personal_data.masking`)."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.models import TrackingSequence
from sunshine_kit.personal_data import cipher

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
