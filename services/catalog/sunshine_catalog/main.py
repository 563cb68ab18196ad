"""The catalog service app: `uvicorn sunshine_catalog.main:app`."""

from __future__ import annotations

import asyncio

from fastapi import FastAPI

from sunshine_catalog.attachments.routes import router as attachments_router
from sunshine_catalog.columns.routes import router as columns_router
from sunshine_catalog.feed.routes import router as feed_router
from sunshine_catalog.intake.routes import router as intake_router
from sunshine_catalog.items.routes import router as items_router
from sunshine_catalog.proposals.routes import router as proposals_router
from sunshine_catalog.reorganisation.routes import router as reorganisation_router
from sunshine_catalog.search.cache import SearchCache
from sunshine_catalog.search.index import SearchIndex
from sunshine_catalog.search.routes import router as search_router
from sunshine_catalog.settings import CatalogSettings
from sunshine_catalog.stats.routes import router as stats_router
from sunshine_kit.app import create_app


def _warm_search_index(app: FastAPI) -> None:
    # In the background: the service answers while a large index is built; searches wait for it.
    index: SearchIndex = app.state.search_index
    app.state.search_index_warming = asyncio.create_task(index.warm(app.state.db.engine))


def create(settings: CatalogSettings | None = None) -> FastAPI:
    settings = settings or CatalogSettings()
    app = create_app(
        settings,
        title="公开目录服务 Catalog",
        description="主动公开与政府信息公开目录：目录模板、栏目、统计。",
        # Search first: the portal's busiest route is matched before the rest are tried.
        routers=[
            search_router,
            columns_router,
            reorganisation_router,
            items_router,
            attachments_router,
            intake_router,
            stats_router,
            feed_router,
            proposals_router,
        ],
        on_startup=_warm_search_index,
    )
    app.state.search_cache = SearchCache()
    app.state.search_index = SearchIndex(settings.search_index_dir, settings.search_index_memory_mb)
    return app


app = create()
