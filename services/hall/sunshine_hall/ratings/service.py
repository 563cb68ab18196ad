"""好差评: rating a completed case (public page or window tablet), the follow-up of a bad rating,
and pairing a window's tablet."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.cases.models import Case, CaseStatus
from sunshine_hall.live.models import LiveEvent
from sunshine_hall.ratings.clock import follow_up_due
from sunshine_hall.ratings.models import (
    BAD_LEVELS,
    CaseRating,
    FollowUp,
    FollowUpStatus,
    RatingChannel,
    RatingInvitation,
    RatingLevel,
    RatingTablet,
)
from sunshine_hall.windows.models import Window
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import WorkingDayCalendar, today
from sunshine_kit.db import utcnow
from sunshine_kit.errors import Conflict, Forbidden, NotFound
from sunshine_kit.query_codes import code_matches

CASE_KEY_MISMATCH = "case_key_mismatch"
CASE_NOT_COMPLETED = "case_not_completed"
ALREADY_RATED = "already_rated"
TABLET_NOT_PAIRED = "tablet_not_paired"
INVITATION_GONE = "invitation_gone"
FOLLOW_UP_CLOSED = "follow_up_closed"

# How long a window's tablet offers the rating of the case just completed there.
INVITATION_MINUTES = 10


async def case_by_key(session: AsyncSession, number: str, code: str) -> Case:
    """The case the applicant names by number and query code; one answer for both mistakes,
    so that the page tells no one which numbers exist."""
    case = await session.scalar(select(Case).where(Case.number == number.strip().upper()))
    if case is None or not code_matches(case.number, code, case.query_code_hash):
        raise NotFound("办件编号或查询码不正确", code=CASE_KEY_MISMATCH)
    return case


async def rating_of(session: AsyncSession, case_id: int) -> CaseRating | None:
    found: CaseRating | None = await session.scalar(
        select(CaseRating).where(CaseRating.case_id == case_id)
    )
    return found


async def rate(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    case: Case,
    *,
    level: int,
    comment: str,
    channel: RatingChannel,
    actor: str,
) -> tuple[CaseRating, FollowUp | None]:
    """Record the one rating of a completed case; a bad one (不满意, 非常不满意) opens a follow-up
    assigned to the case's unit."""
    if case.status != CaseStatus.COMPLETED:
        raise Conflict("办件尚未办结，办结后才能评价", code=CASE_NOT_COMPLETED)
    if await rating_of(session, case.id) is not None:
        raise Conflict("该办件已评价，每件只能评价一次", code=ALREADY_RATED)
    rating = CaseRating(
        case_id=case.id,
        level=level,
        channel=channel,
        comment=comment.strip(),
        unit_id=case.unit_id,
        window_id=case.window_id,
        clerk=case.clerk,
    )
    session.add(rating)
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError:
        raise Conflict("该办件已评价，每件只能评价一次", code=ALREADY_RATED) from None
    follow_up = None
    if RatingLevel(level) in BAD_LEVELS:
        opened_on = today()
        follow_up = FollowUp(
            rating_id=rating.id,
            case_id=case.id,
            unit_id=case.unit_id,
            opened_on=opened_on,
            due_on=follow_up_due(calendar, opened_on),
        )
        session.add(follow_up)
        await session.flush()
        session.add(
            LiveEvent(
                channel="alerts",
                kind="bad_rating",
                data={
                    "case_number": case.number,
                    "unit_id": case.unit_id,
                    "level": level,
                    "follow_up_id": follow_up.id,
                    "due_on": follow_up.due_on.isoformat(),
                },
            )
        )
    await audit.record(
        session,
        actor=actor,
        action="case.rated",
        entity_type="case",
        entity_id=case.id,
        after={"level": level, "channel": channel.value},
    )
    return rating, follow_up


