"""Request id, access log and metrics for every request, as plain ASGI middleware."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Sequence

import structlog
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sunshine_kit.context import request_id_var
from sunshine_kit.errors import PayloadTooLarge, app_error_response
from sunshine_kit.metrics import LATENCY, REQUESTS

log = structlog.get_logger()
_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
_QUIET = frozenset({"/healthz", "/readyz", "/metrics"})


def route_template(scope: Scope) -> str:
    """The matched route's path template with the prefixes of the routers it was included in.

    FastAPI keeps the prefixes given to `include_router` out of `route.path`, so the label would
    read /units for /api/units; the prefix is recovered from where the route's pattern matches.
    """
    route = scope.get("route")
    pattern = getattr(route, "path_regex", None)
    if route is None or pattern is None:
        return "unmatched"
    path: str = scope["path"]
    for cut in (i for i, char in enumerate(path) if char == "/"):
        if pattern.match(path[cut:]):
            return path[:cut] + str(route.path)
    return str(route.path)


class RequestContextMiddleware:
    """Keeps the caller's X-Request-ID (or makes one), returns it, logs and times the request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"].append((b"x-request-id", request_id.encode()))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            template = route_template(scope)
            method = scope["method"]
            REQUESTS.labels(method, template, str(status)).inc()
            LATENCY.labels(method, template).observe(elapsed)
            if scope["path"] not in _QUIET:
                log.info(
                    "request",
                    method=method,
                    path=scope["path"],
                    status=status,
                    ms=round(elapsed * 1000, 1),
                )
            request_id_var.reset(token)


class BodyLimit:
    """Refuses a request body larger than its path allows before the app reads it.

    A declared Content-Length over the limit is answered 413 at once; a body sent without one
    is counted as it arrives and cut off at the limit. `larger` gives the paths (regular
    expressions, matched whole) that may carry more — attachment uploads — with their ceiling.
    """

    def __init__(self, app: ASGIApp, limit: int, larger: Sequence[tuple[str, int]] = ()) -> None:
        self.app = app
        self.limit = limit
        self.larger = [(re.compile(pattern), size) for pattern, size in larger]

    def limit_for(self, path: str) -> int:
        return next((size for rule, size in self.larger if rule.fullmatch(path)), self.limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refuse(scope, receive, send, limit)
            return
        received, refused = 0, False

        async def counted() -> Message:
            # Past the limit the 413 goes out from here and the app is told the caller left:
            # an exception raised into the app's body reading would come out as FastAPI's 400.
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    await self._refuse(scope, receive, send, limit)
                    return {"type": "http.disconnect"}
            return message

        async def unless_refused(message: Message) -> None:
            if not refused:
                await send(message)

        await self.app(scope, counted, unless_refused)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        response = app_error_response(Request(scope), PayloadTooLarge(_too_large(limit)))
        await response(scope, receive, send)


def _too_large(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"提交的内容超过 {limit // (1024 * 1024)} MB 上限"
    return f"提交的内容超过 {max(limit // 1024, 1)} KB 上限"
