"""The reporting service publishes each region's monthly bulletin into the 考评通报 column."""

from __future__ import annotations

from catalog_builders import DISTRICT, add_test_district
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.testing import auth

REPORTING = auth("service", username="reporting", unit_id=None)

BULLETIN = {
    "unit_id": DISTRICT,
    "column_code": "X-EVALUATION",
    "title": "锦华区人民政府2026年10月政务公开工作考评通报",
    "body_html": "<p>现将2026年10月各单位政务公开工作考评情况通报如下。</p>",
    "formed_on": "2026-11-03",
    "keywords": "考评通报",
}


async def test_the_bulletin_is_published_once_in_its_column(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    key = {"Idempotency-Key": "reporting:bulletin:7"}
    first = await client.post("/intake/items", json=BULLETIN, headers={**REPORTING, **key})
    assert first.status_code == 201, first.text
    assert first.json()["source"] == "reporting" and first.json()["status"] == "published"
    again = await client.post("/intake/items", json=BULLETIN, headers={**REPORTING, **key})
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    public = (await client.get(f"/items/{first.json()['id']}")).json()
    assert public["column_name"] == "考评通报"
