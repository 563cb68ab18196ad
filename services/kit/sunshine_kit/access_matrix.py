"""Who may call each operation: a component's expected answers, checked with real requests.

Each component's `tests/authorization_table.py` says, for every operation id of its OpenAPI,
who may call it (`Access`): the public, other components only, or a role group (`Can`) — and
whether the unit of the records it acts on must be in the caller's reach (`Scope`). The tests
built on it (`tests/test_authorization.py`) then:

- fail when an operation has no entry, or an entry names an operation that is gone
  (`check_table`), so that no route is added without an expected answer;
- send, for one operation, a real request per caller (`CALLERS`: anonymous, another component,
  and every staff role at the records' own unit, at the unit above it and at a sibling unit),
  with the path filled with records made for the test in the own unit (`Records`), required
  query parameters from their schema and a body `{}` (`check_operation`). A caller refused
  must get 401 (anonymous) or 403 — 404 only where the operation hides a record from those
  who may not see it — and a caller admitted anything but 401 and 403. Refused callers go
  first: an admitted DELETE may remove the record the others are asked about.

An admitted caller refused for a reason of the domain (a reviewer may not review what they
wrote) is one of the entry's `exceptions` (a `Refusal`), with its status and code. Where today's
code answers otherwise than the table expects, the entry carries a `Deviation` saying why: the
test holds the code to today's answer until the owners decide, and fails once it changes, so
that the table and the code are brought back together deliberately.
"""

from __future__ import annotations

import importlib.util
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.outbox.models import OutboxMessage, OutboxStatus
from sunshine_kit.roles import ROLE_GROUPS, STAFF_ROLES, SUBTREE_ROLES, Can, Role
from sunshine_kit.testing import BUREAU, DISTRICT, OTHER_STREET, add_test_district, auth

PUBLIC = "public"
COMPONENTS = "components"
METHODS = ("get", "put", "post", "patch", "delete")


class Scope(StrEnum):
    """Which callers of an admitted role the records' unit admits."""

    ANY = "any"  # not unit-bound (or the answer is filtered to the caller's reach)
    UNIT = "unit"  # the unit's own staff, and subtree roles above it
    ABOVE = "above"  # only subtree roles of the unit above: a unit does not decide this itself
    TOP = "top"  # only staff of the top unit: it changes what every unit of the region uses


class Place(StrEnum):
    """Where a staff caller sits, seen from the unit the records belong to."""

    OWN = "own"
    PARENT = "parent"  # the unit above it, the region's top unit in the tests
    SIBLING = "sibling"  # another unit under the same parent


@dataclass(frozen=True)
class Caller:
    role: Role | None  # None: anonymous; Role.SERVICE: another component
    place: Place | None = None

    @property
    def name(self) -> str:
        if self.role is None:
            return "anonymous"
        if self.role is Role.SERVICE:
            return "service"
        return f"{self.role.value}@{self.place}"


def username(caller: Caller) -> str:
    """The account name a staff caller signs in (or is forwarded) with."""
    assert caller.role is not None and caller.place is not None
    return f"matrix.{caller.role.value}.{caller.place}"


ANONYMOUS = Caller(None)
SERVICE = Caller(Role.SERVICE)
STAFF = tuple(Caller(role, place) for role in Role if role in STAFF_ROLES for place in Place)
CALLERS: tuple[Caller, ...] = (ANONYMOUS, SERVICE, *STAFF)
CALLER_NAMES = frozenset(caller.name for caller in CALLERS)


@dataclass(frozen=True)
class Refusal:
    """Admitted callers refused for a reason of the domain, with the answer they get."""

    callers: tuple[str, ...]
    status: int
    code: str
    reason: str


@dataclass(frozen=True)
class Deviation:
    """Callers the code answers otherwise than the table expects (reported to the owners)."""

    callers: tuple[str, ...]
    reason: str


Value = Any
Maker = Callable[["Records"], Awaitable[Value]]
Body = Mapping[str, Any] | Callable[["Records"], Awaitable[Mapping[str, Any]]]


@dataclass(frozen=True)
class Access:
    """Who may call one operation, and what the request needs to get as far as the check."""

    who: str | Can | tuple[Can, ...]  # PUBLIC, COMPONENTS, or role groups (any one admits)
    scope: Scope = Scope.ANY
    # The record is kept from those who may not see it: their answer is 404 (401, 403 too).
    hides: bool = False
    # Parameter -> the record that fills it, where not the parameter's own name (`Records`).
    records: Mapping[str, str] = field(default_factory=dict)
    # A valid body, where `{}` would stop at validation before the caller's rights are checked
    # (they are checked in the service, after the body is read).
    body: Body | None = None
    query: Mapping[str, Value] = field(default_factory=dict)
    # Records made before the calls, for a list to have something to show (or to leak).
    makes: tuple[str, ...] = ()
    exceptions: tuple[Refusal, ...] = ()
    deviations: tuple[Deviation, ...] = ()


