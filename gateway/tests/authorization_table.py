"""Who may call each of the gateway's own operations (checked by test_authorization.py).

The records are the demo district's education bureau (锦华区教育局) and an account in it; the
callers sign in with accounts of their own there, at the district government above it and at
东湖街道 beside it. No component calls the gateway: its routes are for people, and a
component's token is refused here as at the proxy (`components_admitted=False`).
"""

from __future__ import annotations

import itertools
import uuid
from typing import Any

from gateway_builders import make_user

from sunshine_kit.access_matrix import (
    PUBLIC,
    Access,
    Records,
    Refusal,
    Scope,
    Table,
    dead_message,
    public,
)
from sunshine_kit.roles import Can
from sunshine_kit.units.schemas import make_credit_code

BUREAU = "锦华区教育局"
_serial = itertools.count(1)


async def _bureau(records: Records) -> int:
    return int(records.context["units"][BUREAU].id)


async def _account(records: Records) -> int:
    """An account of the bureau's, whose lockout an admin may lift or whose roles change."""
    user = await make_user(
        records.session,
        f"matrix.{uuid.uuid4().hex[:8]}",
        records.context["units"][BUREAU],
        ["publisher"],
    )
    return int(user.id)


async def _new_account(records: Records) -> dict[str, Any]:
    return {
        "username": f"matrix.{uuid.uuid4().hex[:8]}",
        "display_name": "王伟",
        "unit_id": await records.get("unit_id"),
        "roles": ["publisher"],
        "password": "Spring-rain-77",
    }


async def _new_unit(records: Records) -> dict[str, Any]:
    return {
        "name": "锦华区教育局教学研究室",
        "credit_code": make_credit_code(f"11510199MB8{next(_serial):06d}"),
        "type": "department",
        "parent_id": await records.get("unit_id"),
    }


MAKERS = {"unit_id": _bureau, "user_id": _account, "message_id": dead_message}

# Settings of the whole region: the top unit's ops admin (a bureau's or a street's may manage
# its own accounts, not the district's calendar or every component's delivery queue).
DELIVERY = Access(Can.OPERATE_DELIVERY, Scope.TOP)

TABLE = Table(
    {
        "ops-healthz": public(),
        "ops-readyz": public(),
        "vocabulary-vocabulary": public(),
        "units-list_units": public(),
        "calendar-list_years": public(),
        # Signing in and out: by what the body holds (password, refresh token).
        "auth-login": public(),
        "auth-refresh": public(),
        "auth-logout": Access(
            PUBLIC,
            exceptions=(
                Refusal(
                    ("service",),
                    401,
                    "invalid_token",
                    "a token sent is checked even where none is needed, and a component's is "
                    "not valid at the gateway",
                ),
            ),
        ),
        "auth-me": Access(Can.WORK_IN_CONSOLE),
        "auth-change_password": Access(Can.WORK_IN_CONSOLE),
        # Colleagues of a unit in reach, by name (an application's handler is picked from them).
        "auth-people": Access(
            Can.WORK_IN_CONSOLE, Scope.UNIT, query={"work": "handle_applications"}
        ),
        # Accounts (账号管理): the admin's subtree.
        "users-list_users": Access(Can.MANAGE_ACCOUNTS, makes=("user_id",)),
        "users-create_user": Access(Can.MANAGE_ACCOUNTS, Scope.UNIT, body=_new_account),
        "users-update_user": Access(
            Can.MANAGE_ACCOUNTS, Scope.UNIT, body={"display_name": "王伟（教育局）"}
        ),
        "users-unlock_user": Access(Can.MANAGE_ACCOUNTS, Scope.UNIT),
        # The organisation tree: a unit is added or changed by its office (or one above);
        # closed (撤销) by the level above it, never by itself.
        "units-create_unit": Access(Can.MANAGE_UNITS, Scope.UNIT, body=_new_unit),
        "units-update_unit": Access(Can.MANAGE_UNITS, Scope.UNIT, body={"sort_order": 3}),
        "units-close_unit": Access(
            Can.MANAGE_UNITS,
            Scope.ABOVE,
        ),
        "calendar-load_year": Access(
            Can.MANAGE_CALENDAR,
            Scope.TOP,
        ),
        "outbox-outbox_summary": DELIVERY,
        "outbox-list_dead": DELIVERY,
        "outbox-list_pending": DELIVERY,
        "outbox-replay": DELIVERY,
        "audit-list_entries": Access(Can.READ_AUDIT),
        "audit-read_log": Access(Can.READ_AUDIT, Scope.UNIT),
        "audit-export_log": Access(Can.READ_AUDIT, Scope.UNIT),
        "audit-log_words": Access(Can.READ_AUDIT),
    },
    makers=MAKERS,
    components_admitted=False,
)
