"""栏目管理 asks what the caller may do before it offers a button (finding: a street's office
was shown the template's buttons and refused with template_forbidden)."""

from __future__ import annotations

from catalog_builders import BUREAU, OFFICE, PUBLISHER, STREET, add_test_district
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.testing import auth

STREET_OFFICE = auth("office", unit_id=STREET, username="street-office")
BUREAU_OFFICE = auth("office", unit_id=BUREAU, username="bureau-office")


async def test_only_the_top_units_office_is_offered_the_template(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    top = (await client.get("/template/rights", headers=OFFICE)).json()
    assert top == {"can_change_template": True, "reason": "", "can_hide_columns": True}

    for office in (STREET_OFFICE, BUREAU_OFFICE):
        rights = (await client.get("/template/rights", headers=office)).json()
        assert rights["can_change_template"] is False
        assert rights["can_hide_columns"] is True
        assert "本级人民政府政务公开办统一调整" in rights["reason"]
        # What the page would not offer is indeed refused.
        refused = await client.post(
            "/columns", json={"name": "街道动态", "code": "X-STREET-NEWS"}, headers=office
        )
        assert refused.json()["error"]["code"] == "template_forbidden"

    publisher = (await client.get("/template/rights", headers=PUBLISHER)).json()
    assert publisher["can_change_template"] is False and publisher["can_hide_columns"] is False
    assert publisher["reason"] == "只有政务公开办可以调整目录模板"
    assert (await client.get("/template/rights")).status_code == 401
