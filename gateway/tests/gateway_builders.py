"""Test data for the gateway: the demo district, and tokens of its users."""

from __future__ import annotations

from httpx import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_gateway.demo import data
from sunshine_gateway.demo.__main__ import load
from sunshine_gateway.identity.models import User
from sunshine_gateway.identity.passwords import hash_password
from sunshine_kit.units.models import Unit
from sunshine_kit.units.schemas import UnitOut


async def district(session: AsyncSession) -> dict[str, UnitOut]:
    """Load the demo district and return its units by name (plain values: a rolled-back request
    expires the session's objects)."""
    await load(session)
    await session.commit()
    return {u.name: UnitOut.model_validate(u) for u in (await session.scalars(select(Unit))).all()}


async def make_user(session: AsyncSession, username: str, unit: UnitOut, roles: list[str]) -> User:
    user = User(
        username=username,
        display_name=username,
        unit_id=unit.id,
        roles=roles,
        password_hash=hash_password(data.DEMO_PASSWORD),
    )
    session.add(user)
    await session.commit()
    return user


async def login(client: AsyncClient, username: str) -> dict[str, str]:
    response = await client.post(
        "/api/auth/login", json={"username": username, "password": data.DEMO_PASSWORD}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
