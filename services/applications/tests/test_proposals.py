"""Article 44: information several applicants asked for and got is proposed to the catalogue."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from applications_builders import BUREAU, HANDLER, add_test_district, registered
from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.outbox.models import OutboxMessage

# Valid GB 11643 numbers (check characters computed), not real people's.
CHEN, WANG, LI, ZHAO = (
    "110105198001010016",
    "110105198506150022",
    "110105199203080033",
    "110105197809120045",
)
ASKED = "锦华区2026年义务教育阶段学校划片范围及其确定依据"


def key_of(description: str) -> str:
    """What the catalog receives as the key: the unit and the description, normalised."""
    text = re.sub(r"[\W_]+", "", description).lower()
    return f"proposal-{BUREAU}-{hashlib.sha256(f'|{text}'.encode()).hexdigest()}"


async def proposals(session: AsyncSession) -> list[OutboxMessage]:
    rows = await session.scalars(
        select(OutboxMessage).where(OutboxMessage.destination == "catalog")
    )
    return list(rows.all())


async def asked_and_decided(
    client: AsyncClient, id_number: str, description: str, outcome: str, reason: int | None
) -> dict[str, Any]:
    app = await registered(client, id_number=id_number, description=description)
    decided = await client.post(
        f"/applications/{app['id']}/decision",
        json={"outcome": outcome, "outcome_reason": reason},
        headers=HANDLER,
    )
    assert decided.status_code == 200, decided.text
    return app


async def test_the_third_applicant_makes_a_proposal_once(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    first = await asked_and_decided(client, CHEN, ASKED, "disclosed", None)
    # The same person asking again is still one applicant.
    again = await asked_and_decided(
        client, CHEN, "锦华区2026年 义务教育阶段学校划片范围，及其确定依据！", "not_processed", 2
    )
    second = await asked_and_decided(client, WANG, ASKED, "disclosed", None)
    assert await proposals(session) == []

    third = await asked_and_decided(
        client, LI, "锦华区 2026 年义务教育阶段学校划片范围及其确定依据。", "disclosed", None
    )
    [message] = await proposals(session)
    assert message.key == key_of(ASKED)
    assert message.path == "/proposals"
    assert message.payload == {
        "unit_id": BUREAU,
        "description": ASKED,
        "application_count": 4,
        "tracking_numbers": [a["tracking_number"] for a in (first, again, second, third)],
    }

    await asked_and_decided(client, ZHAO, ASKED, "disclosed", None)
    assert len(await proposals(session)) == 1


async def test_nothing_is_proposed_when_nothing_was_disclosed(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    for id_number in (CHEN, WANG, LI):
        await asked_and_decided(client, id_number, ASKED, "unavailable", 1)
    assert await proposals(session) == []


async def test_different_information_is_counted_apart(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    await asked_and_decided(client, CHEN, ASKED, "disclosed", None)
    await asked_and_decided(client, WANG, ASKED, "disclosed", None)
    await asked_and_decided(client, LI, "锦华区2026年学前教育资助资金发放情况", "disclosed", None)
    assert await proposals(session) == []
