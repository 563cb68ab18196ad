"""Service items: the office writes them, publishes versions the guide shows, retires them."""

from __future__ import annotations

from typing import Any

import pytest
from hall_builders import (
    BUREAU,
    CLERK,
    DISTRICT,
    OFFICE,
    OTHER_STREET_OFFICE,
    STREET,
    STREET_OFFICE,
    add_item,
    add_test_district,
)
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.testing import auth

BUREAU_OFFICE = auth("office", unit_id=BUREAU, username="jiaoyu.office")


def item_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "code": "JH-XK-0001",
        "unit_id": BUREAU,
        "name": "民办学校设立审批",
        "category": "licensing",
        "hall_level": "district",
        "kind": "promised",
        "legal_limit_days": 20,
        "promised_limit_days": 10,
        "legal_basis": "《中华人民共和国民办教育促进法》第十二条",
        "conditions": "举办者为具有法人资格的社会组织",
        "procedure": "申请—受理—审查—决定—送达",
        "authority": "锦华区教育局",
        "fee_fen": 0,
    }
    body.update(overrides)
    return body


async def created(client: AsyncClient, **overrides: Any) -> dict[str, Any]:
    made = await client.post("/items", json=item_body(**overrides), headers=OFFICE)
    assert made.status_code == 201, made.text
    return dict(made.json())


def refusal(response: Any) -> tuple[int, str, list[str]]:
    error = response.json()["error"]
    return response.status_code, error["code"], [f["field"] for f in error.get("fields") or []]


@pytest.fixture(autouse=True)
async def district(session: AsyncSession) -> None:
    await add_test_district(session)


async def test_a_new_item_is_unpublished_and_may_be_published_or_retired(
    client: AsyncClient,
) -> None:
    item = await created(client, fee_fen=5000, fee_standard="每件50元")

    assert item["status"] == "draft"
    assert item["version"] == 0
    assert item["unit_name"] == "锦华区教育局"
    assert item["fee_fen"] == 5000
    assert (item["legal_limit_days"], item["promised_limit_days"]) == (20, 10)
    assert item["actions"] == ["publish", "retire"]
    # Not in the guide before it is published.
    assert (await client.get(f"/guide/items/{item['id']}")).status_code == 404


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        # The promise is the centre's commitment, never longer than the law allows.
        (
            {"legal_limit_days": 10, "promised_limit_days": 11},
            "promised_limit_days",
            "promised_exceeds_legal",
        ),
        # 即办件 are decided at the window: no days to count.
        (
            {"kind": "instant", "legal_limit_days": 5, "promised_limit_days": 0},
            "legal_limit_days",
            "instant_has_no_days",
        ),
        (
            {"kind": "instant", "legal_limit_days": 0, "promised_limit_days": 1},
            "promised_limit_days",
            "instant_has_no_days",
        ),
        (
            {"legal_limit_days": None, "promised_limit_days": 5},
            "legal_limit_days",
            "promised_needs_days",
        ),
        ({"promised_limit_days": 0}, "promised_limit_days", "promised_needs_days"),
        ({"unit_id": 999}, "", "unit_not_found"),
    ],
)
async def test_invalid_items_are_refused_naming_the_field(
    client: AsyncClient, overrides: dict[str, Any], field: str, code: str
) -> None:
    response = await client.post("/items", json=item_body(**overrides), headers=OFFICE)

    status, got_code, fields = refusal(response)
    assert got_code == code
    assert status == (404 if code == "unit_not_found" else 422)
    assert fields == ([field] if field else [])


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "body.name"),
        ({"category": "tax"}, "body.category"),
        ({"hall_level": "city"}, "body.hall_level"),
        ({"fee_fen": -1}, "body.fee_fen"),
        ({"fee_fen": 12.5}, "body.fee_fen"),
        ({"code": "JH XK 1"}, "body.code"),
        ({"legal_limit_days": 400}, "body.legal_limit_days"),
    ],
)
async def test_malformed_fields_are_named(
    client: AsyncClient, overrides: dict[str, Any], field: str
) -> None:
    response = await client.post("/items", json=item_body(**overrides), headers=OFFICE)

    assert refusal(response) == (422, "validation_error", [field])


async def test_an_instant_item_has_no_days_and_a_code_is_used_once(client: AsyncClient) -> None:
    item = await created(client, kind="instant", legal_limit_days=None, promised_limit_days=None)
    assert (item["legal_limit_days"], item["promised_limit_days"]) == (0, 0)

    again = await client.post("/items", json=item_body(), headers=OFFICE)
    assert refusal(again) == (409, "item_code_taken", ["code"])


