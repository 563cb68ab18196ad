"""The statutory clock of an application (《政府信息公开条例》第三十条至第三十三条).

A pure function of the application's dates and the working-day calendar, so that every screen,
list and report computes the same due date, and the rules can be checked day by day:

- a supplement notice (补正通知) must go out within 7 working days of receipt, once;
- when one is sent, the reply clock stops; it starts again, from zero, on the day the
  supplement is received (Article 30);
- the reply is due 20 working days after the clock starts (Article 33);
- one extension of at most 20 working days, approved and notified (Article 33);
- consulting a third party (which has 15 working days to answer) or another agency does not
  count towards the time (Article 32, 33): the working days of each consultation are added.

Every date comes from `WorkingDayCalendar`; a result that rests on a year without a loaded
holiday arrangement is marked provisional.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sunshine_kit.calendar.days import WorkingDayCalendar

SUPPLEMENT_NOTICE_WORKING_DAYS = 7
REPLY_WORKING_DAYS = 20
MAX_EXTENSION_WORKING_DAYS = 20
THIRD_PARTY_WORKING_DAYS = 15
DUE_SOON_WORKING_DAYS = 5


class Phase(StrEnum):
    RUNNING = "running"  # 办理中，计时
    AWAITING_SUPPLEMENT = "awaiting_supplement"  # 等待补正，停止计时
    SUSPENDED = "suspended"  # 征求意见中，不计入期限
    CLOSED = "closed"  # 已办结


class Urgency(StrEnum):
    NORMAL = "normal"
    DUE_SOON = "due_soon"  # 5个工作日内到期
    OVERDUE = "overdue"  # 已逾期
    NONE = "none"  # 不计时（等待补正或已办结）


@dataclass(frozen=True)
class Pause:
    """A consultation (third party or agency): its working days do not count."""

    started_on: date
    ended_on: date | None = None


@dataclass(frozen=True)
class ClockFacts:
    """The dates the clock depends on, as recorded on the application."""

    received_on: date
    supplement_requested_on: date | None = None
    supplement_received_on: date | None = None
    extension_working_days: int = 0
    pauses: tuple[Pause, ...] = ()
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


def third_party_answer_due(calendar: WorkingDayCalendar, asked_on: date) -> tuple[date, bool]:
    """The day a consulted third party's 15 working days run out."""
    due = calendar.add_working_days(asked_on, THIRD_PARTY_WORKING_DAYS)
    return due.date, due.provisional


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
    # An open consultation still pauses the clock: its days so far count as paused, and the
    # due date moves on by one working day for each working day it stays open.
    end_of_open = facts.closed_on or today
    paused = 0
    open_pause = False
    for pause in facts.pauses:
        ended = pause.ended_on
        if ended is None:
            open_pause = facts.closed_on is None
            ended = end_of_open
        if ended < pause.started_on:
            raise ValueError("征求意见的结束日期早于开始日期")
        counted = calendar.working_days_between(pause.started_on, ended)
        paused += counted.days
        provisional |= counted.provisional
    due = calendar.add_working_days(
        started_on, REPLY_WORKING_DAYS + facts.extension_working_days + paused
    )
    provisional |= due.provisional
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
    left = calendar.working_days_between(today, due.date)
    provisional |= left.provisional
    if left.days < 0:
        urgency = Urgency.OVERDUE
    elif left.days <= DUE_SOON_WORKING_DAYS:
        urgency = Urgency.DUE_SOON
    else:
        urgency = Urgency.NORMAL
    return Clock(
        phase=Phase.SUSPENDED if open_pause else Phase.RUNNING,
        started_on=started_on,
        supplement_notice_due_on=notice_due,
        reply_due_on=due.date,
        working_days_left=left.days,
        paused_working_days=paused,
        urgency=urgency,
        provisional=provisional,
    )


def replied_on_time(clock: Clock, replied_on: date) -> bool:
    return clock.reply_due_on is not None and replied_on <= clock.reply_due_on
