from __future__ import annotations

from fastapi import APIRouter, Response
from starlette.concurrency import run_in_threadpool

from sunshine_applications.applications import service as applications
from sunshine_applications.letters import render, service
from sunshine_applications.letters.schemas import LetterContent, LetterFormat, PublicLetterIn
from sunshine_kit.auth import CurrentPrincipal, Role, require_roles
from sunshine_kit.db import SessionDep
from sunshine_kit.downloads import attachment_disposition
from sunshine_kit.errors import ERROR_RESPONSES

router = APIRouter(prefix="/applications", tags=["letters"], responses=ERROR_RESPONSES)
_handlers = [require_roles(Role.APPLICATION_HANDLER, Role.OFFICE)]

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


async def _file(content: LetterContent, format: LetterFormat) -> Response:
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


async def _staff_letter(
    application_id: int, format: LetterFormat, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    application = await applications.for_staff(session, principal, application_id)
    return await _file(await service.compose(session, application), format)


@router.get(
    "/{application_id}/letter.docx",
    response_class=Response,
    responses=_file_response(LetterFormat.DOCX),
    dependencies=_handlers,
)
async def letter_docx(
    application_id: int, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    """The reply letter as a Word file, to adjust and sign; once the decision is taken."""
    return await _staff_letter(application_id, LetterFormat.DOCX, session, principal)


@router.get(
    "/{application_id}/letter.pdf",
    response_class=Response,
    responses=_file_response(LetterFormat.PDF),
    dependencies=_handlers,
)
async def letter_pdf(
    application_id: int, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    """The reply letter as a PDF; once the decision is taken."""
    return await _staff_letter(application_id, LetterFormat.PDF, session, principal)


@router.post("/track/letter", response_class=Response, responses=_file_response(*LetterFormat))
async def public_letter(body: PublicLetterIn, session: SessionDep) -> Response:
    """The applicant downloads the reply letter with the query code (public), once replied."""
    application, _ = await applications.track(session, body.tracking_number, body.query_code)
    service.ensure_closed(application)
    return await _file(await service.compose(session, application), body.format)
