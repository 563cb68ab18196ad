from pathlib import Path

from fastapi import FastAPI

from sunshine_hall.main import create
from sunshine_hall.settings import HallSettings
from sunshine_kit.testing import component_fixtures

pytest_plugins = ["sunshine_kit.testing"]


def _app() -> FastAPI:
    app = create(HallSettings(outbox_worker_enabled=False, supervision_sweep_enabled=False))
    # A live stream sends its state and ends, so that a test's request returns (live/routes.py).
    app.state.live_stream_seconds = 0
    return app


alembic_ini, app = component_fixtures(Path(__file__).parents[1], _app)
