"""The demo hall's cases, ratings and today's tickets, generated from a seed: pure functions of
the centres, windows and items the loader made, the calendar and the day, so that the same
database comes out of every load on the same day.

About 900 cases are completed a day across the district on working days (the seeds' figure),
three quarters at the district centre; most applicants rate (about 70 %) and about 99 % of
ratings are satisfied; about 0.5 % of cases are completed after their promised date. Cases
accepted lately and not yet due are open; a few are overdue, so that the supervision screens
show red and yellow warnings.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sunshine_hall.demo.data import COMMENTS_BAD, COMMENTS_GOOD, COMPANIES, GIVEN, SURNAMES, TRADES
from sunshine_hall.ratings.clock import follow_up_due
from sunshine_kit.calendar.days import BEIJING, WorkingDayCalendar
from sunshine_kit.query_codes import code_hash

PER_DAY = 900
DISTRICT_SHARE = 0.75
RATED_SHARE = 0.7
LATE_SHARE = 0.005
# Levels 1..5 (非常满意 … 非常不满意): about 99.2 % satisfied.
LEVEL_WEIGHTS = (82.0, 14.0, 3.2, 0.6, 0.2)
OPEN_PER_DAY = 60


@dataclass(frozen=True)
class ItemRef:
    id: int
    unit_id: int
    category: str
    instant: bool
    legal_days: int
    promised_days: int
    fee_fen: int
    weight: float


@dataclass(frozen=True)
class WindowRef:
    id: int
    centre_id: int
    number: int
    prefix: str
    staff: tuple[str, ...]
    item_ids: tuple[int, ...]


@dataclass
class Made:
    cases: list[dict[str, Any]] = field(default_factory=list)
    ratings: list[dict[str, Any]] = field(default_factory=list)
    follow_ups: list[dict[str, Any]] = field(default_factory=list)
    completion_days: list[dict[str, Any]] = field(default_factory=list)
    tickets: list[dict[str, Any]] = field(default_factory=list)
    steps: list[dict[str, Any]] = field(default_factory=list)  # the cases' timelines
    sequences: dict[int, int] = field(default_factory=dict)
    example: tuple[str, str] | None = None  # a case to rate on the public page: number, code


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def company(rng: random.Random) -> str:
    return f"锦华区{rng.choice(COMPANIES)}{rng.choice(TRADES)}有限公司"


def credit_code(rng: random.Random) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    return "91510199" + "".join(rng.choice(alphabet) for _ in range(10))


def _at(day: date, rng: random.Random, start_hour: int = 9, end_hour: int = 17) -> datetime:
    minutes = rng.randrange((end_hour - start_hour) * 60)
    local = datetime.combine(day, time(start_hour), tzinfo=BEIJING) + timedelta(minutes=minutes)
    return local.astimezone(UTC)


def generate(
    calendar: WorkingDayCalendar,
    today: date,
    windows: list[WindowRef],
    items: dict[int, ItemRef],
    district_centre: int,
    *,
    days: int,
    per_day: int = PER_DAY,
    seed: int = 2026,
) -> Made:
    """Cases completed on each working day of the last `days` calendar days, those still open,
    their ratings and follow-ups, the day figures, and today's tickets at the district centre."""
    rng = random.Random(seed)
    made = Made()
    first = today - timedelta(days=days)
    workdays = calendar.working_days_in(first - timedelta(days=120), today)
    index = {day: i for i, day in enumerate(workdays)}
    due_cache: dict[tuple[date, int], date] = {}

    def due(start: date, n: int) -> date:
        key = (start, n)
        if key not in due_cache:
            due_cache[key] = calendar.add_working_days(start, n).date
        return due_cache[key]

    by_centre: dict[int, list[WindowRef]] = {}
    for window in windows:
        if window.item_ids and window.staff:
            by_centre.setdefault(window.centre_id, []).append(window)
    district = by_centre[district_centre]
    streets = [w for c, ws in by_centre.items() if c != district_centre for w in ws]

    def pick_window() -> WindowRef:
        return rng.choice(district if rng.random() < DISTRICT_SHARE else streets)

    def pick_item(window: WindowRef) -> ItemRef:
        choices = [items[i] for i in window.item_ids]
        return rng.choices(choices, weights=[c.weight for c in choices])[0]

    def new_case(window: WindowRef, item: ItemRef, accepted: date) -> dict[str, Any]:
        year = accepted.year
        made.sequences[year] = made.sequences.get(year, 0) + 1
        number = f"BJ{year}{made.sequences[year]:06d}"
        code = "".join(rng.choice("23456789ABCDEFGHJKMNPQRSTUVWXYZ") for _ in range(8))
        legal = 0 if item.instant else item.legal_days
        promised = 0 if item.instant else min(item.promised_days, item.legal_days)
        legal_person = item.category == "licensing" and rng.random() < 0.6
        clerk = rng.choice(window.staff)
        return {
            "id": len(made.cases) + 1,
            "number": number,
            "query_code_hash": code_hash(number, code),
            "item_id": item.id,
            "item_version": 1,
            "unit_id": item.unit_id,
            "centre_id": window.centre_id,
            "window_id": window.id,
            "clerk": clerk,
            "first_asked_by": clerk,
            "channel": "window",
            "applicant_type": "legal_person" if legal_person else "natural_person",
            "applicant_name": company(rng) if legal_person else person(rng),
            "applicant_id_number": credit_code(rng) if legal_person else "",
            "applicant_phone": "",
            "green_channel": False,
            "received_at": _at(accepted, rng),
            "accepted_on": accepted,
            "legal_due_on": due(accepted, legal),
            "promised_due_on": due(accepted, promised),
            "due_provisional": False,
            "fee_fen": 0,
            "extension_working_days": 0,
            "legal_limit_days": legal,
            "promised_limit_days": promised,
            "warning": "none",
            "decision": None,
            "decided_on": None,
            "decided_by": "",
            "completed_on": None,
            "completed_at": None,
            "on_the_spot": False,
            "delivered_on": None,
            "delivery_method": "",
            "fee_paid_at": None,
            "_code": code,
        }

    figures: dict[tuple[date, int, int, str], dict[str, Any]] = {}
    completion_days = [d for d in workdays if first <= d < today]
    for day in completion_days:
        count = int(per_day * rng.uniform(0.85, 1.15))
        for _ in range(count):
            window = pick_window()
            item = pick_item(window)
            promised = 0 if item.instant else min(item.promised_days, item.legal_days)
            if item.instant:
                back = 0
            elif rng.random() < LATE_SHARE:
                back = promised + rng.randint(1, 3)
            else:
                back = rng.randint(0 if promised <= 1 else 1, max(promised, 0))
            accepted = workdays[max(index[day] - back, 0)]
            case = new_case(window, item, accepted)
            completed_at = _at(day, rng, 10, 17)
            case |= {
                "status": "completed",
                "decision": "granted" if rng.random() < 0.995 else "denied",
                "decided_on": day,
                "decided_by": case["clerk"],
                "completed_on": day,
                "completed_at": completed_at,
                "on_the_spot": accepted == day,
                "delivered_on": day,
                "delivery_method": "window",
                "fee_fen": item.fee_fen,
                "fee_paid_at": completed_at if item.fee_fen else None,
            }
            made.cases.append(case)
            key = (day, case["unit_id"], window.id, case["clerk"])
            row = figures.setdefault(
                key,
                {
                    "completed_on": day,
                    "unit_id": case["unit_id"],
                    "window_id": window.id,
                    "clerk": case["clerk"],
                    "completed": 0,
                    "on_time": 0,
                    "early": 0,
                    "on_the_spot": 0,
                    "fee_fen": 0,
                },
            )
            row["completed"] += 1
            row["on_time"] += int(day <= case["promised_due_on"])
            row["early"] += int(day < case["promised_due_on"])
            row["on_the_spot"] += int(case["on_the_spot"])
            row["fee_fen"] += case["fee_fen"]
    made.completion_days = list(figures.values())

    # Open cases: accepted on the last working days and not yet due, and a few overdue.
    promised_items = {w.id: [items[i] for i in w.item_ids if not items[i].instant] for w in windows}
    recent = [d for d in workdays if d <= today][-12:]
    for day in recent:
        for _ in range(OPEN_PER_DAY):
            window = pick_window()
            choices = promised_items.get(window.id) or []
            if not choices:
                continue
            item = rng.choice(choices)
            case = new_case(window, item, day)
            if case["promised_due_on"] < today:
                continue
            made.cases.append(_open(case, calendar, today, rng))
    past = [d for d in workdays if d < today]
    for window in rng.sample(district, min(6, len(district))):
        choices = promised_items.get(window.id) or []
        if choices:
            item = rng.choice(choices)
            back = min(item.promised_days, item.legal_days) + rng.randint(1, 3)
            made.cases.append(_open(new_case(window, item, past[-back]), calendar, today, rng))

    # Ratings of completed cases, and the follow-ups of the bad ones.
    completed = [c for c in made.cases if c["status"] == "completed"]
    for case in completed:
        if rng.random() >= RATED_SHARE:
            continue
        level = rng.choices((1, 2, 3, 4, 5), weights=LEVEL_WEIGHTS)[0]
        rated_on: date = case["completed_on"]
        rating = {
            "id": len(made.ratings) + 1,
            "case_id": case["id"],
            "level": level,
            "channel": "window_tablet" if rng.random() < 0.8 else "public_page",
            "comment": rng.choice(COMMENTS_BAD if level >= 4 else COMMENTS_GOOD),
            "unit_id": case["unit_id"],
            "window_id": case["window_id"],
            "clerk": case["clerk"],
            "rated_at": case["completed_at"] + timedelta(minutes=rng.randint(1, 30)),
        }
        made.ratings.append(rating)
        if level >= 4:
            due_on = follow_up_due(calendar, rated_on)
            closed = due_on < today - timedelta(days=3) or rng.random() < 0.5
            made.follow_ups.append(
                {
                    "rating_id": rating["id"],
                    "case_id": case["id"],
                    "unit_id": case["unit_id"],
                    "status": "closed" if closed else "open",
                    "opened_on": rated_on,
                    "due_on": due_on,
                    "result": "已电话回访，向申请人致歉并说明情况，窗口已整改。" if closed else "",
                    "closed_on": min(due_on, today) if closed else None,
                    "closed_by": "supervisor" if closed else "",
                }
            )
    # One completed, unrated case of the last working day: the example to rate in the demo.
    rated_ids = {r["case_id"] for r in made.ratings}
    for case in completed:
        if case["id"] not in rated_ids and case["completed_on"] == completion_days[-1]:
            made.example = (case["number"], case["_code"])
            break
    made.tickets = _tickets(rng, today, district, items, calendar)
    made.steps = [step for case in made.cases for step in _timeline(case, today)]
    return made


