"""Every operation of the gateway, called by every kind of caller, answers as
authorization_table.py says (the engine: sunshine_kit.access_matrix). The callers sign in: the
gateway checks each request's session against its database."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from gateway_builders import district, login, make_user
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_gateway.identity import passwords
from sunshine_kit import access_matrix as matrix
from sunshine_kit.testing import auth

TABLE = matrix.load_table(__file__)
PLACES = {
    matrix.Place.OWN: "锦华区教育局",
    matrix.Place.PARENT: "锦华区人民政府",
    matrix.Place.SIBLING: "东湖街道",
}


@pytest.fixture(autouse=True)
def quick_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test signs in 21 people; at argon2's production cost (a tenth of a second for each
    hash and each check) that alone would take a minute. What is tested here is who may call
    what, not the hash, so the accounts are made and checked with a cheap one."""
    monkeypatch.setattr(
        passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )


def test_every_operation_has_an_expected_answer(app: FastAPI) -> None:
    matrix.check_table(app.openapi(), TABLE)


@pytest.mark.parametrize("operation_id", sorted(TABLE.operations))
async def test_who_may_call(
    operation_id: str, app: FastAPI, client: AsyncClient, session: AsyncSession
) -> None:
    units = await district(session)
    headers: dict[str, dict[str, str]] = {
        matrix.ANONYMOUS.name: {},
        matrix.SERVICE.name: auth("service", unit_id=None, username="matrix"),
    }
    for caller in matrix.STAFF:
        assert caller.role is not None and caller.place is not None
        name = matrix.username(caller)
        await make_user(session, name, units[PLACES[caller.place]], [caller.role.value])
        headers[caller.name] = await login(client, name)
    records = matrix.Records(client, session, TABLE.makers, units=units)
    await matrix.check_operation(client, app.openapi(), TABLE, operation_id, records, headers)
