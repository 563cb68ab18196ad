from __future__ import annotations

from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from typing import Annotated

from pydantic import field_validator
from pydantic_settings import NoDecode

from sunshine_kit.settings import Settings

Network = IPv4Network | IPv6Network


class GatewaySettings(Settings):
    service_name: str = "gateway"
    spa_dir: Path = Path(__file__).resolve().parents[2] / "frontend" / "dist"
    # `limits` storage URI: memory:// for one gateway process, redis://... for several replicas.
    rate_limit_storage: str = "memory://"
    # Login attempts per account name (whichever address they come from) and per address.
    login_rate_limit: str = "10/minute"
    login_ip_rate_limit: str = "30/minute"
    # 登录失败锁定: this many wrong passwords in a row lock the name for this many minutes.
    login_lockout_failures: int = 5
    login_lockout_minutes: int = 15
    public_write_rate_limit: str = "20/minute"
    # Catalogue searches per address of callers not signed in.
    public_search_rate_limit: str = "120/minute"
    openapi_cache_seconds: float = 30.0
    proxy_timeout_seconds: float = 60.0
    # The reverse proxies in front of the gateway (IPs or CIDRs, comma-separated), whose
    # X-Forwarded-For is believed; empty believes nobody's, so the peer address is the client.
    trusted_proxies: Annotated[tuple[Network, ...], NoDecode] = ()

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _networks(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(ip_network(part.strip()) for part in value.split(",") if part.strip())
        return value
