"""A year's arrangement pushed by the gateway moves unpublished items' publication deadlines."""

from datetime import date

from catalog_builders import PUBLISHER, add_test_district, auth, column_id, item_body, publish
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.items.models import InformationItem

# 2027 is not built in: until it is loaded, its dates count weekends only (provisional).
# Wednesday 3 March 2027, a working day so far, becomes a holiday.
ARRANGEMENT_2027 = {"year": 2027, "holidays": ["2027-03-03"], "workdays": [], "note": "测试"}


async def test_a_loaded_year_moves_an_unpublished_items_deadline(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    created = await client.post(
        "/items", json=item_body(column, formed_on="2027-03-01"), headers=PUBLISHER
    )
    assert created.status_code == 201, created.text
    published = await publish(
        client, column, formed_on="2027-03-01", title="已发布的信息", document_number=""
    )
    draft = await session.get(InformationItem, created.json()["id"])
    done = await session.get(InformationItem, published["id"])
    assert draft is not None and done is not None
    # Formed Monday 1 March: 20 working days after it are 2–5 March (4), 8–12 (9),
    # 15–19 (14), 22–26 (19), Monday 29 March (20).
    assert (draft.due_on, draft.due_provisional) == (date(2027, 3, 29), True)

    pushed = await client.put(
        "/calendar/years/2027",
        json=ARRANGEMENT_2027,
        headers={"Idempotency-Key": "calendar-2027-recompute-catalog", **auth("service")},
    )
    assert pushed.status_code == 204, pushed.text

    # Without 3 March the 20th working day is Tuesday 30 March, no longer provisional.
    await session.refresh(draft)
    assert (draft.due_on, draft.due_provisional) == (date(2027, 3, 30), False)
    # A published item keeps the deadline it was published under (the statistics judge it).
    await session.refresh(done)
    assert (done.due_on, done.due_provisional) == (date(2027, 3, 29), True)
