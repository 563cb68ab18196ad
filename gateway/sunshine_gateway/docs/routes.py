from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
import structlog
from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse

from sunshine_gateway.docs.combine import combine
from sunshine_gateway.settings import GatewaySettings
from sunshine_kit.settings import SERVICE_NAMES

log = structlog.get_logger()
router = APIRouter(include_in_schema=False)


class SpecCache:
    """Service documents fetched at most every few seconds; a service that is down is skipped."""

    def __init__(self) -> None:
        self.fetched_at = 0.0
        self.specs: dict[str, dict[str, Any]] = {}

    async def get(
        self, http: httpx.AsyncClient, settings: GatewaySettings
    ) -> dict[str, dict[str, Any]]:
        if time.monotonic() - self.fetched_at < settings.openapi_cache_seconds and self.specs:
            return self.specs

        async def fetch(service: str) -> tuple[str, dict[str, Any] | None]:
            try:
                response = await http.get(f"{settings.url_of(service)}/openapi.json", timeout=5)
                response.raise_for_status()
                return service, response.json()
            except httpx.HTTPError as exc:
                log.warning("openapi_fetch_failed", service=service, error=str(exc))
                return service, None

        results = await asyncio.gather(*(fetch(s) for s in SERVICE_NAMES))
        self.specs = {service: spec for service, spec in results if spec is not None}
        if len(self.specs) == len(SERVICE_NAMES):
            self.fetched_at = time.monotonic()
        return self.specs


@router.get("/openapi.json")
async def openapi(request: Request) -> JSONResponse:
    """The combined OpenAPI document of the gateway and every service."""
    app = request.app
    specs = await app.state.spec_cache.get(app.state.http, app.state.settings)
    return JSONResponse(combine(app.openapi(), specs))


@router.get("/docs")
async def docs() -> HTMLResponse:
    return get_swagger_ui_html(openapi_url="/openapi.json", title="阳光政务 API 文档")
