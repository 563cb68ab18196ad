"""The catalog service app: `uvicorn sunshine_catalog.main:app`."""

from __future__ import annotations

import asyncio
import contextlib

import structlog
from fastapi import FastAPI

from sunshine_catalog.attachments.routes import router as attachments_router
from sunshine_catalog.audit_words import AUDIT_WORDS
from sunshine_catalog.columns.routes import router as columns_router
from sunshine_catalog.feed.routes import router as feed_router
from sunshine_catalog.intake.routes import router as intake_router
from sunshine_catalog.items.routes import router as items_router
from sunshine_catalog.items.service import recompute_due_dates
from sunshine_catalog.overview.routes import router as overview_router
from sunshine_catalog.proposals.routes import router as proposals_router
from sunshine_catalog.reorganisation.routes import router as reorganisation_router
from sunshine_catalog.search.cache import SearchCache
from sunshine_catalog.search.index import SearchIndex
from sunshine_catalog.search.routes import CachedSearchPages
from sunshine_catalog.search.routes import router as search_router
from sunshine_catalog.settings import CatalogSettings
from sunshine_catalog.stats.routes import router as stats_router
from sunshine_catalog.vocabulary.routes import router as vocabulary_router
from sunshine_kit.app import create_app

log = structlog.get_logger()
# The only bodies that may be larger than the kit's MAX_BODY_BYTES: attachment uploads.
UPLOADS = [r"/items/\d+/attachments"]
WARM_RETRY_FIRST_SECONDS = 1.0
WARM_RETRY_MAX_SECONDS = 60.0


def _warm_search_index(app: FastAPI) -> None:
    # In the background: the service answers while a large index is built; searches wait for it,
    # and /readyz says "building" until then so that a cluster sends searches elsewhere.
    app.state.search_index_warming = asyncio.create_task(_keep_warming(app))


async def _keep_warming(app: FastAPI) -> None:
    """Build the index, trying again (1 s, 2 s, … up to a minute apart) while the database
    cannot be read: a replica started before its database must not stay unready for good."""
    index: SearchIndex = app.state.search_index
    delay = WARM_RETRY_FIRST_SECONDS
    while True:
        try:
            await index.warm(app.state.db.engine)
            return
        except Exception:
            log.exception("search_index_warm_failed", retry_in_seconds=delay)
        await asyncio.sleep(delay)
        delay = min(delay * 2, WARM_RETRY_MAX_SECONDS)


async def _stop_warming(app: FastAPI) -> None:
    warming: asyncio.Task[None] | None = getattr(app.state, "search_index_warming", None)
    if warming is not None:
        warming.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await warming


def _not_ready(app: FastAPI) -> dict[str, str]:
    index: SearchIndex = app.state.search_index
    return {} if index.version is not None else {"search_index": "building"}


def create(settings: CatalogSettings | None = None) -> FastAPI:
    settings = settings or CatalogSettings()
    app = create_app(
        settings,
        title="公开目录服务 Catalog",
        description="主动公开与政府信息公开目录：目录模板、栏目、信息发布与审查、检索、变更订阅、统计。",
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
            vocabulary_router,
            overview_router,
        ],
        on_startup=_warm_search_index,
        on_shutdown=_stop_warming,
        not_ready=_not_ready,
        middleware=[CachedSearchPages],
        uploads=UPLOADS,
        # A loaded or corrected year moves the deadlines of items not yet published.
        on_calendar_change=recompute_due_dates,
        audit_words=AUDIT_WORDS,
    )
    app.state.search_cache = SearchCache()
    app.state.latest_cache = SearchCache(max_pages=200)
    app.state.search_index = SearchIndex(settings.search_index_dir, settings.search_index_memory_mb)
    return app


app = create()
