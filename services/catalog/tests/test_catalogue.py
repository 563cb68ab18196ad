from catalog_builders import BUREAU, DISTRICT, OTHER_STREET, STREET, add_test_district
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from sunshine_catalog.columns.models import CatalogueColumn
from sunshine_kit.audit.models import AuditEntry
from sunshine_kit.testing import auth, migration_differences


def names(tree: list[dict]) -> list[str]:
    out = []
    for node in tree:
        out.append(node["name"])
        out.extend(names(node["children"]))
    return out


async def test_migrations_match_the_models(engine: AsyncEngine) -> None:
    assert await migration_differences(engine) == []


async def test_default_template_follows_article_20(client: AsyncClient) -> None:
    tree = (await client.get("/columns")).json()
    items = [node["article20_item"] for node in tree if node["article20_item"]]
    assert items == list(range(1, 16))
    top = [node["name"] for node in tree]
    for extra in ("政策解读", "公开指南", "年度报告", "依申请公开", "双公示", "回应关切"):
        assert extra in top
    finance = next(node for node in tree if node["article20_item"] == 7)
    assert [c["name"] for c in finance["children"]] == ["财政预算", "财政决算", "三公经费"]


async def test_streets_have_no_rural_columns_but_departments_do(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    street = names((await client.get(f"/units/{STREET}/columns")).json())
    bureau = names((await client.get(f"/units/{BUREAU}/columns")).json())
    assert "涉农补贴" in bureau and "涉农补贴" not in street
    assert "教育" in street
    assert len(bureau) - len(street) == 3


async def test_an_unknown_unit_has_no_catalogue(client: AsyncClient) -> None:
    response = await client.get("/units/999/columns")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "unit_not_found"


async def test_office_adds_a_column_everyone_sees(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    office = auth("office", unit_id=DISTRICT, username="office")
    response = await client.post(
        "/columns", headers=office, json={"name": "优化营商环境", "code": "X-BUSINESS"}
    )
    assert response.status_code == 201, response.text
    assert "优化营商环境" in names((await client.get(f"/units/{STREET}/columns")).json())
    entry = await session.scalar(select(AuditEntry).where(AuditEntry.action == "column.added"))
    assert entry is not None and entry.actor == "office"


async def test_column_writes_need_login_office_role_and_valid_fields(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    before = await session.scalar(select(func.count()).select_from(CatalogueColumn))
    body = {"name": "优化营商环境", "code": "X-BUSINESS"}
    assert (await client.post("/columns", json=body)).status_code == 401
    publisher = auth("publisher", unit_id=BUREAU)
    assert (await client.post("/columns", json=body, headers=publisher)).status_code == 403
    office = auth("office", unit_id=DISTRICT)
    bad = await client.post(
        "/columns", headers=office, json={"name": "优化营商环境", "code": "bad code"}
    )
    assert bad.status_code == 422
    assert bad.json()["error"]["fields"][0]["field"] == "body.code"
    taken = await client.post("/columns", headers=office, json={"name": "重复", "code": "A20-08"})
    assert taken.status_code == 422
    assert taken.json()["error"]["fields"][0] == {"field": "body.code", "reason": "栏目编码已存在"}
    assert await session.scalar(select(func.count()).select_from(CatalogueColumn)) == before


async def test_a_unit_hides_a_column_only_within_its_office_reach(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    column_id = await session.scalar(
        select(CatalogueColumn.id).where(CatalogueColumn.code == "A20-14")
    )
    street_office = auth("office", unit_id=STREET)
    other = await client.put(
        f"/units/{OTHER_STREET}/columns/{column_id}/setting",
        headers=street_office,
        json={"hidden": True},
    )
    assert other.status_code == 403
    assert other.json()["error"]["code"] == "unit_forbidden"
    own = await client.put(
        f"/units/{STREET}/columns/{column_id}/setting", headers=street_office, json={"hidden": True}
    )
    assert own.status_code == 200
    assert "公务员招考" not in names((await client.get(f"/units/{STREET}/columns")).json())
    assert "公务员招考" in names((await client.get(f"/units/{OTHER_STREET}/columns")).json())


async def test_catalogue_figures_for_reporting(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    assert (await client.get(f"/stats/units/{STREET}/catalogue")).status_code == 401
    figures = await client.get(f"/stats/units/{STREET}/catalogue", headers=auth("service"))
    body = figures.json()
    assert body["unit_name"] == "东湖街道"
    street_columns = names((await client.get(f"/units/{STREET}/columns")).json())
    assert body["columns"] == len(street_columns)
