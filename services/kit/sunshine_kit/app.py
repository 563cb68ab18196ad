"""The one way a Sunshine component is put together: same health, metrics, errors and logs."""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from sunshine_kit.audit.routes import router as audit_router
from sunshine_kit.audit.words import AuditWords
from sunshine_kit.auth import GATEWAY, ServiceTokens
from sunshine_kit.calendar.routes import router as calendar_router
from sunshine_kit.calendar.service import CalendarChange, CalendarHolder
from sunshine_kit.db import Database
from sunshine_kit.errors import NotFound, install_error_handlers
from sunshine_kit.http import ServiceClient
from sunshine_kit.logging import configure_logging
from sunshine_kit.middleware import BodyLimit, RequestContextMiddleware
from sunshine_kit.outbox.routes import router as outbox_router
from sunshine_kit.outbox.worker import OutboxWorker
from sunshine_kit.settings import Settings
from sunshine_kit.units.routes import router as units_router


def operation_id(route: APIRoute) -> str:
    """Stable operation ids `tag-name`, which the generated SPA client is keyed on."""
    tag = route.tags[0] if route.tags else "default"
    return f"{tag}-{route.name}"


def create_app(
    settings: Settings,
    *,
    title: str,
    description: str,
    routers: Sequence[APIRouter],
    api_prefix: str = "",
    replicate_org: bool = True,
    on_startup: Callable[[FastAPI], object] | None = None,
    on_shutdown: Callable[[FastAPI], Awaitable[None]] | None = None,
    not_ready: Callable[[FastAPI], dict[str, str]] | None = None,
    middleware: Sequence[type[Any]] = (),
    uploads: Sequence[str] = (),
    on_calendar_change: CalendarChange | None = None,
    audit_words: AuditWords | None = None,
    **fastapi_options: Any,
) -> FastAPI:
    """A component's FastAPI app. Services replicate the org tree and calendar from the gateway.

    `not_ready` names what the component still lacks before it should be sent requests (empty
    when nothing): /readyz answers 503 with it, so a cluster routes to the replica only after.
    `middleware`: ASGI middleware classes of the component, run inside the request id, access
    log and metrics (so what they answer is logged and counted like any route).
    `uploads`: the paths (regular expressions) whose bodies may reach ATTACHMENT_MAX_BYTES;
    every other body is refused past MAX_BODY_BYTES before it is read.
    `on_calendar_change(session, calendar)`: recomputes what the component stores from the
    working-day calendar (due dates) when a year's arrangement is received, in the same
    transaction as the year.
    `audit_words`: how the component's audit entries read (`sunshine_kit.audit.words`).
    """
    configure_logging(settings.service_name, settings.log_level, settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Checked when serving, not when the app is built: tools that only read the OpenAPI
        # (the client generator) need no keys.
        settings.check_secrets(signs_user_tokens=settings.service_name == GATEWAY)
        worker = None
        if settings.outbox_worker_enabled:
            worker = OutboxWorker(
                app.state.db.sessionmaker, app.state.http, settings, app.state.tokens
            )
            worker.start()
        if on_startup is not None:
            on_startup(app)
        try:
            yield
        finally:
            if worker is not None:
                await worker.stop()
            if on_shutdown is not None:
                await on_shutdown(app)
            await app.state.http.aclose()
            await app.state.db.dispose()

    app = FastAPI(
        title=title,
        description=description,
        version="0.1.0",
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
        # FastAPI's own OpenTelemetry hooks look for a configured provider on every request;
        # metrics are prometheus-client's here (/metrics) and there is no tracer.
        telemetry={"tracing": False, "metrics": False, "logs": False},
        **fastapi_options,
    )
    # Built here rather than in the lifespan so that tests, which override only the session,
    # find the same state without starting the background worker.
    app.state.settings = settings
    app.state.db = Database(settings.database_url)
    app.state.http = httpx.AsyncClient(timeout=settings.http_timeout_seconds)
    app.state.tokens = ServiceTokens(settings)
    app.state.services = ServiceClient(app.state.http, settings, app.state.tokens)
    app.state.calendar = CalendarHolder()
    app.state.on_calendar_change = on_calendar_change
    app.state.audit_words = audit_words

    for inner in reversed(middleware):  # each added one wraps those before it
        app.add_middleware(inner)
    app.add_middleware(
        BodyLimit,
        limit=settings.max_body_bytes,
        larger=[(path, settings.attachment_max_bytes + MULTIPART_MARGIN) for path in uploads],
    )
    app.add_middleware(RequestContextMiddleware)
    install_error_handlers(app)
    app.include_router(_ops_router(not_ready))
    for router in routers:
        app.include_router(router)
    app.include_router(outbox_router, prefix=api_prefix)
    app.include_router(audit_router, prefix=api_prefix)
    if replicate_org:
        app.include_router(units_router, prefix=api_prefix)
        app.include_router(calendar_router, prefix=api_prefix)
    return app


LOOPBACK = ("127.0.0.1", "::1", "localhost")
# An upload's body is the file plus its multipart envelope (boundaries, part headers).
MULTIPART_MARGIN = 64 * 1024


def may_read_metrics(request: Request, settings: Settings) -> bool:
    """With METRICS_TOKEN set, the scraper must present it as a bearer token; without one, only a
    caller on this machine may read (a local run). The gateway's address is public, so its own
    figures (paths, error rates, pool use) must not be readable by anyone who asks."""
    if settings.metrics_token:
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        return hmac.compare_digest(given.encode(), settings.metrics_token.encode())
    return request.client is not None and request.client.host in LOOPBACK


def _ops_router(not_ready: Callable[[FastAPI], dict[str, str]] | None) -> APIRouter:
    router = APIRouter(tags=["ops"])

    @router.get("/healthz")
    async def healthz() -> dict[str, str]:
        """Liveness: the process answers."""
        return {"status": "ok"}

    @router.get("/readyz", response_model=None)
    async def readyz(request: Request) -> dict[str, str] | JSONResponse:
        """Readiness: the process can reach its database."""
        try:
            async with request.app.state.db.engine.connect() as connection:
                connection = await connection.execution_options(read_only=True)
                await connection.execute(text("SELECT 1"))
        except Exception as exc:
            return JSONResponse(
                {"status": "unavailable", "database": type(exc).__name__}, status_code=503
            )
        lacking = not_ready(request.app) if not_ready is not None else {}
        if lacking:
            return JSONResponse(
                {"status": "unavailable", "database": "ok", **lacking}, status_code=503
            )
        return {"status": "ok", "database": "ok"}

    @router.get("/metrics", include_in_schema=False)
    async def metrics(request: Request) -> Response:
        """Prometheus figures, for the monitoring system only (see `may_read_metrics`)."""
        if not may_read_metrics(request, request.app.state.settings):
            raise NotFound("请求的地址不存在")
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router
