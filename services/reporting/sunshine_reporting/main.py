"""The reporting service app: `uvicorn sunshine_reporting.main:app`."""

from __future__ import annotations

from fastapi import FastAPI

from sunshine_kit.app import create_app
from sunshine_kit.settings import Settings
from sunshine_reporting.annual.exports.routes import router as annual_exports_router
from sunshine_reporting.annual.routes import router as annual_router
from sunshine_reporting.audit_words import AUDIT_WORDS
from sunshine_reporting.bulletin.routes import router as bulletin_router
from sunshine_reporting.overview.routes import router as overview_router
from sunshine_reporting.summary.routes import router as summary_router


def create(settings: Settings | None = None) -> FastAPI:
    return create_app(
        settings or Settings(service_name="reporting"),
        title="统计报告服务 Reporting",
        description="政府信息公开工作年度报告、每月考评通报与工作总结数据。",
        routers=[
            overview_router,
            annual_router,
            annual_exports_router,
            bulletin_router,
            summary_router,
        ],
        audit_words=AUDIT_WORDS,
    )


app = create()
