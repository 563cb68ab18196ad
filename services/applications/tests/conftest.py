from pathlib import Path

import pytest
from fastapi import FastAPI

from sunshine_applications.main import create
from sunshine_kit.settings import Settings

pytest_plugins = ["sunshine_kit.testing"]


@pytest.fixture(scope="session")
def alembic_ini() -> Path:
    return Path(__file__).parents[1] / "alembic.ini"


@pytest.fixture(scope="session")
def app() -> FastAPI:
    return create(Settings(service_name="applications", outbox_worker_enabled=False))
