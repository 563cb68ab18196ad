from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sunshine_gateway.proxy.service import ServiceProxy
from sunshine_kit.app import MULTIPART_MARGIN
from sunshine_kit.errors import AppError, app_error_response
from sunshine_kit.middleware import BodyLimit, RequestContextMiddleware
from sunshine_kit.settings import SERVICE_NAMES

# The requests that carry a file: a catalogue item's attachment, a hall item's form or sample.
UPLOADS = r"/api/catalog/items/\d+/attachments|/api/hall/items/\d+/materials/\d+/files"
_SERVICE_PREFIXES = {f"/api/{name}/": name for name in SERVICE_NAMES}


def proxy_route(proxy: ServiceProxy) -> Route:
    """/api/{service}/... to the service, after the gateway's own /api routes."""
    return Route("/api/{service}/{path:path}", proxy, include_in_schema=False)


class ProxyFrontDoor:
    """Middleware that sends /api/<service>/… straight to the proxy.

    Every call of the portal and the console to a service passes here, and FastAPI's exception,
    dependency and routing layers (the gateway's own routes are tried first, one by one) cost
    about as much CPU as the forwarding itself (bench/README.md). The proxied request still
    gets its request id, access log and metrics, and errors in the one shape; anything else
    (the gateway's own API, an unknown service, the SPA) goes on to FastAPI as before.
    """

    def __init__(self, app: ASGIApp, proxy: ServiceProxy) -> None:
        self.app = app
        self.proxy = proxy
        self.route = proxy_route(proxy)  # what the access log and the metrics name it by
        settings = proxy.settings
        # Bodies are limited here as well as at the service: the gateway streams them on, and
        # a refused body should cost the service nothing.
        limited = BodyLimit(
            self._forward,
            limit=settings.max_body_bytes,
            larger=[(UPLOADS, settings.attachment_max_bytes + MULTIPART_MARGIN)],
        )
        self.forward = RequestContextMiddleware(limited)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path: str = scope["path"]
            end = path.find("/", 5) + 1  # past "/api/<service>/"
            service = _SERVICE_PREFIXES.get(path[:end]) if path.startswith("/api/") else None
            if service is not None:
                scope["route"] = self.route
                scope["path_params"] = {"service": service, "path": path[end:]}
                await self.forward(scope, receive, send)
                return
        await self.app(scope, receive, send)

    async def _forward(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            await self.proxy(scope, receive, sending)
        except AppError as exc:
            if started:  # too late for an error page: the caller sees the response cut short
                raise
            await app_error_response(Request(scope), exc)(scope, receive, send)
