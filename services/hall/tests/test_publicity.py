"""双公示: a granted 行政许可 case reaches the outbox once, within its 7 working days."""

from __future__ import annotations

from datetime import date

from hall_builders import add_test_district
from ratings_builders import add_case
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.publicity.clock import publicity_due
from sunshine_hall.publicity.models import PublicityRecord
from sunshine_hall.publicity.service import publish_decision
from sunshine_kit.calendar.days import WorkingDayCalendar
from sunshine_kit.outbox.models import OutboxMessage


def test_a_decision_is_public_within_7_working_days() -> None:
    calendar = WorkingDayCalendar()
    # Monday 2 November: 3, 4, 5, 6, 9, 10, Wednesday 11 November.
    assert publicity_due(calendar, date(2026, 11, 2)) == date(2026, 11, 11)
    # Tuesday 29 September: 30 Sep (1), National Day 1-7 Oct, 8 (2), 9 (3), Saturday 10
    # worked (4), 12 (5), 13 (6), Wednesday 14 October (7).
    assert publicity_due(calendar, date(2026, 9, 29)) == date(2026, 10, 14)
    # Friday 13 February: Saturday 14 worked (1), Spring Festival 16-20 and 23 Feb, 24-27
    # (5), Saturday 28 worked (6), Monday 2 March (7).
    assert publicity_due(calendar, date(2026, 2, 13)) == date(2026, 3, 2)


async def _messages(session: AsyncSession) -> list[OutboxMessage]:
    return list((await session.scalars(select(OutboxMessage))).all())


async def test_a_granted_licence_is_sent_once_to_the_licensing_column(
    session: AsyncSession,
) -> None:
    await add_test_district(session)
    case = await add_case(session, decided_on=date(2026, 11, 2))
    await publish_decision(session, case)
    await publish_decision(session, case)
    (message,) = await _messages(session)
    assert message.key == f"hall-double-publicity-case-{case.id}"
    assert message.path == "/intake/items"
    payload = message.payload
    assert payload["column_code"] == "X-DOUBLE-PUBLICITY-01"
    assert payload["unit_id"] == case.unit_id
    assert payload["document_number"] == case.number
    assert payload["formed_on"] == "2026-11-02"
    assert payload["title"] == "行政许可决定：民办学校设立审批（锦华区阳光培训学校有限公司）"
    assert "91510100MA6CXXXX1A" in payload["body_html"]
    record = await session.scalar(select(PublicityRecord))
    assert record is not None and record.due_on == date(2026, 11, 11)


async def test_denials_other_categories_and_persons_ids_are_not_published(
    session: AsyncSession,
) -> None:
    await add_test_district(session)
    denied = await add_case(session, decision="denied")
    confirmation = await add_case(session, category="confirmation", item_name="就业登记")
    await publish_decision(session, denied)
    await publish_decision(session, confirmation)
    assert await _messages(session) == []

    person = await add_case(
        session,
        applicant_type="natural_person",
        applicant_name="张小明",
        applicant_id_number="110101199003070011",
    )
    await publish_decision(session, person)
    (message,) = await _messages(session)
    assert "张**" in message.payload["title"]
    assert "张小明" not in message.payload["body_html"]
    assert "110101199003070011" not in message.payload["body_html"]
