from __future__ import annotations

from starlette.routing import Route

from sunshine_gateway.proxy.service import ServiceProxy


def proxy_route(proxy: ServiceProxy) -> Route:
    """/api/{service}/... to the service, after the gateway's own /api routes."""
    return Route("/api/{service}/{path:path}", proxy, include_in_schema=False)
