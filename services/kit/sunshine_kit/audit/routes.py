from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from sunshine_kit.audit import service
from sunshine_kit.audit.schemas import AuditEntryOut, AuditLinePage, AuditVocabulary
from sunshine_kit.audit.words import AuditWords, merged
from sunshine_kit.auth import CurrentPrincipal, Principal, require
from sunshine_kit.calendar.days import today
from sunshine_kit.db import SessionDep
from sunshine_kit.downloads import attachment_disposition
from sunshine_kit.errors import ERROR_RESPONSES, InvalidInput
from sunshine_kit.ids import MAX_ID
from sunshine_kit.pagination import PageDep
from sunshine_kit.roles import Can
from sunshine_kit.units.service import at_top_unit, units_in_reach
from sunshine_kit.vocabulary import Term

router = APIRouter(prefix="/audit", tags=["audit"], responses=ERROR_RESPONSES)
_readers = [require(Can.READ_AUDIT)]
# More would be a file nobody reads whole; a narrower range or a filter says what is wanted.
EXPORT_LIMIT = 10_000
EXPORT_TOO_LARGE = "audit_export_too_large"


@router.get("", response_model=list[AuditEntryOut], dependencies=_readers)
async def list_entries(
    session: SessionDep,
    principal: CurrentPrincipal,
    entity_type: Annotated[str, Query(max_length=50)],
    entity_id: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[AuditEntryOut]:
    """The audit trail of one kind of record, newest first (read-only for supervisors): what
    was done by people of the caller's unit subtree (a street's office sees its street's)."""
    actors = await _actor_units(session, principal)
    entries = await service.history(
        session, entity_type=entity_type, entity_id=entity_id, limit=limit, actor_units=actors
    )
    return [AuditEntryOut.model_validate(e) for e in entries]


def audit_words(request: Request) -> AuditWords:
    """The component's words for its log (`create_app(audit_words=...)`), over the kit's."""
    return merged(getattr(request.app.state, "audit_words", None))


Words = Annotated[AuditWords, Depends(audit_words)]


async def log_filter(
    session: SessionDep,
    principal: CurrentPrincipal,
    actor: Annotated[
        str | None, Query(max_length=100, description="操作人：登录名，或姓名中的字")
    ] = None,
    unit_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="操作人所在单位（含下属单位）")
    ] = None,
    entity_type: Annotated[str | None, Query(max_length=50, description="对象种类")] = None,
    entity_id: Annotated[str | None, Query(max_length=100, description="对象编号")] = None,
    action: Annotated[str | None, Query(max_length=100, description="操作")] = None,
    date_from: Annotated[date | None, Query(description="起（含），北京时间")] = None,
    date_to: Annotated[date | None, Query(description="止（含），北京时间")] = None,
) -> service.LogFilter:
    """The filters, within what the caller may read."""
    if date_from and date_to and date_from > date_to:
        raise InvalidInput("query.date_to", "截止日期不能早于起始日期")
    actors = await _actor_units(session, principal)
    if unit_id is not None:
        # The unit asked must be in the caller's reach (403 otherwise), and its people only.
        subtree = await units_in_reach(session, principal, unit_id, below=True)
        actors = subtree if actors is None else actors & subtree
    return service.LogFilter(
        actor_units=actors,
        actor=actor.strip() if actor else None,
        entity_type=entity_type or None,
        entity_id=entity_id.strip() if entity_id else None,
        action=action or None,
        date_from=date_from,
        date_to=date_to,
    )


LogFilterDep = Annotated[service.LogFilter, Depends(log_filter)]


@router.get("/log", response_model=AuditLinePage, dependencies=_readers)
async def read_log(
    session: SessionDep, words: Words, wanted: LogFilterDep, page: PageDep
) -> AuditLinePage:
    """审计日志 in words, newest first, a page at a time: who did what to which record, with
    the before/after, filtered by person, unit, object, action and date range (the entries of
    people of the caller's unit subtree; the top unit's also what components did)."""
    entries, total = await service.log_page(session, wanted, page)
    lines = await service.in_words(session, words, entries)
    return AuditLinePage(items=lines, total=total, page=page.page, size=page.size)


@router.get(
    "/log/export",
    response_class=Response,
    dependencies=_readers,
    responses={200: {"content": {"text/csv": {}}, "description": "CSV（UTF-8，Excel 可直接打开）"}},
)
async def export_log(
    request: Request, session: SessionDep, words: Words, wanted: LogFilterDep
) -> Response:
    """The filtered log as a CSV file, in the same words as the page (at most 10,000 lines)."""
    total = await service.count(session, wanted)
    if total > EXPORT_LIMIT:
        raise InvalidInput(
            "query.date_from",
            f"共 {total} 条，超过一次导出的上限 {EXPORT_LIMIT} 条，请缩小日期范围或增加筛选条件",
            code=EXPORT_TOO_LARGE,
        )
    lines = await service.in_words(session, words, await service.all_entries(session, wanted))
    component = request.app.state.settings.service_name
    filename = f"审计日志-{component}-{today():%Y%m%d}.csv"
    return Response(
        content=service.export_csv(lines),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": attachment_disposition(
                filename, f"audit-{component}-{today():%Y%m%d}.csv"
            )
        },
    )


@router.get("/words", response_model=AuditVocabulary, dependencies=_readers)
async def log_words(words: Words) -> AuditVocabulary:
    """What this component's log is about and what it records, with their names (the
    filters of 审计日志)."""
    return AuditVocabulary(
        subjects=[Term(value=k, label=s.label) for k, s in words.subjects.items()],
        actions=[Term(value=k, label=label) for k, label in words.actions.items()],
    )


async def _actor_units(session: SessionDep, principal: Principal) -> set[int] | None:
    """Whose entries the caller may read: everyone's (components' included) for a component and
    for the office, supervisors and ops admins of the top unit; else those of people in reach."""
    if principal.is_service:
        return None
    reach = await units_in_reach(session, principal, None)
    at_top = await at_top_unit(session, principal)
    return None if principal.reaches_subtree and at_top else reach
