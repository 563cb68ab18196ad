"""schemathesis over the platform's combined OpenAPI, against the real processes.

Every operation of the gateway's `/openapi.json` is called with generated inputs, valid and not
(`mode = "all"`), anonymously and as the district's disclosure office, and each answer must be
no server error, of a documented content type, and within the schema of its status. Bounded
for CI (two cores, a few minutes in all): few examples per operation, no shrinking, seeded and
derandomized so that a run repeats the last one.

The stack is shared with the other cross-service tests, so what would change what they (or the
rest of this run) rely on is called anonymously only, where it must be refused: `NOT_AS_STAFF`
says what and why. The anonymous calls spend the gateway's allowance of public writes for this
address (429, a documented answer); the gateway is restarted after the module, so the tests
that follow start with their allowance whole, as a new minute would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)
from stack import Stack

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
CONFIG = {
    "seed": 2026,
    "generation": {"mode": "all", "with-security-parameters": False, "no-shrink": True},
    "phases": {
        "stateful": {"enabled": False},
        # GET and OPTIONS with a body are in: the gateway once forwarded their Content-Length
        # without the body, and the service read the next request on the connection as it.
        "coverage": {
            "unexpected-methods": [
                "GET",
                "OPTIONS",
                "PUT",
                "POST",
                "DELETE",
                "PATCH",
                "TRACE",
                "QUERY",
            ]
        },
    },
    "request-timeout": 20,
}
BOUNDED = settings(
    max_examples=12,
    deadline=timedelta(seconds=10),
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)

# Called anonymously only (and refused), because a staff member's call would change what the
# other tests, or the rest of this run, rely on.
NOT_AS_STAFF = {
    "auth-logout": "ends the session it is sent with: the rest of the run would be anonymous",
    "auth-change_password": (
        "a wrong old password counts towards locking the office account other tests sign in with"
    ),
    "units-update_unit": "renames and moves the demo district's units (tests find them by name)",
    "units-close_unit": "closes the demo district's units",
    "calendar-load_year": "replaces a year's holidays, every service's working days with it",
    "outbox-replay": "queues the gateway's messages again",
    **{
        f"{service}-outbox-replay": "queues the component's messages again"
        for service in ("catalog", "applications", "hall", "reporting")
    },
    **{
        f"catalog-{operation}": "changes the region's catalogue template every unit shows"
        for operation in (
            "columns-add_column",
            "columns-update_column",
            "columns-merge_column",
            "columns-split_column",
            "columns-set_unit_column",
            "items-move_items",
        )
    },
    "applications-applications-recompute": "recomputes the due date of every open application",
    **{
        f"hall-{operation}": "changes the demo hall's items and windows (the hall's flow tests "
        "find an item by name and the clerk at the window)"
        for operation in (
            "items-update_item",
            "items-retire_item",
            "windows-update_centre",
            "windows-update_window",
            "windows-set_window_units",
            "windows-set_window_staff",
            "windows-set_window_items",
        )
    },
}

# Live streams (server-sent events) answer for as long as a screen stays connected: a fuzzer's
# read-everything call would wait for the stream's end. tests/test_hall_journey.py reads them.
STREAMS = ["hall-live-board_stream", "hall-live-alerts_stream"]


@pytest.fixture(scope="module")
def platform_schema(stack: Stack) -> Iterator[schemathesis.BaseSchema]:
    config = schemathesis.Config.from_dict(CONFIG)
    yield schemathesis.openapi.from_url(f"{stack.url('gateway')}/openapi.json", config=config)
    # The anonymous calls spent this address's public writes (see the module's docstring).
    stack.stop("gateway")
    stack.start("gateway")


@pytest.fixture(scope="module")
def office(login: Callable[[str], dict[str, str]]) -> dict[str, str]:
    return login("office")


platform = schemathesis.pytest.from_fixture("platform_schema")


@platform.exclude(operation_id=STREAMS).parametrize()
@BOUNDED
def test_anonymous_callers(case: schemathesis.Case) -> None:
    response = case.call_and_validate(checks=CHECKS)
    if case.operation.definition.raw.get("operationId") in NOT_AS_STAFF:
        assert response.status_code >= 400, response.text


@platform.exclude(operation_id=[*NOT_AS_STAFF, *STREAMS]).parametrize()
@BOUNDED
def test_the_district_office(case: schemathesis.Case, office: dict[str, str]) -> None:
    case.call_and_validate(headers=office, checks=CHECKS)
