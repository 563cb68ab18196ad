"""The hall service app: `uvicorn sunshine_hall.main:app`."""

from __future__ import annotations

from fastapi import FastAPI

from sunshine_kit.app import create_app
from sunshine_kit.settings import Settings


def create(settings: Settings | None = None) -> FastAPI:
    return create_app(
        settings or Settings(service_name="hall"),
        title="政务大厅服务 Hall",
        description="政务服务中心：服务事项、窗口、排队叫号、办件、电子监察与好差评。",
        routers=[],
    )


app = create()
