"""What the SPA reads instead of typing labels and role lists a second time."""

from gateway_builders import district, login
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession


async def test_me_lists_the_work_each_account_may_do(
    client: AsyncClient, session: AsyncSession
) -> None:
    await district(session)
    office = (await client.get("/api/auth/me", headers=await login(client, "office"))).json()
    assert "manage_catalogue" in office["can"] and "review_items" in office["can"]
    assert "manage_accounts" not in office["can"]
    assert office["reaches_subtree"] is True
    supervisor = await client.get("/api/auth/me", headers=await login(client, "supervisor"))
    assert set(supervisor.json()["can"]) == {
        "work_in_console",
        "read_items",
        "read_applications",
        "read_units",
        "read_audit",
        "read_cases",
        "supervise_hall",
        "read_reports",
    }
    clerk = await client.get("/api/auth/me", headers=await login(client, "clerk"))
    # The hall's window also registers walk-in applications for any unit (and reads none).
    assert set(clerk.json()["can"]) == {
        "work_in_console",
        "serve_at_window",
        "read_cases",
        "register_applications",
    }
    donghu = await client.get("/api/auth/me", headers=await login(client, "donghu"))
    assert {"write_items", "review_items"} <= set(donghu.json()["can"])
    assert "handle_applications" not in donghu.json()["can"]
    assert donghu.json()["reaches_subtree"] is False  # its own street only


async def test_vocabulary_names_roles_groups_and_unit_types_for_anyone(
    client: AsyncClient,
) -> None:
    response = await client.get("/api/vocabulary")
    assert response.status_code == 200
    body = response.json()
    assert {"value": "reviewer", "label": "保密审查员"} in body["roles"]
    assert {"value": "street", "label": "街道"} in body["unit_types"]
    assert body["role_groups"][0]["value"] == "work_in_console"
    assert "max-age" in response.headers["cache-control"]
