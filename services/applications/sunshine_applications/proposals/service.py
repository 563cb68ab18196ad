"""Article 44 (第四十四条): information several applicants asked for and got is proposed to the
catalogue for proactive disclosure."""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.identity import normalised
from sunshine_applications.applications.models import DisclosureApplication, Outcome
from sunshine_kit.outbox import service as outbox
from sunshine_kit.outbox.models import OutboxMessage

# How many different applicants (distinct ID numbers) make a request "several" (多个申请人).
APPLICANT_THRESHOLD = 3
DISCLOSABLE = (Outcome.DISCLOSED, Outcome.PARTLY_DISCLOSED)


def information_key(description: str) -> str:
    """The same information whoever asks: repeat detection's normalisation, applicant left out
    (unkeyed: it holds nothing personal, and a proposal's key must outlive a key rotation)."""
    return hashlib.sha256(f"|{normalised(description)}".encode()).hexdigest()


def proposal_key(unit_id: int, description: str) -> str:
    return f"proposal-{unit_id}-{information_key(description)}"


async def propose_if_asked_often(
    session: AsyncSession, application: DisclosureApplication
) -> OutboxMessage | None:
    """After a decision: when enough different applicants asked the unit for this information
    and some of it was disclosed, send the catalog one proposal (once per unit and information)."""
    key = proposal_key(application.unit_id, application.description)
    if await session.scalar(select(OutboxMessage.id).where(OutboxMessage.key == key)) is not None:
        return None
    wanted = information_key(application.description)
    # Descriptions are compared after normalisation, which SQL cannot do on both databases: the
    # unit's received applications are read in full, a few columns each.
    rows = await session.execute(
        select(
            DisclosureApplication.id_number,
            DisclosureApplication.description,
            DisclosureApplication.tracking_number,
            DisclosureApplication.outcome,
        )
        .where(
            DisclosureApplication.unit_id == application.unit_id,
            DisclosureApplication.received_on.is_not(None),
        )
        .order_by(DisclosureApplication.id)
    )
    same = [row for row in rows.all() if information_key(row.description) == wanted]
    disclosed = [row for row in same if row.outcome in DISCLOSABLE]
    if not disclosed or len({row.id_number.upper() for row in same}) < APPLICANT_THRESHOLD:
        return None
    return outbox.enqueue(
        session,
        destination="catalog",
        path="/proposals",
        key=key,
        payload={
            "unit_id": application.unit_id,
            "description": disclosed[0].description,
            "application_count": len(same),
            "tracking_numbers": [row.tracking_number for row in same],
        },
    )
