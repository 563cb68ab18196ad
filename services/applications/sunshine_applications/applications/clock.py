"""The statutory clock of an application (《政府信息公开条例》第三十条至第三十三条).

A pure function of the application's dates and the working-day calendar, so that every screen,
list and report computes the same due date, and the rules can be checked day by day:

- a supplement notice (补正通知) must go out within 7 working days of receipt, once;
- when one is sent, the reply clock stops; it starts again, from zero, on the day the
  supplement is received (Article 30);
- the reply is due 20 working days after the clock starts (Article 33);
- one extension of at most 20 working days, approved and notified (Article 33);
- consulting a third party or another agency, and waiting for a fee, do not count towards the
  time (Article 32, 33, 34, 42). Paused time is a set of working days, not a sum: two
  consultations over the same days pause those days once. A supplement restarts the clock, so
  only the days paused after the restart count. A consultation pauses at most the consulted
  party's 15 working days from its receipt of the letter: then the office decides (Article 32)
  or the agency's silence is consent (Article 34), and the clock runs again, answer or not;
- asking the applicant to explain a request clearly beyond a reasonable quantity or frequency
  (说明理由, Article 35) stops the clock from the notice until the explanation comes, at the
  latest until the day the notice names (a working-day period the office sets, 15 by default,
  `explanation_due`). Unlike a supplement, the explanation does not restart the clock: the days
  waited are paused, the days counted before the notice still count. The office then finds the
  reasons unreasonable (不予处理 4, 无正当理由大量、频繁申请), or sound but the reply impossible
  within Article 33's time: the later reply date it sets (延迟答复的合理期限) becomes the due
  date. An applicant who has not explained by that day is taken to have given the request up
  (视为放弃): the clock runs again from the day after, and the office may close the application
  as 其他处理 3 (其他) — not 1 or 2, which the annual report keeps for a missing supplement and
  an unpaid fee.

A request received on a rest day (a Saturday, a Sunday, a public holiday) keeps that day as its
received date, the day Article 31 names for its channel: online, the day the office confirms
receipt; in person, the day submitted; by post, the day signed for. It is not moved to the next
working day. The received day is day zero and `add_working_days` counts from the first working
day after it, so a rest-day receipt loses no working day: its first counted day is the next
working day, exactly as for a receipt on the last working day before the rest days. On 2026's
calendar, received Saturday 3 October (National Day, 1-7 October off; Saturday 10 October
worked): day 1 is Thursday 8 October, the supplement notice is due Thursday 15 October (8, 9,
10, 12, 13, 14, 15) and the reply Tuesday 3 November, the same dates as for a receipt on
Wednesday 30 September.

Every date comes from `WorkingDayCalendar`; a date that rests on a year without a loaded
holiday arrangement is marked provisional. Today's year does not make a date provisional: a
due date in 2026 is as firm on a day of 2027 as it was before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sunshine_kit.calendar.days import WorkingDate, WorkingDayCalendar

SUPPLEMENT_NOTICE_WORKING_DAYS = 7
REPLY_WORKING_DAYS = 20
MAX_EXTENSION_WORKING_DAYS = 20
CONSULTED_PARTY_WORKING_DAYS = 15
FEE_PAYMENT_WORKING_DAYS = 20  # Article 42: unpaid after these, the fee lapses
EXPLANATION_WORKING_DAYS = 15  # Article 35: the applicant's time to explain, unless set otherwise
DUE_SOON_WORKING_DAYS = 5


class Phase(StrEnum):
    RUNNING = "running"  # 办理中，计时
    AWAITING_SUPPLEMENT = "awaiting_supplement"  # 等待补正，停止计时
    AWAITING_EXPLANATION = "awaiting_explanation"  # 等待说明理由，不计入期限
    SUSPENDED = "suspended"  # 征求意见中，不计入期限
    CLOSED = "closed"  # 已办结


class Urgency(StrEnum):
    NORMAL = "normal"
    DUE_SOON = "due_soon"  # 5个工作日内到期
    OVERDUE = "overdue"  # 已逾期
    NONE = "none"  # 不计时（等待补正或已办结）


@dataclass(frozen=True)
class Pause:
    """A consultation (third party or agency), a wait for a fee or for an explanation: the
    working days after `started_on` up to `ended_on` (open: up to today) do not count. A
    consultation's pause ends at the latest on its answer's due date, 15 working days after
    `letter_received_on`; a wait for an explanation at the latest on `last_on`, the day the
    notice names."""

    started_on: date
    ended_on: date | None = None
    letter_received_on: date | None = None
    last_on: date | None = None


@dataclass(frozen=True)
class ClockFacts:
    """The dates the clock depends on, as recorded on the application."""

    received_on: date
    supplement_requested_on: date | None = None
    supplement_received_on: date | None = None
    extension_working_days: int = 0
    pauses: tuple[Pause, ...] = ()
    explanation: Pause | None = None  # Article 35, see `explanation_pause`
    later_reply_on: date | None = None  # 延迟答复的合理期限 (Article 35)
    closed_on: date | None = None


@dataclass(frozen=True)
class Clock:
    phase: Phase
    started_on: date | None  # the day counting (re)started from; None while awaiting supplement
    supplement_notice_due_on: date  # last day to send the supplement notice
    reply_due_on: date | None
    working_days_left: int | None  # negative once overdue
    paused_working_days: int
    urgency: Urgency
    provisional: bool


def supplement_notice_due(calendar: WorkingDayCalendar, received_on: date) -> tuple[date, bool]:
    due = calendar.add_working_days(received_on, SUPPLEMENT_NOTICE_WORKING_DAYS)
    return due.date, due.provisional


def consulted_answer_due(
    calendar: WorkingDayCalendar, letter_received_on: date
) -> tuple[date, bool]:
    """The day a consulted third party's or agency's 15 working days run out (Art. 32, 34)."""
    due = calendar.add_working_days(letter_received_on, CONSULTED_PARTY_WORKING_DAYS)
    return due.date, due.provisional


def explanation_due(
    calendar: WorkingDayCalendar, requested_on: date, working_days: int = EXPLANATION_WORKING_DAYS
) -> tuple[date, bool]:
    """The day by which the applicant must explain (Article 35): `working_days` after the
    notice, the notice's day being day zero."""
    due = calendar.add_working_days(requested_on, working_days)
    return due.date, due.provisional


