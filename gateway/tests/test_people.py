"""同事: the people one may pick for a piece of work on a unit's records (an application's
handler), by name, within the caller's reach."""

from __future__ import annotations

from gateway_builders import district, login, make_user
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

HANDLERS = {"work": "handle_applications"}


async def test_the_handlers_of_a_unit_are_its_own_then_the_office_above(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    bureau = units["锦华区教育局"]
    left = await make_user(session, "edu.left", bureau, ["application_handler"])
    left.active = False
    await session.commit()
    office = await login(client, "office")

    people = await client.get(
        "/api/auth/people", params={"unit_id": bureau.id, **HANDLERS}, headers=office
    )

    assert people.status_code == 200, people.text
    # The bureau's handler first; then the district's office, whose role reaches the units
    # below. The district's own handler (刘洋) works on the district's applications only; the
    # bureau's publisher and reviewer do not handle applications; a deactivated account is gone.
    assert [(p["username"], p["display_name"], p["unit_name"]) for p in people.json()] == [
        ("edu_handler", "周婷（教育局依申请公开）", "锦华区教育局"),
        ("office", "王敏（区政务公开办）", "锦华区人民政府"),
    ]


async def test_a_person_sees_only_the_people_of_units_in_reach(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    bureau_handler = await login(client, "edu_handler")

    own = await client.get(
        "/api/auth/people",
        params={"unit_id": units["锦华区教育局"].id, **HANDLERS},
        headers=bureau_handler,
    )
    other = await client.get(
        "/api/auth/people",
        params={"unit_id": units["锦华区民政局"].id, **HANDLERS},
        headers=bureau_handler,
    )
    unknown = await client.get(
        "/api/auth/people", params={"unit_id": 999_999, **HANDLERS}, headers=bureau_handler
    )

    assert own.status_code == 200
    assert other.status_code == 403
    assert other.json()["error"]["code"] == "unit_forbidden"
    assert unknown.status_code == 404


async def test_the_work_must_be_a_known_role_group(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    refused = await client.get(
        "/api/auth/people",
        params={"unit_id": units["锦华区教育局"].id, "work": "anything"},
        headers=await login(client, "office"),
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["fields"][0]["field"] == "query.work"
