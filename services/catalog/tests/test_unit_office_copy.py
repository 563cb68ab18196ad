"""A unit's disclosure office (公开指南 contact details) reaches the catalog's copy of the tree,
and a later change that clears a field clears it there too."""

from httpx import AsyncClient

from sunshine_kit.testing import auth
from sunshine_kit.units.schemas import make_credit_code

CODE = make_credit_code("11510199MB0000043")
OFFICE = {
    "office_address": "锦华区锦华大道二段88号区行政中心1号楼6层",
    "office_phone": "028-84310068",
    "office_hours": "工作日 9:00–12:00，13:30–17:30",
    "postal_address": "蓉州市锦华区锦华大道二段88号",
    "postal_code": "610066",
    "office_email": "zwgk004@jinhua.gov.cn",
}


def snapshot(version: int, event: str, **office: str | None) -> dict[str, object]:
    return {
        "id": 43,
        "name": "锦华区教育局",
        "credit_code": CODE,
        "type": "department",
        "parent_id": None,
        "sort_order": 0,
        "closed": False,
        "version": version,
        "event": event,
        **office,
    }


async def test_the_copy_keeps_the_office_and_a_cleared_field_is_cleared(
    client: AsyncClient,
) -> None:
    gateway = auth("service", username="gateway")
    for version, event, office in (
        (1, "unit.created", OFFICE),
        (2, "unit.updated", {**OFFICE, "office_email": None, "office_phone": "028-86012345"}),
    ):
        sent = await client.put(
            "/org/units/43",
            json=snapshot(version, event, **office),
            headers={"Idempotency-Key": f"unit-43-v{version}-catalog", **gateway},
        )
        assert sent.status_code == 204, sent.text
    copy = (await client.get("/org/units/43")).json()
    assert copy["office_phone"] == "028-86012345"
    assert copy["office_email"] is None
    assert (copy["office_address"], copy["postal_code"]) == (OFFICE["office_address"], "610066")