def explanation_pause(
    requested_on: date | None, due_on: date | None, received_on: date | None
) -> Pause | None:
    """The wait for an explanation (Article 35) as a pause of the reply clock: from the notice
    to the explanation, and no further than the day the notice names (then the applicant is
    taken to have given the request up, and the clock runs again)."""
    if requested_on is None:
        return None
    return Pause(requested_on, received_on, last_on=due_on)


def awaiting_explanation(facts: ClockFacts, today: date) -> bool:
    """The applicant may still explain on `today`: asked, not yet explained, not past the day."""
    wait = facts.explanation
    return (
        wait is not None
        and wait.ended_on is None
        and facts.closed_on is None
        and (wait.last_on is None or today <= wait.last_on)
    )


def _pause_cap(calendar: WorkingDayCalendar, pause: Pause) -> date | None:
    """The last day a pause may last, whatever happens: the consulted party's 15 working days,
    or the day an explanation is due."""
    if pause.letter_received_on is not None:
        return consulted_answer_due(calendar, pause.letter_received_on)[0]
    return pause.last_on


def _paused_days(
    calendar: WorkingDayCalendar, facts: ClockFacts, started_on: date, today: date
) -> tuple[frozenset[date], bool]:
    """The working days paused after `started_on`, each once, and whether the pauses are open
    on `today` (the clock suspended)."""
    end_of_open = facts.closed_on or today
    days: set[date] = set()
    suspended = False
    waits = facts.pauses if facts.explanation is None else (*facts.pauses, facts.explanation)
    for pause in waits:
        last = end_of_open if pause.ended_on is None else pause.ended_on
        if last < pause.started_on:
            raise ValueError("暂停计时的结束日期早于开始日期")
        cap = _pause_cap(calendar, pause)
        if cap is not None:
            last = min(last, cap)
        open_ = pause.ended_on is None and facts.closed_on is None
        suspended |= open_ and (cap is None or today <= cap)
        first = max(pause.started_on, started_on)
        if last > first:
            days.update(calendar.working_days_in(first + timedelta(days=1), last))
    return frozenset(days), suspended


