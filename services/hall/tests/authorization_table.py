"""Who may call each of the hall service's operations (checked by test_authorization.py).

Besides what every service has (`access_matrix.EVERY_SERVICE`), each part of the hall adds its
operations and the records they name in a section of its own.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from cases_authorization import CASES, CASES_MAKERS
from hall_builders import add_centre, add_item, add_window, station
from ratings_builders import CODE, a_decision, add_case
from sqlalchemy import select

from sunshine_hall.cases.models import Case
from sunshine_hall.items.models import ItemMaterial, MaterialFile
from sunshine_hall.queue.models import Ticket, TicketStatus
from sunshine_hall.ratings.models import Complaint
from sunshine_hall.windows.models import ServiceCentre, Window
from sunshine_kit.access_matrix import (
    CALLER_NAMES,
    PUBLIC,
    Access,
    Caller,
    Maker,
    Place,
    Records,
    Refusal,
    Scope,
    public,
    service_table,
    username,
)
from sunshine_kit.calendar.days import today
from sunshine_kit.db import utcnow
from sunshine_kit.roles import Can, Role
from sunshine_kit.testing import BUREAU

# --- Service items and windows: the records are the bureau's (锦华区教育局): an unpublished
# item with two materials and a blank form, a centre the bureau runs and one of its windows.


async def _item(records: Records) -> int:
    return (await add_item(records.session, unit_id=BUREAU, published=False)).id


async def _material(records: Records) -> int:
    item_id = await records.get("item_id")
    found = await records.session.scalar(
        select(ItemMaterial.id).where(ItemMaterial.item_id == item_id).order_by(ItemMaterial.id)
    )
    assert found is not None
    return found


async def _file(records: Records) -> int:
    file = MaterialFile(
        material_id=await records.get("material_id"),
        purpose="blank",
        filename="申请书.pdf",
        content_type="application/pdf",
        size=9,
        data=b"%PDF-1.4\n",
    )
    records.session.add(file)
    await records.session.commit()
    return file.id


async def _centre(records: Records) -> int:
    return (await add_centre(records.session, unit_id=BUREAU, name="教育局服务大厅")).id


async def _window(records: Records) -> int:
    centre = await records.session.get(ServiceCentre, await records.get("centre_id"))
    assert centre is not None
    return (await add_window(records.session, centre, number=3)).id


async def _new_item(records: Records) -> dict[str, Any]:
    return {
        "code": f"M-{uuid.uuid4().hex[:10]}",
        "unit_id": BUREAU,
        "name": "矩阵检查事项",
        "category": "licensing",
        "hall_level": "district",
        "kind": "instant",
    }


HALL_MANAGER = Access(Can.MANAGE_HALL, Scope.UNIT)
ITEMS_AND_WINDOWS: dict[str, Access] = {
    "guide-search_items": public(),
    "guide-guide_item": public(),
    "guide-download_form": public(),
    "guide-guide_facets": public(),
    "guide-guide_vocabulary": public(),
    "guide-public_centres": public(),
    # The office of the item's (or centre's) unit, or of one above it, sets the hall up.
    "items-list_items": Access(Can.MANAGE_HALL, Scope.UNIT, makes=("item_id",)),
    "items-create_item": Access(Can.MANAGE_HALL, Scope.UNIT, body=_new_item),
    "items-read_item": HALL_MANAGER,
    "items-update_item": HALL_MANAGER,
    "items-publish_item": HALL_MANAGER,
    "items-retire_item": HALL_MANAGER,
    "items-item_versions": HALL_MANAGER,
    "items-add_material": HALL_MANAGER,
    "items-update_material": HALL_MANAGER,
    "items-remove_material": HALL_MANAGER,
    "items-reorder_materials": HALL_MANAGER,
    "items-upload_file": HALL_MANAGER,
    "items-download_item_file": HALL_MANAGER,
    "items-remove_file": HALL_MANAGER,
    "windows-list_centres": Access(Can.MANAGE_HALL, Scope.UNIT, makes=("centre_id",)),
    "windows-create_centre": Access(
        Can.MANAGE_HALL,
        Scope.UNIT,
        body={"unit_id": BUREAU, "level": "district", "name": "矩阵检查大厅"},
    ),
    "windows-read_centre": HALL_MANAGER,
    "windows-update_centre": HALL_MANAGER,
    "windows-add_window": HALL_MANAGER,
    "windows-update_window": HALL_MANAGER,
    "windows-set_window_units": HALL_MANAGER,
    "windows-set_window_staff": HALL_MANAGER,
    "windows-set_window_items": HALL_MANAGER,
    # Whoever serves at windows sees the windows they are stationed at (none: an empty list).
    "windows-my_windows": Access(Can.SERVE_AT_WINDOW),
}
ITEMS_AND_WINDOWS_MAKERS: dict[str, Maker] = {
    "item_id": _item,
    "material_id": _material,
    "file_id": _file,
    "centre_id": _centre,
    "window_id": _window,
}

# --- The queue and the live screens: a centre of the bureau whose window 5 accepts an item
# and has the bureau's clerk (matrix.window_clerk.own) stationed; a ticket called there.


async def _queue_item(records: Records) -> int:
    return (await add_item(records.session, unit_id=BUREAU, name="排队矩阵事项")).id


async def _queue_window(records: Records) -> int:
    centre = await records.session.get(ServiceCentre, await records.get("centre_id"))
    assert centre is not None
    window = await add_window(records.session, centre, number=5, ticket_prefix="B")
    clerk = username(Caller(Role.WINDOW_CLERK, Place.OWN))
    await station(
        records.session,
        window,
        account=clerk,
        unit_id=BUREAU,
        items=[await records.get("queue_item")],
    )
    return window.id


async def _other_window(records: Records) -> int:
    centre = await records.session.get(ServiceCentre, await records.get("centre_id"))
    assert centre is not None
    return (await add_window(records.session, centre, number=6, ticket_prefix="C")).id


async def _called_ticket(records: Records) -> int:
    window = await records.session.get(Window, await records.get("queue_window"))
    assert window is not None
    now = utcnow()
    ticket = Ticket(
        centre_id=window.centre_id,
        service_day=today(),
        sequence=1,
        number="B001",
        area="B",
        item_id=await records.get("queue_item"),
        status=TicketStatus.CALLED,
        called_window_id=window.id,
        called_at=now,
        first_called_at=now,
        calls=1,
    )
    records.session.add(ticket)
    await records.session.commit()
    return ticket.id


async def _slot(records: Records) -> dict[str, Any]:
    await records.get("queue_window")
    return {
        "centre_id": await records.get("centre_id"),
        "item_id": await records.get("queue_item"),
        "day": (today() + timedelta(days=1)).isoformat(),
        "starts_at": "09:00",
        "ends_at": "10:00",
        "capacity": 5,
    }


async def _transfer(records: Records) -> dict[str, Any]:
    return {"window_id": await records.get("other_window")}


AT_THE_WINDOW = Access(Can.SERVE_AT_WINDOW, Scope.UNIT, records={"window_id": "queue_window"})
WITH_THE_TICKET = Access(Can.SERVE_AT_WINDOW, Scope.UNIT, records={"ticket_id": "called_ticket"})
QUEUE: dict[str, Access] = {
    # The kiosk, the phone page and the display screen: anyone.
    "queue-list_centres": public(),
    "queue-centre_choices": public(),
    "queue-board_state": public(),
    "queue-take_ticket": public(),
    "queue-follow_ticket": Access(PUBLIC, records={"ticket_id": "called_ticket"}),
    "queue-list_slots": public(),
    "queue-book": public(),
    "queue-check_in": public(),
    "live-board_stream": public(),
    # The centre's managers open slots; supervisors and the office read the figures.
    "queue-open_slot": Access(Can.MANAGE_HALL, Scope.UNIT, body=_slot),
    "queue-queue_stats": Access(Can.SUPERVISE_HALL, Scope.UNIT),
    "live-alerts_stream": Access(Can.SUPERVISE_HALL),
    # A window's clerk (stationed there) and the office of the centre's unit or above.
    "queue-my_windows": Access(Can.SERVE_AT_WINDOW),
    "queue-window_console": AT_THE_WINDOW,
    "queue-call_next": AT_THE_WINDOW,
    "queue-recall": WITH_THE_TICKET,
    "queue-no_show": WITH_THE_TICKET,
    "queue-finish": WITH_THE_TICKET,
    "queue-transfer": Access(
        Can.SERVE_AT_WINDOW, Scope.UNIT, records={"ticket_id": "called_ticket"}, body=_transfer
    ),
}
QUEUE_MAKERS: dict[str, Maker] = {
    "queue_item": _queue_item,
    "queue_window": _queue_window,
    "other_window": _other_window,
    "called_ticket": _called_ticket,
}


# --- Ratings, complaints and the enforcement register: a window 7 of the bureau's centre with
# the bureau's clerk stationed, a case of the bureau completed there and rated badly (its
# follow-up), a complaint about the window. The tablet's routes answer only its paired key,
# which no caller of the matrix holds.


async def _rating_window(records: Records) -> int:
    centre = await records.session.get(ServiceCentre, await records.get("centre_id"))
    assert centre is not None
    window = await add_window(records.session, centre, number=7, ticket_prefix="R")
    clerk = username(Caller(Role.WINDOW_CLERK, Place.OWN))
    await station(records.session, window, account=clerk, display_name="矩阵", unit_id=BUREAU)
    return window.id


async def _completed_case(records: Records) -> int:
    window = await records.session.get(Window, await records.get("rating_window"))
    assert window is not None
    return (await add_case(records.session, window)).id


async def _follow_up(records: Records) -> int:
    case = await records.session.get(Case, await records.get("completed_case"))
    assert case is not None
    rated = await records.client.post(
        "/ratings", json={"number": case.number, "code": CODE, "level": 5}
    )
    assert rated.status_code == 201, rated.text
    return int(rated.json()["follow_up_id"])


async def _complaint(records: Records) -> int:
    filed = await records.client.post(
        "/complaints",
        json={"window_id": await records.get("rating_window"), "content": "窗口无人值守半小时"},
    )
    assert filed.status_code == 201, filed.text
    found = await records.session.scalar(
        select(Complaint.id).where(Complaint.number == filed.json()["number"])
    )
    assert found is not None
    return found


async def _invitation_body(records: Records) -> dict[str, Any]:
    return {"case_id": await records.get("completed_case")}


async def _decision_body(records: Records) -> dict[str, Any]:
    return a_decision(unit_id=BUREAU)


UNPAIRED = Refusal(
    tuple(sorted(CALLER_NAMES)), 403, "tablet_not_paired", "only the window's paired tablet"
)
SUPERVISOR_OF_UNIT = Access(Can.SUPERVISE_HALL, Scope.UNIT)
RATINGS_AND_ENFORCEMENT: dict[str, Access] = {
    "ratings-look_up_case_to_rate": public(),
    "ratings-rate_case": public(),
    "ratings-pair_rating_tablet": HALL_MANAGER,
    "ratings-tablet_invitation": Access(PUBLIC, exceptions=(UNPAIRED,)),
    "ratings-rate_at_tablet": Access(
        PUBLIC, body={"invitation_id": 1, "level": 1}, exceptions=(UNPAIRED,)
    ),
    # The clerk stationed at the case's window, or the office of the centre's unit or above.
    "ratings-invite_rating": Access(Can.SERVE_AT_WINDOW, Scope.UNIT, body=_invitation_body),
    "ratings-list_follow_ups": Access(Can.SUPERVISE_HALL, Scope.UNIT, makes=("follow_up_id",)),
    "ratings-close_follow_up": Access(
        Can.SUPERVISE_HALL, Scope.UNIT, body={"result": "已电话回访并整改"}
    ),
    "ratings-complaint_targets": public(),
    "ratings-file_complaint": public(),
    "ratings-list_complaints": Access(Can.SUPERVISE_HALL, makes=("complaint_id",)),
    "ratings-handle_complaint": Access(
        Can.SUPERVISE_HALL, Scope.UNIT, body={"note": "调取录像核实"}
    ),
    "ratings-close_complaint": Access(
        Can.SUPERVISE_HALL, Scope.UNIT, body={"result": "投诉属实，已整改"}
    ),
    # The enforcing unit's own staff (and the office above it) keep its register.
    "enforcement-list_decisions": Access(Can.REGISTER_ENFORCEMENT, Scope.UNIT),
    "enforcement-register_decision": Access(
        Can.REGISTER_ENFORCEMENT, Scope.UNIT, body=_decision_body
    ),
    "enforcement-import_template": Access(Can.REGISTER_ENFORCEMENT),
    "enforcement-import_decisions": Access(Can.REGISTER_ENFORCEMENT),
    "enforcement-enforcement_stats": Access(Can.REGISTER_ENFORCEMENT, Scope.UNIT),
}
RATINGS_AND_ENFORCEMENT_MAKERS: dict[str, Maker] = {
    "rating_window": _rating_window,
    "completed_case": _completed_case,
    "follow_up_id": _follow_up,
    "complaint_id": _complaint,
}

TABLE = service_table(
    {**ITEMS_AND_WINDOWS, **QUEUE, **CASES, **RATINGS_AND_ENFORCEMENT},
    {**ITEMS_AND_WINDOWS_MAKERS, **QUEUE_MAKERS, **CASES_MAKERS, **RATINGS_AND_ENFORCEMENT_MAKERS},
)
