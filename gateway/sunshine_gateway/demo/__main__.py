"""Load the demo district on first start: `python -m sunshine_gateway.demo`.

Does nothing when the gateway already has units, so it is safe on every start.
"""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_gateway.demo import data
from sunshine_gateway.identity.models import User
from sunshine_gateway.identity.passwords import hash_password
from sunshine_gateway.settings import GatewaySettings
from sunshine_gateway.units.service import announce
from sunshine_kit.audit import service as audit
from sunshine_kit.db import Database
from sunshine_kit.units.models import Unit, UnitType
from sunshine_kit.units.schemas import make_credit_code


async def load(session: AsyncSession) -> bool:
    """Create the demo units and users; False when the gateway is not empty."""
    if await session.scalar(select(func.count()).select_from(Unit)):
        return False
    serial = 0

    async def add(
        name: str,
        type_: UnitType,
        parent: Unit | None,
        reconsideration_body: str | None = None,
        sort_order: int | None = None,
    ) -> Unit:
        nonlocal serial
        serial += 1
        code = make_credit_code(f"11{data.REGION_CODE}MB{serial:07d}")
        unit = Unit(
            name=name,
            credit_code=code,
            type=type_,
            parent_id=parent.id if parent else None,
            sort_order=serial if sort_order is None else sort_order,
            vertically_managed=reconsideration_body is not None,
            reconsideration_body=reconsideration_body,
            **data.disclosure_office(name, type_, serial, parent.name if parent else None),
            version=1,
        )
        session.add(unit)
        await session.flush()
        announce(session, unit, "unit.created")
        return unit

    district = await add(data.DISTRICT, UnitType.GOVERNMENT, None)
    units = {district.name: district}
    for name in data.DEPARTMENTS:
        units[name] = await add(name, UnitType.DEPARTMENT, district)
    for groups, kind, child_kind in (
        (data.STREETS, UnitType.STREET, UnitType.COMMUNITY),
        (data.TOWNSHIPS, UnitType.TOWNSHIP, UnitType.VILLAGE),
    ):
        for name, children in groups.items():
            parent = units[name] = await add(name, kind, district)
            for child in children:
                units[child] = await add(child, child_kind, parent)
    # Added after the original tree so that its units keep their numbers and credit codes, and
    # listed with the departments, before the streets.
    after_departments = len(data.DEPARTMENTS) + 1
    for name, body in data.VERTICAL.items():
        units[name] = await add(name, UnitType.DEPARTMENT, district, body, after_departments)
    for name in data.STATIONED:
        units[name] = await add(name, UnitType.DEPARTMENT, district, None, after_departments)
    for department, children in data.SUBUNITS.items():
        for child in children:
            units[child] = await add(child, UnitType.DEPARTMENT, units[department])

    password = hash_password(data.DEMO_PASSWORD)
    for username, display_name, unit_name, roles in data.USERS:
        session.add(
            User(
                username=username,
                display_name=display_name,
                unit_id=units[unit_name].id,
                roles=roles,
                password_hash=password,
            )
        )
    await audit.record(
        session,
        actor="demo",
        action="demo.loaded",
        entity_type="demo",
        entity_id="jinhua",
        after={"units": len(units), "users": len(data.USERS)},
    )
    return True


async def main() -> None:
    database = Database(GatewaySettings().database_url)
    async with database.sessionmaker() as session, session.begin():
        loaded = await load(session)
    await database.dispose()
    print("demo data loaded" if loaded else "demo data already present")


if __name__ == "__main__":
    asyncio.run(main())
