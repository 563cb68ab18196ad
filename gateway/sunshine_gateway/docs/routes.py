from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import fastapi_offline
import httpx
import structlog
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse

from sunshine_gateway.docs.combine import combine
from sunshine_gateway.settings import GatewaySettings
from sunshine_kit.errors import NotFound
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


# Swagger UI's files come with the gateway (from the fastapi-offline package): a government
# intranet often has no internet, and a script from a CDN would run with this origin's rights.
SWAGGER_FILES = Path(fastapi_offline.__file__).parent / "static"
DOCS_FILES = {
    "swagger-ui-bundle.js": (SWAGGER_FILES / "swagger-ui-bundle.js", "text/javascript"),
    "swagger-ui.css": (SWAGGER_FILES / "swagger-ui.css", "text/css"),
    "favicon.png": (SWAGGER_FILES / "favicon.png", "image/png"),
    "start.js": (Path(__file__).parent / "start.js", "text/javascript"),
}
DOCS_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>阳光政务 API 文档</title>
<link rel="icon" href="/docs/assets/favicon.png">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/start.js"></script></body></html>"""


@router.get("/docs")
async def docs() -> HTMLResponse:
    """The combined API documentation (Swagger UI), with no script from elsewhere."""
    return HTMLResponse(DOCS_PAGE, headers={"Cache-Control": "no-cache"})


@router.get("/docs/assets/{name}")
async def docs_asset(name: str) -> FileResponse:
    if name not in DOCS_FILES:
        raise NotFound("请求的地址不存在")
    path, media_type = DOCS_FILES[name]
    return FileResponse(path, media_type=media_type, headers={"Cache-Control": "max-age=86400"})
