"""Centres and windows: the office sets the hall up, the clerk finds their windows, the public
sees where to take a ticket."""

from __future__ import annotations

from typing import Any

import pytest
from hall_builders import (
    BUREAU,
    CLERK,
    DISTRICT,
    OFFICE,
    OTHER_STREET,
    OTHER_STREET_OFFICE,
    STREET,
    STREET_OFFICE,
    add_centre,
    add_item,
    add_test_district,
    add_window,
    station,
)
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.windows.models import WindowKind


@pytest.fixture(autouse=True)
async def district(session: AsyncSession) -> None:
    await add_test_district(session)


def refusal(response: Any) -> tuple[int, str, list[str]]:
    error = response.json()["error"]
    return response.status_code, error["code"], [f["field"] for f in error.get("fields") or []]


async def test_the_office_sets_up_a_centre_and_its_windows(client: AsyncClient) -> None:
    made = await client.post(
        "/centres",
        json={
            "unit_id": DISTRICT,
            "level": "district",
            "name": "锦华区政务服务中心",
            "address": "锦华区人民南路88号",
            "hours": "周一至周五 9:00-17:30",
        },
        headers=OFFICE,
    )
    assert made.status_code == 201, made.text
    centre = made.json()
    assert (centre["unit_name"], centre["window_count"], centre["windows"]) == (
        "锦华区人民政府",
        0,
        [],
    )

    url = f"/centres/{centre['id']}/windows"
    window = await client.post(
        url,
        json={"number": 1, "name": "综合受理窗口", "kind": "comprehensive", "ticket_prefix": "A"},
        headers=OFFICE,
    )
    assert window.status_code == 201, window.text
    assert (window.json()["number"], window.json()["kind"], window.json()["open"]) == (
        1,
        "comprehensive",
        True,
    )
    taken = await client.post(url, json={"number": 1, "name": "另一个"}, headers=OFFICE)
    assert refusal(taken) == (409, "window_number_taken", ["number"])
    bad_letter = await client.post(
        url, json={"number": 2, "name": "教育", "ticket_prefix": "a1"}, headers=OFFICE
    )
    assert refusal(bad_letter) == (422, "validation_error", ["body.ticket_prefix"])

    closed = await client.patch(
        f"/windows/{window.json()['id']}", json={"open": False, "name": "综合窗口"}, headers=OFFICE
    )
    assert (closed.json()["open"], closed.json()["name"]) == (False, "综合窗口")
    renamed = await client.patch(
        f"/centres/{centre['id']}", json={"phone": "028-86001234"}, headers=OFFICE
    )
    assert renamed.json()["phone"] == "028-86001234"
    assert renamed.json()["window_count"] == 1
    listed = (await client.get("/centres", headers=OFFICE)).json()
    assert [c["name"] for c in listed] == ["锦华区政务服务中心"]


async def test_another_streets_office_and_a_clerk_cannot_set_up_the_centre(
    client: AsyncClient, session: AsyncSession
) -> None:
    centre_id = (await add_centre(session, unit_id=STREET, name="东湖街道便民服务中心")).id

    assert (await client.get(f"/centres/{centre_id}", headers=STREET_OFFICE)).status_code == 200
    assert (await client.get(f"/centres/{centre_id}", headers=OFFICE)).status_code == 200
    other = await client.post(
        f"/centres/{centre_id}/windows",
        json={"number": 1, "name": "综合"},
        headers=OTHER_STREET_OFFICE,
    )
    assert refusal(other) == (403, "unit_forbidden", [])
    clerk = await client.get(f"/centres/{centre_id}", headers=CLERK)
    assert refusal(clerk) == (403, "role_forbidden", [])
    foreign = await client.post(
        "/centres",
        json={"unit_id": STREET, "level": "street", "name": "东湖"},
        headers=OTHER_STREET_OFFICE,
    )
    assert refusal(foreign) == (403, "unit_forbidden", [])
    assert (await client.get("/centres", headers=OTHER_STREET_OFFICE)).json() == []


async def test_a_unit_window_accepts_only_its_stationed_units_items(
    client: AsyncClient, session: AsyncSession
) -> None:
    centre = await add_centre(session)
    window_id = (await add_window(session, centre, number=5, name="教育窗口")).id
    school = (await add_item(session, unit_id=BUREAU, name="民办学校设立审批")).id
    residence = (await add_item(session, unit_id=STREET, name="居住证申领")).id
    url = f"/windows/{window_id}"

    stationed = await client.put(f"{url}/units", json={"unit_ids": [BUREAU]}, headers=OFFICE)
    assert [u["name"] for u in stationed.json()["units"]] == ["锦华区教育局"]

    accepted = await client.put(f"{url}/items", json={"item_ids": [school]}, headers=OFFICE)
    assert [i["name"] for i in accepted.json()["items"]] == ["民办学校设立审批"]

    # 居住证申领 is the street's: the bureau's window may not accept it.
    refused = await client.put(
        f"{url}/items", json={"item_ids": [school, residence]}, headers=OFFICE
    )
    assert refusal(refused) == (422, "item_not_at_window_unit", ["item_ids"])
    assert "居住证申领" in refused.json()["error"]["message"]

    # Nor may the bureau leave while the window accepts its item.
    leaving = await client.put(f"{url}/units", json={"unit_ids": [STREET]}, headers=OFFICE)
    assert refusal(leaving) == (409, "unit_still_has_items", ["unit_ids"])

    # Stationing the street as well makes its item acceptable.
    both = await client.put(f"{url}/units", json={"unit_ids": [BUREAU, STREET]}, headers=OFFICE)
    assert both.status_code == 200
    again = await client.put(f"{url}/items", json={"item_ids": [school, residence]}, headers=OFFICE)
    assert [i["name"] for i in again.json()["items"]] == ["民办学校设立审批", "居住证申领"]


