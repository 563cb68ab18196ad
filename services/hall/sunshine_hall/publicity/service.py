"""双公示: 行政许可 decisions (cases of licensing items, granted) and 行政处罚 decisions (the
enforcement register) published to the catalogue's 双公示 columns through the outbox.

Each decision is sent once: its `double_publicity` row and its outbox message share one key,
made from the decision's id, so calling again for the same decision (a retried request, a step
replayed) sends nothing more, and the catalogue's intake answers a redelivery with the item it
made the first time. The message is written in the transaction of the decision itself, so it is
sent the moment the decision is recorded, whatever the day; the 7-working-day limit
(`clock.publicity_due`) is kept on the row, so that a decision registered late shows as late.

A natural person's name is published masked (张*), and no identity number: what the 双公示 rules
publish of a person is the decision, not the person. A legal person's name and credit code are
published in full.
"""

from __future__ import annotations

from datetime import date
from html import escape

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.cases.models import Case, Decision
from sunshine_hall.enforcement.models import EnforcementDecision, EnforcementKind, PartyType
from sunshine_hall.items.models import ItemCategory, ServiceItem
from sunshine_hall.publicity.clock import publicity_due
from sunshine_hall.publicity.models import PublicityRecord
from sunshine_hall.ratings.masking import mask_name
from sunshine_kit.calendar.days import WorkingDayCalendar
from sunshine_kit.calendar.service import build_calendar
from sunshine_kit.outbox import service as outbox

LICENSING_COLUMN = "X-DOUBLE-PUBLICITY-01"  # 行政许可
PENALTY_COLUMN = "X-DOUBLE-PUBLICITY-02"  # 行政处罚
INTAKE_PATH = "/intake/items"


def publicity_key(source: str, source_id: int) -> str:
    return f"hall-double-publicity-{source}-{source_id}"


def party_shown(party_type: str, name: str) -> str:
    """The party as 双公示 shows it: a legal person in full, a natural person masked."""
    return name if party_type == PartyType.LEGAL_PERSON else mask_name(name)


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows if v)
    return f"<table>{cells}</table>"


async def _send(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    *,
    source: str,
    source_id: int,
    unit_id: int,
    column_code: str,
    title: str,
    document_number: str,
    decided_on: date,
    body_html: str,
) -> PublicityRecord | None:
    existing = await session.scalar(
        select(PublicityRecord).where(
            PublicityRecord.source == source, PublicityRecord.source_id == source_id
        )
    )
    if existing is not None:
        return None
    key = publicity_key(source, source_id)
    record = PublicityRecord(
        source=source,
        source_id=source_id,
        unit_id=unit_id,
        column_code=column_code,
        key=key,
        title=title[:300],
        decided_on=decided_on,
        due_on=publicity_due(calendar, decided_on),
    )
    session.add(record)
    outbox.enqueue(
        session,
        destination="catalog",
        path=INTAKE_PATH,
        key=key,
        payload={
            "unit_id": unit_id,
            "column_code": column_code,
            "title": title[:300],
            "body_html": body_html,
            "document_number": document_number[:100],
            "formed_on": decided_on.isoformat(),
            "document_type": "other",
            "keywords": "双公示",
        },
    )
    await session.flush()
    return record


async def publish_decision(session: AsyncSession, case: Case) -> None:
    """Publish a decided case to 双公示 when it is a 行政许可 granted; anything else, or a
    decision already sent, sends nothing. Called by the cases' decision step."""
    if case.decision != Decision.GRANTED or case.decided_on is None:
        return
    item = await session.get(ServiceItem, case.item_id)
    if item is None or item.category != ItemCategory.LICENSING:
        return
    party = party_shown(case.applicant_type, case.applicant_name)
    credit_code = case.applicant_id_number if case.applicant_type == PartyType.LEGAL_PERSON else ""
    await _send(
        session,
        await build_calendar(session),
        source="case",
        source_id=case.id,
        unit_id=case.unit_id,
        column_code=LICENSING_COLUMN,
        title=f"行政许可决定：{item.name}（{party}）",
        document_number=case.number,
        decided_on=case.decided_on,
        body_html=_table(
            [
                ("行政许可决定书文号", case.number),
                ("项目名称", item.name),
                ("审批类别", "普通"),
                ("许可内容", case.decision_reason or f"准予{item.name}"),
                ("行政相对人名称", party),
                ("统一社会信用代码", credit_code),
                ("许可决定日期", case.decided_on.isoformat()),
                ("许可机关", item.authority),
            ]
        ),
    )


async def publish_enforcement(
    session: AsyncSession,
    calendar: WorkingDayCalendar,
    decision: EnforcementDecision,
    unit_name: str,
) -> PublicityRecord | None:
    """Publish a 行政处罚 decision to 双公示 (行政强制 decisions are registered, not published)."""
    if decision.kind != EnforcementKind.PENALTY:
        return None
    party = party_shown(decision.party_type, decision.party_name)
    fine = (
        f"{decision.fine_fen // 100}.{decision.fine_fen % 100:02d}元" if decision.fine_fen else ""
    )
    return await _send(
        session,
        calendar,
        source="enforcement",
        source_id=decision.id,
        unit_id=decision.unit_id,
        column_code=PENALTY_COLUMN,
        title=f"行政处罚决定：{decision.document_number}（{party}）",
        document_number=decision.document_number,
        decided_on=decision.decided_on,
        body_html=_table(
            [
                ("行政处罚决定书文号", decision.document_number),
                ("行政相对人名称", party),
                ("统一社会信用代码", decision.credit_code),
                ("违法事实", decision.facts),
                ("处罚依据", decision.legal_basis),
                ("处罚内容", decision.content),
                ("罚款金额", fine),
                ("处罚决定日期", decision.decided_on.isoformat()),
                ("处罚机关", unit_name),
            ]
        ),
    )
