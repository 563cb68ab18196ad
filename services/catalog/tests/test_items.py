"""Information items: index numbers, the review workflow, validity, deadlines and the feed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from catalog_builders import (
    BUREAU,
    OFFICE,
    PUBLISHER,
    REVIEWER,
    STREET,
    STREET_PUBLISHER,
    add_test_district,
    column_id,
    item_body,
    publish,
)
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.items.models import InformationItem
from sunshine_kit.testing import auth

APPROVE = {"decision": "approve", "confidentiality_checked": True, "attribute_checked": True}


async def test_a_draft_gets_the_next_index_number_and_its_deadline(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    first = (await client.post("/items", json=item_body(column), headers=PUBLISHER)).json()
    second = (await client.post("/items", json=item_body(column), headers=PUBLISHER)).json()
    credit = first["index_number"].split("/")[0]
    assert first["index_number"] == f"{credit}/2026-00001"
    assert second["index_number"] == f"{credit}/2026-00002"
    assert first["status"] == "draft"
    assert first["issuing_unit"] == "锦华区教育局"
    # Formed Monday 3 August 2026: 20 working days later, no holiday in between.
    assert first["due_on"] == "2026-08-31"
    assert first["due_provisional"] is False


async def test_a_deleted_draft_never_gives_its_number_back(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    draft = (await client.post("/items", json=item_body(column), headers=PUBLISHER)).json()
    assert (await client.delete(f"/items/{draft['id']}", headers=PUBLISHER)).status_code == 204
    after = (await client.post("/items", json=item_body(column), headers=PUBLISHER)).json()
    assert after["index_number"].endswith("/2026-00002")


async def test_the_body_is_sanitised_on_save(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    body = item_body(
        column,
        body_html='<p onclick="steal()">通知<script>alert(1)</script></p>'
        '<a href="javascript:alert(1)">链接</a><img src=x onerror="alert(1)">',
    )
    saved = (await client.post("/items", json=body, headers=PUBLISHER)).json()["body_html"]
    assert "script" not in saved and "onclick" not in saved and "onerror" not in saved
    assert "javascript:" not in saved
    assert "通知" in saved


async def test_published_through_review_by_someone_other_than_the_author(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    item = (await client.post("/items", json=item_body(column), headers=PUBLISHER)).json()
    # Not visible to the public while a draft.
    assert (await client.get(f"/items/{item['id']}")).status_code == 404
    assert (await client.post(f"/items/{item['id']}/submit", headers=PUBLISHER)).status_code == 200

    self_review = await client.post(
        f"/items/{item['id']}/review",
        json=APPROVE,
        headers=auth("publisher", "reviewer", unit_id=BUREAU, username="zhangli"),
    )
    assert self_review.status_code == 403
    assert self_review.json()["error"]["code"] == "reviewer_is_author"

    unchecked = await client.post(
        f"/items/{item['id']}/review", json={"decision": "approve"}, headers=REVIEWER
    )
    assert unchecked.status_code == 422

    published = await client.post(f"/items/{item['id']}/review", json=APPROVE, headers=REVIEWER)
    assert published.json()["status"] == "published"
    public = (await client.get(f"/items/{item['id']}")).json()
    assert public["title"] == item["title"]
    assert "author" not in public  # the public view leaves out the workflow
    listing = (await client.get(f"/units/{BUREAU}/items", params={"column_id": column})).json()
    assert [i["id"] for i in listing["items"]] == [item["id"]]

    history = (await client.get(f"/items/{item['id']}/history", headers=OFFICE)).json()
    # Newest first, as the item page shows it.
    assert [e["action"] for e in history] == ["item.published", "item.submitted", "item.created"]
    assert history[0]["actor"] == "chengang"


async def test_rejected_with_reasons_then_edited_and_resubmitted(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    item = (await client.post("/items", json=item_body(column), headers=PUBLISHER)).json()
    await client.post(f"/items/{item['id']}/submit", headers=PUBLISHER)
    no_reason = await client.post(
        f"/items/{item['id']}/review", json={"decision": "reject"}, headers=REVIEWER
    )
    assert no_reason.status_code == 422
    rejected = await client.post(
        f"/items/{item['id']}/review",
        json={"decision": "reject", "reason": "附件含学生个人信息，须删除后再报"},
        headers=REVIEWER,
    )
    assert rejected.json()["status"] == "rejected"
    assert rejected.json()["review_note"] == "附件含学生个人信息，须删除后再报"
    edited = await client.patch(
        f"/items/{item['id']}",
        json={"title": "锦华区教育局关于招生入学工作的通知（修订）"},
        headers=PUBLISHER,
    )
    assert edited.status_code == 200
    assert (await client.post(f"/items/{item['id']}/submit", headers=PUBLISHER)).json()[
        "status"
    ] == "submitted"


async def test_a_submitted_item_cannot_be_edited_and_nothing_changes(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    item = (await client.post("/items", json=item_body(column), headers=PUBLISHER)).json()
    await client.post(f"/items/{item['id']}/submit", headers=PUBLISHER)
    refused = await client.patch(
        f"/items/{item['id']}", json={"title": "改过的标题"}, headers=PUBLISHER
    )
    assert refused.status_code == 409
    stored = await session.get(InformationItem, item["id"])
    await session.refresh(stored)
    assert stored is not None and stored.title == item["title"]


async def test_who_may_write_where(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    assert (await client.post("/items", json=item_body(column))).status_code == 401
    other_unit = await client.post("/items", json=item_body(column), headers=STREET_PUBLISHER)
    assert other_unit.status_code == 403
    wrong_role = await client.post(
        "/items", json=item_body(column), headers=auth("window_clerk", unit_id=BUREAU)
    )
    assert wrong_role.status_code == 403
    missing = await client.post(
        "/items", json=item_body(column, title="", formed_on="2026-13-01"), headers=PUBLISHER
    )
    assert missing.status_code == 422
    fields = {f["field"] for f in missing.json()["error"]["fields"]}
    assert {"body.title", "body.formed_on"} <= fields
    assert await session.scalar(select(func.count()).select_from(InformationItem)) == 0


async def test_rural_columns_are_refused_for_a_street(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    rural = await column_id(client, "A20-11-01")
    refused = await client.post(
        "/items", json=item_body(rural, unit_id=STREET), headers=STREET_PUBLISHER
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["fields"][0]["field"] == "column_id"


async def test_a_document_is_repealed_and_points_to_its_replacement(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-01-02")
    old = await publish(
        client, column, title="锦华区校外培训机构管理办法", document_type="normative"
    )
    new = await publish(
        client, column, title="锦华区校外培训机构管理办法（2026年修订）", document_type="normative"
    )
    changed = await client.post(
        f"/items/{old['id']}/validity",
        json={"validity": "repealed", "changed_on": "2026-09-01", "replaced_by_id": new["id"]},
        headers=PUBLISHER,
    )
    assert changed.status_code == 200, changed.text
    public = (await client.get(f"/items/{old['id']}")).json()
    assert public["validity"] == "repealed"
    assert public["replaced_by_id"] == new["id"]


async def test_withdrawn_items_leave_the_catalogue_but_keep_their_record(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    item = await publish(client, column)
    withdrawn = await client.post(
        f"/items/{item['id']}/withdraw",
        json={"reason": "内容有误，更正后重新发布"},
        headers=REVIEWER,
    )
    assert withdrawn.json()["status"] == "withdrawn"
    assert (await client.get(f"/items/{item['id']}")).status_code == 404
    assert (await client.get(f"/items/{item['id']}", headers=OFFICE)).json()[
        "status"
    ] == "withdrawn"
    by_number = await client.get(f"/items/by-index/{item['index_number']}", headers=OFFICE)
    assert by_number.json()["id"] == item["id"]


async def test_items_migrate_between_columns_and_keep_their_links(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    source = await column_id(client, "A20-11")
    target = await column_id(client, "A20-15")
    items = [await publish(client, source) for _ in range(3)]
    moved = await client.post(
        "/items/move",
        json={"from_column_id": source, "to_column_id": target, "unit_id": BUREAU},
        headers=OFFICE,
    )
    assert moved.json() == {"moved": 3}
    for item in items:
        again = (await client.get(f"/items/{item['id']}")).json()
        assert again["column_id"] == target
        assert again["index_number"] == item["index_number"]
    listed = (await client.get(f"/units/{BUREAU}/items", params={"column_id": target})).json()
    assert listed["total"] == 3
    assert (
        await client.post(
            "/items/move",
            json={"from_column_id": source, "to_column_id": target},
            headers=PUBLISHER,
        )
    ).status_code == 403


async def test_late_and_at_risk_lists(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    # Formed 13 February 2026: due 19 March (Spring Festival in between).
    late = (
        await client.post(
            "/items", json=item_body(column, formed_on="2026-02-13"), headers=PUBLISHER
        )
    ).json()
    assert late["due_on"] == "2026-03-19"
    soon = (
        await client.post(
            "/items", json=item_body(column, formed_on="2026-03-02"), headers=PUBLISHER
        )
    ).json()
    rows = (
        await client.get(
            f"/units/{BUREAU}/deadlines",
            params={"state": "late", "today": "2026-03-24"},
            headers=OFFICE,
        )
    ).json()["items"]
    assert [r["id"] for r in rows] == [late["id"]]
    assert rows[0]["working_days_left"] == -3
    at_risk = (
        await client.get(
            f"/units/{BUREAU}/deadlines",
            params={"state": "at_risk", "today": "2026-03-24"},
            headers=OFFICE,
        )
    ).json()["items"]
    # Formed 2 March: due 30 March, 4 working days left on 24 March.
    assert [(r["id"], r["working_days_left"]) for r in at_risk] == [(soon["id"], 4)]


async def test_policy_without_interpretation_is_flagged(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    policies = await column_id(client, "A20-01-02")
    interpretations = await column_id(client, "X-POLICY-INTERP")
    with_one = await publish(
        client, policies, document_type="normative", title="锦华区学前教育资助办法"
    )
    without = await publish(client, policies, document_type="normative", title="锦华区校车管理办法")
    await publish(
        client,
        interpretations,
        title="《锦华区学前教育资助办法》政策解读",
        interprets_id=with_one["id"],
    )
    flagged = (
        await client.get(
            f"/units/{BUREAU}/interpretations/missing",
            params={"today": "2099-01-05"},
            headers=OFFICE,
        )
    ).json()["items"]
    assert [f["id"] for f in flagged] == [without["id"]]
    page = (await client.get(f"/items/{with_one['id']}")).json()
    assert len(page["interpretation_ids"]) == 1


# Published at 01:00 on Tuesday 1 September 2026 in Beijing: still Monday 31 August in UTC.
ONE_AM_BEIJING = datetime(2026, 8, 31, 17, 0, tzinfo=UTC)


async def _published_at(session: AsyncSession, item_id: int, at: datetime) -> None:
    item = await session.get(InformationItem, item_id)
    assert item is not None
    item.published_at = at
    await session.commit()


async def test_an_item_published_at_one_in_the_morning_is_late_by_beijings_date(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    # Formed Monday 3 August: due Monday 31 August.
    late = await publish(client, column, formed_on="2026-08-03")
    on_time = await publish(client, column, formed_on="2026-08-03")
    assert late["due_on"] == on_time["due_on"] == "2026-08-31"
    await _published_at(session, late["id"], ONE_AM_BEIJING)
    await _published_at(session, on_time["id"], ONE_AM_BEIJING - timedelta(hours=1, minutes=1))
    rows = (
        await client.get(
            f"/units/{BUREAU}/deadlines",
            params={"state": "late", "today": "2026-09-10"},
            headers=OFFICE,
        )
    ).json()["items"]
    assert [r["id"] for r in rows] == [late["id"]]


async def test_an_interpretation_is_due_from_the_policys_beijing_date(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    policy = await publish(client, await column_id(client, "A20-01-02"), document_type="normative")
    await _published_at(session, policy["id"], ONE_AM_BEIJING)

    async def flagged(today: str) -> list[dict[str, object]]:
        response = await client.get(
            f"/units/{BUREAU}/interpretations/missing", params={"today": today}, headers=OFFICE
        )
        assert response.status_code == 200, response.text
        return list(response.json()["items"])

    # Three working days from Tuesday 1 September: due Friday 4 September, not Thursday 3.
    assert await flagged("2026-09-04") == []
    [row] = await flagged("2026-09-07")
    assert (row["id"], row["interpretation_due_on"], row["working_days_overdue"]) == (
        policy["id"],
        "2026-09-04",
        1,
    )
