from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sunshine_applications.deps import StaffInquiry
from sunshine_applications.inquiries import service
from sunshine_applications.inquiries.models import Inquiry
from sunshine_applications.inquiries.schemas import (
    AnswerIn,
    InquiryIn,
    InquiryOut,
    InquiryPage,
    InquiryState,
    InquirySubmitted,
    PublicInquiry,
    RegisteredInquiryIn,
    SatisfactionIn,
)
from sunshine_kit.audit import service as audit
from sunshine_kit.audit.schemas import AuditEntryOut
from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.calendar.service import CalendarDep
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.ids import OptionalIdFilter, RecordId
from sunshine_kit.pagination import PageDep
from sunshine_kit.roles import Can

router = APIRouter(prefix="/inquiries", tags=["inquiries"], responses=ERROR_RESPONSES)
# Consultations carry askers' contacts: read by those who answer or supervise them.
_staff = [require(Can.READ_APPLICATIONS)]
_answerers = [require(Can.HANDLE_APPLICATIONS)]


def _receipt(inquiry: Inquiry, token: str) -> InquirySubmitted:
    return InquirySubmitted(
        id=inquiry.id,
        token=token,
        received_on=inquiry.received_on,
        answer_due_on=inquiry.answer_due_on,
        due_provisional=inquiry.due_provisional,
    )


@router.post("", response_model=InquirySubmitted, status_code=201)
async def ask_online(
    body: InquiryIn, session: SessionDep, calendar: CalendarDep
) -> InquirySubmitted:
    """Ask a question or leave a message online (public). Keep the number and the code."""
    inquiry, token = await service.submit_online(session, calendar, body)
    return _receipt(inquiry, token)


@router.post(
    "/registered", response_model=InquirySubmitted, status_code=201, dependencies=_answerers
)
async def register(
    body: RegisteredInquiryIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    calendar: CalendarDep,
) -> InquirySubmitted:
    """Record a consultation taken on site or on the phone; give the asker the code."""
    inquiry, token = await service.register(session, calendar, principal, body)
    return _receipt(inquiry, token)


@router.get("", response_model=InquiryPage, dependencies=_staff)
async def list_inquiries(
    session: SessionDep,
    principal: CurrentPrincipal,
    page: PageDep,
    unit_id: OptionalIdFilter = None,
    state: Annotated[InquiryState | None, Query(description="open 未答复；overdue 逾期")] = None,
) -> InquiryPage:
    """Consultations and messages in reach, open first, soonest due first."""
    rows, total = await service.list_inquiries(
        session, principal, page, unit_id=unit_id, state=state
    )
    return InquiryPage(items=rows, total=total, page=page.page, size=page.size)


@router.get("/{inquiry_id}", response_model=InquiryOut, dependencies=_staff)
async def read(inquiry: StaffInquiry, principal: CurrentPrincipal) -> InquiryOut:
    return service.staff_view(principal, inquiry)


@router.get("/{inquiry_id}/history", response_model=list[AuditEntryOut], dependencies=_staff)
async def history(inquiry: StaffInquiry, session: SessionDep) -> list[AuditEntryOut]:
    """Every step of the inquiry, newest first."""
    entries = await audit.history(
        session, entity_type="inquiry", entity_id=str(inquiry.id), limit=100
    )
    return [AuditEntryOut.model_validate(e) for e in entries]


@router.post("/{inquiry_id}/answer", response_model=InquiryOut, dependencies=_answerers)
async def answer(
    body: AnswerIn, inquiry: StaffInquiry, session: SessionDep, principal: CurrentPrincipal
) -> InquiryOut:
    """Answer once; the asker reads it with the code."""
    await service.answer(session, principal, inquiry, body)
    return service.staff_view(principal, inquiry)


@router.get("/{inquiry_id}/public", response_model=PublicInquiry)
async def read_answer(
    inquiry_id: RecordId,
    session: SessionDep,
    token: Annotated[str, Query(min_length=4, max_length=20, description="查询码")],
) -> PublicInquiry:
    """The question and its answer, for the asker with the code (public)."""
    return await service.public_view(session, await service.with_token(session, inquiry_id, token))


@router.post("/{inquiry_id}/satisfaction", response_model=PublicInquiry)
async def rate(inquiry_id: RecordId, body: SatisfactionIn, session: SessionDep) -> PublicInquiry:
    """The asker rates the answer (满意、基本满意、不满意), once (public)."""
    inquiry = await service.rate(session, inquiry_id, body)
    return await service.public_view(session, inquiry)
