"""What the gateway shows a browser: security headers everywhere, docs without outside scripts,
and no service's operations pages (metrics, docs, health) to the public."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI
from gateway_builders import district, login
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession


@pytest.mark.parametrize("path", ["/", "/console/items", "/api/units", "/docs", "/api/nothing"])
async def test_every_answer_carries_the_security_headers(client: AsyncClient, path: str) -> None:
    response = await client.get(path)
    policy = response.headers["content-security-policy"]
    assert (
        "script-src 'self'" in policy
        and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    )
    assert "frame-ancestors 'none'" in policy
    assert "img-src 'self' data: blob:" in policy  # no tracking pixel from elsewhere
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"


async def test_the_api_docs_load_nothing_from_elsewhere_and_run_no_inline_script(
    client: AsyncClient,
) -> None:
    page = (await client.get("/docs")).text
    assert "http://" not in page and "https://" not in page
    assert "<script>" not in page  # every script has a src on this origin
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "start.js"):
        response = await client.get(f"/docs/assets/{asset}")
        assert response.status_code == 200 and len(response.content) > 100
    assert (await client.get("/docs/assets/routes.py")).status_code == 404  # only its own files


@pytest.mark.parametrize("path", ["docs", "openapi.json", "metrics", "healthz", "readyz", "redoc"])
async def test_a_services_operations_pages_are_not_forwarded(
    client: AsyncClient, path: str
) -> None:
    response = await client.get(f"/api/catalog/{path}")
    assert response.status_code == 404


async def test_metrics_answer_only_the_scraper(app: FastAPI, client: AsyncClient) -> None:
    assert (await client.get("/metrics")).status_code == 200  # a local caller, no token set
    outside = httpx.ASGITransport(app=app, client=("203.0.113.9", 4000))
    async with AsyncClient(transport=outside, base_url="http://test") as stranger:
        assert (await stranger.get("/metrics")).status_code == 404
        settings = app.state.settings
        app.state.settings = settings.model_copy(update={"metrics_token": "s" * 8 + "cr3t-m3trics"})
        try:
            assert (await stranger.get("/metrics")).status_code == 404
            scraper = {"Authorization": "Bearer " + "s" * 8 + "cr3t-m3trics"}
            assert (await stranger.get("/metrics", headers=scraper)).status_code == 200
        finally:
            app.state.settings = settings


async def test_an_oversized_body_stops_at_the_gateway(client: AsyncClient) -> None:
    too_big = b"{" + b" " * (3 * 1024 * 1024) + b"}"
    response = await client.post(
        "/api/applications/applications",
        content=too_big,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


@pytest.mark.parametrize("unit", ["99999999999999999999", "2147483648", "-1", "0"])
async def test_an_id_beyond_any_record_is_a_clear_error_not_a_server_error(
    client: AsyncClient, session: AsyncSession, unit: str
) -> None:
    await district(session)
    response = await client.patch(
        f"/api/units/{unit}", json={"name": "新名称"}, headers=await login(client, "office")
    )
    assert response.status_code in (404, 422), response.text
    assert response.json()["error"]["code"] in ("validation_error", "unit_not_found")
    if response.status_code == 422:
        assert response.json()["error"]["fields"][0]["field"] == "path.unit_id"


async def test_anonymous_searches_are_limited_per_address(app: FastAPI) -> None:
    proxy = app.state.proxy
    kept = proxy.settings
    proxy.settings = kept.model_copy(update={"public_search_rate_limit": "3/minute"})
    try:
        visitor = httpx.ASGITransport(app=app, client=("198.51.100.7", 5000))
        async with AsyncClient(transport=visitor, base_url="http://test") as client:
            answers = [
                (await client.get("/api/catalog/search", params={"q": "教育"})).status_code
                for _ in range(4)
            ]
        assert 429 not in answers[:3] and answers[3] == 429
        other = httpx.ASGITransport(app=app, client=("198.51.100.8", 5000))
        async with AsyncClient(transport=other, base_url="http://test") as client:
            assert (await client.get("/api/catalog/search")).status_code != 429
    finally:
        proxy.settings = kept
        await proxy.close()
