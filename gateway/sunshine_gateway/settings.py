from __future__ import annotations

from pathlib import Path

from sunshine_kit.settings import Settings


class GatewaySettings(Settings):
    service_name: str = "gateway"
    spa_dir: Path = Path(__file__).resolve().parents[2] / "frontend" / "dist"
    # `limits` storage URI: memory:// for one gateway process, redis://... for several replicas.
    rate_limit_storage: str = "memory://"
    login_rate_limit: str = "10/minute"
    login_ip_rate_limit: str = "30/minute"
    public_write_rate_limit: str = "20/minute"
    openapi_cache_seconds: float = 30.0
    proxy_timeout_seconds: float = 60.0
