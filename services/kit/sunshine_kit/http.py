"""Calling another Sunshine component: service token, request id, retries for reads."""

from __future__ import annotations

from typing import Annotated, Any

import httpx
from fastapi import Depends, Request
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from sunshine_kit.auth import ServiceTokens
from sunshine_kit.context import request_id_var
from sunshine_kit.errors import NotFound, UpstreamUnavailable
from sunshine_kit.settings import Settings


class ServiceClient:
    """Reads from other components over HTTP. Writes never go here: they go through the outbox."""

    def __init__(self, http: httpx.AsyncClient, settings: Settings, tokens: ServiceTokens) -> None:
        self._http = http
        self._settings = settings
        self._tokens = tokens

    async def get_json(self, service: str, path: str, params: dict[str, Any] | None = None) -> Any:
        url = self._settings.url_of(service) + path
        headers = {"Authorization": f"Bearer {self._tokens.token(service)}"}
        if (request_id := request_id_var.get()) is not None:
            headers["X-Request-ID"] = request_id
        try:
            async for attempt in AsyncRetrying(
                stop=stop_after_attempt(3),
                wait=wait_exponential(multiplier=0.2, max=2),
                retry=retry_if_exception_type((httpx.TransportError, _ServerError)),
                reraise=True,
            ):
                with attempt:
                    response = await self._http.get(
                        url,
                        params=params,
                        headers=headers,
                        timeout=self._settings.http_timeout_seconds,
                    )
                    if response.status_code >= 500:
                        raise _ServerError(response.status_code)
        except (httpx.HTTPError, _ServerError) as exc:
            raise UpstreamUnavailable(
                f"{service} 服务暂时不可用", code=f"{service}_unavailable"
            ) from exc
        if response.status_code == 404:
            raise NotFound(response.json().get("error", {}).get("message", "记录不存在"))
        if response.status_code >= 400:
            raise UpstreamUnavailable(
                f"{service} 服务拒绝了请求（HTTP {response.status_code}）",
                code=f"{service}_rejected",
            )
        return response.json()


class _ServerError(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")


def service_client(request: Request) -> ServiceClient:
    """The client that calls the other Sunshine components with this component's token."""
    client: ServiceClient = request.app.state.services
    return client


# For a route or a loader that reads another component (a `deps.py` re-exports it).
ServicesDep = Annotated[ServiceClient, Depends(service_client)]
