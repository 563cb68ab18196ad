from pathlib import Path

from sunshine_kit.settings import Settings
from sunshine_kit.testing import component_fixtures
from sunshine_reporting.main import create

pytest_plugins = ["sunshine_kit.testing"]

# The sources' addresses are a port where nothing listens: tests that need the real services
# are the cross-service tests in the top-level tests/ (the others stub them at the HTTP boundary).
alembic_ini, app = component_fixtures(
    Path(__file__).parents[1],
    lambda: create(
        Settings(
            service_name="reporting",
            outbox_worker_enabled=False,
            catalog_url="http://127.0.0.1:9",
            applications_url="http://127.0.0.1:9",
            hall_url="http://127.0.0.1:9",
            http_timeout_seconds=1,
        )
    ),
)