def public() -> Access:
    return Access(PUBLIC)


def components_only(**options: Any) -> Access:
    return Access(COMPONENTS, **options)


@dataclass(frozen=True)
class Table:
    """A component's expected answers, by operation id."""

    operations: Mapping[str, Access]
    # The records the requests name (`Records`), by name.
    makers: Mapping[str, Maker] = field(default_factory=dict)
    # Whether another component's own token is admitted where a role group is (services: yes,
    # `Principal.can`; the gateway's routes are for people).
    components_admitted: bool = True


def load_table(test_file: str) -> Table:
    """The `TABLE` of the `authorization_table.py` beside `test_file`.

    Every component's table has that name and the test folders share one import path, so the
    module is loaded by its file, under a name of its own."""
    path = Path(test_file).with_name("authorization_table.py")
    module = _load(path, f"authorization_table_{path.parent.parent.name}")
    table: Table = module.TABLE
    return table


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def operations(spec: Mapping[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """Every operation of an OpenAPI document: id -> (method, path, operation)."""
    found = {}
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                found[item[method]["operationId"]] = (method, path, item[method])
    return found


def check_table(spec: Mapping[str, Any], table: Table) -> None:
    """Every operation has an entry, every entry an operation, every caller named exists."""
    known = set(operations(spec))
    missing = sorted(known - set(table.operations))
    gone = sorted(set(table.operations) - known)
    problems = [f"no expected answer for operation {op}" for op in missing]
    problems += [f"the table names operation {op}, which the OpenAPI no longer has" for op in gone]
    for op, access in table.operations.items():
        named = {c for r in access.exceptions for c in r.callers}
        named |= {c for d in access.deviations for c in d.callers}
        problems += [f"{op}: no such caller {caller!r}" for caller in sorted(named - CALLER_NAMES)]
    assert not problems, "\n".join(problems)


def admitted(access: Access, caller: Caller, table: Table) -> bool:
    """Whether the table lets `caller` call the operation (before any exception)."""
    if access.who == PUBLIC:
        return True
    if caller.role is None:
        return False
    if caller.role is Role.SERVICE:
        return access.who == COMPONENTS or table.components_admitted
    if access.who == COMPONENTS:
        return False
    groups = access.who if isinstance(access.who, tuple) else (Can(access.who),)
    if not any(caller.role in ROLE_GROUPS[group] for group in groups):
        return False
    above = caller.place is Place.PARENT and caller.role in SUBTREE_ROLES
    return {
        Scope.ANY: True,
        Scope.UNIT: caller.place is Place.OWN or above,
        Scope.ABOVE: above,
        Scope.TOP: caller.place is Place.PARENT,
    }[access.scope]


class Records:
    """The records an operation's request names, made on first use within one test.

    `makers` maps a name (by default the parameter's: `item_id`, `unit_id`...) to an async
    function making the record through the component's builders and returning its id; they
    reach the test's `client` and `session` (and `context`, what else the test set up) here."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        makers: Mapping[str, Maker],
        **context: Any,
    ) -> None:
        self.client = client
        self.session = session
        self.context = context
        self._makers = makers
        self._made: dict[str, Value] = {}

    def fresh(self) -> Records:
        """Records of the same makers, none made yet."""
        return Records(self.client, self.session, self._makers, **self.context)

    def __contains__(self, name: str) -> bool:
        return name in self._makers

    async def get(self, name: str) -> Value:
        if name not in self._made:
            if name not in self._makers:
                raise KeyError(f"no record maker for {name!r}: add one to the component's table")
            self._made[name] = await self._makers[name](self)
        return self._made[name]


async def dead_message(records: Records) -> int:
    """A message the component's outbox gave up on (what an operator replays)."""
    message = OutboxMessage(
        key=f"matrix-{uuid.uuid4().hex}",
        destination="catalog",
        path="/nowhere",
        payload={},
        status=OutboxStatus.DEAD,
        attempts=8,
        last_error="HTTP 503",
    )
    records.session.add(message)
    await records.session.commit()
    return message.id


# Values of required parameters the schema alone would not make meaningful.
QUERY_DEFAULTS: dict[str, Value] = {"year": 2026, "q": "教育", "entity_type": "item"}


def _example(name: str, schema: Mapping[str, Any]) -> Value:
    """A valid value of a required parameter, from its schema."""
    if name in QUERY_DEFAULTS:
        return QUERY_DEFAULTS[name]
    for option in schema.get("anyOf", []):
        if option.get("type") != "null":
            return _example(name, option)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "integer":
        return max(int(schema.get("minimum", 1)), 1)
    if kind == "boolean":
        return False
    text = "matrix-" + uuid.uuid4().hex
    return text[: schema.get("maxLength", len(text))].ljust(schema.get("minLength", 0), "x")


@dataclass
class Answer:
    caller: Caller
    status: int
    code: str


def _code(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return ""
    error = body.get("error") if isinstance(body, dict) else None
    return str(error.get("code", "")) if isinstance(error, dict) else ""


async def _request(
    client: httpx.AsyncClient,
    method: str,
    path: str,
    operation: Mapping[str, Any],
    access: Access,
    records: Records,
    headers: Mapping[str, str],
    body: Mapping[str, Any] | None,
) -> httpx.Response:
    url, query, sent_headers = path, {}, dict(headers)
    for parameter in operation.get("parameters", []):
        name, where = parameter["name"], parameter["in"]
        record = access.records.get(name, name)
        if where == "path":
            value = (
                await records.get(record)
                if record in records
                else _example(name, parameter.get("schema", {}))
            )
            url = url.replace(f"{{{name}}}", str(value))
        elif where == "query":
            if name in access.query:
                query[name] = access.query[name]
            elif record in records and (parameter.get("required") or name == "unit_id"):
                # A unit filter names the records' unit: the list is then unit-bound.
                query[name] = await records.get(record)
            elif parameter.get("required"):
                query[name] = _example(name, parameter.get("schema", {}))
        elif where == "header" and parameter.get("required"):
            sent_headers[name] = f"matrix-{uuid.uuid4().hex}"
    content = operation.get("requestBody", {}).get("content", {})
    if "multipart/form-data" in content:
        files = {"file": ("matrix.txt", "阳光政务\n".encode(), "text/plain")}
        return await client.request(method, url, params=query, headers=sent_headers, files=files)
    if "application/json" in content:
        return await client.request(
            method, url, params=query, headers=sent_headers, json=dict(body or {})
        )
    return await client.request(method, url, params=query, headers=sent_headers)


def _expected(access: Access, caller: Caller, table: Table) -> tuple[str, Refusal | None]:
    """'admitted' or 'refused' as the code answers today (table, then exceptions and
    deviations), with the exception that applies."""
    for exception in access.exceptions:
        if caller.name in exception.callers:
            return "refused", exception
    verdict = admitted(access, caller, table)
    if any(caller.name in deviation.callers for deviation in access.deviations):
        verdict = not verdict
    return ("admitted" if verdict else "refused"), None


def _holds(access: Access, answer: Answer, verdict: str, exception: Refusal | None) -> bool:
    if exception is not None:
        return answer.status == exception.status and answer.code == exception.code
    if verdict == "admitted":
        return answer.status not in (401, 403)
    refusals = {401} if answer.caller.role is None else {403}
    if answer.caller.role is Role.SERVICE:
        refusals = {401, 403}  # a component's token: not valid here, or not enough
    if access.hides:
        refusals |= {404}
    return answer.status in refusals


async def check_operation(
    client: httpx.AsyncClient,
    spec: Mapping[str, Any],
    table: Table,
    operation_id: str,
    records: Records,
    headers: Mapping[str, Mapping[str, str]],
    callers: Iterable[Caller] = CALLERS,
) -> list[Answer]:
    """Call the operation as every caller (`headers` by caller name) and fail with every answer
    that is not the table's.

    Refused callers go first, on one set of records (what they try is rolled back); then each
    admitted caller, staff before components, on records of its own when the operation changes
    something, so that each meets the record as it was made (not deleted, not yet reviewed)."""
    found = operations(spec)
    assert operation_id in found, f"the OpenAPI has no operation {operation_id}"
    assert operation_id in table.operations, f"no expected answer for operation {operation_id}"
    method, path, operation = found[operation_id]
    access = table.operations[operation_id]
    for name in access.makes:
        await records.get(name)
    plan = [(caller, *_expected(access, caller, table)) for caller in callers]
    plan.sort(key=lambda step: (step[1] == "admitted", step[0].role is Role.SERVICE))
    answers, wrong = [], []
    for caller, verdict, exception in plan:
        mine = records.fresh() if verdict == "admitted" and method != "get" else records
        body = await access.body(mine) if callable(access.body) else access.body
        response = await _request(
            client, method, path, operation, access, mine, headers[caller.name], body
        )
        answer = Answer(caller, response.status_code, _code(response))
        answers.append(answer)
        if not _holds(access, answer, verdict, exception):
            expected = f"{exception.status} {exception.code}" if exception else verdict
            deviation = any(caller.name in d.callers for d in access.deviations)
            note = " (a recorded deviation no longer holds: fixed? update the table)"
            wrong.append(
                f"  {caller.name:26} expected {expected:10} got {answer.status} {answer.code}"
                f" {response.text[:160]}{note if deviation else ''}"
            )
    assert not wrong, f"{method.upper()} {path} ({operation_id}):\n" + "\n".join(wrong)
    return answers


def forwarded_headers(
    units: Mapping[Place, int], auth: Callable[..., dict[str, str]]
) -> dict[str, dict[str, str]]:
    """Each caller's Authorization header as a service receives it from the gateway (`auth` is
    `sunshine_kit.testing.auth`), every staff member under a name of their own."""
    headers: dict[str, dict[str, str]] = {
        ANONYMOUS.name: {},
        SERVICE.name: auth(Role.SERVICE.value, unit_id=None, username="matrix"),
    }
    for number, caller in enumerate(STAFF, start=100):
        assert caller.role is not None and caller.place is not None
        headers[caller.name] = auth(
            caller.role.value,
            unit_id=units[caller.place],
            username=username(caller),
            user_id=number,
        )
    return headers


# --- what every service shares -----------------------------------------------------------


async def bureau(records: Records) -> int:
    """The unit the matrix's records belong to (its callers' own unit)."""
    return BUREAU


# The kit's routes, in every service alike: health, the copies of the organisation tree and
# of the calendar (pushed by the gateway), the delivery queues and the audit trail (filtered
# to what people of the caller's reach did; the log asked for a unit's people: in reach).
EVERY_SERVICE: dict[str, Access] = {
    "ops-healthz": public(),
    "ops-readyz": public(),
    "org-get_unit": public(),
    "calendar-list_years": public(),
    "org-receive_unit": components_only(),
    "calendar-receive_year": components_only(),
    "outbox-outbox_summary": Access(Can.OPERATE_DELIVERY, Scope.TOP),
    "outbox-list_dead": Access(Can.OPERATE_DELIVERY, Scope.TOP),
    "outbox-list_pending": Access(Can.OPERATE_DELIVERY, Scope.TOP),
    "outbox-replay": Access(Can.OPERATE_DELIVERY, Scope.TOP),
    "audit-list_entries": Access(Can.READ_AUDIT),
    "audit-read_log": Access(Can.READ_AUDIT, Scope.UNIT),
    "audit-export_log": Access(Can.READ_AUDIT, Scope.UNIT),
    "audit-log_words": Access(Can.READ_AUDIT),
}
EVERY_SERVICE_MAKERS: dict[str, Maker] = {"unit_id": bureau, "message_id": dead_message}


def service_table(
    operations: Mapping[str, Access], makers: Mapping[str, Maker] | None = None
) -> Table:
    """A service's table: the kit's routes every service has, and the service's own."""
    return Table({**EVERY_SERVICE, **operations}, makers={**EVERY_SERVICE_MAKERS, **(makers or {})})


def authorization_tests(
    test_file: str,
) -> tuple[Callable[..., None], Callable[..., Awaitable[None]]]:
    """The two matrix tests of a service, for its `test_authorization.py` to bind: the table
    covers its OpenAPI exactly, and each operation answers every caller as the table says."""
    table = load_table(test_file)
    headers = forwarded_headers(
        {Place.OWN: BUREAU, Place.PARENT: DISTRICT, Place.SIBLING: OTHER_STREET}, auth
    )

    def test_every_operation_has_an_expected_answer(app: FastAPI) -> None:
        check_table(app.openapi(), table)

    @pytest.mark.parametrize("operation_id", sorted(table.operations))
    async def test_who_may_call(
        operation_id: str, app: FastAPI, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        await add_test_district(session)
        records = Records(client, session, table.makers)
        await check_operation(client, app.openapi(), table, operation_id, records, headers)

    return test_every_operation_has_an_expected_answer, test_who_may_call
