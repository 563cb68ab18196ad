"""A period's proactive disclosure, unit by unit, for the reporting service's monthly bulletin
and work summaries: published, late, still unpublished past the date, policy documents and
their interpretations."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from catalog_builders import (
    BUREAU,
    DISTRICT,
    OFFICE,
    PUBLISHER,
    STREET,
    add_test_district,
    column_id,
    item_body,
    publish,
)
from httpx import AsyncClient
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.items.models import InformationItem
from sunshine_kit.calendar.days import BEIJING

OCTOBER = {"date_from": "2026-10-01", "date_to": "2026-10-31"}


async def published_on(session: AsyncSession, item: dict[str, Any], day: str) -> None:
    """The item went out at 10:00 Beijing time on `day` (the API publishes now)."""
    at = datetime.fromisoformat(f"{day}T10:00:00").replace(tzinfo=BEIJING).astimezone(UTC)
    await session.execute(
        update(InformationItem).where(InformationItem.id == item["id"]).values(published_at=at)
    )
    await session.commit()


async def test_a_months_figures_unit_by_unit(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    notices = await column_id(client, "A20-11")
    policies = await column_id(client, "A20-01-02")
    interpretations = await column_id(client, "X-POLICY-INTERP")
    # Formed Monday 3 August: 20 working days end on 31 August; out on 12 October: late.
    late = await publish(client, notices, formed_on="2026-08-03", channels=["website", "wechat"])
    await published_on(session, late, "2026-10-12")
    # Formed Friday 9 October (the worked Saturday 10 October counts): due 5 November.
    timely = await publish(client, notices, formed_on="2026-10-09")
    await published_on(session, timely, "2026-10-12")
    # Two policy documents out on Monday 12 October: each interpretation is due within 3
    # working days, by Thursday 15 October. One came on 20 October (late), one on 14 October.
    interpreted_late = await publish(
        client, policies, document_type="normative", formed_on="2026-10-09", title="规范性文件甲"
    )
    interpreted = await publish(
        client, policies, document_type="normative", formed_on="2026-10-09", title="规范性文件乙"
    )
    for policy in (interpreted_late, interpreted):
        await published_on(session, policy, "2026-10-12")
    for policy, day in ((interpreted_late, "2026-10-20"), (interpreted, "2026-10-14")):
        made = await publish(
            client, interpretations, formed_on=day, interprets_id=policy["id"], title="政策解读"
        )
        await published_on(session, made, day)
    # Out on Thursday 29 October: its interpretation is due Tuesday 3 November (30 October,
    # 2 and 3 November), so on 31 October it is not yet late.
    recent = await publish(
        client, policies, document_type="normative", formed_on="2026-10-26", title="规范性文件丙"
    )
    await published_on(session, recent, "2026-10-29")
    # Out in September: not October's.
    september = await publish(client, notices, formed_on="2026-09-01")
    await published_on(session, september, "2026-09-10")
    # A draft formed 3 August, due 31 August, still unpublished.
    draft = await client.post(
        "/items", json=item_body(notices, formed_on="2026-08-03"), headers=PUBLISHER
    )
    assert draft.status_code == 201, draft.text

    answer = await client.get(
        f"/stats/units/{DISTRICT}/items/period", params={**OCTOBER, "below": True}, headers=OFFICE
    )
    assert answer.status_code == 200, answer.text
    figures = answer.json()
    assert (figures["published"], figures["on_time"], figures["late"]) == (7, 6, 1)
    assert figures["interpretations"] == 2
    assert figures["overdue_unpublished"] == 1
    assert figures["by_month"] == [{"month": "2026-10", "count": 7}]
    assert {"channel": "wechat", "label": "政务微信", "count": 1} in figures["by_channel"]
    rows = {row["unit_id"]: row for row in figures["by_unit"]}
    assert rows[BUREAU] == {
        "unit_id": BUREAU, "unit_name": "锦华区教育局", "published": 7, "late": 1,
        "overdue_unpublished": 1, "policy_documents": 3, "interpretations_late": 1,
    }  # fmt: skip
    assert rows[STREET]["published"] == 0  # every unit of the region has its row

    own = await client.get(f"/stats/units/{DISTRICT}/items/period", params=OCTOBER, headers=OFFICE)
    assert own.json()["published"] == 0 and list(r["unit_id"] for r in own.json()["by_unit"]) == [
        DISTRICT
    ]


async def test_a_period_is_in_order_and_at_most_a_year(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    backwards = await client.get(
        f"/stats/units/{DISTRICT}/items/period",
        params={"date_from": "2026-10-31", "date_to": "2026-10-01"},
        headers=OFFICE,
    )
    assert backwards.status_code == 422
    assert backwards.json()["error"]["fields"][0]["field"] == "date_to"
    too_long = await client.get(
        f"/stats/units/{DISTRICT}/items/period",
        params={"date_from": "2025-01-01", "date_to": "2026-06-30"},
        headers=OFFICE,
    )
    assert too_long.status_code == 422
    assert (
        await client.get(
            f"/stats/units/{DISTRICT}/items/period",
            params={**OCTOBER, "below": True},
            headers=PUBLISHER,
        )
    ).status_code == 403
