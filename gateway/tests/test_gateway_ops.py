from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncEngine

from sunshine_gateway.docs.combine import combine
from sunshine_kit.testing import migration_differences


async def test_migrations_match_the_models(engine: AsyncEngine) -> None:
    assert await migration_differences(engine) == []


async def test_health_readiness_and_metrics(client: AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    assert (await client.get("/readyz")).json()["database"] == "ok"
    await client.get("/api/units")
    metrics = (await client.get("/metrics")).text
    assert 'sunshine_http_requests_total{method="GET",route="/api/units",status="200"}' in metrics


async def test_request_id_is_kept_or_made(client: AsyncClient) -> None:
    kept = await client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert kept.headers["x-request-id"] == "abc-123"
    made = await client.get("/healthz")
    assert len(made.headers["x-request-id"]) == 32


async def test_the_spa_is_served_with_a_fallback_for_its_routes(client: AsyncClient) -> None:
    page = await client.get("/console/units")
    assert page.status_code == 200 and "阳光政务" in page.text
    asset = await client.get("/assets/app-1234.js")
    assert "immutable" in asset.headers["cache-control"]
    missing_api = await client.get("/api/nothing-here")
    assert missing_api.status_code == 404
    assert missing_api.json()["error"]["code"] == "not_found"


async def test_an_unknown_service_is_not_found(client: AsyncClient) -> None:
    response = await client.get("/api/weather/today")
    assert response.status_code == 404


def test_combined_document_puts_service_paths_under_api_and_keeps_refs_apart() -> None:
    gateway = {
        "openapi": "3.1.0",
        "paths": {"/api/units": {}},
        "components": {"schemas": {"UnitOut": {}}},
    }
    service = {
        "paths": {
            "/healthz": {"get": {}},
            "/columns": {
                "get": {
                    "operationId": "columns-template",
                    "tags": ["columns"],
                    "responses": {"200": {"$ref": "#/components/schemas/UnitOut"}},
                }
            },
        },
        "components": {"schemas": {"UnitOut": {"title": "UnitOut"}}},
    }
    combined = combine(gateway, {"catalog": service})
    operation = combined["paths"]["/api/catalog/columns"]["get"]
    assert operation["operationId"] == "catalog-columns-template"
    assert operation["responses"]["200"]["$ref"] == "#/components/schemas/CatalogUnitOut"
    assert "/api/catalog/healthz" not in combined["paths"]
    assert set(combined["components"]["schemas"]) == {"UnitOut", "CatalogUnitOut"}
