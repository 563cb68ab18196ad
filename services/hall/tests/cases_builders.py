"""Builders of the cases' and supervision's tests: a centre with window 5 where `clerk` is
stationed, accepting a 承诺件 of the bureau (legal 20, promised 10 working days, fee 50 yuan) and
a 即办件; cases brought through the API to the state a test starts from, or written straight
into the session with the dates a sweep test needs.

    desk = await cases_desk(session)
    case = await case_in(client, desk, "decided")
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from hall_builders import (
    BUREAU,
    CLERK,
    DISTRICT,
    STREET,
    add_centre,
    add_item,
    add_test_district,
    add_window,
    station,
)
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.cases.models import Case, CaseStatus
from sunshine_hall.items.models import ItemKind

APPLICANT = {
    "applicant_type": "natural_person",
    "applicant_name": "张建国",
    "applicant_id_number": "510105198001012345",
    "applicant_phone": "13812345678",
}


@dataclass(frozen=True)
class CasesDesk:
    """Ids only: a refused request rolls the session back, which expires loaded objects."""

    centre_id: int
    window_id: int
    item_id: int  # 承诺件 of the bureau
    instant_id: int  # 即办件 of the bureau
    other_item_id: int  # a street's item, for 并联审批


async def cases_desk(session: AsyncSession, *, clerk: str = "clerk") -> CasesDesk:
    await add_test_district(session)
    centre = await add_centre(session, unit_id=DISTRICT)
    window = await add_window(session, centre, number=5, name="综合受理窗口")
    item = await add_item(
        session,
        unit_id=BUREAU,
        name="民办学校设立审批",
        legal_limit_days=20,
        promised_limit_days=10,
        fee_fen=5000,
        materials=("申请书", "法定代表人身份证明", "办学场所证明"),
    )
    instant = await add_item(
        session, unit_id=BUREAU, name="教师资格证补办", kind=ItemKind.INSTANT, materials=("申请表",)
    )
    other = await add_item(
        session, unit_id=STREET, name="临时占道许可", legal_limit_days=15, promised_limit_days=5
    )
    await station(session, window, account=clerk, unit_id=BUREAU, items=[item, instant])
    return CasesDesk(centre.id, window.id, item.id, instant.id, other.id)


async def receive(
    client: AsyncClient, desk: CasesDesk, *, item_id: int | None = None, **fields: Any
) -> dict[str, Any]:
    body = {"window_id": desk.window_id, "item_id": item_id or desk.item_id, **APPLICANT, **fields}
    answer = await client.post("/cases", json=body, headers=CLERK)
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


async def step(
    client: AsyncClient, case_id: int, name: str, body: dict[str, Any] | None = None
) -> dict[str, Any]:
    answer = await client.post(f"/cases/{case_id}/{name}", json=body or {}, headers=CLERK)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


PATH = {
    "received": [],
    "accepted": [("accept", None)],
    "decided": [("accept", None), ("decide", {"decision": "granted"})],
    "completed": [("accept", None), ("decide", {"decision": "granted"}), ("complete", {})],
}


async def case_in(
    client: AsyncClient, desk: CasesDesk, status: str, **fields: Any
) -> dict[str, Any]:
    """A case brought through the API to `status` (received, accepted, decided, completed)."""
    received = await receive(client, desk, **fields)
    case: dict[str, Any] = received
    for name, body in PATH[status]:
        case = await step(client, received["id"], name, body)
    return {**case, "query_code": received["query_code"]}


_numbers = 0


async def add_case_row(
    session: AsyncSession,
    desk: CasesDesk,
    *,
    accepted_on: date,
    promised_due_on: date,
    legal_due_on: date | None = None,
    status: str = CaseStatus.ACCEPTED,
    warning: str = "none",
    unit_id: int = BUREAU,
) -> Case:
    """A running case written straight into the database with the dates a sweep needs."""
    global _numbers
    _numbers += 1
    case = Case(
        number=f"BJT{_numbers:08d}",
        query_code_hash="x",
        item_id=desk.item_id,
        item_version=1,
        unit_id=unit_id,
        centre_id=desk.centre_id,
        window_id=desk.window_id,
        clerk="clerk",
        first_asked_by="clerk",
        applicant_type="natural_person",
        applicant_name="李四",
        status=status,
        accepted_on=accepted_on,
        legal_limit_days=20,
        promised_limit_days=10,
        promised_due_on=promised_due_on,
        legal_due_on=legal_due_on or promised_due_on,
        warning=warning,
    )
    session.add(case)
    await session.commit()
    return case
