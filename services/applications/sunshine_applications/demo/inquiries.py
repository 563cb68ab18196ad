"""The demo consultations and messages (咨询、领导信箱/留言): asked over the last four months to
the busiest offices, on line, on the phone and at the counter; most answered within their time
(one in eight late), the last fortnight's partly still open, so that some are overdue; about
half of the answered ones rated by the asker.

Due dates come from the service's own rule (`inquiries.service.answer_due`) on the calendar as
loaded, so the console shows what the live service would have computed."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.demo.data import BUSY, GIVEN, HANDLERS, PLACES, SURNAMES
from sunshine_applications.inquiries.models import (
    Inquiry,
    InquiryAction,
    InquiryChannel,
    InquiryKind,
    Satisfaction,
)
from sunshine_applications.inquiries.service import answer_due, token_hash
from sunshine_kit import query_codes
from sunshine_kit.audit.models import AuditEntry
from sunshine_kit.calendar.days import WorkingDayCalendar
from sunshine_kit.units.models import Unit

COUNT = 60
DAYS_BACK = 120
OVERDUE, OVERDUE_DAYS = 2, 30
ASKER = "asker"

# (kind, subject, content, answer); "{place}" is filled in.
QUESTIONS = [
    (
        InquiryKind.CONSULTATION,
        "孩子转学需要哪些手续",
        "孩子从外区转学到{place}附近的小学，请问需要准备哪些材料，到哪里办理？",
        "请先到转入学校确认学位，再持户口簿、房产证明和原学校学籍信息到转入学校办理。",
    ),
    (
        InquiryKind.CONSULTATION,
        "如何申请公开政府信息",
        "想了解{place}征收补偿标准的依据文件，应当向哪个部门申请，如何提交？",
        "可在本网站“依申请公开”在线提交申请，也可到区政务服务中心窗口提交或邮寄书面申请。",
    ),
    (
        InquiryKind.CONSULTATION,
        "最低生活保障申请条件",
        "家里老人没有收入，请问申请最低生活保障需要满足什么条件，到哪里申请？",
        "请到户籍所在街道（乡镇）社会事务办申请，携带身份证、户口簿和家庭收入财产情况说明。",
    ),
    (
        InquiryKind.MAILBOX,
        "建议增设公交线路",
        "{place}居民出行不便，建议增设一条通往地铁站的公交线路。",
        "您的建议已转交交通运输部门，正在会同公交公司研究线路优化方案，感谢您的关注。",
    ),
    (
        InquiryKind.MAILBOX,
        "反映夜间施工噪声",
        "{place}附近工地夜间施工噪声很大，影响休息，希望有关部门处理。",
        "经核查，该工地未办理夜间施工许可，已责令停止夜间施工并依法处罚。欢迎继续监督。",
    ),
    (
        InquiryKind.CONSULTATION,
        "二手房过户办理时间",
        "二手房过户登记需要几个工作日？能否网上预约？",
        "材料齐全的二手房转移登记5个工作日内办结，可通过政务服务网或窗口预约办理。",
    ),
]
CHANNELS = [InquiryChannel.ONLINE] * 6 + [InquiryChannel.PHONE] * 3 + [InquiryChannel.ON_SITE]
RATINGS = [Satisfaction.SATISFIED] * 6 + [Satisfaction.BASICALLY_SATISFIED] * 3
RATINGS += [Satisfaction.UNSATISFIED]


@dataclass
class Asked:
    """One demo inquiry and the steps of its history: (day, who, what, details)."""

    inquiry: Inquiry
    steps: list[tuple[date, str, InquiryAction, dict[str, Any]]] = field(default_factory=list)


def _at(day: date, rng: random.Random) -> datetime:
    """A time in office hours, Beijing time, stored in UTC."""
    return datetime(day.year, day.month, day.day, rng.randint(1, 8), rng.randint(0, 59), tzinfo=UTC)


def plan(
    units: list[Unit], calendar: WorkingDayCalendar, today: date, rng: random.Random, count: int
) -> list[Asked]:
    """About `count` inquiries to `units` received up to `today`, with their histories."""
    busy = [u for u in units if u.name in BUSY] or units
    weights = [BUSY.get(u.name, 1) for u in busy]
    made = []
    for index in range(count):
        unit = rng.choices(busy, weights)[0]
        handler = HANDLERS.get(unit.name, f"ysq{unit.id:03d}")
        kind, subject, content, reply = rng.choice(QUESTIONS)
        channel = rng.choice(CHANNELS)
        # The first two are left unanswered a month on: the overdue the console marks.
        back = OVERDUE_DAYS if index < OVERDUE else rng.randint(0, DAYS_BACK)
        received = calendar.working_day_on_or_after(today - timedelta(days=back)).date
        if received > today:
            continue
        due = answer_due(calendar, kind, received)
        asked = Asked(
            Inquiry(
                unit_id=unit.id,
                kind=kind,
                channel=channel,
                subject=subject,
                content=content.format(place=rng.choice(PLACES)),
                asker_name=rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.randint(1, 2))),
                asker_contact=f"1{rng.choice('3589')}{rng.randint(0, 999_999_999):09d}",
                token_hash="",
                received_on=received,
                answer_due_on=due.date,
                due_provisional=due.provisional,
                created_at=_at(received, rng),
            )
        )
        receiver = ASKER if channel == InquiryChannel.ONLINE else handler
        asked.steps.append(
            (received, receiver, InquiryAction.RECEIVED, {"kind": kind, "channel": channel})
        )
        if rng.random() < 0.125:
            answered = due.date + timedelta(days=rng.randint(1, 6))
        else:
            answered = calendar.add_working_days(received, rng.randint(1, 4)).date
        recent = received >= today - timedelta(days=14)
        if index >= OVERDUE and answered <= today and not (recent and rng.random() < 0.5):
            asked.inquiry.answered_on, asked.inquiry.answered_by = answered, handler
            asked.inquiry.answer = reply
            on_time = answered <= due.date
            asked.steps.append((answered, handler, InquiryAction.ANSWERED, {"on_time": on_time}))
            if rng.random() < 0.5:
                rating = rng.choice(RATINGS)
                asked.inquiry.satisfaction = rating
                rated = min(today, answered + timedelta(days=rng.randint(0, 3)))
                asked.steps.append((rated, ASKER, InquiryAction.RATED, {"satisfaction": rating}))
        made.append(asked)
    return made


async def load(
    session: AsyncSession,
    units: list[Unit],
    calendar: WorkingDayCalendar,
    today: date,
    *,
    seed: int,
    count: int = COUNT,
) -> int:
    """Write the demo inquiries and their histories; how many."""
    rng = random.Random(seed + 16)
    made = plan(units, calendar, today, rng, count)
    session.add_all([asked.inquiry for asked in made])
    await session.flush()
    audit: list[dict[str, Any]] = []
    for asked in made:
        inquiry = asked.inquiry
        # A code nobody holds (the askers are made up), stored as the service stores one.
        code = "".join(rng.choice(query_codes.ALPHABET) for _ in range(query_codes.LENGTH))
        inquiry.token_hash = token_hash(inquiry.id, code)
        for day, actor, action, details in asked.steps:
            after = {k: str(v) if isinstance(v, str) else v for k, v in details.items()}
            if action == InquiryAction.RECEIVED:
                after |= {
                    "received_on": inquiry.received_on.isoformat(),
                    "answer_due_on": inquiry.answer_due_on.isoformat(),
                }
            elif action == InquiryAction.ANSWERED and inquiry.answered_on is not None:
                after["answered_on"] = inquiry.answered_on.isoformat()
            audit.append(
                {
                    "at": _at(day, rng),
                    "actor": actor,
                    "actor_unit_id": None if actor == ASKER else inquiry.unit_id,
                    "action": action.value,
                    "entity_type": "inquiry",
                    "entity_id": str(inquiry.id),
                    "before": None,
                    "after": after,
                    "request_id": None,
                }
            )
    await session.flush()
    if audit:
        await session.execute(insert(AuditEntry), audit)
    return len(made)
