from pathlib import Path

import pytest
from fastapi import FastAPI

from sunshine_kit.settings import Settings
from sunshine_reporting.main import create

pytest_plugins = ["sunshine_kit.testing"]


@pytest.fixture(scope="session")
def alembic_ini() -> Path:
    return Path(__file__).parents[1] / "alembic.ini"


@pytest.fixture(scope="session")
def app() -> FastAPI:
    return create(
        Settings(
            service_name="reporting",
            outbox_worker_enabled=False,
            catalog_url="http://127.0.0.1:9",
            http_timeout_seconds=1,
        )
    )
