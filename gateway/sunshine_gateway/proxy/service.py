"""Forwarding /api/<service>/... to the service, streaming both ways."""

from __future__ import annotations

import httpx
from fastapi import Request
from starlette.background import BackgroundTask
from starlette.responses import StreamingResponse

from sunshine_gateway.settings import GatewaySettings
from sunshine_kit.errors import AppError, NotFound, UpstreamUnavailable
from sunshine_kit.settings import SERVICE_NAMES

SERVICE_TITLES = {
    "catalog": "公开目录",
    "applications": "依申请公开",
    "hall": "政务大厅",
    "reporting": "统计报告",
}

# Hop-by-hop headers (RFC 9110 §7.6.1) are about one connection and are never forwarded.
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "host",
    }
)


class GatewayTimeout(AppError):
    status_code = 504
    code = "upstream_timeout"
    message = "服务响应超时，请稍后再试"


def upstream_url(settings: GatewaySettings, service: str, path: str, query: str) -> str:
    if service not in SERVICE_NAMES:
        raise NotFound("请求的地址不存在")
    url = f"{settings.url_of(service)}/{path}"
    return f"{url}?{query}" if query else url


async def forward(
    request: Request, http: httpx.AsyncClient, settings: GatewaySettings, service: str, path: str
) -> StreamingResponse:
    headers = [
        (name, value)
        for name, value in request.headers.items()
        if name.lower() not in HOP_BY_HOP and name.lower() != "x-request-id"
    ]
    headers.append(("x-request-id", request.state.request_id))
    client_host = request.client.host if request.client else ""
    forwarded_for = request.headers.get("x-forwarded-for")
    headers.append(
        ("x-forwarded-for", f"{forwarded_for}, {client_host}" if forwarded_for else client_host)
    )
    headers.append(("x-forwarded-proto", request.url.scheme))
    upstream = http.build_request(
        request.method,
        upstream_url(settings, service, path, request.url.query),
        headers=headers,
        content=request.stream(),
        timeout=httpx.Timeout(settings.proxy_timeout_seconds, connect=3.0),
    )
    try:
        response = await http.send(upstream, stream=True)
    except httpx.TimeoutException:
        raise GatewayTimeout() from None
    except httpx.TransportError:
        raise UpstreamUnavailable(
            f"{SERVICE_TITLES[service]}服务暂时不可用，请稍后再试", code="service_unavailable"
        ) from None
    response_headers = {
        name: value
        for name, value in response.headers.items()
        if name.lower() not in HOP_BY_HOP and name.lower() != "x-request-id"
    }
    return StreamingResponse(
        response.aiter_raw(),
        status_code=response.status_code,
        headers=response_headers,
        background=BackgroundTask(response.aclose),
    )
