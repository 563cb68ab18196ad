"""Settings read from the environment, one class for every component."""

from __future__ import annotations

from functools import cached_property

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_JWT_SECRET = "sunshine-development-secret-change-me-in-production"

SERVICE_NAMES = ("catalog", "applications", "hall", "reporting")


class Settings(BaseSettings):
    """Configuration of one component (gateway or service); every field maps to an env var."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    service_name: str = "sunshine"
    env: str = Field("development", alias="SUNSHINE_ENV")
    database_url: str = ""
    jwt_secret: str = Field(DEV_JWT_SECRET, alias="SUNSHINE_JWT_SECRET")
    access_token_minutes: int = 15
    refresh_token_days: int = 7
    log_level: str = "INFO"
    log_json: bool = True

    # Where the other components answer; the outbox and service calls resolve names through these.
    gateway_url: str = "http://127.0.0.1:8000"
    catalog_url: str = "http://127.0.0.1:8001"
    applications_url: str = "http://127.0.0.1:8002"
    hall_url: str = "http://127.0.0.1:8003"
    reporting_url: str = "http://127.0.0.1:8004"
    http_timeout_seconds: float = 10.0

    outbox_worker_enabled: bool = True
    outbox_poll_seconds: float = 1.0
    outbox_batch_size: int = 50
    outbox_max_attempts: int = 10
    outbox_backoff_seconds: float = 1.0
    outbox_backoff_max_seconds: float = 600.0

    @model_validator(mode="after")
    def _default_database(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite+aiosqlite:///./var/{self.service_name}.db"
        if self.env == "production" and self.jwt_secret == DEV_JWT_SECRET:
            raise ValueError("SUNSHINE_JWT_SECRET must be set in production")
        return self

    @cached_property
    def service_urls(self) -> dict[str, str]:
        return {
            "gateway": self.gateway_url,
            "catalog": self.catalog_url,
            "applications": self.applications_url,
            "hall": self.hall_url,
            "reporting": self.reporting_url,
        }

    def url_of(self, destination: str) -> str:
        """Base URL of a named component, or the destination itself when it is already a URL."""
        if destination.startswith(("http://", "https://")):
            return destination.rstrip("/")
        try:
            return self.service_urls[destination].rstrip("/")
        except KeyError:
            raise ValueError(f"unknown destination {destination!r}") from None
