"""An online application waits for the office to confirm receipt (Article 31) before any clock
runs: the inbox says how many need it, lists them on their own, and marks each."""

from __future__ import annotations

from applications_builders import HANDLER, STREET_HANDLER, add_test_district, application_in
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession


async def test_the_inbox_shows_online_applications_awaiting_receipt(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    online = await application_in(client, "awaiting_receipt")
    await application_in(client, "in_progress")
    inbox = (await client.get("/applications", headers=HANDLER)).json()
    assert inbox["awaiting_receipt"] == 1 and inbox["total"] == 2
    # Filtered by another status, the count still says one needs confirming.
    filtered = await client.get("/applications", params={"status": "in_progress"}, headers=HANDLER)
    assert filtered.json()["awaiting_receipt"] == 1
    waiting = await client.get(
        "/applications", params={"status": "awaiting_receipt"}, headers=HANDLER
    )
    [row] = waiting.json()["items"]
    assert (row["id"], row["channel"], row["received_on"]) == (online["id"], "online", None)
    assert row["urgency"] == "none" and row["reply_due_on"] is None
    # Another unit's handler has none to confirm.
    street = (await client.get("/applications", headers=STREET_HANDLER)).json()
    assert street["awaiting_receipt"] == 0
    confirmed = await client.post(
        f"/applications/{online['id']}/receipt",
        json={"received_on": online["submitted_on"]},
        headers=HANDLER,
    )
    assert confirmed.status_code == 200, confirmed.text
    assert (await client.get("/applications", headers=HANDLER)).json()["awaiting_receipt"] == 0
