"""The demo district's applications, made without a database: about a year and a half of them.

Every application is played forward step by step on the working-day calendar, the way an office
would handle it, and cut off at today: what happened after today has not happened yet, so the
open applications sit in every state. The due dates then come from the statutory clock exactly
as the service computes them (`service.facts` and `clock.compute`). Every result and sub-reason
of the annual report's taxonomy appears at least once; the random seed is fixed, so the same
units, calendar and day make the same records (`loader` writes them).

Longer than a module should be, on purpose: `Generator.play` plays the steps forward and
`cut_at_today` takes back those after today, and the two must agree step by step, which is
easiest to check with both in view.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sunshine_applications.applications import clock as statutory
from sunshine_applications.applications import service
from sunshine_applications.applications.identity import fingerprint
from sunshine_applications.applications.labels import OUTCOME_REASONS
from sunshine_applications.applications.models import (
    ApplicantType,
    Channel,
    DisclosureApplication,
    HistoryAction,
    OpinionKind,
    OpinionRequest,
    OrganisationKind,
    Outcome,
    RemedyKind,
    RemedyResult,
    Status,
)
from sunshine_applications.applications.schemas import ID_CARD, id_card_check
from sunshine_applications.demo.data import (
    BUSY,
    EXPLANATIONS,
    GENERIC,
    GIVEN,
    HANDLERS,
    ORG_WORDS,
    ORGANISATIONS,
    OUTCOME_WEIGHTS,
    PLACES,
    SHOWCASE_UNIT,
    SUPPLEMENT_REQUEST,
    SURNAMES,
    TOPICS,
)
from sunshine_kit import query_codes
from sunshine_kit.calendar.days import WorkingDayCalendar
from sunshine_kit.units.models import Unit

FIRST_DAY = date(2025, 6, 2)
COLUMNS = frozenset(c.key for c in DisclosureApplication.__table__.columns)
# What a repeated application (不予处理 2) shares with the earlier one.
REPEATED = (
    "unit_id",
    "handler",
    "applicant_type",
    "organisation_kind",
    "organisation_name",
    "applicant_name",
    "id_type",
    "id_number",
    "phone",
    "address",
    "description",
)
# The open states a few recent applications are played into, so the inbox shows each of them.
SHAPED = (Status.AWAITING_SUPPLEMENT, Status.CONSULTING, Status.AWAITING_FEE, Status.DECIDED)
# Every step's columns, empty until the step happens (a batch insert needs the same keys).
OPTIONAL: dict[str, Any] = {
    "supplement_requested_on": None,
    "supplement_due_on": None,
    "supplement_request": "",
    "supplement_received_on": None,
    "extension_working_days": 0,
    "extension_approved_by": "",
    "extension_reason": "",
    "extension_notified_on": None,
    "fee_fen": 0,
    "fee_notified_on": None,
    "fee_due_on": None,
    "fee_paid_on": None,
    "outcome": None,
    "outcome_reason": None,
    "outcome_explanation": "",
    "legal_basis": "",
    "decided_by": None,
    "replied_on": None,
}


@dataclass
class Plan:
    """One application as played forward; dates after today are dropped before writing."""

    row: dict[str, Any]
    opinions: list[dict[str, Any]] = field(default_factory=list)
    remedies: list[dict[str, Any]] = field(default_factory=list)
    events: list[tuple[date, str, HistoryAction, dict[str, Any]]] = field(default_factory=list)


def id_card(rng: random.Random, born: date) -> str:
    """A GB 11643 number of the fictional district (region 510199), with its check character."""
    digits = f"510199{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return digits + id_card_check(digits)


def credit_code(rng: random.Random) -> str:
    return "91510199" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(10))


def _topics(unit: Unit) -> list[str]:
    if unit.type in ("street", "township"):
        return TOPICS["街道"]
    for key, topics in TOPICS.items():
        if key in unit.name:
            return topics
    return GENERIC


class Generator:
    def __init__(
        self, units: list[Unit], calendar: WorkingDayCalendar, today: date, seed: int
    ) -> None:
        self.rng = random.Random(seed)
        self.units = units
        self.weights = [BUSY.get(u.name, 1) for u in units]
        self.calendar = calendar
        self.today = today
        # The demo handler's unit gets the shaped and half the recent applications, so that
        # whoever signs in as edu_handler finds a working inbox, not one or two rows.
        self.showcase = next((u for u in units if u.name == SHOWCASE_UNIT), None)

    def wd(self, start: date, n: int) -> date:
        return self.calendar.add_working_days(start, n).date

    def person(self) -> dict[str, Any]:
        rng = self.rng
        born = date(rng.randint(1955, 2003), rng.randint(1, 12), rng.randint(1, 28))
        return {
            "applicant_name": rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.randint(1, 2))),
            "id_type": ID_CARD,
            "id_number": id_card(rng, born),
            "phone": f"1{rng.choice('3589')}{rng.randint(0, 999_999_999):09d}",
            "address": f"锦华区{rng.choice(PLACES)}{rng.randint(1, 300)}号",
        }

    def applicant(self) -> dict[str, Any]:
        rng = self.rng
        data = self.person()
        if rng.random() < 0.78:
            return {
                **data,
                "applicant_type": ApplicantType.NATURAL_PERSON,
                "organisation_kind": None,
                "organisation_name": "",
            }
        kind = rng.choices(list(ORGANISATIONS), weights=[50, 10, 12, 18, 10])[0]
        return {
            **data,
            "applicant_type": ApplicantType.LEGAL_PERSON,
            "organisation_kind": kind,
            "organisation_name": rng.choice(ORGANISATIONS[kind]).format(rng.choice(ORG_WORDS)),
            "id_type": "统一社会信用代码",
            "id_number": credit_code(rng),
        }

    def working_days_back(self, n: int) -> date:
        """The `n`th working day before today (0: today, or the last working day before it)."""
        day = self.today
        while not self.calendar.is_working_day(day):
            day -= timedelta(days=1)
        for _ in range(n):
            day -= timedelta(days=1)
            while not self.calendar.is_working_day(day):
                day -= timedelta(days=1)
        return day

    def submitted_dates(self, count: int) -> list[tuple[date, Status | None]]:
        """Submission days, with a few recent ones shaped so that every open state is there."""
        shapes: tuple[Status | None, ...] = (Status.AWAITING_RECEIPT, *SHAPED)
        recent = [
            (self.working_days_back(0 if state == Status.AWAITING_RECEIPT else 3), state)
            for state in shapes
        ][: count // 20]
        days = self.calendar.working_days_in(FIRST_DAY, self.today)
        random_days: list[tuple[date, Status | None]] = [
            (self.rng.choice(days), None) for _ in range(count - len(recent))
        ]
        return sorted(random_days + recent, key=lambda d: d[0])

    def plan(
        self,
        submitted: date,
        forced: tuple[Outcome, int | None] | None,
        shape: Status | None = None,
    ) -> Plan:
        rng = self.rng
        unit = rng.choices(self.units, weights=self.weights)[0]
        recent = submitted >= self.today - timedelta(days=60)
        if self.showcase is not None and (shape is not None or (recent and rng.random() < 0.6)):
            unit = self.showcase
        people = self.applicant()
        channel = rng.choices(list(Channel), weights=[58, 14, 4, 6, 18])[0]
        if shape is not None:
            channel = Channel.ONLINE if shape == Status.AWAITING_RECEIPT else Channel.IN_PERSON
        if channel == Channel.LETTER:
            received = self.wd(submitted, rng.randint(2, 4))
        elif channel == Channel.ONLINE:
            # Confirmed the same day or the next; what came in today is not confirmed yet.
            received = self.wd(submitted, 1 if shape else rng.randint(0, 1))
        else:
            received = submitted
        if received > self.today and channel != Channel.ONLINE:
            channel, received = Channel.IN_PERSON, submitted
        handler = HANDLERS.get(unit.name, f"ysq{unit.id:03d}")
        description = rng.choice(_topics(unit)).format(
            year=rng.choice([submitted.year, submitted.year - 1]), place=rng.choice(PLACES)
        )
        row: dict[str, Any] = {
            "unit_id": unit.id,
            "channel": channel,
            **people,
            "email": "",
            "description": description,
            "purpose": rng.choice(["", "了解相关政策", "维护自身合法权益", "学术研究", "诉讼需要"]),
            "form": rng.choice(["electronic", "electronic", "paper", "post"]),
            "submitted_on": submitted,
            "received_on": received,
            "handler": handler,
            "linked_item_ids": [],
            "repeat_of_id": None,
            **OPTIONAL,
        }
        plan = Plan(row)
        if channel == Channel.ONLINE:
            plan.events.append((submitted, "applicant", HistoryAction.SUBMITTED, {}))
        plan.events.append((received, handler, HistoryAction.RECEIVED, {}))
        outcome, reason = forced or ((Outcome.DISCLOSED, None) if shape else self.outcome())
        self.play(plan, received, handler, outcome, reason, shape)
        return plan

    def outcome(self) -> tuple[Outcome, int | None]:
        outcome = self.rng.choices(list(OUTCOME_WEIGHTS), weights=list(OUTCOME_WEIGHTS.values()))[0]
        reasons = OUTCOME_REASONS[outcome]
        if not reasons:
            return outcome, None
        if outcome == Outcome.OTHER:
            return outcome, 3 if self.rng.random() < 0.3 else self.rng.randint(1, 2)
        return outcome, self.rng.randint(1, len(reasons))

    def play(
        self,
        plan: Plan,
        received: date,
        handler: str,
        outcome: Outcome,
        reason: int | None,
        shape: Status | None = None,
    ) -> None:
        """The steps from receipt to reply, each on a working day after the one before."""
        rng, row, wd = self.rng, plan.row, self.wd
        lapsed_supplement = (outcome, reason) == (Outcome.OTHER, 1)
        lapsed_fee = (outcome, reason) == (Outcome.OTHER, 2)
        start = received
        step = received
        if lapsed_supplement or shape == Status.AWAITING_SUPPLEMENT or rng.random() < 0.12:
            requested = wd(received, 1 if shape else rng.randint(1, 6))
            due = requested + timedelta(days=15)
            row |= {
                "supplement_requested_on": requested,
                "supplement_due_on": due,
                "supplement_request": SUPPLEMENT_REQUEST,
            }
            plan.events.append((requested, handler, HistoryAction.SUPPLEMENT_REQUESTED, {}))
            if lapsed_supplement:
                step = wd(due, rng.randint(1, 3))
            else:
                start = step = wd(requested, 12 if shape else rng.randint(2, 10))
                row["supplement_received_on"] = start
                plan.events.append((start, handler, HistoryAction.SUPPLEMENT_RECEIVED, {}))
        if shape == Status.CONSULTING or (not lapsed_supplement and rng.random() < 0.09):
            asked = wd(step, 1 if shape else rng.randint(1, 4))
            kind = rng.choice(list(OpinionKind))
            answered = wd(
                asked,
                12 if shape else rng.randint(3, 15 if kind == OpinionKind.THIRD_PARTY else 20),
            )
            party = (
                rng.choice(ORGANISATIONS[OrganisationKind.BUSINESS]).format(rng.choice(ORG_WORDS))
                if kind == OpinionKind.THIRD_PARTY
                else rng.choice(["锦华区财政局", "锦华区规划和自然资源局", "锦华区发展和改革局"])
            )
            plan.opinions.append(
                {
                    "kind": kind,
                    "party": party,
                    "asked_on": asked,
                    "letter_received_on": asked,
                    "answer_due_on": wd(asked, statutory.CONSULTED_PARTY_WORKING_DAYS),
                    "answered_on": answered,
                    "answer": rng.choice(["不同意公开", "同意公开", "同意公开，但须隐去联系方式"]),
                }
            )
            plan.events.append((asked, handler, HistoryAction.OPINION_ASKED, {"party": party}))
            plan.events.append((answered, handler, HistoryAction.OPINION_ANSWERED, {}))
            step = answered
        wants_fee = lapsed_fee or shape == Status.AWAITING_FEE or rng.random() < 0.02
        if not lapsed_supplement and wants_fee:
            notified = wd(step, 1 if shape else rng.randint(1, 3))
            row |= {
                "fee_fen": rng.choice([10_000, 20_000, 50_000]),
                "fee_notified_on": notified,
                "fee_due_on": wd(notified, 20),
            }
            plan.events.append((notified, handler, HistoryAction.FEE_NOTIFIED, {}))
            if lapsed_fee:
                step = wd(row["fee_due_on"], rng.randint(1, 3))
            else:
                step = row["fee_paid_on"] = wd(notified, 10 if shape else rng.randint(2, 8))
                plan.events.append((step, handler, HistoryAction.FEE_PAID, {}))
        base = self.due(plan)
        if not (lapsed_supplement or lapsed_fee) and base and rng.random() < 0.1:
            notified = wd(max(step, wd(start, 12)), rng.randint(1, 4))
            if notified <= base:
                row |= {
                    "extension_working_days": rng.choice([10, 15, 20]),
                    "extension_approved_by": "锦华区人民政府办公室主任",
                    "extension_reason": "申请内容涉及多个部门，需协调后答复",
                    "extension_notified_on": notified,
                }
                plan.events.append((notified, handler, HistoryAction.EXTENDED, {}))
        due = self.due(plan) or wd(start, statutory.REPLY_WORKING_DAYS)
        if lapsed_supplement or lapsed_fee:
            decided = step
        else:
            allowed = max(1, self.calendar.working_days_between(step, due).days)
            # A few come in late, as they do in real annual reports.
            decided = (
                wd(due, rng.randint(1, 4))
                if rng.random() < 0.03
                else wd(step, rng.randint(1, allowed))
            )
        decided = max(decided, wd(received, 1))
        replied = decided if rng.random() < 0.6 else wd(decided, 1)
        if shape == Status.DECIDED:
            decided = self.working_days_back(0)
            replied = wd(decided, 1)
        explanation, basis = EXPLANATIONS[outcome]
        row |= {
            "outcome": outcome,
            "outcome_reason": reason,
            "outcome_explanation": explanation,
            "legal_basis": basis,
            "decided_by": handler,
            "replied_on": replied,
        }
        plan.events.append((decided, handler, HistoryAction.DECIDED, {"outcome": outcome.value}))
        plan.events.append((replied, handler, HistoryAction.REPLIED, {}))
        refused = (Outcome.PARTLY_DISCLOSED, Outcome.NOT_DISCLOSED, Outcome.UNAVAILABLE)
        if outcome in refused and rng.random() < 0.12:
            remedy = rng.choices(list(RemedyKind), weights=[6, 2, 1])[0]
            filed = replied + timedelta(days=rng.randint(10, 55))
            result = rng.choices(list(RemedyResult), weights=[6, 2, 1, 3])[0]
            plan.remedies.append(
                {
                    "kind": remedy,
                    "filed_on": filed,
                    "result": result,
                    "decided_on": None
                    if result == RemedyResult.PENDING
                    else filed + timedelta(days=rng.randint(40, 80)),
                    "note": "",
                }
            )

    def due(self, plan: Plan) -> date | None:
        """The due date as the steps so far make it (a pause still open runs to the last step)."""
        last = max(self.today, *(e[0] for e in plan.events))
        clock = self.clock(plan.row, plan.opinions, closed=False, today=last)
        return None if clock is None else clock.reply_due_on

    def clock(
        self,
        row: dict[str, Any],
        opinions: list[dict[str, Any]],
        *,
        closed: bool = True,
        today: date | None = None,
        kept: bool = False,
    ) -> statutory.Clock | None:
        """The clock the service would compute for these facts today (`kept`: the one whose due
        date it keeps on the row)."""
        application = DisclosureApplication(
            **{k: v for k, v in row.items() if k in COLUMNS and (closed or k != "replied_on")}
        )
        known = service.facts(application, [OpinionRequest(**o) for o in opinions])
        if known is None:
            return None
        compute = statutory.kept if kept else statutory.compute
        return compute(self.calendar, known, today or self.today)

    def cut_at_today(self, plan: Plan) -> None:
        """Forget every step after today and set the status where the application now stands."""
        row, today = plan.row, self.today
        for key in (
            "received_on",
            "supplement_requested_on",
            "supplement_received_on",
            "extension_notified_on",
            "fee_notified_on",
            "fee_paid_on",
            "replied_on",
        ):
            if row.get(key) is not None and row[key] > today:
                row[key] = None
        if row["received_on"] is None:
            for key in ("supplement_requested_on", "fee_notified_on", "extension_notified_on"):
                row[key] = None
            row["handler"] = None
        if row.get("supplement_requested_on") is None:
            row.update(supplement_due_on=None, supplement_request="", supplement_received_on=None)
        if row.get("fee_notified_on") is None:
            row.update(fee_fen=0, fee_due_on=None, fee_paid_on=None)
        if row.get("extension_notified_on") is None:
            row.update(extension_working_days=0, extension_approved_by="", extension_reason="")
        decided = next((d for d, _, a, _ in plan.events if a == HistoryAction.DECIDED), None)
        if decided is None or decided > today:
            row.update(
                outcome=None,
                outcome_reason=None,
                outcome_explanation="",
                legal_basis="",
                decided_by=None,
                replied_on=None,
            )
        plan.opinions = [o for o in plan.opinions if o["asked_on"] <= today]
        for opinion in plan.opinions:
            if opinion["answered_on"] > today:
                opinion.update(answered_on=None, answer="")
        remedies = []
        for remedy in plan.remedies:
            if row["replied_on"] is None or remedy["filed_on"] > today:
                continue
            if remedy["decided_on"] is not None and remedy["decided_on"] > today:
                remedy.update(decided_on=None, result=RemedyResult.PENDING)
            remedies.append(remedy)
        plan.remedies = remedies
        plan.events = [e for e in plan.events if e[0] <= today]
        row["status"] = self.status(row, plan.opinions)

    @staticmethod
    def status(row: dict[str, Any], opinions: list[dict[str, Any]]) -> Status:
        if row["replied_on"] is not None:
            return Status.CLOSED
        if row["outcome"] is not None:
            return Status.DECIDED
        if row["received_on"] is None:
            return Status.AWAITING_RECEIPT
        if row.get("supplement_requested_on") and not row.get("supplement_received_on"):
            return Status.AWAITING_SUPPLEMENT
        if row.get("fee_notified_on") and not row.get("fee_paid_on"):
            return Status.AWAITING_FEE
        if any(o["answered_on"] is None for o in opinions):
            return Status.CONSULTING
        return Status.IN_PROGRESS


def _at(day: date, rng: random.Random) -> datetime:
    """A time in office hours, Beijing time, stored in UTC."""
    return datetime(day.year, day.month, day.day, rng.randint(1, 8), rng.randint(0, 59), tzinfo=UTC)


@dataclass
class Records:
    """The rows to write, table by table, and the last tracking number used in each year."""

    applications: list[dict[str, Any]]
    opinions: list[dict[str, Any]]
    remedies: list[dict[str, Any]]
    audit: list[dict[str, Any]]
    last_numbers: dict[int, int]


def records(
    units: list[Unit],
    calendar: WorkingDayCalendar,
    today: date,
    *,
    count: int,
    seed: int,
    first_id: int,
) -> Records:
    """About `count` applications to `units` up to `today`, their ids counted from `first_id`."""
    generator = Generator(units, calendar, today, seed)
    submitted = generator.submitted_dates(count)
    # Every result and sub-reason at least once, on applications old enough to be closed.
    pairs: list[tuple[Outcome, int | None]] = [
        (outcome, reason)
        for outcome, reasons in OUTCOME_REASONS.items()
        for reason in (range(1, len(reasons) + 1) if reasons else [None])
    ]
    old = [i for i, (day, _) in enumerate(submitted) if day <= today - timedelta(days=90)]
    forced = dict(zip(generator.rng.sample(old, min(len(old), len(pairs))), pairs, strict=False))
    plans = [generator.plan(day, forced.get(i), shape) for i, (day, shape) in enumerate(submitted)]
    made = Records([], [], [], [], {})
    sequences = made.last_numbers
    for index, plan in enumerate(plans):
        generator.cut_at_today(plan)
        row = plan.row
        app_id = first_id + index
        if (row["outcome"], row["outcome_reason"]) == (Outcome.NOT_PROCESSED, 2) and index:
            # 重复申请: the same applicant asked the same office for the same thing before.
            earlier = plans[generator.rng.randrange(index)].row
            for key in REPEATED:
                row[key] = earlier[key]
            row["repeat_of_id"] = earlier["id"]
        year = row["submitted_on"].year
        sequences[year] = sequences.get(year, 0) + 1
        number = f"YSQ{year}{sequences[year]:06d}"
        code = "".join(
            generator.rng.choice(query_codes.ALPHABET) for _ in range(query_codes.LENGTH)
        )
        clock = generator.clock(row, plan.opinions, kept=True)
        row |= {
            "id": app_id,
            "tracking_number": number,
            "query_code_hash": query_codes.code_hash(number, code),
            "fingerprint": fingerprint(row["id_number"], row["description"]),
            "reply_due_on": clock.reply_due_on if clock else None,
            "due_provisional": clock.provisional if clock else False,
            "created_at": _at(row["submitted_on"], generator.rng),
            "updated_at": _at(max(e[0] for e in plan.events), generator.rng),
        }
        made.applications.append(
            {k: (v.value if hasattr(v, "value") else v) for k, v in row.items() if k in COLUMNS}
        )
        made.opinions += [{**o, "application_id": app_id} for o in plan.opinions]
        made.remedies += [
            {**r, "application_id": app_id, "unit_id": row["unit_id"]} for r in plan.remedies
        ]
        for day, actor, action, details in sorted(plan.events, key=lambda e: e[0]):
            made.audit.append(
                {
                    "at": _at(day, generator.rng),
                    "actor": actor,
                    "actor_unit_id": None if actor == "applicant" else row["unit_id"],
                    "action": action.value,
                    "entity_type": "application",
                    "entity_id": str(app_id),
                    "before": None,
                    "after": {"status": row["status"], "tracking_number": number, **details},
                    "request_id": None,
                }
            )
    return made
