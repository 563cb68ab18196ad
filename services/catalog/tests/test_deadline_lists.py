"""The supervision lists and timeliness figures against the real 2026 holiday arrangement:
only 主动公开 items are ever late, a change runs its own 20 working days, and an interpretation
published late is recorded as late. Every date is counted by hand (see each test)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from catalog_builders import (
    APPROVE,
    BUREAU,
    OFFICE,
    PUBLISHER,
    REVIEWER,
    add_test_district,
    column_id,
    item_body,
    publish,
)
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.items.models import InformationItem


async def _deadlines(client: AsyncClient, state: str, today: str) -> list[dict[str, Any]]:
    response = await client.get(
        f"/units/{BUREAU}/deadlines", params={"state": state, "today": today}, headers=OFFICE
    )
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


async def _set(session: AsyncSession, item_id: int, **values: Any) -> None:
    item = await session.get(InformationItem, item_id)
    assert item is not None
    for key, value in values.items():
        setattr(item, key, value)
    await session.commit()


async def test_items_not_proactively_disclosed_are_never_late_or_at_risk(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    ids = {}
    for attribute in ("proactive", "on_application", "not_disclosed"):
        for formed_on in ("2026-02-13", "2026-03-02"):
            extra = {} if attribute == "proactive" else {"non_disclosure_reason": "涉及个人隐私"}
            created = await client.post(
                "/items",
                json=item_body(
                    column, formed_on=formed_on, disclosure_attribute=attribute, **extra
                ),
                headers=PUBLISHER,
            )
            assert created.status_code == 201, created.text
            assert created.json()["non_disclosure_reason"] == extra.get("non_disclosure_reason", "")
            ids[attribute, formed_on] = created.json()["id"]
    # Formed Friday 13 February: Saturday 14 worked (1), 15–23 off, 24 February to 19 March
    # (2–20) with Saturday 28 February worked: due 19 March, late on Tuesday 24 March.
    late = await _deadlines(client, "late", "2026-03-24")
    assert [r["id"] for r in late] == [ids["proactive", "2026-02-13"]]
    # Formed Monday 2 March: 3 March (1) ... 30 March (20); on 24 March 4 working days left.
    at_risk = await _deadlines(client, "at_risk", "2026-03-24")
    assert [r["id"] for r in at_risk] == [ids["proactive", "2026-03-02"]]


async def test_timeliness_counts_only_proactively_disclosed_items(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    # Formed Monday 3 August: due Monday 31 August; published Tuesday 1 September, late.
    late = await publish(client, column, formed_on="2026-08-03")
    catalogued = await publish(client, column, formed_on="2026-08-03")
    at = datetime(2026, 9, 1, 2, 0, tzinfo=UTC)  # 10:00 in Beijing on 1 September
    await _set(session, late["id"], published_at=at)
    # Catalogued 依申请公开 (as an older record may stand): never counted late.
    await _set(
        session,
        catalogued["id"],
        published_at=at,
        disclosure_attribute="on_application",
        non_disclosure_reason="涉及个人隐私",
    )
    figures = await client.get(
        f"/stats/units/{BUREAU}/items", params={"year": 2026}, headers=OFFICE
    )
    assert figures.status_code == 200, figures.text
    timeliness = figures.json()["timeliness"]
    assert (timeliness["published"], timeliness["late"]) == (1, 1)


async def _change(client: AsyncClient, item_id: int, **changes: Any) -> dict[str, Any]:
    """Withdraw a published item and change it, as the publisher does to correct it."""
    withdrawn = await client.post(
        f"/items/{item_id}/withdraw", json={"reason": "内容有误，更正后重新发布"}, headers=REVIEWER
    )
    assert withdrawn.status_code == 200, withdrawn.text
    changed = await client.patch(f"/items/{item_id}", json=changes, headers=PUBLISHER)
    assert changed.status_code == 200, changed.text
    return dict(changed.json())


async def _republish(client: AsyncClient, item_id: int) -> None:
    assert (await client.post(f"/items/{item_id}/submit", headers=PUBLISHER)).status_code == 200
    reviewed = await client.post(f"/items/{item_id}/review", json=APPROVE, headers=REVIEWER)
    assert reviewed.status_code == 200, reviewed.text


async def test_a_change_keeps_the_date_formed_and_runs_its_own_twenty_working_days(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    # Formed Monday 3 August: due Monday 31 August; published on time on 10 August.
    item = await publish(client, column, formed_on="2026-08-03")
    await _set(session, item["id"], published_at=datetime(2026, 8, 10, 2, 0, tzinfo=UTC))
    changed = await _change(
        client,
        item["id"],
        title="锦华区教育局关于调整秋季学期招生安排的通知",
        changed_on="2026-09-21",
    )
    # Changed Monday 21 September: 22, 23, 24 (1–3), Mid-Autumn 25–27 off, 28–30 (4–6),
    # National Day 1–7 October off, 8, 9 (7, 8), Saturday 10 worked (9), 12–16 (10–14),
    # 19–23 (15–19), Monday 26 October (20).
    assert (changed["formed_on"], changed["changed_on"], changed["due_on"]) == (
        "2026-08-03",
        "2026-09-21",
        "2026-10-26",
    )
    # On Tuesday 20 October: 21, 22, 23, 26 — 4 working days left, at risk.
    [row] = await _deadlines(client, "at_risk", "2026-10-20")
    assert (row["id"], row["formed_on"], row["changed_on"], row["working_days_left"]) == (
        item["id"],
        "2026-08-03",
        "2026-09-21",
        4,
    )
    # Tuesday 27 October, not yet republished: one working day late.
    [row] = await _deadlines(client, "late", "2026-10-27")
    assert (row["id"], row["working_days_left"]) == (item["id"], -1)
    # Republished on Friday 23 October: on time by the change's deadline (though long after the
    # 31 August of the date formed).
    await _republish(client, item["id"])
    await _set(session, item["id"], published_at=datetime(2026, 10, 23, 2, 0, tzinfo=UTC))
    assert await _deadlines(client, "late", "2026-10-27") == []
    figures = await client.get(
        f"/stats/units/{BUREAU}/items", params={"year": 2026}, headers=OFFICE
    )
    assert (figures.json()["timeliness"]["published"], figures.json()["timeliness"]["late"]) == (
        1,
        0,
    )
    # Republished on Tuesday 27 October instead: late, in the list and in the figures.
    await _set(session, item["id"], published_at=datetime(2026, 10, 27, 2, 0, tzinfo=UTC))
    assert [r["id"] for r in await _deadlines(client, "late", "2026-10-28")] == [item["id"]]
    figures = await client.get(
        f"/stats/units/{BUREAU}/items", params={"year": 2026}, headers=OFFICE
    )
    assert figures.json()["timeliness"]["late"] == 1


async def test_a_published_items_date_formed_stays_and_a_change_is_dated(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    item = await publish(client, column, formed_on="2026-08-03")
    await client.post(
        f"/items/{item['id']}/withdraw",
        json={"reason": "内容有误，更正后重新发布"},
        headers=REVIEWER,
    )
    moved = await client.patch(
        f"/items/{item['id']}", json={"formed_on": "2026-09-21"}, headers=PUBLISHER
    )
    assert moved.status_code == 422, moved.text
    # A change of content without a date is dated the day it is made.
    changed = await client.patch(
        f"/items/{item['id']}", json={"body_html": "<p>更正后的正文。</p>"}, headers=PUBLISHER
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["formed_on"] == "2026-08-03"
    assert changed.json()["changed_on"] is not None
    # A draft never published has no change date: its date formed is corrected instead.
    draft = await client.post("/items", json=item_body(column), headers=PUBLISHER)
    dated = await client.patch(
        f"/items/{draft.json()['id']}", json={"changed_on": "2026-09-21"}, headers=PUBLISHER
    )
    assert dated.status_code == 422, dated.text


def _beijing(day: int, month: int = 9) -> datetime:
    """10:00 on that day of 2026 in Beijing."""
    return datetime(2026, month, day, 2, 0, tzinfo=UTC)


async def test_an_interpretation_published_late_is_recorded_late_newest_first_and_paged(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    policies = await column_id(client, "A20-01-02")
    interpretations = await column_id(client, "X-POLICY-INTERP")

    async def policy(title: str, at: datetime) -> int:
        item = await publish(client, policies, document_type="normative", title=title)
        await _set(session, item["id"], published_at=at)
        return int(item["id"])

    async def interpret(policy_id: int, at: datetime) -> int:
        item = await publish(client, interpretations, title="政策解读", interprets_id=policy_id)
        await _set(session, item["id"], published_at=at)
        return int(item["id"])

    # Published Tuesday 1 September: the interpretation is due Friday 4 (2, 3, 4 September).
    on_time = await policy("锦华区学前教育资助办法", _beijing(1))
    await interpret(on_time, _beijing(4))
    late = await policy("锦华区校车管理办法", _beijing(1))
    # Published Wednesday 9 September: 7, 8, 9 September — 3 working days late.
    late_interpretation = await interpret(late, _beijing(9))
    # Published Wednesday 23 September: due Tuesday 29 (24, Mid-Autumn 25–27 off, 28, 29);
    # none by Thursday 8 October: 30 September, National Day 1–7 October off, 8 — 2 overdue.
    missing = await policy("锦华区养犬管理规定", _beijing(23))

    async def flagged(**params: Any) -> dict[str, Any]:
        response = await client.get(
            f"/units/{BUREAU}/interpretations/missing",
            params={"today": "2026-10-08", **params},
            headers=OFFICE,
        )
        assert response.status_code == 200, response.text
        return dict(response.json())

    everything = await flagged()
    assert everything["total"] == 2
    assert [
        (r["id"], r["interpretation_due_on"], r["working_days_overdue"], r["interpretation_id"])
        for r in everything["items"]
    ] == [(missing, "2026-09-29", 2, None), (late, "2026-09-04", 3, late_interpretation)]
    first, second = await flagged(page=1, size=1), await flagged(page=2, size=1)
    assert (first["total"], [r["id"] for r in first["items"]]) == (2, [missing])
    assert (second["total"], [r["id"] for r in second["items"]]) == (2, [late])


async def test_the_deadline_lists_are_paged_never_cut_off(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    # Formed Monday 2, Tuesday 3 and Wednesday 4 March: 20 working days from each, due Monday
    # 30, Tuesday 31 March and Wednesday 1 April (no holiday in March). On Tuesday 24 March:
    # 4, 5 and 6 working days left (25, 26, 27, 30 / 31 / 1 April): the first two at risk,
    # the third not yet.
    made = []
    for formed_on in ("2026-03-02", "2026-03-03", "2026-03-04"):
        created = await client.post(
            "/items", json=item_body(column, formed_on=formed_on), headers=PUBLISHER
        )
        assert created.status_code == 201, created.text
        made.append(created.json()["id"])
    params = {"state": "at_risk", "today": "2026-03-24", "size": 1}
    pages = [
        (
            await client.get(
                f"/units/{BUREAU}/deadlines", params={**params, "page": page}, headers=OFFICE
            )
        ).json()
        for page in (1, 2)
    ]
    assert [p["total"] for p in pages] == [2, 2]
    assert [p["items"][0]["id"] for p in pages] == made[:2]
    assert [p["items"][0]["working_days_left"] for p in pages] == [4, 5]
    # On Tuesday 31 March only the first is late (due 30 March); the second is due that day.
    late = await client.get(
        f"/units/{BUREAU}/deadlines",
        params={"state": "late", "today": "2026-03-31", "size": 10},
        headers=OFFICE,
    )
    assert late.json()["total"] == 1 and late.json()["items"][0]["id"] == made[0]
