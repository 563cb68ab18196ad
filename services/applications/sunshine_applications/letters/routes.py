from __future__ import annotations

from fastapi import APIRouter, Response
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.concurrency import run_in_threadpool

from sunshine_applications.applications import service as applications
from sunshine_applications.applications.models import DisclosureApplication
from sunshine_applications.applications.views import sees_personal_data
from sunshine_applications.deps import StaffApplication
from sunshine_applications.letters import render, service
from sunshine_applications.letters.schemas import LetterFormat, PublicLetterIn
from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.db import SessionDep
from sunshine_kit.downloads import attachment_disposition
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.roles import Can

router = APIRouter(prefix="/applications", tags=["letters"], responses=ERROR_RESPONSES)
_handlers = [require(Can.HANDLE_APPLICATIONS)]

MEDIA_TYPES = {
    LetterFormat.PDF: "application/pdf",
    LetterFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _file_response(*formats: LetterFormat) -> dict[int | str, dict[str, object]]:
    """The OpenAPI description of a letter download: a binary body of the given types."""
    binary = {"schema": {"type": "string", "format": "binary"}}
    return {
        200: {
            "content": {MEDIA_TYPES[f]: binary for f in formats},
            "description": "答复告知书",
        }
    }


async def _letter(
    session: AsyncSession,
    application: DisclosureApplication,
    format: LetterFormat,
    *,
    personal_data: bool,
) -> Response:
    """The reply letter as a download (it exists once the decision is taken)."""
    content = await service.compose(session, application, personal_data=personal_data)
    # Laying out a PDF takes a CPU for a moment: keep it off the event loop.
    make = render.pdf_bytes if format == LetterFormat.PDF else render.docx_bytes
    data = await run_in_threadpool(make, content)
    name = service.filename(content.tracking_number, format.value)
    disposition = attachment_disposition(
        name, ascii_name=f"letter-{content.tracking_number}.{format.value}"
    )
    return Response(
        data,
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": disposition, "Cache-Control": "no-store"},
    )


@router.get(
    "/{application_id}/letter.docx",
    response_class=Response,
    responses=_file_response(LetterFormat.DOCX),
    dependencies=_handlers,
)
async def letter_docx(
    application: StaffApplication, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    """The reply letter as a Word file, to adjust and sign; once the decision is taken."""
    full = sees_personal_data(principal, application)
    return await _letter(session, application, LetterFormat.DOCX, personal_data=full)


@router.get(
    "/{application_id}/letter.pdf",
    response_class=Response,
    responses=_file_response(LetterFormat.PDF),
    dependencies=_handlers,
)
async def letter_pdf(
    application: StaffApplication, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    """The reply letter as a PDF; once the decision is taken."""
    full = sees_personal_data(principal, application)
    return await _letter(session, application, LetterFormat.PDF, personal_data=full)


@router.post("/track/letter", response_class=Response, responses=_file_response(*LetterFormat))
async def public_letter(body: PublicLetterIn, session: SessionDep) -> Response:
    """The applicant downloads the reply letter with the query code (public), once replied;
    the e-mail and address in it are masked, as a code passed on must not pass them on."""
    application = await applications.for_applicant(session, body.tracking_number, body.query_code)
    service.ensure_closed(application)
    return await _letter(session, application, body.format, personal_data=False)