def _reply_due(
    calendar: WorkingDayCalendar, started_on: date, working_days: int, paused: frozenset[date]
) -> tuple[WorkingDate, int]:
    """The `working_days`th working day after `started_on` that is not paused, and how many
    paused days fell before it: a pause after the due date does not move it."""
    skipped = 0
    while True:
        due = calendar.add_working_days(started_on, working_days + skipped)
        before = sum(1 for day in paused if day <= due.date)
        if before == skipped:
            return due, skipped
        skipped = before


def compute(calendar: WorkingDayCalendar, facts: ClockFacts, today: date) -> Clock:
    """The clock of an application on `today`."""
    notice_due, provisional = supplement_notice_due(calendar, facts.received_on)
    if (
        facts.extension_working_days < 0
        or facts.extension_working_days > MAX_EXTENSION_WORKING_DAYS
    ):
        raise ValueError("延长期限不得超过20个工作日")
    awaiting = facts.supplement_requested_on is not None and facts.supplement_received_on is None
    if awaiting and facts.closed_on is None:
        return Clock(
            phase=Phase.AWAITING_SUPPLEMENT,
            started_on=None,
            supplement_notice_due_on=notice_due,
            reply_due_on=None,
            working_days_left=None,
            paused_working_days=0,
            urgency=Urgency.NONE,
            provisional=provisional,
        )
    started_on = facts.supplement_received_on or facts.received_on
    paused_days, suspended = _paused_days(calendar, facts, started_on, today)
    due, paused = _reply_due(
        calendar,
        started_on,
        REPLY_WORKING_DAYS + facts.extension_working_days,
        paused_days,
    )
    provisional |= due.provisional
    if facts.later_reply_on is not None and facts.later_reply_on > due.date:
        # Article 35: the reasonable later date the office set replaces the statutory one.
        due = WorkingDate(facts.later_reply_on, False)
    if facts.closed_on is not None:
        return Clock(
            phase=Phase.CLOSED,
            started_on=started_on,
            supplement_notice_due_on=notice_due,
            reply_due_on=due.date,
            working_days_left=None,
            paused_working_days=paused,
            urgency=Urgency.NONE,
            provisional=provisional,
        )
    # Counting the days left through a year not yet loaded is approximate, but the due date
    # itself is not: only the date decides `provisional`.
    left = calendar.working_days_between(today, due.date)
    if left.days < 0:
        urgency = Urgency.OVERDUE
    elif left.days <= DUE_SOON_WORKING_DAYS:
        urgency = Urgency.DUE_SOON
    else:
        urgency = Urgency.NORMAL
    if awaiting_explanation(facts, today):
        phase = Phase.AWAITING_EXPLANATION
    else:
        phase = Phase.SUSPENDED if suspended else Phase.RUNNING
    return Clock(
        phase=phase,
        started_on=started_on,
        supplement_notice_due_on=notice_due,
        reply_due_on=due.date,
        working_days_left=left.days,
        paused_working_days=paused,
        urgency=urgency,
        provisional=provisional,
    )


def kept(calendar: WorkingDayCalendar, facts: ClockFacts, today: date) -> Clock:
    """The clock whose due date is kept on the row (the inbox sorts and filters by it): an
    unanswered consultation counted to the end of the consulted party's 15 working days, and an
    awaited explanation to the day it is due, so that the date kept is already right on the day
    they end without an answer."""
    waits = facts.pauses if facts.explanation is None else (*facts.pauses, facts.explanation)
    caps = [
        _pause_cap(calendar, pause)
        for pause in waits
        if pause.ended_on is None and facts.closed_on is None
    ]
    horizon = max([today, *(cap for cap in caps if cap is not None)])
    return compute(calendar, facts, horizon)


def replied_on_time(clock: Clock, replied_on: date) -> bool:
    return clock.reply_due_on is not None and replied_on <= clock.reply_due_on
