"""The clock of a case (办件时限): its legal and promised end dates, its warning, and how it
was completed. Pure functions over the working-day calendar, as `applications.clock` is, so that
the case desk, the supervision sweep and the statistics agree on every date.

- Acceptance (受理) is day zero; a limit of N working days ends on the Nth working day after it.
  A 即办件 (limit 0) is due the day it is accepted.
- The legal limit (法定办结时限) is the law's, the promised limit (承诺办结时限) the centre's
  published commitment, never longer. Both are kept and shown: the promised date is the one the
  applicant was told, and what supervision measures.
- An extension (延期, approved by a head) adds its working days to both limits: the approved
  time is the case's time, and a case extended lawfully is not late against its commitment.
  Extensions together are bounded by `MAX_EXTENSION_WORKING_DAYS` (《行政许可法》第四十二条:
  二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日).
- A suspension (特别程序: 听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审, 第四十五条)
  pauses the working days after its start up to its end (an open one: up to today). Paused days
  are a set: two suspensions over the same days pause them once. Days paused after a due date
  do not move it (a case already late stays late).
- Warning (电子监察): red (红牌) once today is past the promised date; yellow (黄牌) while at
  most `yellow_working_days` working days are left before it (default 1: due today or the next
  working day). Red is measured against the promised date, not the legal one: the centre's
  commitment is what the supervisors enforce, and the promised date is never later than the
  legal one; a case past its legal date as well is shown as such (`legal_overdue`).
- Completion: on time (按时办结) when completed on or before the promised date, early
  (提前办结) when before it, on the spot (当场办结) when completed the day it was accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sunshine_kit.calendar.days import WorkingDate, WorkingDayCalendar

MAX_EXTENSION_WORKING_DAYS = 10
YELLOW_WORKING_DAYS = 1


class Warning(StrEnum):
    NONE = "none"
    YELLOW = "yellow"  # 黄牌预警
    RED = "red"  # 红牌警告


@dataclass(frozen=True)
class Suspension:
    """A special procedure: the working days after `started_on` up to `ended_on` (open: up to
    today) are not counted."""

    started_on: date
    ended_on: date | None = None


@dataclass(frozen=True)
class CaseFacts:
    """What the clock depends on, as recorded on the case."""

    accepted_on: date
    legal_limit_days: int
    promised_limit_days: int
    extension_working_days: int = 0
    suspensions: tuple[Suspension, ...] = ()
    completed_on: date | None = None


@dataclass(frozen=True)
class CaseClock:
    legal_due_on: date
    promised_due_on: date
    paused_working_days: int  # paused before the promised date
    suspended: bool  # a suspension is open today
    working_days_left: int | None  # to the promised date; None once completed
    legal_working_days_left: int | None
    warning: Warning
    legal_overdue: bool
    provisional: bool


def _paused_days(
    calendar: WorkingDayCalendar, facts: CaseFacts, today: date
) -> tuple[frozenset[date], bool]:
    end_of_open = facts.completed_on or today
    days: set[date] = set()
    suspended = False
    for suspension in facts.suspensions:
        last = end_of_open if suspension.ended_on is None else suspension.ended_on
        if last < suspension.started_on:
            raise ValueError("中止（特别程序）的结束日期早于开始日期")
        suspended |= suspension.ended_on is None and facts.completed_on is None
        first = max(suspension.started_on, facts.accepted_on)
        if last > first:
            days.update(calendar.working_days_in(first + timedelta(days=1), last))
    return frozenset(days), suspended


def _due(
    calendar: WorkingDayCalendar, start: date, working_days: int, paused: frozenset[date]
) -> tuple[WorkingDate, int]:
    """The `working_days`th unpaused working day after `start`, and the paused days before it."""
    skipped = 0
    while True:
        due = calendar.add_working_days(start, working_days + skipped)
        before = sum(1 for day in paused if day <= due.date)
        if before == skipped:
            return due, skipped
        skipped = before


def warning_on(
    today: date, promised_due_on: date, left: int, yellow_working_days: int = YELLOW_WORKING_DAYS
) -> Warning:
    """The warning of an open case on `today`, `left` working days before its promised date."""
    if today > promised_due_on:
        return Warning.RED
    if left <= yellow_working_days:
        return Warning.YELLOW
    return Warning.NONE


def yellow_horizon(
    calendar: WorkingDayCalendar, today: date, yellow_working_days: int = YELLOW_WORKING_DAYS
) -> date:
    """The last due date that is yellow on `today`: a date at most `yellow_working_days` working
    days after today (what the sweep compares the stored due dates with in SQL)."""
    after = calendar.add_working_days(today, yellow_working_days + 1).date
    return after - timedelta(days=1)


def compute(
    calendar: WorkingDayCalendar,
    facts: CaseFacts,
    today: date,
    yellow_working_days: int = YELLOW_WORKING_DAYS,
) -> CaseClock:
    """The clock of a case on `today`."""
    if not 0 <= facts.extension_working_days <= MAX_EXTENSION_WORKING_DAYS:
        raise ValueError(f"延期合计不得超过{MAX_EXTENSION_WORKING_DAYS}个工作日")
    if facts.promised_limit_days > facts.legal_limit_days:
        raise ValueError("承诺时限不得长于法定时限")
    paused, suspended = _paused_days(calendar, facts, today)
    extension = facts.extension_working_days
    legal, _ = _due(calendar, facts.accepted_on, facts.legal_limit_days + extension, paused)
    promised, paused_count = _due(
        calendar, facts.accepted_on, facts.promised_limit_days + extension, paused
    )
    provisional = legal.provisional or promised.provisional
    if facts.completed_on is not None:
        return CaseClock(
            legal_due_on=legal.date,
            promised_due_on=promised.date,
            paused_working_days=paused_count,
            suspended=False,
            working_days_left=None,
            legal_working_days_left=None,
            warning=Warning.NONE,
            legal_overdue=facts.completed_on > legal.date,
            provisional=provisional,
        )
    left = calendar.working_days_between(today, promised.date).days
    legal_left = calendar.working_days_between(today, legal.date).days
    warning = warning_on(today, promised.date, left, yellow_working_days)
    if suspended and warning is Warning.YELLOW:
        warning = Warning.NONE  # the clock is stopped: nothing comes nearer while suspended
    return CaseClock(
        legal_due_on=legal.date,
        promised_due_on=promised.date,
        paused_working_days=paused_count,
        suspended=suspended,
        working_days_left=left,
        legal_working_days_left=legal_left,
        warning=warning,
        legal_overdue=today > legal.date,
        provisional=provisional,
    )


class Completion(StrEnum):
    ON_THE_SPOT = "on_the_spot"  # 当场办结
    EARLY = "early"  # 提前办结
    ON_TIME = "on_time"  # 按期办结（承诺日当天）
    LATE = "late"  # 超期办结


def completion(accepted_on: date, promised_due_on: date, completed_on: date) -> Completion:
    """How a completed case kept its promise. On the spot and early are on time too."""
    if completed_on == accepted_on:
        return Completion.ON_THE_SPOT
    if completed_on < promised_due_on:
        return Completion.EARLY
    if completed_on == promised_due_on:
        return Completion.ON_TIME
    return Completion.LATE
