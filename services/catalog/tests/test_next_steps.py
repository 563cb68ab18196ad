"""next_steps: the staff view lists exactly the steps the API accepts from that caller now.

For each item state and each actor the list is as expected; every step listed succeeds (each on
a fresh item in that state), and every step left out is refused and changes nothing.
"""

from __future__ import annotations

import pytest
from catalog_builders import (
    BUREAU,
    DISTRICT,
    OFFICE,
    PUBLISHER,
    REVIEWER,
    STREET_PUBLISHER,
    add_test_district,
    column_id,
    item_body,
)
from httpx import AsyncClient, Response
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.items.rules import RULES, STEP_LABELS, ItemStep
from sunshine_kit.testing import auth

APPROVE = {"decision": "approve", "confidentiality_checked": True, "attribute_checked": True}
REJECT = {"decision": "reject", "reason": "附件含个人信息，须删除后再报"}

ACTORS = {
    "author": PUBLISHER,  # zhangli, publisher of the bureau, writes every item here
    "reviewer": REVIEWER,  # chengang, reviewer of the bureau
    # The author holding the reviewer's role too: may not review what they wrote.
    "author_reviewer": auth("publisher", "reviewer", unit_id=BUREAU, username="zhangli"),
    "office": OFFICE,  # the district's disclosure office: writes and reviews in its subtree
    "supervisor": auth("supervisor", unit_id=DISTRICT, username="zhaoqiang"),  # reads only
}

WRITE = ["edit", "delete", "submit", "attachments"]
REWRITE = ["edit", "submit", "attachments"]  # once published: withdrawn, never deleted
REVIEW = ["approve", "reject"]
AFTER = ["withdraw", "change-validity"]

EXPECTED: dict[tuple[str, str], list[str]] = {
    ("draft", "author"): WRITE,
    ("draft", "reviewer"): [],
    ("draft", "author_reviewer"): WRITE,
    ("draft", "office"): WRITE,
    ("draft", "supervisor"): [],
    ("submitted", "author"): [],
    ("submitted", "reviewer"): REVIEW,
    ("submitted", "author_reviewer"): [],
    ("submitted", "office"): REVIEW,
    ("submitted", "supervisor"): [],
    # 依申请公开: reviewed like any other, catalogued but never published.
    ("submitted_on_application", "reviewer"): ["reject"],
    ("published", "author"): AFTER,
    ("published", "reviewer"): AFTER,
    ("published", "author_reviewer"): AFTER,
    ("published", "office"): AFTER,
    ("published", "supervisor"): [],
    ("withdrawn", "author"): REWRITE,
    ("withdrawn", "reviewer"): [],
    ("withdrawn", "office"): REWRITE,
    ("withdrawn", "supervisor"): [],
    ("rejected", "author"): WRITE,
    ("rejected", "reviewer"): [],
    ("rejected", "office"): WRITE,
    ("once_published", "author"): REWRITE,
}
STATUS_OF = {
    "draft": "draft",
    "submitted": "submitted",
    "submitted_on_application": "submitted",
    "published": "published",
    "withdrawn": "withdrawn",
    "rejected": "rejected",
    "once_published": "draft",
}


async def item_in(client: AsyncClient, column: int, state: str) -> int:
    """An item of the bureau, written by its publisher and taken through the API to `state`."""
    overrides = {}
    if state == "submitted_on_application":
        overrides = {"disclosure_attribute": "on_application", "non_disclosure_reason": "内部事务"}
    created = await client.post("/items", json=item_body(column, **overrides), headers=PUBLISHER)
    assert created.status_code == 201, created.text
    item_id = int(created.json()["id"])

    async def ok(response: Response) -> None:
        assert response.status_code == 200, response.text

    if state == "draft":
        return item_id
    await ok(await client.post(f"/items/{item_id}/submit", headers=PUBLISHER))
    if state.startswith("submitted"):
        return item_id
    if state == "rejected":
        await ok(await client.post(f"/items/{item_id}/review", json=REJECT, headers=REVIEWER))
        return item_id
    await ok(await client.post(f"/items/{item_id}/review", json=APPROVE, headers=REVIEWER))
    if state == "published":
        return item_id
    withdrawn = await client.post(
        f"/items/{item_id}/withdraw", json={"reason": "内容有误，更正后重新发布"}, headers=PUBLISHER
    )
    await ok(withdrawn)
    if state == "withdrawn":
        return item_id
    await ok(
        await client.patch(f"/items/{item_id}", json={"title": "更正后的通知"}, headers=PUBLISHER)
    )
    return item_id