async def test_turning_an_item_instant_clears_its_days_and_back_needs_them(
    client: AsyncClient,
) -> None:
    item = await created(client)

    instant = await client.patch(f"/items/{item['id']}", json={"kind": "instant"}, headers=OFFICE)
    assert instant.status_code == 200, instant.text
    assert (instant.json()["legal_limit_days"], instant.json()["promised_limit_days"]) == (0, 0)

    back = await client.patch(f"/items/{item['id']}", json={"kind": "promised"}, headers=OFFICE)
    assert refusal(back) == (422, "promised_needs_days", ["legal_limit_days"])

    longer = await client.patch(
        f"/items/{item['id']}",
        json={"kind": "promised", "legal_limit_days": 15, "promised_limit_days": 20},
        headers=OFFICE,
    )
    assert refusal(longer) == (422, "promised_exceeds_legal", ["promised_limit_days"])

    cleared = await client.patch(f"/items/{item['id']}", json={"name": None}, headers=OFFICE)
    assert refusal(cleared) == (422, "invalid_input", ["name"])


async def test_publishing_needs_the_eight_public_fields(client: AsyncClient) -> None:
    item = await created(client, legal_basis="", procedure="  ")

    response = await client.post(f"/items/{item['id']}/publish", headers=OFFICE)

    assert refusal(response) == (422, "item_incomplete", ["legal_basis", "procedure"])


async def test_the_public_sees_version_n_while_n_plus_1_is_drafted(client: AsyncClient) -> None:
    item = await created(client)
    item_id = item["id"]
    first = await client.post(f"/items/{item_id}/publish", headers=OFFICE)
    assert first.status_code == 200, first.text
    assert (first.json()["status"], first.json()["version"]) == ("published", 1)
    assert first.json()["actions"] == ["retire"]
    nothing = await client.post(f"/items/{item_id}/publish", headers=OFFICE)
    assert refusal(nothing) == (409, "nothing_to_publish", [])

    # Version 2 is drafted: a new name, a shorter promise, a new material.
    edited = await client.patch(
        f"/items/{item_id}",
        json={"name": "民办学校设立审批（新）", "promised_limit_days": 5},
        headers=OFFICE,
    )
    assert edited.status_code == 200, edited.text
    await client.post(
        f"/items/{item_id}/materials", json={"name": "办学章程", "copies": 2}, headers=OFFICE
    )
    draft = (await client.get(f"/items/{item_id}", headers=OFFICE)).json()
    assert (draft["status"], draft["version"], draft["draft_pending"]) == ("published", 1, True)
    assert draft["actions"] == ["publish", "retire"]
    assert draft["name"] == "民办学校设立审批（新）"

    guide = (await client.get(f"/guide/items/{item_id}")).json()
    assert (guide["version"], guide["name"], guide["promised_limit_days"]) == (
        1,
        "民办学校设立审批",
        10,
    )
    assert guide["materials"] == []
    found = (await client.get("/guide/items", params={"q": "（新）"})).json()
    assert found["total"] == 0

    second = await client.post(f"/items/{item_id}/publish", headers=OFFICE)
    assert (second.json()["version"], second.json()["draft_pending"]) == (2, False)
    guide = (await client.get(f"/guide/items/{item_id}")).json()
    assert (guide["version"], guide["name"], guide["promised_limit_days"]) == (
        2,
        "民办学校设立审批（新）",
        5,
    )
    assert [(m["name"], m["copies"]) for m in guide["materials"]] == [("办学章程", 2)]

    versions = (await client.get(f"/items/{item_id}/versions", headers=OFFICE)).json()
    assert [(v["version"], v["content"]["name"], v["published_by"]) for v in versions] == [
        (2, "民办学校设立审批（新）", "wangmin"),
        (1, "民办学校设立审批", "wangmin"),
    ]


async def test_a_retired_item_leaves_the_guide_and_publishing_restores_it(
    client: AsyncClient,
) -> None:
    item = await created(client)
    await client.post(f"/items/{item['id']}/publish", headers=OFFICE)

    retired = await client.post(f"/items/{item['id']}/retire", headers=OFFICE)
    assert (retired.json()["status"], retired.json()["actions"]) == ("retired", ["publish"])
    assert (await client.get(f"/guide/items/{item['id']}")).status_code == 404
    assert (await client.get("/guide/items")).json()["total"] == 0
    again = await client.post(f"/items/{item['id']}/retire", headers=OFFICE)
    assert refusal(again) == (409, "already_retired", [])

    restored = await client.post(f"/items/{item['id']}/publish", headers=OFFICE)
    assert (restored.json()["status"], restored.json()["version"]) == ("published", 2)
    assert (await client.get(f"/guide/items/{item['id']}")).status_code == 200


