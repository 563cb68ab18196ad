from pathlib import Path

from sunshine_applications.main import create
from sunshine_applications.settings import ApplicationsSettings
from sunshine_kit.testing import component_fixtures

pytest_plugins = ["sunshine_kit.testing"]

alembic_ini, app = component_fixtures(
    Path(__file__).parents[1],
    lambda: create(ApplicationsSettings(outbox_worker_enabled=False)),
)