async def take(client: AsyncClient, item_id: int, step: str, headers: dict[str, str]) -> Response:
    """Take `step` on the item through the API, as the console would."""
    path = f"/items/{item_id}"
    match ItemStep(step):
        case ItemStep.EDIT:
            return await client.patch(path, json={"title": "改过的标题"}, headers=headers)
        case ItemStep.DELETE:
            return await client.delete(path, headers=headers)
        case ItemStep.SUBMIT:
            return await client.post(f"{path}/submit", headers=headers)
        case ItemStep.APPROVE:
            return await client.post(f"{path}/review", json=APPROVE, headers=headers)
        case ItemStep.REJECT:
            return await client.post(f"{path}/review", json=REJECT, headers=headers)
        case ItemStep.WITHDRAW:
            return await client.post(
                f"{path}/withdraw", json={"reason": "已过时效"}, headers=headers
            )
        case ItemStep.CHANGE_VALIDITY:
            return await client.post(
                f"{path}/validity",
                json={"validity": "expired", "changed_on": "2026-09-01"},
                headers=headers,
            )
        case ItemStep.ATTACHMENTS:
            return await client.post(
                f"{path}/attachments",
                files={"file": ("说明.txt", "附件说明".encode(), "text/plain")},
                headers=headers,
            )


def test_every_step_has_one_rule_and_one_label() -> None:
    assert list(RULES) == list(ItemStep) == list(STEP_LABELS)


@pytest.mark.parametrize(("state", "actor"), list(EXPECTED))
async def test_next_steps_are_exactly_what_the_api_accepts(
    client: AsyncClient, session: AsyncSession, state: str, actor: str
) -> None:
    await add_test_district(session)
    column = await column_id(client, "A20-11")
    headers = ACTORS[actor]
    item_id = await item_in(client, column, state)

    view = (await client.get(f"/items/{item_id}", headers=headers)).json()
    assert view["next_steps"] == EXPECTED[(state, actor)]

    for step in ItemStep:
        if step in view["next_steps"]:
            continue
        refused = await take(client, item_id, step, headers)
        assert refused.status_code in (403, 409), (step, refused.text)
    after = (await client.get(f"/items/{item_id}", headers=headers)).json()
    assert (after["status"], after["title"]) == (STATUS_OF[state], view["title"])

    for step in view["next_steps"]:
        fresh = await item_in(client, column, state)
        taken = await take(client, fresh, step, headers)
        assert taken.is_success, (step, taken.text)


async def test_publishing_is_for_proactive_items_only(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    item_id = await item_in(client, await column_id(client, "A20-11"), "submitted_on_application")
    refused = await client.post(f"/items/{item_id}/review", json=APPROVE, headers=REVIEWER)
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "item_not_proactive"


async def test_an_item_once_published_is_withdrawn_never_deleted(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    item_id = await item_in(client, await column_id(client, "A20-11"), "once_published")
    refused = await client.delete(f"/items/{item_id}", headers=PUBLISHER)
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "item_not_deletable"


@pytest.mark.parametrize("state", ["draft", "published"])
async def test_another_units_publisher_gets_no_steps_and_may_take_none(
    client: AsyncClient, session: AsyncSession, state: str
) -> None:
    await add_test_district(session)
    item_id = await item_in(client, await column_id(client, "A20-11"), state)
    view = await client.get(f"/items/{item_id}", headers=STREET_PUBLISHER)
    if state == "published":
        assert "next_steps" not in view.json()  # the public view
    else:
        assert view.status_code == 404
    for step in ItemStep:
        refused = await take(client, item_id, step, STREET_PUBLISHER)
        assert refused.status_code == 403, (step, refused.text)
        assert refused.json()["error"]["code"] == "unit_forbidden"
