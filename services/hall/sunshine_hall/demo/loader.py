"""Writing the demo hall: centres, windows and stationed staff, the items with their materials
and published versions (through the ORM: a few hundred rows), then the generated cases, ratings,
day figures and tickets in bulk inserts with their ids given, and a few dozen enforcement
decisions with their 双公示 messages.

Measured on SQLite (the default database) on the project's 2-core machine: 90 days, about
57,000 cases, load in well under a minute; PostgreSQL likewise.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.cases.models import Case, CaseSequence, CaseStep
from sunshine_hall.demo import data
from sunshine_hall.demo.generator import (
    ItemRef,
    Made,
    WindowRef,
    company,
    credit_code,
    generate,
    person,
)
from sunshine_hall.enforcement.models import EnforcementDecision
from sunshine_hall.items.content import new_version
from sunshine_hall.items.models import ItemMaterial, ItemStatus, ServiceItem
from sunshine_hall.publicity.service import publish_decision, publish_enforcement
from sunshine_hall.queue.models import Ticket, TicketCounter
from sunshine_hall.ratings.models import CaseRating, FollowUp
from sunshine_hall.supervision.models import CompletionDay
from sunshine_hall.windows.models import ServiceCentre, Window, WindowItem, WindowStaff, WindowUnit
from sunshine_kit.calendar.days import WorkingDayCalendar, today
from sunshine_kit.calendar.service import build_calendar
from sunshine_kit.db import utcnow
from sunshine_kit.units.models import Unit

BATCH = 1000
DEFAULT_DAYS = 90
SEED = 2026


async def has_hall(session: AsyncSession) -> bool:
    return bool(await session.scalar(select(func.count()).select_from(ServiceCentre)))


async def _insert(session: AsyncSession, table: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), BATCH):
        await session.execute(insert(table), rows[start : start + BATCH])


async def _advance(session: AsyncSession, *tables: str) -> None:
    """PostgreSQL's id sequences past the ids the bulk inserts gave."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        await session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
            )
        )


def _item(unit_id: int, code: str, level: str, spec: data.Item, unit_name: str) -> ServiceItem:
    name, category, kind, legal, promised, fee, basis, _ = spec
    instant = kind == "instant"
    return ServiceItem(
        code=code,
        unit_id=unit_id,
        hall_level=level,
        category=category,
        name=name,
        legal_basis=basis,
        conditions=f"符合{basis}规定条件的申请人均可申请。",
        procedure="申请 → 受理 → 审查 → 决定 → 办结送达"
        if not instant
        else "申请 → 受理 → 当场办结",
        kind=kind,
        legal_limit_days=0 if instant else legal,
        promised_limit_days=0 if instant else min(promised, legal),
        fee_basis="" if not fee else "《国家发展改革委 财政部关于规范行政事业性收费的通知》",
        fee_standard="不收费" if not fee else f"每件{fee / 100:.2f}元",
        fee_fen=fee,
        authority=unit_name,
        hours=data.HOURS,
        phone="028-86001234",
        online=not instant,
        status=ItemStatus.PUBLISHED,
        version=1,
        published_at=utcnow(),
    )


