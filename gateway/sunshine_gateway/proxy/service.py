"""Forwarding /api/<service>/... to the service, streaming both ways.

The proxy is a plain ASGI app rather than a FastAPI route: it is on the path of every request
the portal and the console make, and FastAPI's dependency solving and httpx cost about 4 ms of
CPU per request here, more than the catalog takes to answer an item page. aiohttp's client does
the same forwarding for about a tenth of that (bench/README.md). Errors it raises are still
answered by the gateway's error handlers, and the request id and access log still wrap it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
from starlette.requests import HTTPConnection
from starlette.types import Receive, Scope, Send

from sunshine_gateway.deps import client_ip
from sunshine_gateway.identity.service import confirm_signed_in
from sunshine_gateway.ratelimit import RateLimits
from sunshine_gateway.settings import GatewaySettings
from sunshine_kit.auth import ACCESS, Principal, decode_token, issue_forwarded_token
from sunshine_kit.db import Database
from sunshine_kit.errors import INVALID_TOKEN, AppError, NotFound, Unauthorized, UpstreamUnavailable
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
        b"connection",
        b"keep-alive",
        b"proxy-authenticate",
        b"proxy-authorization",
        b"te",
        b"trailer",
        b"transfer-encoding",
        b"upgrade",
        b"host",
        b"x-request-id",  # the gateway's own, set below
    }
)
# The gateway's server sets its own.
NOT_RETURNED = HOP_BY_HOP | {b"date", b"server"}
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
BODYLESS_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
BODY_HEADERS = frozenset({b"content-length", b"content-type", b"content-encoding"})
CHUNK = 64 * 1024
EVENT_STREAM = b"text/event-stream"


class GatewayTimeout(AppError):
    status_code = 504
    code = "upstream_timeout"
    message = "服务响应超时，请稍后再试"


# A service's own operations pages: for the cluster and its operators, never for the public.
NOT_FORWARDED = frozenset({"docs", "redoc", "openapi.json", "metrics", "healthz", "readyz"})


def upstream_url(settings: GatewaySettings, service: str, path: str, query: bytes) -> str:
    if service not in SERVICE_NAMES or path.rstrip("/") in NOT_FORWARDED:
        raise NotFound("请求的地址不存在")
    url = f"{settings.url_of(service)}/{path}"
    return f"{url}?{query.decode('latin-1')}" if query else url


class ServiceProxy:
    """ASGI endpoint of the route /api/{service}/{path:path}."""

    def __init__(self, settings: GatewaySettings, limits: RateLimits) -> None:
        self.settings = settings
        self.limits = limits
        self._client: aiohttp.ClientSession | None = None

    @property
    def client(self) -> aiohttp.ClientSession:
        # Made on first use: an aiohttp session belongs to the running event loop.
        if self._client is None:
            self._client = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=200, ttl_dns_cache=300),
                auto_decompress=False,  # bytes pass through as the service encoded them
                skip_auto_headers=("User-Agent", "Accept-Encoding"),
                cookie_jar=aiohttp.DummyCookieJar(),
            )
        return self._client

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        params = scope["path_params"]
        service, path = params["service"], params["path"]
        url = upstream_url(self.settings, service, path, scope["query_string"])
        headers = await self._admit(scope, service, path)
        method = scope["method"]
        body = None if method in BODYLESS_METHODS else _request_body(receive)
        timeout = _timeout(scope, self.settings.proxy_timeout_seconds)
        try:
            async with self.client.request(
                method,
                url,
                headers=headers,
                data=body,
                timeout=timeout,
                allow_redirects=False,
            ) as response:
                await send(
                    {
                        "type": "http.response.start",
                        "status": response.status,
                        "headers": [
                            (name, value)
                            for name, value in response.raw_headers
                            if name.lower() not in NOT_RETURNED
                        ],
                    }
                )
                # Each chunk is passed on as it arrives (iter_chunked reads what is there, up
                # to CHUNK): an event of a stream reaches the browser at once.
                async for chunk in response.content.iter_chunked(CHUNK):
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
                await send({"type": "http.response.body", "body": b"", "more_body": False})
        except TimeoutError:
            raise GatewayTimeout() from None
        except aiohttp.ClientError:
            raise UpstreamUnavailable(
                f"{SERVICE_TITLES[service]}服务暂时不可用，请稍后再试", code="service_unavailable"
            ) from None

    async def _admit(self, scope: Scope, service: str, path: str) -> list[tuple[str, str]]:
        """Check the caller (a logged-out session stops here) and build the headers to send."""
        headers: list[tuple[str, str]] = []
        authorization = forwarded_for = ""
        # A body sent with GET is not forwarded, so neither is its length: announced to the
        # service, it would read the next request on the pooled connection as that body.
        dropped = HOP_BY_HOP | BODY_HEADERS if scope["method"] in BODYLESS_METHODS else HOP_BY_HOP
        for raw_name, raw_value in scope["headers"]:
            name = raw_name.lower()
            if name in dropped:
                continue
            value = raw_value.decode("latin-1")
            if name == b"authorization":
                authorization = value
                continue  # the service gets the gateway's word instead (below)
            elif name == b"x-forwarded-for":
                forwarded_for = value
                continue
            headers.append((raw_name.decode("latin-1"), value))
        client = client_ip(HTTPConnection(scope))
        if authorization.lower().startswith("bearer "):
            principal = decode_token(self.settings, authorization[7:].strip())
            if principal.claims.get("typ") != ACCESS:
                # Components call each other directly; through here only people sign in.
                raise Unauthorized("登录凭证无效", code=INVALID_TOKEN)
            database: Database = scope["app"].state.db  # the app's, as tests replace it
            async with database.reader() as connection:
                person = await confirm_signed_in(connection, principal)
            headers.append(("authorization", f"Bearer {self._forwarded(person, service)}"))
        elif scope["method"] in WRITE_METHODS:
            await self.limits.check(self.settings.public_write_rate_limit, "public-write", client)
        elif service == "catalog" and path.startswith("search"):
            # A search nobody made before costs the catalog milliseconds of CPU: an anonymous
            # address gets a person's share, not the machine's.
            await self.limits.check(self.settings.public_search_rate_limit, "public-search", client)
        headers.append(("x-request-id", scope["state"]["request_id"]))
        # The chain as a proxy writes it: what came in, then the peer this request came from.
        peer = scope["client"][0] if scope.get("client") else "unknown"
        headers.append(("x-forwarded-for", f"{forwarded_for}, {peer}" if forwarded_for else peer))
        headers.append(("x-forwarded-proto", scope.get("scheme", "http")))
        return headers

    def _forwarded(self, person: Principal, service: str) -> str:
        return issue_forwarded_token(
            self.settings,
            audience=service,
            user_id=int(person.subject),
            username=person.username,
            display_name=person.display_name,
            unit_id=person.unit_id or 0,
            roles=sorted(person.roles),
            session_id=person.session_id or "",
        )


def _timeout(scope: Scope, seconds: float) -> aiohttp.ClientTimeout:
    """The whole exchange must end within `seconds`, except an event stream (the live hall
    board, the supervisors' alerts), which lasts as long as the screen is open: it is held
    only to a silence of `seconds` (the services send a heartbeat every 15 seconds)."""
    for name, value in scope["headers"]:
        if name.lower() == b"accept" and EVENT_STREAM in value.lower():
            return aiohttp.ClientTimeout(total=None, connect=3.0, sock_read=seconds)
    return aiohttp.ClientTimeout(total=seconds, connect=3.0)


async def _request_body(receive: Receive) -> AsyncIterator[bytes]:
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise aiohttp.ClientPayloadError("the caller went away before sending its body")
        body: bytes = message.get("body", b"")
        if body:
            yield body
        if not message.get("more_body", False):
            return
