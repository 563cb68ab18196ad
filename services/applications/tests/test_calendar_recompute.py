"""A year's arrangement pushed by the gateway moves open applications' stored due dates."""

from datetime import date

from applications_builders import HANDLER, question, registered
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.models import DisclosureApplication
from sunshine_applications.inquiries.models import Inquiry
from sunshine_kit.calendar.days import builtin_arrangement
from sunshine_kit.testing import add_test_district, auth

# 2027 is not built in: until it is loaded, its dates count weekends only (provisional).
# Wednesday 3 March 2027, a working day so far, becomes a holiday.
ARRANGEMENT_2027 = {"year": 2027, "holidays": ["2027-03-03"], "workdays": [], "note": "测试"}


async def test_a_loaded_year_moves_an_open_applications_due_date(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client, received_on="2027-03-01")  # a Monday
    stored = await session.get(DisclosureApplication, app["id"])
    assert stored is not None
    # 20 working days from the day after receipt: 2–5 March (4), 8–12 (9), 15–19 (14),
    # 22–26 (19), Monday 29 March (20).
    assert (stored.reply_due_on, stored.due_provisional) == (date(2027, 3, 29), True)

    pushed = await client.put(
        "/calendar/years/2027",
        json=ARRANGEMENT_2027,
        headers={"Idempotency-Key": "calendar-2027-recompute-applications", **auth("service")},
    )
    assert pushed.status_code == 204, pushed.text

    # Without 3 March only 3 of the first week count: the 20th working day is Tuesday 30
    # March, and 2027 now rests on a loaded arrangement. Nobody called the recompute route.
    await session.refresh(stored)
    assert (stored.reply_due_on, stored.due_provisional) == (date(2027, 3, 30), False)


async def test_a_corrected_year_moves_an_unanswered_inquirys_deadline(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    asked = await client.post(
        "/inquiries/registered",
        json={**question(), "channel": "phone", "received_on": "2026-11-30"},
        headers=HANDLER,
    )
    assert asked.status_code == 201, asked.text
    # A consultation is answered within 5 working days of Monday 30 November: 1, 2, 3, 4 and
    # Monday 7 December.
    stored = await session.get(Inquiry, asked.json()["id"])
    assert stored is not None and stored.answer_due_on == date(2026, 12, 7)
    # 2026 corrected: Thursday 3 December made a day off (the rest of the year as published).
    published = builtin_arrangement(2026)
    assert published is not None
    corrected = {
        "year": 2026,
        "holidays": sorted(d.isoformat() for d in {*published.holidays, date(2026, 12, 3)}),
        "workdays": sorted(d.isoformat() for d in published.workdays),
        "note": "更正",
    }
    pushed = await client.put(
        "/calendar/years/2026",
        json=corrected,
        headers={"Idempotency-Key": "calendar-2026-recompute-inquiries", **auth("service")},
    )
    assert pushed.status_code == 204, pushed.text
    # Without 3 December: 1, 2, 4, 7 and Tuesday 8 December.
    await session.refresh(stored)
    assert (stored.answer_due_on, stored.due_provisional) == (date(2026, 12, 8), False)
