"""Cross-service behaviour through the gateway, against the real processes."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from stack import BY_NAME, Stack
from support import eventually

SERVICES = ("catalog", "applications", "hall", "reporting")


def unit_by_name(gateway: httpx.Client, name: str) -> dict:
    return next(u for u in gateway.get("/api/units").json() if u["name"] == name)


def test_every_service_has_the_demo_district(gateway: httpx.Client) -> None:
    district = unit_by_name(gateway, "锦华区人民政府")
    for service in SERVICES:
        assert eventually(
            lambda s=service: gateway.get(f"/api/{s}/org/units/{district['id']}").status_code == 200
        ), service


def test_public_catalogue_of_a_street_through_the_gateway(gateway: httpx.Client) -> None:
    street = unit_by_name(gateway, "东湖街道")
    assert eventually(
        lambda: gateway.get(f"/api/catalog/units/{street['id']}/columns").status_code == 200
    )
    tree = gateway.get(f"/api/catalog/units/{street['id']}/columns").json()
    assert [n["article20_item"] for n in tree if n["article20_item"]] == list(range(1, 16))


def test_reporting_reads_a_figure_from_the_catalog(
    gateway: httpx.Client, login: Callable[[str], dict[str, str]]
) -> None:
    office = login("office")
    district = unit_by_name(gateway, "锦华区人民政府")
    tree = gateway.get(f"/api/catalog/units/{district['id']}/columns").json()
    expected = sum(1 + len(node["children"]) for node in tree)
    overview = gateway.get(f"/api/reporting/units/{district['id']}/overview", headers=office)
    assert overview.status_code == 200, overview.text
    assert overview.json()["catalogue_columns"] == expected
    assert overview.json()["unit_name"] == "锦华区人民政府"


def test_writes_through_the_gateway_are_checked_by_the_service(
    gateway: httpx.Client, login: Callable[[str], dict[str, str]]
) -> None:
    body = {"name": "优化营商环境", "code": "X-BUSINESS-XS"}
    assert gateway.post("/api/catalog/columns", json=body).status_code == 401
    forbidden = gateway.post("/api/catalog/columns", json=body, headers=login("publisher"))
    assert forbidden.status_code == 403
    office = login("office")
    bad = gateway.post("/api/catalog/columns", json={"name": "x"}, headers=office)
    assert bad.status_code == 422
    assert {f["field"] for f in bad.json()["error"]["fields"]} == {"body.name", "body.code"}
    names = [n["name"] for n in gateway.get("/api/catalog/columns").json()]
    assert "优化营商环境" not in names


def test_request_id_travels_to_the_service_and_back(
    gateway: httpx.Client, login: Callable[[str], dict[str, str]]
) -> None:
    office = login("office")
    response = gateway.post(
        "/api/catalog/columns",
        json={"name": "重点领域信息公开", "code": "X-KEY-AREAS"},
        headers={**office, "X-Request-ID": "xs-req-0001"},
    )
    assert response.status_code == 201, response.text
    assert response.headers["x-request-id"] == "xs-req-0001"
    trail = gateway.get(
        "/api/catalog/audit",
        params={"entity_type": "column", "entity_id": str(response.json()["id"])},
        headers=office,
    ).json()
    assert trail[0]["request_id"] == "xs-req-0001"
    assert trail[0]["actor"] == "office"


def test_a_logged_out_token_stops_at_the_gateway(
    gateway: httpx.Client, login: Callable[[str], dict[str, str]]
) -> None:
    tokens = gateway.post(
        "/api/auth/login", json={"username": "reviewer", "password": "Sunshine@2026"}
    ).json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    unit = tokens["user"]["unit_id"]
    assert gateway.get(f"/api/reporting/units/{unit}/overview", headers=headers).status_code == 200
    gateway.post(
        "/api/auth/logout", json={"refresh_token": tokens["refresh_token"]}, headers=headers
    )
    after = gateway.get(f"/api/reporting/units/{unit}/overview", headers=headers)
    assert after.status_code == 401
    assert after.json()["error"]["code"] == "session_revoked"


def test_combined_api_docs_list_every_service(gateway: httpx.Client) -> None:
    document = gateway.get("/openapi.json").json()
    paths = document["paths"]
    assert "/api/auth/login" in paths
    assert "/api/catalog/units/{unit_id}/columns" in paths
    assert "/api/reporting/units/{unit_id}/overview" in paths
    assert "/api/applications/calendar/years" in paths
    assert "/api/hall/outbox/dead" in paths
    assert gateway.get("/docs").status_code == 200


def test_a_rename_made_while_the_catalog_is_down_arrives_exactly_once(
    stack: Stack, gateway: httpx.Client, login: Callable[[str], dict[str, str]]
) -> None:
    office = login("office")
    community = unit_by_name(gateway, "望江社区")
    assert eventually(
        lambda: gateway.get(f"/api/catalog/org/units/{community['id']}").status_code == 200
    )
    stack.stop("catalog")
    try:
        renamed = gateway.patch(
            f"/api/units/{community['id']}", json={"name": "望江新城社区"}, headers=office
        )
        assert renamed.status_code == 200
        down = gateway.get(f"/api/catalog/org/units/{community['id']}")
        assert down.status_code == 502
        assert down.json()["error"]["code"] == "service_unavailable"
        # Give the gateway's outbox time to fail a few times against the stopped service.
        admin = login("admin")
        assert eventually(
            lambda: any(
                m["path"] == f"/org/units/{community['id']}" and m["attempts"] >= 2
                for m in gateway.get("/api/outbox/pending", headers=admin).json()
            )
        )
    finally:
        stack.start("catalog")

    assert eventually(
        lambda: (
            gateway.get(f"/api/catalog/org/units/{community['id']}").json().get("name")
            == "望江新城社区"
        )
    )
    trail = gateway.get(
        "/api/catalog/audit",
        params={"entity_type": "unit", "entity_id": str(community["id"])},
        headers=office,
    ).json()
    assert [e["action"] for e in trail].count("unit.renamed") == 1
    assert [e["action"] for e in trail].count("unit.created") == 1
    admin = login("admin")
    assert gateway.get("/api/outbox/dead", headers=admin).json() == []


def test_a_loaded_year_reaches_every_service(
    gateway: httpx.Client, login: Callable[[str], dict[str, str]]
) -> None:
    admin = login("admin")
    body = {"holidays": ["2027-01-01", "2027-02-08"], "workdays": ["2027-01-30"], "note": "测试"}
    assert gateway.put("/api/calendar/years/2027", json=body, headers=admin).status_code == 200
    for service in SERVICES:
        assert eventually(
            lambda s=service: any(
                y["year"] == 2027 and y["source"] == "loaded"
                for y in gateway.get(f"/api/{s}/calendar/years").json()
            )
        ), service


def test_a_persons_token_opens_no_service_port(
    stack: Stack, gateway: httpx.Client, login: Callable[[str], dict[str, str]]
) -> None:
    """The token a person gets at login is for the gateway alone: sent straight to a service's
    port it is refused, so a change of roles or a logout cannot be dodged by going around."""
    office = login("office")
    unit = gateway.get("/api/auth/me", headers=office).json()["unit_id"]
    assert gateway.get(f"/api/reporting/units/{unit}/overview", headers=office).status_code == 200
    for service, path in (
        ("reporting", f"/units/{unit}/overview"),
        ("applications", "/applications"),
        ("catalog", "/items"),
    ):
        direct = httpx.get(stack.url(service) + path, headers=office, timeout=10)
        assert direct.status_code == 401, (service, direct.text)
        assert direct.json()["error"]["code"] == "invalid_token"


def test_each_component_is_given_only_the_keys_it_needs(stack: Stack) -> None:
    gateway, catalog, applications = (
        stack.env(BY_NAME[n]) for n in ("gateway", "catalog", "applications")
    )
    assert gateway["SUNSHINE_USER_TOKEN_SECRET"] and gateway["SUNSHINE_INTERNAL_TOKEN_SECRET"]
    assert "SUNSHINE_USER_TOKEN_SECRET" not in catalog
    assert catalog["SUNSHINE_INTERNAL_TOKEN_SECRET"] == gateway["SUNSHINE_INTERNAL_TOKEN_SECRET"]
    assert "PERSONAL_DATA_KEY" not in catalog and applications["PERSONAL_DATA_KEY"]
