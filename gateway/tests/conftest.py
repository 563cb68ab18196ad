from pathlib import Path

import pytest
from fastapi import FastAPI

from sunshine_gateway.main import create
from sunshine_gateway.ratelimit import RateLimits
from sunshine_gateway.settings import GatewaySettings

pytest_plugins = ["sunshine_kit.testing"]


@pytest.fixture(scope="session")
def alembic_ini() -> Path:
    return Path(__file__).parents[1] / "alembic.ini"


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    spa = tmp_path_factory.mktemp("spa")
    (spa / "index.html").write_text("<!doctype html><title>阳光政务</title>", encoding="utf-8")
    (spa / "assets").mkdir()
    (spa / "assets" / "app-1234.js").write_text("console.log(1)", encoding="utf-8")
    settings = GatewaySettings(
        outbox_worker_enabled=False, spa_dir=spa, login_rate_limit="5/minute"
    )
    return create(settings)


@pytest.fixture(autouse=True)
def fresh_rate_limits(app: FastAPI) -> None:
    """Each test starts with unspent limits, as a new minute would."""
    app.state.rate_limits = RateLimits(app.state.settings.rate_limit_storage)
