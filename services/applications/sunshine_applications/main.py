"""The applications service app: `uvicorn sunshine_applications.main:app`."""

from __future__ import annotations

from fastapi import FastAPI

from sunshine_applications.applications.routes import router as applications_router
from sunshine_applications.inquiries.routes import router as inquiries_router
from sunshine_applications.letters.routes import router as letters_router
from sunshine_applications.stats.routes import router as stats_router
from sunshine_kit.app import create_app
from sunshine_kit.settings import Settings


def create(settings: Settings | None = None) -> FastAPI:
    return create_app(
        settings or Settings(service_name="applications"),
        title="依申请公开服务 Applications",
        description="依申请公开：受理、补正、征求意见、延期、答复与法定期限；咨询与留言。",
        routers=[applications_router, inquiries_router, letters_router, stats_router],
    )


app = create()
