"""The applications service app: `uvicorn sunshine_applications.main:app`."""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications import service as applications
from sunshine_applications.applications.routes import router as applications_router
from sunshine_applications.audit_words import AUDIT_WORDS
from sunshine_applications.inquiries import service as inquiries
from sunshine_applications.inquiries.routes import router as inquiries_router
from sunshine_applications.letters.routes import router as letters_router
from sunshine_applications.overview.routes import router as overview_router
from sunshine_applications.settings import ApplicationsSettings
from sunshine_applications.stats.routes import router as stats_router
from sunshine_applications.vocabulary.routes import router as vocabulary_router
from sunshine_kit import personal_data
from sunshine_kit.app import create_app
from sunshine_kit.calendar.days import WorkingDayCalendar


async def recompute_due_dates(session: AsyncSession, calendar: WorkingDayCalendar) -> None:
    """A loaded or corrected year moves the stored due dates of open applications (and their
    opinions) and of unanswered consultations and messages, in the year's transaction."""
    await applications.recompute_open(session, calendar)
    await inquiries.recompute_open(session, calendar)


def create(settings: ApplicationsSettings | None = None) -> FastAPI:
    settings = settings or ApplicationsSettings()

    def encrypt_with_its_keys(_: FastAPI) -> None:
        # At start-up, after the settings' keys were checked (check_secrets): the models
        # encrypt and decrypt personal data with these from the first request on.
        personal_data.use(personal_data.PersonalDataCipher.from_settings(settings))

    return create_app(
        settings,
        on_startup=encrypt_with_its_keys,
        on_calendar_change=recompute_due_dates,
        title="依申请公开服务 Applications",
        description="依申请公开：受理、补正、征求意见、延期、答复与法定期限；咨询与留言。",
        routers=[
            applications_router,
            inquiries_router,
            letters_router,
            stats_router,
            vocabulary_router,
            overview_router,
        ],
        audit_words=AUDIT_WORDS,
    )


app = create()