REVIEW = "审查"  # a processing step as a clerk enters it (cases.steps.add_step)


def _timeline(case: dict[str, Any], today: date) -> list[dict[str, Any]]:
    """The steps a real case of this state has on its timeline, as the desk writes them:
    收件, 受理, 审查 (once it was accepted before today), 决定 and 办结. The times follow from the
    case's own (received, decided, completed), in order, by the clerk who accepted it."""
    received: datetime = case["received_at"]
    by = case["clerk"]

    def step(name: str, at: datetime, note: str = "") -> dict[str, Any]:
        return {"case_id": case["id"], "step": name, "note": note, "by": by, "at": at}

    accepted = received + timedelta(minutes=10)
    steps = [step("received", received), step("accepted", accepted)]
    completed: datetime | None = case["completed_at"]
    if completed is not None:
        # An on-the-spot case may have been finished at an hour before the one it was received
        # at in the generated row: its timeline keeps the order, half an hour after acceptance.
        end = max(completed, accepted + timedelta(minutes=30))
        reason = "符合法定条件、标准" if case["decision"] == "granted" else "不符合法定条件"
        return [
            *steps,
            step(REVIEW, accepted + (end - accepted) / 2, "材料齐全，符合法定形式"),
            step(f"decided_{case['decision']}", end - timedelta(minutes=5), reason),
            step("completed", end, "窗口领取"),
        ]
    if case["status"] == "decided":
        reviewed = accepted + timedelta(minutes=20)
        decided = datetime.combine(case["decided_on"], time(9), tzinfo=BEIJING)
        return [
            *steps,
            step(REVIEW, reviewed, "材料齐全，符合法定形式"),
            step("decided_granted", max(decided.astimezone(UTC), reviewed), "符合法定条件、标准"),
        ]
    if case["accepted_on"] < today:
        return [*steps, step(REVIEW, accepted + timedelta(hours=1), "材料审查中")]
    return steps


