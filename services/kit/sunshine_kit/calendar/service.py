"""Persisting loaded holiday arrangements and keeping each process's calendar current."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.calendar.days import WorkingDayCalendar, YearArrangement
from sunshine_kit.calendar.models import CalendarYear
from sunshine_kit.calendar.schemas import YearArrangementIn, YearArrangementOut
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import InvalidInput


def to_arrangement(row: CalendarYear) -> YearArrangement:
    return YearArrangement(
        year=row.year,
        holidays=frozenset(date.fromisoformat(d) for d in row.holidays),
        workdays=frozenset(date.fromisoformat(d) for d in row.workdays),
    )


def validated(year: int, body: YearArrangementIn) -> YearArrangement:
    """The arrangement, or a 422 naming the offending date."""
    try:
        return body.to_arrangement(year)
    except ValueError as exc:
        raise InvalidInput("body", str(exc), code="invalid_arrangement") from None


async def store(session: AsyncSession, year: int, body: YearArrangementIn) -> CalendarYear:
    arrangement = validated(year, body)
    row = await session.get(CalendarYear, year)
    if row is None:
        row = CalendarYear(year=year)
        session.add(row)
    row.holidays = sorted(d.isoformat() for d in arrangement.holidays)
    row.workdays = sorted(d.isoformat() for d in arrangement.workdays)
    row.note = body.note
    await session.flush()
    return row


async def load_year(
    session: AsyncSession, actor: Principal, year: int, body: YearArrangementIn
) -> CalendarYear:
    """Store a year's arrangement and audit it."""
    row = await store(session, year, body)
    await audit.record(
        session,
        actor=actor,
        action="calendar.year_loaded",
        entity_type="calendar_year",
        entity_id=year,
        after={"holidays": row.holidays, "workdays": row.workdays, "note": row.note},
    )
    return row


# What a component recomputes from the calendar when a year is loaded or corrected (stored due
# dates): called in the transaction that stores the year, with the calendar that includes it.
CalendarChange = Callable[[AsyncSession, WorkingDayCalendar], Awaitable[object]]


async def build_calendar(session: AsyncSession) -> WorkingDayCalendar:
    rows = (await session.scalars(select(CalendarYear))).all()
    return WorkingDayCalendar(to_arrangement(row) for row in rows)


def describe(
    calendar: WorkingDayCalendar, loaded: set[int], note: dict[int, str]
) -> list[YearArrangementOut]:
    """Every year the calendar knows, loaded ones marked as such."""
    years = sorted(set(calendar.builtin_years()) | loaded)
    out = []
    for year in years:
        arrangement = calendar.arrangement(year)
        if arrangement is None:
            continue
        out.append(
            YearArrangementOut(
                year=year,
                source="loaded" if year in loaded else "builtin",
                holidays=sorted(arrangement.holidays),
                workdays=sorted(arrangement.workdays),
                note=note.get(year, ""),
            )
        )
    return out


async def list_years(session: AsyncSession) -> list[YearArrangementOut]:
    rows = (await session.scalars(select(CalendarYear))).all()
    calendar = WorkingDayCalendar(to_arrangement(row) for row in rows)
    return describe(calendar, {r.year for r in rows}, {r.year: r.note for r in rows})


class CalendarHolder:
    """This process's calendar, rebuilt from the database at most every `ttl` seconds.

    Several replicas each receive only some pushes, so each re-reads the table now and then.
    """

    def __init__(self, ttl: float = 60.0) -> None:
        self._ttl = ttl
        self._calendar: WorkingDayCalendar | None = None
        self._built = 0.0

    def invalidate(self) -> None:
        self._calendar = None

    async def get(self, session: AsyncSession) -> WorkingDayCalendar:
        if self._calendar is None or time.monotonic() - self._built > self._ttl:
            self._calendar = await build_calendar(session)
            self._built = time.monotonic()
        return self._calendar


async def current_calendar(request: Request, session: SessionDep) -> WorkingDayCalendar:
    """This process's working-day calendar, for routes that compute legal dates."""
    holder: CalendarHolder = request.app.state.calendar
    return await holder.get(session)


CalendarDep = Annotated[WorkingDayCalendar, Depends(current_calendar)]