async def test_materials_are_an_ordered_list(client: AsyncClient) -> None:
    item = await created(client)
    url = f"/items/{item['id']}/materials"
    for name in ("申请书", "身份证明", "场地证明"):
        response = await client.post(url, json={"name": name}, headers=OFFICE)
        assert response.status_code == 201, response.text
    materials = response.json()["materials"]
    ids = [m["id"] for m in materials]
    assert [m["form"] for m in materials] == ["original_and_copy"] * 3

    changed = await client.patch(
        f"{url}/{ids[1]}",
        json={"form": "original", "required": False, "note": "港澳台居民提供通行证"},
        headers=OFFICE,
    )
    assert changed.json()["materials"][1]["required"] is False

    reordered = await client.put(
        f"{url}/order", json={"material_ids": [ids[2], ids[0], ids[1]]}, headers=OFFICE
    )
    assert [m["name"] for m in reordered.json()["materials"]] == ["场地证明", "申请书", "身份证明"]
    partial = await client.put(f"{url}/order", json={"material_ids": ids[:2]}, headers=OFFICE)
    assert refusal(partial) == (422, "material_order_mismatch", ["material_ids"])

    removed = await client.delete(f"{url}/{ids[0]}", headers=OFFICE)
    assert [m["name"] for m in removed.json()["materials"]] == ["场地证明", "身份证明"]
    gone = await client.delete(f"{url}/{ids[0]}", headers=OFFICE)
    assert refusal(gone) == (404, "material_not_found", [])
    bad = await client.post(url, json={"name": "申请书", "copies": 0}, headers=OFFICE)
    assert refusal(bad) == (422, "validation_error", ["body.copies"])


async def test_a_material_removed_after_publication_stays_in_the_guide_until_the_next(
    client: AsyncClient, session: AsyncSession
) -> None:
    item = await add_item(session, unit_id=BUREAU, materials=("申请书", "身份证明"))
    staff = (await client.get(f"/items/{item.id}", headers=OFFICE)).json()
    first = staff["materials"][0]["id"]

    removed = await client.delete(f"/items/{item.id}/materials/{first}", headers=OFFICE)
    assert [m["name"] for m in removed.json()["materials"]] == ["身份证明"]
    guide = (await client.get(f"/guide/items/{item.id}")).json()
    assert [m["name"] for m in guide["materials"]] == ["申请书", "身份证明"]

    await client.post(f"/items/{item.id}/publish", headers=OFFICE)
    guide = (await client.get(f"/guide/items/{item.id}")).json()
    assert [m["name"] for m in guide["materials"]] == ["身份证明"]


async def test_only_the_office_of_the_items_unit_or_above_manages_it(
    client: AsyncClient, session: AsyncSession
) -> None:
    item = await add_item(session, unit_id=BUREAU, published=False)
    url = f"/items/{item.id}"

    # The district office (above the bureau) and the bureau's own office may.
    assert (await client.patch(url, json={"phone": "028-1"}, headers=OFFICE)).status_code == 200
    own = await client.patch(url, json={"phone": "028-2"}, headers=BUREAU_OFFICE)
    assert own.status_code == 200
    # The office of another street may not; nor may a clerk, whatever their unit.
    other = await client.patch(url, json={"phone": "028-3"}, headers=OTHER_STREET_OFFICE)
    assert refusal(other) == (403, "unit_forbidden", [])
    clerk = await client.patch(url, json={"phone": "028-4"}, headers=CLERK)
    assert refusal(clerk) == (403, "role_forbidden", [])
    publish = await client.post(f"{url}/publish", headers=OTHER_STREET_OFFICE)
    assert publish.status_code == 403
    # A street office cannot write an item for the district's bureau.
    foreign = await client.post("/items", json=item_body(), headers=STREET_OFFICE)
    assert refusal(foreign) == (403, "unit_forbidden", [])
    assert (await client.get(url, headers=OFFICE)).json()["phone"] == "028-2"


async def test_the_staff_list_covers_the_callers_reach(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_item(session, unit_id=BUREAU, name="民办学校设立审批", code="JH-0001")
    await add_item(session, unit_id=STREET, name="居住证签注", code="DH-0001", published=False)
    await add_item(session, unit_id=DISTRICT, name="政府信息公开申请", code="QZ-0001")

    def names(response: Any) -> list[str]:
        return [row["name"] for row in response.json()["items"]]

    everything = await client.get("/items", headers=OFFICE)  # by code: DH, JH, QZ
    assert names(everything) == ["居住证签注", "民办学校设立审批", "政府信息公开申请"]
    street = await client.get("/items", headers=STREET_OFFICE)
    assert names(street) == ["居住证签注"]
    assert names(await client.get("/items", headers=OTHER_STREET_OFFICE)) == []
    drafts = await client.get("/items", params={"status": "draft"}, headers=OFFICE)
    assert names(drafts) == ["居住证签注"]
    by_word = await client.get("/items", params={"q": "JH"}, headers=OFFICE)
    assert names(by_word) == ["民办学校设立审批"]
    bureau = await client.get("/items", params={"unit_id": BUREAU}, headers=OFFICE)
    assert names(bureau) == ["民办学校设立审批"]
    not_mine = await client.get("/items", params={"unit_id": BUREAU}, headers=STREET_OFFICE)
    assert not_mine.status_code == 403