def _specs(unit_name: str) -> list[data.Item]:
    """A unit's items, licensing ones also in their 变更 and 延续 forms."""
    specs: list[data.Item] = []
    for spec in data.ITEMS.get(unit_name, []):
        specs.append(spec)
        name, category, kind, legal, promised, fee, basis, materials = spec
        if category == "licensing" and kind == "promised":
            for variant in data.VARIANTS:
                specs.append(
                    (
                        f"{name}（{variant}）",
                        category,
                        kind,
                        legal,
                        max(promised // 2, 1),
                        fee,
                        basis,
                        materials,
                    )
                )
    return specs


async def load(
    session: AsyncSession,
    *,
    days: int = DEFAULT_DAYS,
    per_day: int = 900,
    calendar: WorkingDayCalendar | None = None,
    on: date | None = None,
) -> int:
    """Load the demo hall; returns the number of cases written."""
    calendar = calendar or await build_calendar(session)
    day = on or today()
    rng = random.Random(SEED)
    units = {u.name: u for u in (await session.scalars(select(Unit))).all()}
    hall_unit = units[data.HALL_UNIT]

    # Items of every unit that has some, and of every street.
    items: dict[int, ItemRef] = {}
    unit_items: dict[int, list[int]] = {}
    for unit_name in data.ITEMS:
        unit = units.get(unit_name)
        if unit is None:
            continue
        for n, spec in enumerate(_specs(unit_name), start=1):
            item = await _add_item(session, unit, f"JH{unit.id:03d}{n:03d}", "district", spec)
            items[item.id] = _ref(item, weight=3.0 if spec[2] == "instant" else 1.0)
            unit_items.setdefault(unit.id, []).append(item.id)
    street_items: dict[int, list[int]] = {}
    for street in data.STREET_NAMES:
        unit = units.get(street)
        if unit is None:
            continue
        for n, spec in enumerate(data.STREET_ITEMS, start=1):
            item = await _add_item(session, unit, f"JH{unit.id:03d}S{n:02d}", "street", spec)
            items[item.id] = _ref(item, weight=2.0)
            street_items.setdefault(unit.id, []).append(item.id)

    # The district centre: comprehensive windows, then one window per stationed unit.
    centre = ServiceCentre(
        unit_id=hall_unit.id,
        level="district",
        name="锦华区政务服务中心",
        address=data.CENTRE_ADDRESS,
        hours=data.HOURS,
        phone="028-86001234",
    )
    session.add(centre)
    await session.flush()
    windows: list[WindowRef] = []
    number = 0
    all_items = tuple(items_id for ids in unit_items.values() for items_id in ids)
    for name, kind, stationed in data.DISTRICT_WINDOWS:
        number += 1
        accepted = all_items if kind == "comprehensive" and number == 1 else ()
        if not accepted:
            owners = [units[u].id for u in stationed if u in units]
            accepted = tuple(i for o in owners for i in unit_items.get(o, []))
            if (
                kind == "comprehensive" and number == 2
            ):  # 企业开办: market supervision, tax, police seal
                accepted += tuple(
                    i
                    for u in ("锦华区市场监督管理局", "国家税务总局蓉州市锦华区税务局")
                    if u in units
                    for i in unit_items.get(units[u].id, [])
                )
            if number == 3:  # 投资建设: planning, housing, environment, civil air defence
                accepted = tuple(
                    i
                    for u in (
                        "锦华区发展和改革局",
                        "锦华区规划和自然资源局",
                        "锦华区住房和城乡建设局",
                        "锦华区生态环境局",
                        "锦华区人民防空办公室",
                    )
                    if u in units
                    for i in unit_items.get(units[u].id, [])
                )
        prefix = "G" if kind == "green_channel" else "A"
        staff = [data.DEMO_CLERK] if number == 1 else []
        windows.append(
            await _add_window(
                session, rng, centre, number, name, kind, prefix, stationed, units, accepted, staff
            )
        )
    for unit_name in data.ITEMS:
        unit = units.get(unit_name)
        if unit is None or not unit_items.get(unit.id):
            continue
        number += 1
        prefix = "BCDEFH"[number % 6]
        short = unit_name.removeprefix("锦华区").removeprefix("国家税务总局蓉州市")
        windows.append(
            await _add_window(
                session,
                rng,
                centre,
                number,
                f"{short}窗口",
                "unit",
                prefix,
                (unit_name,),
                units,
                tuple(unit_items[unit.id]),
                [],
            )
        )
    # The streets' 便民服务中心: three windows each.
    for street in data.STREET_NAMES:
        unit = units.get(street)
        if unit is None:
            continue
        street_centre = ServiceCentre(
            unit_id=unit.id, level="street", name=f"{street}便民服务中心", hours=data.HOURS
        )
        session.add(street_centre)
        await session.flush()
        ids = tuple(street_items.get(unit.id, []))
        for n, name in enumerate(("综合窗口", "社保医保窗口", "民政救助窗口"), start=1):
            windows.append(
                await _add_window(
                    session,
                    rng,
                    street_centre,
                    n,
                    name,
                    "comprehensive",
                    "A",
                    (street,),
                    units,
                    ids,
                    [],
                )
            )
    await session.flush()

    made = generate(calendar, day, windows, items, centre.id, days=days, per_day=per_day, seed=SEED)
    await _write(session, made, day)
    await _enforcement(session, rng, calendar, units, day)
    await _publish_recent(session, made, calendar, day)
    if made.example:
        case_number, code = made.example
        print(f"hall: rate a demo case at /hall/rate — 办件编号 {case_number}，查询码 {code}")
    return len(made.cases)


def _ref(item: ServiceItem, *, weight: float) -> ItemRef:
    return ItemRef(
        id=item.id,
        unit_id=item.unit_id,
        category=item.category,
        instant=item.kind == "instant",
        legal_days=item.legal_limit_days,
        promised_days=item.promised_limit_days,
        fee_fen=item.fee_fen,
        weight=weight,
    )


async def _add_item(
    session: AsyncSession, unit: Unit, code: str, level: str, spec: data.Item
) -> ServiceItem:
    item = _item(unit.id, code, level, spec, unit.name)
    session.add(item)
    await session.flush()
    materials = [
        ItemMaterial(item_id=item.id, sort_order=n, name=name, source="申请人自备")
        for n, name in enumerate(spec[7], start=1)
    ]
    session.add_all(materials)
    await session.flush()
    session.add(new_version(item, materials, published_by="demo"))
    return item


async def _add_window(
    session: AsyncSession,
    rng: random.Random,
    centre: ServiceCentre,
    number: int,
    name: str,
    kind: str,
    prefix: str,
    stationed: tuple[str, ...],
    units: dict[str, Unit],
    item_ids: tuple[int, ...],
    staff: list[tuple[str, str]],
) -> WindowRef:
    window = Window(centre_id=centre.id, number=number, name=name, kind=kind, ticket_prefix=prefix)
    session.add(window)
    await session.flush()
    unit_ids = sorted({units[u].id for u in stationed if u in units})
    session.add_all(WindowUnit(window_id=window.id, unit_id=u) for u in unit_ids)
    people = staff + [
        (
            f"jh{centre.id:02d}w{number:02d}{n}",
            data.SURNAMES[rng.randrange(60)] + rng.choice(data.GIVEN),
        )
        for n in "ab"
    ]
    session.add_all(
        WindowStaff(
            window_id=window.id,
            account=account,
            display_name=shown,
            unit_id=unit_ids[0] if unit_ids else None,
        )
        for account, shown in people
    )
    session.add_all(WindowItem(window_id=window.id, item_id=i) for i in sorted(set(item_ids)))
    return WindowRef(
        id=window.id,
        centre_id=centre.id,
        number=number,
        prefix=prefix,
        staff=tuple(account for account, _ in people),
        item_ids=tuple(sorted(set(item_ids))),
    )


async def _write(session: AsyncSession, made: Made, day: date) -> None:
    cases = [{k: v for k, v in case.items() if not k.startswith("_")} for case in made.cases]
    await _insert(session, Case.__table__, cases)
    await _insert(session, CaseStep.__table__, made.steps)
    await _insert(session, CaseRating.__table__, made.ratings)
    await _insert(session, FollowUp.__table__, made.follow_ups)
    await _insert(session, CompletionDay.__table__, made.completion_days)
    if made.tickets:
        await _insert(session, Ticket.__table__, made.tickets)
        centre_id = made.tickets[0]["centre_id"]
        session.add(
            TicketCounter(centre_id=centre_id, service_day=day, last_sequence=len(made.tickets))
        )
    for year, last in made.sequences.items():
        session.add(CaseSequence(year=year, last=last))
    await session.flush()
    await _advance(session, "hall_case", "case_rating", "rating_follow_up", "queue_ticket")


ENFORCERS = {
    "锦华区市场监督管理局": (
        "锦市监罚",
        "未按规定公示食品经营许可证",
        "《中华人民共和国食品安全法》第一百二十六条",
    ),
    "锦华区卫生健康局": (
        "锦卫罚",
        "未取得医疗机构执业许可证擅自执业",
        "《医疗机构管理条例》第四十三条",
    ),
    "锦华区城市管理局": (
        "锦城管罚",
        "未经批准擅自设置户外广告",
        "《城市市容和环境卫生管理条例》第三十六条",
    ),
    "锦华区生态环境局": (
        "锦环罚",
        "超过大气污染物排放标准排放污染物",
        "《中华人民共和国大气污染防治法》第九十九条",
    ),
    "锦华区应急管理局": (
        "锦应急罚",
        "未按规定对从业人员进行安全生产教育培训",
        "《中华人民共和国安全生产法》第九十七条",
    ),
    "锦华区教育局": (
        "锦教罚",
        "未经审批擅自举办学科类校外培训",
        "《中华人民共和国民办教育促进法》第六十四条",
    ),
}


async def _enforcement(
    session: AsyncSession,
    rng: random.Random,
    calendar: WorkingDayCalendar,
    units: dict[str, Unit],
    day: date,
) -> None:
    """A year's register of a few enforcing units; each penalty sent to 双公示."""
    workdays = calendar.working_days_in(date(day.year, 1, 1), day - timedelta(days=1))
    if not workdays:
        return
    decisions = []
    for unit_name, (prefix, facts, basis) in ENFORCERS.items():
        unit = units.get(unit_name)
        if unit is None:
            continue
        for n in range(1, rng.randint(6, 14)):
            coercion = rng.random() < 0.2
            legal = rng.random() < 0.7
            decision = EnforcementDecision(
                unit_id=unit.id,
                kind="coercion" if coercion else "penalty",
                document_number=f"{prefix[:-1] + '强' if coercion else prefix}〔{day.year}〕{n}号",
                party_type="legal_person" if legal else "natural_person",
                party_name=company(rng) if legal else person(rng),
                credit_code=credit_code(rng) if legal else "",
                facts=facts,
                legal_basis=basis,
                content="查封、扣押涉案物品" if coercion else "警告，并处罚款",
                fine_fen=0 if coercion else rng.choice((200_000, 500_000, 1_000_000, 3_000_000)),
                decided_on=rng.choice(workdays),
                source="form",
                created_by="demo",
            )
            session.add(decision)
            decisions.append((decision, unit.name))
    await session.flush()
    for decision, unit_name in decisions:
        await publish_enforcement(session, calendar, decision, unit_name)


async def _publish_recent(
    session: AsyncSession, made: Made, calendar: WorkingDayCalendar, day: date
) -> None:
    """The 行政许可 decisions of the last working day go to 双公示 (earlier ones are taken as
    published before the demo's start: the catalogue is not flooded with thousands at once)."""
    last = max(
        (c["decided_on"] for c in made.cases if c.get("decided_on") and c["decided_on"] < day),
        default=None,
    )
    if last is None:
        return
    ids = [
        c["id"]
        for c in made.cases
        if c.get("decided_on") == last and c.get("decision") == "granted"
    ]
    for start in range(0, len(ids), BATCH):
        for case in (
            await session.scalars(select(Case).where(Case.id.in_(ids[start : start + BATCH])))
        ).all():
            await publish_decision(session, case)
