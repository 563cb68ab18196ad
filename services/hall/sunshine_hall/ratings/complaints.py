"""效能投诉: the public complains about a window or one of its clerks; the supervisors of the
centre investigate, record what they did and close the complaint with its result."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.ratings.models import Complaint, ComplaintStatus
from sunshine_hall.ratings.schemas import CentreTargets, ComplaintIn, WindowTarget
from sunshine_hall.windows.models import ServiceCentre, Window, WindowStaff
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import today
from sunshine_kit.db import utcnow
from sunshine_kit.errors import Conflict, InvalidInput

WINDOW_NOT_FOUND = "window_not_found"
CLERK_NOT_AT_WINDOW = "clerk_not_at_window"
COMPLAINT_CLOSED = "complaint_closed"


async def targets(session: AsyncSession) -> list[CentreTargets]:
    """Every centre with its windows and the names of their staff, for the complaint form."""
    centres = (await session.scalars(select(ServiceCentre).order_by(ServiceCentre.id))).all()
    windows = (await session.scalars(select(Window).order_by(Window.number))).all()
    staff = (await session.execute(select(WindowStaff.window_id, WindowStaff.display_name))).all()
    names: dict[int, list[str]] = {}
    for window_id, name in staff:
        if name:
            names.setdefault(window_id, []).append(name)
    return [
        CentreTargets(
            id=centre.id,
            name=centre.name,
            windows=[
                WindowTarget(
                    id=w.id, number=w.number, name=w.name, staff=sorted(names.get(w.id, []))
                )
                for w in windows
                if w.centre_id == centre.id
            ],
        )
        for centre in centres
    ]


async def receive(session: AsyncSession, body: ComplaintIn) -> Complaint:
    """Record a complaint; the clerk is named as the window shows them, and must work there."""
    window = await session.get(Window, body.window_id)
    if window is None:
        raise InvalidInput("window_id", "窗口不存在", code=WINDOW_NOT_FOUND)
    clerk = ""
    if body.clerk_name.strip():
        found = await session.scalar(
            select(WindowStaff.account).where(
                WindowStaff.window_id == window.id,
                WindowStaff.display_name == body.clerk_name.strip(),
            )
        )
        if found is None:
            raise InvalidInput("clerk_name", "该窗口没有这位工作人员", code=CLERK_NOT_AT_WINDOW)
        clerk = found
    day = today().strftime("%Y%m%d")
    for _ in range(5):
        complaint = Complaint(
            number=f"TS{day}{secrets.randbelow(1_000_000):06d}",
            centre_id=window.centre_id,
            window_id=window.id,
            clerk=clerk,
            content=body.content.strip(),
            complainant_name=body.complainant_name.strip(),
            complainant_phone=body.complainant_phone.strip(),
        )
        try:
            async with session.begin_nested():
                session.add(complaint)
                await session.flush()
        except IntegrityError:
            continue
        await audit.record(
            session,
            actor="public",
            action="complaint.received",
            entity_type="complaint",
            entity_id=complaint.id,
            after={"window_id": window.id, "against_clerk": bool(clerk)},
        )
        return complaint
    raise Conflict("投诉编号生成冲突，请重试")


async def handle(
    session: AsyncSession, principal: Principal, complaint: Complaint, note: str
) -> None:
    """Record the investigation so far (调查处理情况); the complaint is then being handled."""
    if complaint.status == ComplaintStatus.CLOSED:
        raise Conflict("该投诉已办结", code=COMPLAINT_CLOSED)
    before = complaint.status
    complaint.status = ComplaintStatus.HANDLING
    complaint.handling_note = note.strip()
    complaint.handled_by = principal.username
    await audit.record(
        session,
        actor=principal,
        action="complaint.handled",
        entity_type="complaint",
        entity_id=complaint.id,
        before={"status": before},
        after={"status": complaint.status},
    )


async def close(
    session: AsyncSession, principal: Principal, complaint: Complaint, result: str
) -> None:
    """Close the complaint with its result (处理结果), fed back to the complainant."""
    if complaint.status == ComplaintStatus.CLOSED:
        raise Conflict("该投诉已办结", code=COMPLAINT_CLOSED)
    before = complaint.status
    complaint.status = ComplaintStatus.CLOSED
    complaint.result = result.strip()
    complaint.handled_by = principal.username
    complaint.closed_at = utcnow()
    await audit.record(
        session,
        actor=principal,
        action="complaint.closed",
        entity_type="complaint",
        entity_id=complaint.id,
        before={"status": before},
        after={"status": complaint.status},
    )
