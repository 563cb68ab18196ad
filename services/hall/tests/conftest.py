from pathlib import Path

from sunshine_hall.main import create
from sunshine_kit.settings import Settings
from sunshine_kit.testing import component_fixtures

pytest_plugins = ["sunshine_kit.testing"]

alembic_ini, app = component_fixtures(
    Path(__file__).parents[1],
    lambda: create(Settings(service_name="hall", outbox_worker_enabled=False)),
)
