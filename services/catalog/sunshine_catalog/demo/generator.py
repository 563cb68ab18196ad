"""A deterministic stream of realistic catalogue items, for the demo and the benchmarks.

The stream walks the calendar from 1 January two years back to today, so index numbers
(索引号) and document numbers (发文字号) rise with the date within each unit and year, the way
they are handed out in a real office. It yields plain rows of `information_item` (everything
but `search_text`, which the caller computes with `search_text()`, in worker processes when it
has a million of them), the columns each item is listed in, and, when asked, the change feed.
Validity changes that name a later item (废止, replaced by the revised document) are collected
apart, because that item is inserted after the one it replaces. What the items say is written
by `texts.ItemTexts`.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from sunshine_catalog.demo import data
from sunshine_catalog.demo.texts import (
    FALLBACK_COLUMN,
    DemoUnit,
    ItemTexts,
    Spec,
    cn_date,
    profile_for,
)
from sunshine_catalog.items.deadlines import (
    PUBLICATION_WORKING_DAYS,
    archive_date,
    publication_due,
)
from sunshine_catalog.items.models import (
    POLICY_TYPES,
    ChangeKind,
    DisclosureAttribute,
    InformationItem,
    ItemStatus,
    Validity,
)
from sunshine_catalog.items.service import snapshot
from sunshine_catalog.search.tokens import index_text, plain_text
from sunshine_kit.calendar.days import WorkingDayCalendar

CHINA = timezone(timedelta(hours=8))
RECENT_DAYS = 25  # items formed this recently may still be in the workflow


@dataclass(frozen=True)
class DemoColumn:
    id: int
    retention_years: int | None
    hidden_for_unit_types: tuple[str, ...] = ()


@dataclass
class Generated:
    row: dict[str, Any]
    column_ids: list[int]


@dataclass
class Replacement:
    """A published policy repealed by its revised version (废止, 被替代)."""

    item_id: int
    changed_on: date
    replaced_by_id: int
    at: datetime


@dataclass
class Change:
    at: datetime
    item_id: int
    unit_id: int
    kind: ChangeKind
    snapshot: dict[str, Any]


@dataclass
class _Pending:
    """A policy document whose revised version comes out later."""

    spec: Spec
    unit: DemoUnit
    row: dict[str, Any]


def search_text(row: Mapping[str, Any]) -> str:
    """The search words of a row, from the same fields as `items.service` on every save."""
    return index_text(
        row["title"],
        row["document_number"],
        row["keywords"],
        row["topic"],
        plain_text(row["body_html"]),
    )


class ItemGenerator:
    """Items of `units` from 1 January two years before `now` up to `now`, seeded."""

    def __init__(
        self,
        units: Sequence[DemoUnit],
        columns: Mapping[str, DemoColumn],
        *,
        now: datetime,
        calendar: WorkingDayCalendar,
        seed: int = 2026,
        first_id: int = 1,
        sequences: Mapping[tuple[int, int], int] | None = None,
        with_changes: bool = True,
    ) -> None:
        self.units = list(units)
        self.columns = columns
        self.now = now.astimezone(UTC)
        self.today = now.astimezone(CHINA).date()
        self.calendar = calendar
        self.rng = random.Random(seed)
        self.texts = ItemTexts(self.rng)
        self.next_id = first_id
        # The last 索引号 sequence given per (unit, year); numbering goes on from there.
        self.sequences: dict[tuple[int, int], int] = dict(sequences or {})
        self.document_numbers: Counter[tuple[str, int]] = Counter()
        self.with_changes = with_changes
        self.changes: list[Change] = []
        self.replacements: list[Replacement] = []
        self.emitted = 0
        self._revisions: dict[date, list[_Pending]] = defaultdict(list)
        self._people = {u.id: self._staff_of(u) for u in self.units}

    # --- the stream ----------------------------------------------------------------------------

    def items(self, count: int) -> Iterator[Generated]:
        """About `count` items (policy interpretations and revisions come on top), by date."""
        start = date(self.today.year - 2, 1, 1)
        days = [start + timedelta(n) for n in range((self.today - start).days + 1)]
        periodic = self._periodic(days[0])
        if len(periodic) > count // 4:
            periodic = self.rng.sample(periodic, count // 4)
        scheduled: dict[date, list[tuple[DemoUnit, str]]] = defaultdict(list)
        for day, unit, kind in periodic:
            scheduled[day].append((unit, kind))
        day_weights = [1.0 if self.calendar.is_working_day(d) else 0.05 for d in days]
        per_day = Counter(self.rng.choices(days, weights=day_weights, k=count - len(periodic)))
        unit_weights = [self._unit_weight(u) for u in self.units]
        for day in days:
            for unit, kind in scheduled.get(day, []):
                yield from self._emit(unit, day, self.texts.periodic(kind, unit, day))
            chosen = self.rng.choices(self.units, weights=unit_weights, k=per_day.get(day, 0))
            for unit in chosen:
                kind = self._choose_kind(unit)
                yield from self._emit(unit, day, self.texts.ordinary(kind, unit, day))
            for pending in self._revisions.pop(day, []):
                yield from self._emit_revision(pending, day)

    def _emit(self, unit: DemoUnit, day: date, spec: Spec) -> Iterator[Generated]:
        row = self._row(unit, day, spec)
        yield Generated(row, self._column_ids(unit, spec))
        if spec.document_type in POLICY_TYPES:
            if self.rng.random() < 0.82:
                yield from self._emit_interpretation(unit, day, spec, row)
            self._maybe_schedule_revision(unit, day, spec, row)

    def _emit_interpretation(
        self, unit: DemoUnit, day: date, policy: Spec, policy_row: dict[str, Any]
    ) -> Iterator[Generated]:
        spec = self.texts.interpretation(unit, policy)
        row = self._row(unit, day, spec, interprets=policy_row)
        yield Generated(row, self._column_ids(unit, spec))

    def _maybe_schedule_revision(
        self, unit: DemoUnit, day: date, spec: Spec, row: dict[str, Any]
    ) -> None:
        if row["validity"] != Validity.VALID or self.rng.random() > 0.18:
            return
        revised_on = day + timedelta(self.rng.randint(240, 560))
        if revised_on < self.today - timedelta(RECENT_DAYS):
            self._revisions[revised_on].append(_Pending(spec, unit, row))

    def _emit_revision(self, pending: _Pending, day: date) -> Iterator[Generated]:
        revised: dict[str, Any] | None = None
        for generated in self._emit(pending.unit, day, self.texts.revision(pending.spec)):
            yield generated
            if revised is None:  # the revised document itself; its interpretation follows
                revised = generated.row
                self._repeal(pending.row, revised)

    def _repeal(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """废止 the old version once the revised one is published (as the office would)."""
        if old["status"] != ItemStatus.PUBLISHED or new["status"] != ItemStatus.PUBLISHED:
            return
        at = max(old["published_at"], new["published_at"]) + timedelta(minutes=30)
        if at > self.now:
            return
        changed_on = at.astimezone(CHINA).date()
        self.replacements.append(Replacement(old["id"], changed_on, new["id"], at))
        if self.with_changes:
            after = {
                **old,
                "validity": Validity.REPEALED,
                "validity_changed_on": changed_on,
                "replaced_by_id": new["id"],
                "updated_at": at,
            }
            self._change(at, after, ChangeKind.VALIDITY_CHANGED)

    # --- one row -------------------------------------------------------------------------------

    def _row(
        self,
        unit: DemoUnit,
        day: date,
        spec: Spec,
        *,
        interprets: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        rng = self.rng
        item_id = self.next_id
        self.next_id += 1
        self.emitted += 1
        key = (unit.id, day.year)
        self.sequences[key] = seq = self.sequences.get(key, 0) + 1
        number = ""
        if spec.prefix:
            self.document_numbers[(spec.prefix, day.year)] += 1
            number = (
                f"{spec.prefix}〔{day.year}〕{self.document_numbers[(spec.prefix, day.year)]}号"
            )
        title = spec.title.replace("{no}", number)
        column = self._column(unit, spec.column)
        due = publication_due(self.calendar, day)
        created_at = self._moment(day, 8, 17)
        author, reviewer = self._people[unit.id]
        status, published_at, withdrawn_at = self._workflow(day, interprets)
        if published_at is not None and published_at < created_at:
            created_at = published_at - timedelta(minutes=rng.randint(20, 240))
        validity, validity_changed_on = Validity.VALID, None
        if "暂行" in spec.policy_name and status == ItemStatus.PUBLISHED:
            # 暂行办法 here run for one year; those whose year is over have lapsed (失效).
            ends = day.replace(year=day.year + 1) if (day.month, day.day) != (2, 29) else day
            if ends < self.today:
                validity, validity_changed_on = Validity.EXPIRED, ends
        row: dict[str, Any] = {
            "id": item_id,
            "unit_id": unit.id,
            "column_id": column.id,
            "index_number": f"{unit.credit_code}/{day.year}-{seq:05d}",
            "index_year": day.year,
            "index_seq": seq,
            "title": title[:300],
            "body_html": "".join(f"<p>{p.replace('{no}', number)}</p>" for p in spec.paragraphs)
            + f'<p align="right">{unit.name}<br>{cn_date(day)}</p>',
            "document_number": number,
            "issuing_unit": unit.name,
            "formed_on": day,
            "published_at": published_at,
            "topic": spec.topic,
            "keywords": spec.keywords,
            "disclosure_attribute": DisclosureAttribute.PROACTIVE.value,
            "non_disclosure_reason": "",
            "validity": validity.value,
            "validity_changed_on": validity_changed_on,
            "replaced_by_id": None,
            "document_type": spec.document_type.value,
            "channels": list(rng.choice(data.CHANNEL_SETS)),
            "interprets_id": interprets["id"] if interprets else None,
            "status": status.value,
            "due_on": due.date,
            "due_provisional": due.provisional,
            "archive_on": archive_date(column.retention_years, day),
            "author": author,
            # Set by the review: published, withdrawn after publication, or sent back.
            "reviewer": None if status in (ItemStatus.DRAFT, ItemStatus.SUBMITTED) else reviewer,
            "review_note": rng.choice(data.REJECTION_NOTES)
            if status == ItemStatus.REJECTED
            else "",
            "source": "staff",
            "source_key": None,
            "created_at": created_at,
            "updated_at": max(t for t in (created_at, published_at, withdrawn_at) if t),
        }
        if self.with_changes and published_at is not None:
            self._change(
                published_at,
                {
                    **row,
                    "status": ItemStatus.PUBLISHED.value,
                    "validity": Validity.VALID.value,
                    "validity_changed_on": None,
                    "updated_at": published_at,
                },
                ChangeKind.PUBLISHED,
            )
            if withdrawn_at is not None:
                self._change(withdrawn_at, row, ChangeKind.WITHDRAWN)
            if validity_changed_on is not None:
                at = datetime.combine(validity_changed_on, time(9), CHINA).astimezone(UTC)
                self._change(at, {**row, "updated_at": at}, ChangeKind.VALIDITY_CHANGED)
        return row

    def _workflow(
        self, day: date, interprets: dict[str, Any] | None
    ) -> tuple[ItemStatus, datetime | None, datetime | None]:
        """Status, publication and withdrawal time: most published within the 20 working days,
        some late; the recent ones still drafts, in review or sent back."""
        rng = self.rng
        if interprets is not None:
            # 政策解读 goes out with its policy (within 3 working days), a few later.
            if interprets["published_at"] is None:
                return ItemStatus.DRAFT, None, None
            base = interprets["published_at"].astimezone(CHINA).date()
            delay = rng.randint(0, 3) if rng.random() < 0.85 else rng.randint(4, 12)
            return self._published(base, delay, None)
        r = rng.random()
        if (self.today - day).days <= RECENT_DAYS:
            if r < 0.2:
                return ItemStatus.DRAFT, None, None
            if r < 0.4:
                return ItemStatus.SUBMITTED, None, None
            if r < 0.5:
                return ItemStatus.REJECTED, None, None
        elif r < 0.03:
            # Left behind in the workflow: these are the overdue ones supervision chases.
            return (
                rng.choice([ItemStatus.DRAFT, ItemStatus.SUBMITTED, ItemStatus.REJECTED]),
                None,
                None,
            )
        p = rng.random()
        if p < 0.55:
            delay = rng.randint(0, 3)
        elif p < 0.88:
            delay = rng.randint(4, 12)
        elif p < 0.95:
            delay = rng.randint(13, PUBLICATION_WORKING_DAYS)
        else:
            delay = rng.randint(PUBLICATION_WORKING_DAYS + 1, 45)
        withdraw = rng.random() < 0.01
        return self._published(day, delay, withdraw)

    def _published(
        self, day: date, delay: int, withdraw: bool | None
    ) -> tuple[ItemStatus, datetime | None, datetime | None]:
        on = self.calendar.add_working_days(day, delay).date if delay else day
        published_at = self._moment(on, 9, 18)
        if published_at > self.now:
            return ItemStatus.SUBMITTED, None, None
        if withdraw:
            withdrawn_at = published_at + timedelta(days=self.rng.randint(3, 60))
            if withdrawn_at <= self.now:
                return ItemStatus.WITHDRAWN, published_at, withdrawn_at
        return ItemStatus.PUBLISHED, published_at, None

    def _moment(self, day: date, first_hour: int, last_hour: int) -> datetime:
        minutes = self.rng.randint(first_hour * 60, last_hour * 60 - 1)
        return datetime.combine(day, time(minutes // 60, minutes % 60), CHINA).astimezone(UTC)

    def _change(self, at: datetime, row: dict[str, Any], kind: ChangeKind) -> None:
        item = InformationItem(**{k: v for k, v in row.items() if k != "search_text"})
        self.changes.append(Change(at, row["id"], row["unit_id"], kind, snapshot(item)))

    def _column(self, unit: DemoUnit, code: str) -> DemoColumn:
        column = self.columns.get(code)
        if column is None or unit.type in column.hidden_for_unit_types:
            return self.columns[FALLBACK_COLUMN]
        return column

    def _column_ids(self, unit: DemoUnit, spec: Spec) -> list[int]:
        own = self._column(unit, spec.column).id
        also = [self._column(unit, code).id for code in spec.also]
        return list(dict.fromkeys([own, *also]))

    def _staff_of(self, unit: DemoUnit) -> tuple[str, str]:
        """The demo accounts where the gateway has them, made-up usernames elsewhere."""
        if unit.name == "锦华区教育局":
            return "publisher", "reviewer"
        if unit.name == "东湖街道":
            return "donghu", "office"
        if unit.type == "government":
            return "office", "supervisor"
        rng = random.Random(unit.id)
        letters = "abcdefghjklmnpqrstwxyz"
        return (
            f"pub_{''.join(rng.choices(letters, k=5))}",
            f"rev_{''.join(rng.choices(letters, k=5))}",
        )

    def _unit_weight(self, unit: DemoUnit) -> float:
        return data.BUSY_DEPARTMENTS.get(unit.name, data.UNIT_WEIGHTS.get(unit.type, 1.0))

    def _choose_kind(self, unit: DemoUnit) -> str:
        kinds = {**data.BASE_KINDS.get(unit.type, {"notice": 1})}
        for kind, weight in profile_for(unit).kinds.items():
            kinds[kind] = kinds.get(kind, 0) + weight
        return self.rng.choices(list(kinds), weights=list(kinds.values()))[0]

    # --- when items come out ------------------------------------------------------------------

    def _periodic(self, first: date) -> list[tuple[date, DemoUnit, str]]:
        """Items every unit publishes each year: annual report, budget, final accounts, guide."""
        out: list[tuple[date, DemoUnit, str]] = []
        rng = self.rng
        for unit in self.units:
            if unit.type in ("community", "village"):
                continue
            out.append((first + timedelta(rng.randint(2, 20)), unit, "guide"))
            out.append((first + timedelta(rng.randint(2, 20)), unit, "functions"))
            for year in range(first.year, self.today.year + 1):
                # The district government's report of last year is the reporting service's
                # demo: made from the platform's own figures and published into this column.
                # (The day is drawn either way, so the rest of the demo stays as it was.)
                day = date(year, 1, rng.randint(8, 25))
                if not (unit.type == "government" and year == self.today.year):
                    out.append((day, unit, "annual_report"))
                if unit.type != "government":
                    out.append((date(year, 2, 10) + timedelta(rng.randint(0, 35)), unit, "budget"))
                    out.append((date(year, 8, 1) + timedelta(rng.randint(0, 40)), unit, "accounts"))
        return [entry for entry in out if entry[0] <= self.today]


def ordered_changes(changes: list[Change], first_seq: int = 1) -> list[dict[str, Any]]:
    """The feed rows: every change in the order it happened, numbered from `first_seq`."""
    ordered = sorted(changes, key=lambda c: (c.at, c.item_id))
    return [
        {
            "seq": first_seq + n,
            "item_id": c.item_id,
            "unit_id": c.unit_id,
            "kind": c.kind.value,
            "at": c.at,
            "snapshot": c.snapshot,
        }
        for n, c in enumerate(ordered)
    ]
