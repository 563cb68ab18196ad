from pathlib import Path

import pytest
from fastapi import FastAPI

from sunshine_catalog.main import create
from sunshine_catalog.search.cache import SearchCache
from sunshine_catalog.search.index import SearchIndex
from sunshine_catalog.settings import CatalogSettings
from sunshine_kit.testing import component_fixtures

pytest_plugins = ["sunshine_kit.testing"]

alembic_ini, app = component_fixtures(
    Path(__file__).parents[1],
    lambda: create(CatalogSettings(outbox_worker_enabled=False)),
)


@pytest.fixture(autouse=True)
def _fresh_search(app: FastAPI) -> None:
    # Each test's rollback takes the change feed's counter back with it, so a page or an index
    # kept from an earlier test could look current to the next one; in service the counter only
    # grows (and a restored database is noticed when the service starts: SearchIndex.warm).
    app.state.search_cache = SearchCache()
    app.state.latest_cache = SearchCache()
    app.state.search_index = SearchIndex()
