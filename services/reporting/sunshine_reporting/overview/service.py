"""Figures of a unit, read from the other services over HTTP (never from their tables)."""

from __future__ import annotations

from sunshine_kit.db import utcnow
from sunshine_kit.http import ServiceClient
from sunshine_reporting.overview.schemas import UnitOverview


async def unit_overview(services: ServiceClient, unit_id: int) -> UnitOverview:
    catalogue = await services.get_json("catalog", f"/stats/units/{unit_id}/catalogue")
    return UnitOverview(
        unit_id=unit_id,
        unit_name=catalogue["unit_name"],
        catalogue_columns=catalogue["columns"],
        generated_at=utcnow(),
    )
