"""The catalog's, applications' and hall's period statistics as the reporting service reads
them, answered over HTTP by an httpx MockTransport (the kit's client, its retries and its error
mapping all run as in production). Each answer is made with the source's own response schema
(`PeriodItemFigures`, `PeriodApplicationFigures`, `PeriodCaseFigures`); that the sources count
what those say is tested in each source's `test_period_stats.py`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

import httpx
from fastapi import FastAPI
from pydantic import BaseModel

from sunshine_applications.stats.schemas import PeriodApplicationFigures
from sunshine_catalog.stats.schemas import PeriodItemFigures
from sunshine_hall.stats.schemas import PeriodCaseFigures
from sunshine_kit.http import ServiceClient

Answer = dict[str, Any]
# What the reporting service does not read back: the unit and period the answer is about.
HEAD: Answer = {
    "unit_id": 1,
    "unit_name": "锦华区人民政府",
    "date_from": "2026-10-01",
    "date_to": "2026-10-31",
}


def _as(schema: type[BaseModel], body: Answer) -> Answer:
    """The answer as the source's own response schema makes it: a change of a source's shape
    breaks these tests rather than passing unnoticed."""
    return schema.model_validate(body).model_dump(mode="json")


def catalog_period(
    units: dict[int, dict[str, int]],
    *,
    names: dict[int, str],
    by_month: dict[str, int] | None = None,
    interpretations: int = 0,
    by_column: Sequence[tuple[int, str, int]] = (),
    by_channel: Sequence[tuple[str, str, int]] = (),
) -> Answer:
    """The catalog's answer: `units` holds each unit's published, late, overdue_unpublished,
    policy_documents, interpretations_late (missing ones are 0)."""
    fields = ("published", "late", "overdue_unpublished", "policy_documents")
    rows = [
        {
            "unit_id": unit_id,
            "unit_name": names[unit_id],
            **{f: counts.get(f, 0) for f in (*fields, "interpretations_late")},
        }
        for unit_id, counts in units.items()
    ]
    published = sum(r["published"] for r in rows)
    late = sum(r["late"] for r in rows)
    return _as(
        PeriodItemFigures,
        {
            **HEAD,
            "include_subunits": True,
            "published": published,
            "on_time": published - late,
            "late": late,
            "overdue_unpublished": sum(r["overdue_unpublished"] for r in rows),
            "interpretations": interpretations,
            "by_month": [{"month": m, "count": n} for m, n in (by_month or {}).items()],
            "by_column": [
                {"column_id": c, "column_name": name, "count": n} for c, name, n in by_column
            ],
            "by_channel": [
                {"channel": c, "label": label, "count": n} for c, label, n in by_channel
            ],
            "by_unit": rows,
        },
    )


def applications_period(
    units: dict[int, dict[str, int]],
    *,
    names: dict[int, str],
    by_month: dict[str, int] | None = None,
    answered_on_time: int | None = None,
    consultations: dict[str, int] | None = None,
) -> Answer:
    """`units` holds each unit's received, answered, due_soon, overdue."""
    fields = ("received", "answered", "due_soon", "overdue")
    rows = [
        {"unit_id": u, "unit_name": names[u], **{f: c.get(f, 0) for f in fields}}
        for u, c in units.items()
    ]
    answered = sum(r["answered"] for r in rows)
    return _as(
        PeriodApplicationFigures,
        {
            **HEAD,
            "include_subunits": True,
            "due_soon": sum(r["due_soon"] for r in rows),
            "overdue": sum(r["overdue"] for r in rows),
            "received": sum(r["received"] for r in rows),
            "answered": answered,
            "answered_on_time": answered if answered_on_time is None else answered_on_time,
            "consultations": {
                "received": 0,
                "answered": 0,
                "rated": 0,
                "satisfied": 0,
                **(consultations or {}),
            },
            "by_month": [{"month": m, "received": n} for m, n in (by_month or {}).items()],
            "by_unit": rows,
        },
    )


def hall_period(
    units: dict[int, dict[str, int]],
    *,
    names: dict[int, str],
    by_month: dict[str, int] | None = None,
) -> Answer:
    """`units` holds each unit's accepted, completed, on_time, rated, satisfied."""
    fields = ("accepted", "completed", "on_time", "rated", "satisfied")
    rows = [
        {"unit_id": u, "unit_name": names[u], **{f: c.get(f, 0) for f in fields}}
        for u, c in units.items()
    ]
    totals = {f: sum(r[f] for r in rows) for f in fields}
    return _as(
        PeriodCaseFigures,
        {
            "date_from": HEAD["date_from"],
            "date_to": HEAD["date_to"],
            "unit_id": HEAD["unit_id"],
            "below": True,
            **totals,
            "on_time_rate": None,
            "satisfaction_rate": None,
            "fees_fen": 0,
            "by_month": [
                {"month": m, "accepted": n, "completed": n} for m, n in (by_month or {}).items()
            ],
            "by_unit": rows,
        },
    )


class FakeSources:
    """Answers keyed by source (told by the path) and period start; a source in `down`
    answers 503."""

    PATHS: ClassVar[dict[str, str]] = {
        "/items/period": "catalog",
        "/applications/period": "applications",
        "/cases/period": "hall",
    }

    def __init__(self) -> None:
        self.answers: dict[tuple[str, str], Answer] = {}
        self.down: set[str] = set()
        self.asked: list[tuple[str, dict[str, str]]] = []

    def answer(self, source: str, date_from: str, body: Answer) -> None:
        self.answers[(source, date_from)] = body

    def handle(self, request: httpx.Request) -> httpx.Response:
        source = next(
            (s for end, s in self.PATHS.items() if request.url.path.endswith(end)), "unknown"
        )
        params = dict(request.url.params)
        self.asked.append((source, params))
        if source in self.down:
            return httpx.Response(503, json={"error": {"code": "unavailable", "message": "down"}})
        body = self.answers.get((source, params.get("date_from", "")))
        if body is None:
            return httpx.Response(404, json={"error": {"code": "not_found", "message": "无"}})
        return httpx.Response(200, json=body)


@contextmanager
def serving(app: FastAPI) -> Iterator[FakeSources]:
    """The app reads its sources from a FakeSources for the duration."""
    fake = FakeSources()
    original = app.state.services
    app.state.services = ServiceClient(
        httpx.AsyncClient(transport=httpx.MockTransport(fake.handle)),
        app.state.settings,
        app.state.tokens,
    )
    try:
        yield fake
    finally:
        app.state.services = original