def _open(
    case: dict[str, Any], calendar: WorkingDayCalendar, today: date, rng: random.Random
) -> dict[str, Any]:
    decided = rng.random() < 0.2 and case["promised_due_on"] >= today
    return case | {
        "status": "decided" if decided else "accepted",
        "decision": "granted" if decided else None,
        "decided_on": today if decided else None,
        "decided_by": case["clerk"] if decided else "",
        # Left to the supervision sweep, which raises each warning with its alert on its first
        # run: a warning written here would never have its alert.
        "warning": "none",
    }


def _tickets(
    rng: random.Random,
    today: date,
    district: list[WindowRef],
    items: dict[int, ItemRef],
    calendar: WorkingDayCalendar,
) -> list[dict[str, Any]]:
    """Today's tickets at the district centre: the morning's served, a few at the windows now,
    the rest waiting (none on a rest day)."""
    if not calendar.is_working_day(today):
        return []
    tickets = []
    count = 160
    for sequence in range(1, count + 1):
        window = rng.choice(district)
        item_id = rng.choice(window.item_ids)
        taken = datetime.combine(today, time(9), tzinfo=BEIJING) + timedelta(minutes=sequence)
        state = "finished" if sequence <= 130 else "called" if sequence <= 136 else "waiting"
        called = taken + timedelta(minutes=rng.randint(3, 25))
        tickets.append(
            {
                "centre_id": window.centre_id,
                "service_day": today,
                "sequence": sequence,
                "number": f"{window.prefix}{sequence:03d}",
                "area": window.prefix,
                "item_id": item_id,
                "window_id": None,
                "priority": "elderly" if rng.random() < 0.05 else "none",
                "status": state,
                "taken_at": taken.astimezone(UTC),
                "called_at": called.astimezone(UTC) if state != "waiting" else None,
                "first_called_at": called.astimezone(UTC) if state != "waiting" else None,
                "called_window_id": window.id if state != "waiting" else None,
                "called_by": rng.choice(window.staff) if state != "waiting" else "",
                "calls": 1 if state != "waiting" else 0,
                "finished_at": (called + timedelta(minutes=rng.randint(4, 20))).astimezone(UTC)
                if state == "finished"
                else None,
            }
        )
    return tickets
