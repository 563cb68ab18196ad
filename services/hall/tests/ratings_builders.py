"""Builders for the ratings, enforcement and publicity tests: a case at a window in the state a
test starts from, written straight into the session (committed to the test's savepoint)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from hall_builders import add_centre, add_item, add_window, station
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.cases.models import Case, CaseStatus
from sunshine_hall.windows.models import Window
from sunshine_kit.calendar.days import today
from sunshine_kit.query_codes import code_hash as query_code_hash
from sunshine_kit.testing import BUREAU, DISTRICT

CODE = "Q7K2M9"


async def window_with_clerk(
    session: AsyncSession,
    *,
    centre_unit: int = DISTRICT,
    account: str = "clerk",
    display_name: str = "李晓梅",
    number: int = 5,
) -> Window:
    """A window of a centre of `centre_unit`, with `account` stationed at it."""
    centre = await add_centre(session, unit_id=centre_unit, name=f"中心{uuid.uuid4().hex[:6]}")
    window = await add_window(session, centre, number=number, name="综合受理窗口")
    return await station(
        session, window, account=account, display_name=display_name, unit_id=BUREAU
    )


async def add_case(
    session: AsyncSession,
    window: Window | None = None,
    *,
    status: str = CaseStatus.COMPLETED,
    unit_id: int = BUREAU,
    clerk: str = "clerk",
    code: str = CODE,
    item_name: str = "民办学校设立审批",
    category: str = "licensing",
    **fields: Any,
) -> Case:
    """A case of `unit_id` handled at `window` (a new one when None), completed by default."""
    if window is None:
        window = await window_with_clerk(session, account=clerk)
    item = await add_item(session, unit_id=unit_id, name=item_name, category=category)
    number = f"HALL{uuid.uuid4().hex[:12].upper()}"
    day = today()
    values: dict[str, Any] = {
        "number": number,
        "query_code_hash": query_code_hash(number, code),
        "item_id": item.id,
        "item_version": 1,
        "unit_id": unit_id,
        "centre_id": window.centre_id,
        "window_id": window.id,
        "clerk": clerk,
        "first_asked_by": clerk,
        "applicant_type": "legal_person",
        "applicant_name": "锦华区阳光培训学校有限公司",
        "applicant_id_number": "91510100MA6CXXXX1A",
        "status": status,
        "accepted_on": day,
    }
    if status == CaseStatus.COMPLETED:
        values |= {"decision": "granted", "decided_on": day, "completed_on": day}
    values |= fields
    case = Case(**values)
    session.add(case)
    await session.commit()
    return case


def a_decision(**fields: Any) -> dict[str, Any]:
    """A 行政处罚 decision of a company, as the form sends it."""
    body: dict[str, Any] = {
        "kind": "penalty",
        "document_number": f"锦教罚〔2026〕{uuid.uuid4().int % 10000}号",
        "party_type": "legal_person",
        "party_name": "锦华区阳光培训学校有限公司",
        "credit_code": "91510100MA6CXXXX1A",
        "facts": "未经审批擅自举办学科类校外培训",
        "legal_basis": "《中华人民共和国民办教育促进法》第六十四条",
        "content": "责令停止办学，罚款人民币伍万元",
        "fine_fen": 5_000_000,
        "decided_on": date(2026, 11, 20).isoformat(),
    }
    return body | fields
