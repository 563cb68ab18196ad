"""Settings read from the environment, one class for every component."""

from __future__ import annotations

from functools import cached_property

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Values that have been published (in this repository's history or its deploy examples) and so
# protect nothing; production refuses them whatever their length.
PUBLISHED_SECRETS = frozenset(
    {
        "sunshine-development-secret-change-me-in-production",
        "CHANGE-ME-PLACEHOLDER-generate-with-openssl-rand-base64-48",
    }
)
PLACEHOLDER_WORDS = ("change", "placeholder", "example", "secret", "password", "default")
MIN_SECRET_LENGTH = 32


class MissingSecret(RuntimeError):
    """A signing key this component needs was not configured."""


def secret_problem(name: str, value: str) -> str | None:
    """Why `value` will not do as a production signing key, or None when it will."""
    if len(value) < MIN_SECRET_LENGTH:
        return f"{name} is shorter than {MIN_SECRET_LENGTH} characters"
    if value in PUBLISHED_SECRETS:
        return f"{name} is a published example value"
    if any(word in value.lower() for word in PLACEHOLDER_WORDS):
        return f"{name} looks like a placeholder"
    if len(set(value)) < 12:
        return f"{name} repeats too few characters to be random"
    return None


SERVICE_NAMES = ("catalog", "applications", "hall", "reporting")


class Settings(BaseSettings):
    """Configuration of one component (gateway or service); every field maps to an env var."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    service_name: str = "sunshine"
    env: str = Field("development", alias="SUNSHINE_ENV")
    database_url: str = ""
    # Signing keys: no default in the source. `make run` makes random ones under var/.
    user_token_secret: str = Field("", alias="SUNSHINE_USER_TOKEN_SECRET", repr=False)
    internal_token_secret: str = Field("", alias="SUNSHINE_INTERNAL_TOKEN_SECRET", repr=False)
    # Bearer token the metrics scraper presents at /metrics; empty: only loopback callers.
    metrics_token: str = Field("", repr=False)
    # Request bodies: refused past these before they are read (uploads may carry more).
    max_body_bytes: int = 2 * 1024 * 1024
    attachment_max_bytes: int = 50 * 1024 * 1024
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
        return self

    def secret_for_users(self) -> str:
        """The key of users' access tokens (the gateway's alone)."""
        if not self.user_token_secret:
            raise MissingSecret("SUNSHINE_USER_TOKEN_SECRET is not set")
        return self.user_token_secret

    def secret_for_components(self) -> str:
        """The key of what the components say to one another."""
        if not self.internal_token_secret:
            raise MissingSecret("SUNSHINE_INTERNAL_TOKEN_SECRET is not set")
        return self.internal_token_secret

    def check_secrets(self, *, signs_user_tokens: bool) -> None:
        """Refuse to start without the keys this component needs, or, in production, with keys
        that protect nothing (short, placeholder, published, or the same key twice)."""
        needed = {"SUNSHINE_INTERNAL_TOKEN_SECRET": self.internal_token_secret}
        if signs_user_tokens:
            needed["SUNSHINE_USER_TOKEN_SECRET"] = self.user_token_secret
        for name, value in needed.items():
            if not value:
                raise MissingSecret(
                    f"{name} is not set: `make run` makes one under var/; a deployment sets it"
                    " from its secret store (see README, Security)"
                )
            if self.env == "production" and (problem := secret_problem(name, value)):
                raise MissingSecret(f"refusing to start in production: {problem}")
        if signs_user_tokens and self.user_token_secret == self.internal_token_secret:
            raise MissingSecret("the users' and the components' keys must differ")

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
