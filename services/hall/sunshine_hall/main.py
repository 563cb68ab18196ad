"""The hall service app: `uvicorn sunshine_hall.main:app`."""

from __future__ import annotations

from fastapi import FastAPI

from sunshine_hall.audit_words import AUDIT_WORDS
from sunshine_hall.cases.routes import router as cases_router
from sunshine_hall.cases.service import recompute_open
from sunshine_hall.enforcement.routes import router as enforcement_router
from sunshine_hall.items.routes import UPLOADS as ITEM_UPLOADS
from sunshine_hall.items.routes import guide as guide_router
from sunshine_hall.items.routes import router as items_router
from sunshine_hall.live.routes import router as live_router
from sunshine_hall.queue.routes import router as queue_router
from sunshine_hall.ratings.routes import router as ratings_router
from sunshine_hall.settings import HallSettings
from sunshine_hall.stats.routes import router as stats_router
from sunshine_hall.supervision.routes import router as supervision_router
from sunshine_hall.supervision.scheduler import SweepScheduler
from sunshine_hall.windows.routes import public as public_centres_router
from sunshine_hall.windows.routes import router as windows_router
from sunshine_kit import personal_data
from sunshine_kit.app import create_app


def create(settings: HallSettings | None = None) -> FastAPI:
    settings = settings or HallSettings()
    scheduler = SweepScheduler()

    def start(app: FastAPI) -> None:
        # After the settings' keys were checked: cases' ID numbers and phones are encrypted
        # with the hall's own key from the first request on.
        personal_data.use(personal_data.PersonalDataCipher.from_settings(settings))
        if settings.supervision_sweep_enabled:
            scheduler.start(app)

    async def stop(_: FastAPI) -> None:
        await scheduler.stop()

    return create_app(
        settings,
        title="政务大厅服务 Hall",
        description="政务服务中心：服务事项、窗口、排队叫号、办件、电子监察与好差评。",
        routers=[
            guide_router,
            public_centres_router,
            items_router,
            windows_router,
            queue_router,
            live_router,
            cases_router,
            supervision_router,
            stats_router,
            ratings_router,
            enforcement_router,
        ],
        uploads=[*ITEM_UPLOADS],
        on_startup=start,
        on_shutdown=stop,
        on_calendar_change=recompute_open,
        audit_words=AUDIT_WORDS,
    )


app = create()
