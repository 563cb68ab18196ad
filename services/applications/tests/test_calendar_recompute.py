"""A year's arrangement pushed by the gateway moves open applications' stored due dates."""

from datetime import date

from applications_builders import registered
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.models import DisclosureApplication
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