async def test_a_comprehensive_window_accepts_any_units_items(
    client: AsyncClient, session: AsyncSession
) -> None:
    centre = await add_centre(session)
    window_id = (await add_window(session, centre, kind=WindowKind.COMPREHENSIVE)).id
    items = [
        (await add_item(session, unit_id=unit, name=name)).id
        for unit, name in (
            (BUREAU, "教师资格认定"),
            (STREET, "居住证申领"),
            (OTHER_STREET, "独生子女证"),
        )
    ]

    accepted = await client.put(
        f"/windows/{window_id}/items", json={"item_ids": items}, headers=OFFICE
    )
    assert len(accepted.json()["items"]) == 3

    # It cannot become a unit window while it accepts items of units not stationed there.
    narrowed = await client.patch(f"/windows/{window_id}", json={"kind": "unit"}, headers=OFFICE)
    assert refusal(narrowed) == (422, "item_not_at_window_unit", ["kind"])


async def test_retired_missing_and_repeated_entries_are_refused(
    client: AsyncClient, session: AsyncSession
) -> None:
    centre = await add_centre(session)
    window_id = (await add_window(session, centre, kind=WindowKind.COMPREHENSIVE)).id
    item_id = (await add_item(session, unit_id=BUREAU)).id
    await client.post(f"/items/{item_id}/retire", headers=OFFICE)
    url = f"/windows/{window_id}"

    retired = await client.put(f"{url}/items", json={"item_ids": [item_id]}, headers=OFFICE)
    assert refusal(retired) == (422, "item_retired", ["item_ids"])
    missing = await client.put(f"{url}/items", json={"item_ids": [999999]}, headers=OFFICE)
    assert refusal(missing) == (422, "invalid_input", ["item_ids"])
    no_unit = await client.put(f"{url}/units", json={"unit_ids": [999]}, headers=OFFICE)
    assert refusal(no_unit) == (422, "invalid_input", ["unit_ids"])
    twice = await client.put(
        f"{url}/staff", json={"staff": [{"account": "clerk"}, {"account": "clerk"}]}, headers=OFFICE
    )
    assert refusal(twice) == (422, "duplicate_entry", ["staff"])


async def test_the_clerk_and_the_office_find_the_windows_they_may_work_at(
    client: AsyncClient, session: AsyncSession
) -> None:
    centre = await add_centre(session)
    window = await add_window(session, centre, number=5, name="教育窗口")
    window_id = window.id
    await add_window(session, centre, number=6)
    item = await add_item(session, unit_id=BUREAU, name="教师资格认定")
    await station(session, window, unit_id=BUREAU, items=[item])
    assert (await client.get("/windows/mine", headers=CLERK)).json() == []

    staffed = await client.put(
        f"/windows/{window_id}/staff",
        json={"staff": [{"account": "clerk", "display_name": "李娜", "unit_id": BUREAU}]},
        headers=OFFICE,
    )
    assert staffed.json()["staff"] == [
        {"account": "clerk", "display_name": "李娜", "unit_id": BUREAU}
    ]

    mine = (await client.get("/windows/mine", headers=CLERK)).json()
    assert [(w["centre_name"], w["number"], w["name"]) for w in mine] == [
        ("锦华区政务服务中心", 5, "教育窗口")
    ]
    assert [i["name"] for i in mine[0]["items"]] == ["教师资格认定"]
    # The office is stationed nowhere, but may serve at every window of its centres: the same
    # list as the window console's desk.
    office = (await client.get("/windows/mine", headers=OFFICE)).json()
    assert [w["number"] for w in office] == [5, 6]
    desk = (await client.get("/queue/desk", headers=OFFICE)).json()
    assert [w["id"] for w in desk] == [w["id"] for w in office]
    clerk_desk = (await client.get("/queue/desk", headers=CLERK)).json()
    assert [w["id"] for w in clerk_desk] == [w["id"] for w in mine]


async def test_the_public_sees_centres_windows_and_the_published_items_they_accept(
    client: AsyncClient, session: AsyncSession
) -> None:
    centre = await add_centre(session)
    street_centre = await add_centre(
        session, unit_id=STREET, level="street", name="东湖街道便民服务中心"
    )
    open_window = await add_window(session, centre, number=1, kind=WindowKind.COMPREHENSIVE)
    closed = await add_window(session, centre, number=2, open=False, kind=WindowKind.COMPREHENSIVE)
    await add_window(session, street_centre, number=1)
    published = await add_item(session, unit_id=BUREAU, name="教师资格认定")
    draft = await add_item(session, unit_id=BUREAU, name="新事项", published=False)
    await station(session, open_window, items=[published, draft])
    await station(session, closed, items=[published])

    centres = (await client.get("/guide/centres")).json()
    assert [(c["name"], c["unit_name"], len(c["windows"])) for c in centres] == [
        ("锦华区政务服务中心", "锦华区人民政府", 2),
        ("东湖街道便民服务中心", "东湖街道", 1),
    ]
    first = centres[0]["windows"][0]
    assert [i["name"] for i in first["items"]] == ["教师资格认定"]

    # For one item: only the open windows accepting it, in the centres that have one.
    for_item = (await client.get("/guide/centres", params={"item_id": published.id})).json()
    assert [(c["name"], [w["number"] for w in c["windows"]]) for c in for_item] == [
        ("锦华区政务服务中心", [1])
    ]
