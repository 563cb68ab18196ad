"""The cases', supervision's and statistics' rows of the authorization matrix
(authorization_table.py): a centre of the bureau whose window 8 accepts two of its items, with
the bureau's clerk (matrix.window_clerk.own) stationed; cases brought there through the API by
that clerk to the state each step starts from, and a red alert on one of them."""

from __future__ import annotations

from typing import Any

from hall_builders import add_item, add_window, station
from sqlalchemy import select

from sunshine_hall.items.models import ItemMaterial
from sunshine_hall.supervision.models import SupervisionAlert
from sunshine_hall.windows.models import ServiceCentre
from sunshine_kit.access_matrix import PUBLIC, Access, Caller, Maker, Place, Records, Scope
from sunshine_kit.access_matrix import username as matrix_username
from sunshine_kit.calendar.days import today
from sunshine_kit.roles import Can, Role
from sunshine_kit.testing import BUREAU, STREET, auth

CLERK = matrix_username(Caller(Role.WINDOW_CLERK, Place.OWN))
CLERK_HEADERS = auth("window_clerk", unit_id=BUREAU, username=CLERK)


async def _case_item(records: Records) -> int:
    return (await add_item(records.session, unit_id=BUREAU, name="办件矩阵事项")).id


async def _street_item(records: Records) -> int:
    return (await add_item(records.session, unit_id=STREET, name="并联矩阵事项")).id


async def _case_window(records: Records) -> int:
    centre = await records.session.get(ServiceCentre, await records.get("centre_id"))
    assert centre is not None
    window = await add_window(records.session, centre, number=8, ticket_prefix="D")
    await station(
        records.session,
        window,
        account=CLERK,
        unit_id=BUREAU,
        items=[await records.get("case_item")],
    )
    return window.id


async def _received_body(records: Records) -> dict[str, Any]:
    return {
        "window_id": await records.get("case_window"),
        "item_id": await records.get("case_item"),
        "applicant_name": "王五",
        "applicant_id_number": "510105199001011234",
    }


async def _call(records: Records, path: str, body: dict[str, Any] | None = None) -> None:
    answer = await records.client.post(path, json=body or {}, headers=CLERK_HEADERS)
    assert answer.status_code in (200, 201), answer.text


async def _received(records: Records) -> int:
    answer = await records.client.post(
        "/cases", json=await _received_body(records), headers=CLERK_HEADERS
    )
    assert answer.status_code == 201, answer.text
    return int(answer.json()["id"])


def _brought(*path: tuple[str, dict[str, Any] | None]) -> Maker:
    async def make(records: Records) -> int:
        case_id = await _received(records)
        for step, body in path:
            await _call(records, f"/cases/{case_id}/{step}", body)
        return case_id

    return make


ACCEPT = ("accept", None)
DECIDE = ("decide", {"decision": "granted"})
STEP_BODIES = {
    "suspend": {"kind": "hearing", "reason": "依法需要听证", "approved_by": "王局长"},
    "extend": {"working_days": 5, "reason": "需要补充现场核查", "approved_by": "王局长"},
}


async def _alert(records: Records) -> int:
    case_id = await records.get("accepted_case")
    alert = SupervisionAlert(
        case_id=case_id,
        level="red",
        unit_id=BUREAU,
        centre_id=await records.get("centre_id"),
        promised_due_on=today(),
        raised_on=today(),
    )
    records.session.add(alert)
    await records.session.commit()
    return alert.id


async def _notice(records: Records) -> dict[str, Any]:
    material = await records.session.scalar(
        select(ItemMaterial.id).where(ItemMaterial.item_id == await records.get("case_item"))
    )
    return {"materials": [{"material_id": material, "problem": "缺少签字"}]}


async def _split(records: Records) -> dict[str, Any]:
    return {"item_ids": [await records.get("street_item")]}


def _at_window(record: str, body: Any = None) -> Access:
    """A step of the clerks of the case's window (and the office of its centre's unit)."""
    return Access(Can.SERVE_AT_WINDOW, Scope.UNIT, records={"case_id": record}, body=body)


READ_CASE = Access(Can.READ_CASES, Scope.UNIT, records={"case_id": "received_case"})
SUPERVISE = Access(Can.SUPERVISE_HALL, Scope.UNIT, makes=("alert_id",))
CASES: dict[str, Access] = {
    # The applicant follows the case with its number and query code.
    "cases-progress": Access(PUBLIC),
    "cases-receive": Access(Can.SERVE_AT_WINDOW, Scope.UNIT, body=_received_body),
    # Lists are filtered to the caller's windows and units.
    "cases-list_cases": Access(Can.READ_CASES, makes=("received_case",)),
    "cases-read": READ_CASE,
    "cases-history": READ_CASE,
    "cases-accept": _at_window("received_case"),
    "cases-notify_missing": _at_window("received_case", _notice),
    "cases-refuse": _at_window("received_case", {"reason": "不属于本机关职权范围"}),
    "cases-add_step": _at_window("accepted_case", {"step": "审查"}),
    "cases-suspend": _at_window("accepted_case", STEP_BODIES["suspend"]),
    "cases-resume": _at_window("suspended_case", {}),
    "cases-extend": _at_window("accepted_case", STEP_BODIES["extend"]),
    "cases-decide": _at_window("accepted_case", {"decision": "granted"}),
    "cases-complete": _at_window("decided_case", {}),
    "cases-deliver": _at_window("completed_case", {"method": "window"}),
    "cases-split": _at_window("accepted_case", _split),
    # 否定报备 reviewed by the centre's supervisors and office.
    "cases-review_refusal": Access(
        Can.SUPERVISE_HALL,
        Scope.UNIT,
        records={"case_id": "refused_case"},
        body={"note": "理由充分"},
    ),
    # Supervision: of the units in the caller's reach (the matrix names the bureau).
    "supervision-list_alerts": SUPERVISE,
    "supervision-summary": SUPERVISE,
    "supervision-rates": SUPERVISE,
    "supervision-handle_alert": Access(Can.SUPERVISE_HALL, Scope.UNIT, body={"note": "已督办"}),
    # Figures of a unit in the caller's reach (reporting reads any).
    "stats-case_figures": Access(Can.WORK_IN_CONSOLE, Scope.UNIT),
    "stats-case_period_figures": Access(
        Can.WORK_IN_CONSOLE, Scope.UNIT, query={"date_from": "2026-01-01", "date_to": "2026-01-31"}
    ),
}
CASES_MAKERS: dict[str, Maker] = {
    "case_item": _case_item,
    "street_item": _street_item,
    "case_window": _case_window,
    "received_case": _received,
    "accepted_case": _brought(ACCEPT),
    "suspended_case": _brought(ACCEPT, ("suspend", STEP_BODIES["suspend"])),
    "decided_case": _brought(ACCEPT, DECIDE),
    "completed_case": _brought(ACCEPT, DECIDE, ("complete", {})),
    "refused_case": _brought(("refuse", {"reason": "不属于本机关职权范围"})),
    "alert_id": _alert,
}