async def close_follow_up(
    session: AsyncSession, principal: Principal, follow_up: FollowUp, result: str
) -> FollowUp:
    """Close a follow-up with what was found and put right (回访整改结果)."""
    if follow_up.status != FollowUpStatus.OPEN:
        raise Conflict("该回访整改已办结", code=FOLLOW_UP_CLOSED)
    follow_up.status = FollowUpStatus.CLOSED
    follow_up.result = result.strip()
    follow_up.closed_on = today()
    follow_up.closed_by = principal.username
    await audit.record(
        session,
        actor=principal,
        action="follow_up.closed",
        entity_type="follow_up",
        entity_id=follow_up.id,
        before={"status": FollowUpStatus.OPEN.value},
        after={"status": FollowUpStatus.CLOSED.value},
    )
    return follow_up


def tablet_key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


async def pair_tablet(session: AsyncSession, principal: Principal, window: Window) -> str:
    """A new key for the window's tablet (the old one stops working); shown once."""
    key = secrets.token_urlsafe(24)
    tablet = await session.get(RatingTablet, window.id)
    if tablet is None:
        tablet = RatingTablet(window_id=window.id, key_hash="", paired_by=principal.username)
        session.add(tablet)
    tablet.key_hash = tablet_key_hash(key)
    tablet.paired_by = principal.username
    tablet.paired_at = utcnow()
    await audit.record(
        session,
        actor=principal,
        action="rating_tablet.paired",
        entity_type="window",
        entity_id=window.id,
    )
    return key


async def check_tablet(session: AsyncSession, window_id: int, key: str) -> None:
    """The caller is the tablet paired with the window (its key matches)."""
    tablet = await session.get(RatingTablet, window_id)
    if tablet is None or not hmac.compare_digest(tablet.key_hash, tablet_key_hash(key)):
        raise Forbidden("评价器未配对或密钥已更换，请联系大厅管理员", code=TABLET_NOT_PAIRED)


async def invite_rating(session: AsyncSession, case: Case) -> RatingInvitation | None:
    """Offer the rating of a case just completed at a window on that window's tablet: the
    tablet shows it until rated, replaced by the next case's, or `INVITATION_MINUTES` old.
    Called when a clerk completes a case (and by the clerk's 请评价 button)."""
    if case.window_id is None or case.status != CaseStatus.COMPLETED:
        return None
    if await rating_of(session, case.id) is not None:
        return None
    invitation = RatingInvitation(
        case_id=case.id,
        window_id=case.window_id,
        expires_at=utcnow() + timedelta(minutes=INVITATION_MINUTES),
    )
    session.add(invitation)
    await session.flush()
    # Tells the tablet to look now; what it shows it reads with its key, never from the event.
    session.add(
        LiveEvent(
            channel=f"window:{case.window_id}",
            kind="rating_invited",
            data={"invitation_id": invitation.id},
        )
    )
    return invitation


async def current_invitation(session: AsyncSession, window_id: int) -> RatingInvitation | None:
    """The newest unspent, unexpired invitation of the window."""
    found: RatingInvitation | None = await session.scalar(
        select(RatingInvitation)
        .where(
            RatingInvitation.window_id == window_id,
            RatingInvitation.used_at.is_(None),
            RatingInvitation.expires_at > utcnow(),
        )
        .order_by(RatingInvitation.id.desc())
        .limit(1)
    )
    return found


async def rate_at_tablet(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    window_id: int,
    invitation_id: int,
    *,
    level: int,
    comment: str,
) -> tuple[CaseRating, FollowUp | None]:
    """The applicant's rating on the window's tablet, for the case it offers now."""
    invitation = await current_invitation(session, window_id)
    if invitation is None or invitation.id != invitation_id:
        raise Conflict("评价已超时或已由下一位办事群众替换", code=INVITATION_GONE)
    invitation.used_at = utcnow()
    case = await session.get(Case, invitation.case_id)
    assert case is not None
    return await rate(
        session,
        calendar,
        case,
        level=level,
        comment=comment,
        channel=RatingChannel.WINDOW_TABLET,
        actor=f"tablet:{window_id}",
    )
