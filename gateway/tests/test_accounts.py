"""Account management (账号管理): which roles an ops admin may grant, and where."""

from __future__ import annotations

from typing import Any

from gateway_builders import district, login, make_user
from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_gateway.demo import data
from sunshine_gateway.identity.models import User
from sunshine_kit.units.schemas import UnitOut

PASSWORD = "Spring-rain-77"


def account(unit: UnitOut, username: str = "wang.wei", **changes: Any) -> dict[str, Any]:
    return {
        "username": username,
        "display_name": "王伟",
        "unit_id": unit.id,
        "roles": ["publisher"],
        "password": PASSWORD,
        **changes,
    }


async def user_id(session: AsyncSession, username: str) -> int:
    found = await session.scalar(select(User.id).where(User.username == username))
    assert found is not None
    return found


async def street_admin(client: AsyncClient, session: AsyncSession) -> dict[str, str]:
    """An ops admin of 东湖街道 and its communities only."""
    units = await district(session)
    await make_user(session, "donghu.ops", units["东湖街道"], ["ops_admin"])
    return await login(client, "donghu.ops")


async def test_the_service_role_is_refused_when_opening_an_account(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    admin = await login(client, "admin")
    response = await client.post(
        "/api/users",
        headers=admin,
        json=account(units["锦华区财政局"], roles=["publisher", "service"]),
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "role_not_grantable"
    assert error["fields"][0]["field"] == "body.roles"


async def test_the_service_role_is_refused_when_changing_an_account(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    admin = await login(client, "admin")
    response = await client.patch(
        f"/api/users/{await user_id(session, 'publisher')}",
        headers=admin,
        json={"roles": ["service"]},
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "body.roles"
    roles = await session.scalar(select(User.roles).where(User.username == "publisher"))
    assert roles == ["publisher"]


async def test_an_old_account_holding_the_service_role_does_not_speak_as_a_component(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    await make_user(session, "legacy", units["锦华区教育局"], ["publisher", "service"])
    headers = await login(client, "legacy")
    me = (await client.get("/api/auth/me", headers=headers)).json()
    assert me["roles"] == ["publisher"]
    assert (await client.get("/api/users", headers=headers)).status_code == 403


async def test_an_ops_admin_opens_accounts_only_within_their_subtree(
    client: AsyncClient, session: AsyncSession
) -> None:
    admin = await street_admin(client, session)
    units = await district(session)  # already loaded: the same units, by name
    inside = await client.post(
        "/api/users", headers=admin, json=account(units["东湖社区"], roles=["publisher"])
    )
    assert inside.status_code == 201, inside.text
    outside = await client.post(
        "/api/users", headers=admin, json=account(units["锦华区教育局"], username="li.na")
    )
    assert outside.status_code == 403
    assert outside.json()["error"]["code"] == "unit_forbidden"
    above = await client.post(
        "/api/users",
        headers=admin,
        json=account(units[data.DISTRICT], username="zhao.lei", roles=["ops_admin"]),
    )
    assert above.status_code == 403


async def test_an_ops_admin_cannot_move_an_account_out_of_their_subtree(
    client: AsyncClient, session: AsyncSession
) -> None:
    admin = await street_admin(client, session)
    units = await district(session)
    donghu = await user_id(session, "donghu")
    moved = await client.patch(
        f"/api/users/{donghu}", headers=admin, json={"unit_id": units["锦华区教育局"].id}
    )
    assert moved.status_code == 403
    within = await client.patch(
        f"/api/users/{donghu}", headers=admin, json={"unit_id": units["望江社区"].id}
    )
    assert within.status_code == 200


async def test_an_ops_admin_cannot_change_an_account_outside_their_subtree(
    client: AsyncClient, session: AsyncSession
) -> None:
    admin = await street_admin(client, session)
    publisher = await user_id(session, "publisher")
    response = await client.patch(
        f"/api/users/{publisher}", headers=admin, json={"roles": ["ops_admin"]}
    )
    assert response.status_code == 403
    assert (await client.post(f"/api/users/{publisher}/unlock", headers=admin)).status_code == 403


async def test_an_account_cannot_be_opened_in_a_unit_that_does_not_exist(
    client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    admin = await login(client, "admin")
    missing = units[data.DISTRICT].model_copy(update={"id": 999_999})
    response = await client.post("/api/users", headers=admin, json=account(missing))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "unit_not_found"


async def test_the_user_list_covers_the_admins_subtree_only(
    client: AsyncClient, session: AsyncSession
) -> None:
    admin = await street_admin(client, session)
    listed = {u["username"] for u in (await client.get("/api/users", headers=admin)).json()}
    assert listed == {"donghu", "donghu.ops"}
    district_admin = await login(client, "admin")
    everyone = {
        u["username"] for u in (await client.get("/api/users", headers=district_admin)).json()
    }
    assert {"donghu", "publisher", "clerk", "admin"} <= everyone


async def test_a_password_set_by_an_admin_ends_the_accounts_sessions(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    publisher = await login(client, "publisher")
    admin = await login(client, "admin")
    response = await client.patch(
        f"/api/users/{await user_id(session, 'publisher')}",
        headers=admin,
        json={"password": PASSWORD},
    )
    assert response.status_code == 200, response.text
    assert (await client.get("/api/auth/me", headers=publisher)).status_code == 401
    assert (await client.get("/api/auth/me", headers=admin)).status_code == 200
    signed_in = await client.post(
        "/api/auth/login", json={"username": "publisher", "password": PASSWORD}
    )
    assert signed_in.status_code == 200
