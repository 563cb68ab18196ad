"""Dependencies of the gateway's own routes."""

from __future__ import annotations

from ipaddress import ip_address
from typing import Annotated

from fastapi import Depends, Request
from starlette.requests import HTTPConnection

from sunshine_gateway.identity import service
from sunshine_gateway.identity.models import User
from sunshine_gateway.ratelimit import RateLimits
from sunshine_gateway.settings import GatewaySettings
from sunshine_kit.auth import CurrentPrincipal, Principal
from sunshine_kit.db import SessionDep


async def _signed_in(principal: CurrentPrincipal, session: SessionDep) -> Principal:
    """A valid token whose session has not been logged out."""
    if not principal.is_service:
        await service.active_user(session, principal)
    return principal


SignedIn = Annotated[Principal, Depends(_signed_in)]


async def _current_user(principal: SignedIn, session: SessionDep) -> User:
    return await service.active_user(session, principal)


CurrentUser = Annotated[User, Depends(_current_user)]


def get_settings(request: Request) -> GatewaySettings:
    settings: GatewaySettings = request.app.state.settings
    return settings


def get_limits(request: Request) -> RateLimits:
    limits: RateLimits = request.app.state.rate_limits
    return limits


SettingsDep = Annotated[GatewaySettings, Depends(get_settings)]
LimitsDep = Annotated[RateLimits, Depends(get_limits)]


def client_ip(connection: HTTPConnection) -> str:
    """The address the limits and the session record key on: the peer's, unless the peer is one
    of `TRUSTED_PROXIES`; then the right-most X-Forwarded-For hop that is not one of them (the
    hops to its left were written by whoever the first trusted proxy met, and may be invented)."""
    peer = connection.client.host if connection.client else "unknown"
    settings: GatewaySettings = connection.app.state.settings
    if not settings.trusted_proxies or not _trusted(peer, settings):
        return peer
    hops = [
        hop.strip()
        for header in connection.headers.getlist("x-forwarded-for")
        for hop in header.split(",")
        if hop.strip()
    ]
    found = peer
    for hop in reversed(hops):
        found = hop
        if not _trusted(hop, settings):
            break
    return found[:64]


def _trusted(address: str, settings: GatewaySettings) -> bool:
    try:
        ip = ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in settings.trusted_proxies)
