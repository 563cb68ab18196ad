from pathlib import Path

from sunshine_catalog.main import create
from sunshine_catalog.settings import CatalogSettings
from sunshine_kit.testing import component_fixtures

pytest_plugins = ["sunshine_kit.testing"]

alembic_ini, app = component_fixtures(
    Path(__file__).parents[1],
    lambda: create(CatalogSettings(outbox_worker_enabled=False)),
)
