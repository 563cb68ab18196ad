"""The source services' statistics as they answer them, for the annual report's tests.

Each answer is built with the source's own response schema (`ItemFigures`, `ApplicationFigures`,
`CaseFigures`; only those modules, which import no tables), so a change of a source's shape
breaks these tests, and the services are stubbed only at the HTTP boundary (`Sources`, an httpx
transport the app's `ServiceClient` is given), where every request is recorded.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import httpx
from fastapi import FastAPI

from sunshine_applications.stats.schemas import (
    ApplicantCounts,
    ApplicationFigures,
    ApplicationRow,
    Fees,
    InquiryCounts,
    InquiryFigures,
    RemedyCounts,
    RemedyRow,
)
from sunshine_catalog.stats.schemas import DocumentFigures, ItemFigures, Timeliness
from sunshine_hall.stats.schemas import CaseFigures, LicensingDecisions, Satisfaction
from sunshine_hall.stats.schemas import Timeliness as HallTimeliness
from sunshine_kit.http import ServiceClient
from sunshine_reporting.annual.tables import THREE_LAYOUT

COLUMNS = ("natural_person", "business", "research", "public_welfare", "legal_service", "other")


def items_figures(
    unit_id: int,
    *,
    year: int = 2025,
    published: int = 120,
    regulations: tuple[int, int, int] = (1, 0, 5),
    normative: tuple[int, int, int] = (4, 1, 23),
) -> dict[str, Any]:
    """The catalog's `GET /stats/units/{unit}/items`."""
    return ItemFigures(
        unit_id=unit_id,
        unit_name="单位",
        year=year,
        include_subunits=False,
        published=published,
        by_month=[10] * 12,
        by_unit=[],
        by_column=[],
        by_document_type={},
        by_channel=[{"channel": "website", "count": published}],  # type: ignore[list-item]
        regulations=DocumentFigures(
            issued=regulations[0], repealed=regulations[1], valid=regulations[2]
        ),
        normative_documents=DocumentFigures(
            issued=normative[0], repealed=normative[1], valid=normative[2]
        ),
        timeliness=Timeliness(published=published, on_time=published, late=0, on_time_rate=1.0),
    ).model_dump(mode="json")


@dataclass
class Applications:
    """Applications as table 三 counts them: (column, arrived, result or None for carried
    forward); the rows are counted here, so the answer balances unless `tamper` says otherwise."""

    cases: list[tuple[str, str, str | None]] = field(default_factory=list)
    remedies: dict[str, dict[str, int]] = field(default_factory=dict)
    fee_fen: int = 0
    tamper: dict[tuple[str, str], int] = field(default_factory=dict)

    def add(self, column: str, arrived: str, result: str | None, times: int = 1) -> Applications:
        self.cases += [(column, arrived, result)] * times
        return self

    def cell(self, key: str, column: str) -> int:
        """The cell as counted from the cases (the test's own count)."""
        if column == "total":
            return sum(self.cell(key, c) for c in COLUMNS)
        if key in ("new", "carried_over"):
            return sum(1 for c, a, _ in self.cases if c == column and a == key)
        if key == "carried_forward":
            return sum(1 for c, _, r in self.cases if c == column and r is None)
        if key == "results_total":
            return sum(1 for c, _, r in self.cases if c == column and r is not None)
        return sum(1 for c, _, r in self.cases if c == column and r == key)

    def figures(self, unit_id: int, year: int = 2025) -> dict[str, Any]:
        """The applications service's `GET /stats/units/{unit}/applications`."""
        rows = []
        for key, _, label, _, group in THREE_LAYOUT:
            counts = {c: self.cell(key, c) for c in (*COLUMNS, "total")}
            for (row, column), value in self.tamper.items():
                if row == key:
                    counts[column] = value
            rows.append(
                ApplicationRow(key=key, label=label, group=group, counts=ApplicantCounts(**counts))
            )
        remedies = []
        for kind in ("reconsideration", "litigation", "litigation_after_reconsideration"):
            counts = dict(self.remedies.get(kind, {}))
            counts.setdefault("total", sum(v for k, v in counts.items() if k != "total"))
            remedies.append(RemedyRow(key=kind, label=kind, counts=RemedyCounts(**counts)))
        inquiry = InquiryCounts(
            received=7, answered=6, answered_on_time=6, rated=3, satisfied=3, satisfaction_rate=1.0
        )
        return ApplicationFigures(
            unit_id=unit_id,
            unit_name="单位",
            year=year,
            include_subunits=False,
            applications=rows,
            remedies=remedies,
            inquiries=[InquiryFigures(key="total", label="合计", counts=inquiry)],
            fees=Fees(fen=self.fee_fen, wan_yuan=Decimal(self.fee_fen) / 1_000_000),
        ).model_dump(mode="json")


def case_figures(
    *, year: int = 2025, licensing: int = 30, fees_fen: int = 1_234_500, accepted: int = 400
) -> dict[str, Any]:
    """The hall's `GET /stats/cases`."""
    return CaseFigures(
        year=year,
        unit_id=None,
        below=False,
        accepted=accepted,
        not_accepted=2,
        by_unit=[],
        by_item=[],
        by_category=[],
        by_month=[],
        licensing_decisions=LicensingDecisions(granted=licensing - 1, denied=1, total=licensing),
        timeliness=HallTimeliness(
            completed=390,
            on_time=390,
            early=200,
            on_the_spot=100,
            on_time_rate=1.0,
            early_rate=0.5128,
            on_the_spot_rate=0.2564,
        ),
        satisfaction=Satisfaction(rated=100, satisfied=99, rate=0.99),
        fees_fen=fees_fen,
    ).model_dump(mode="json")


def enforcement_stats(*units: tuple[int, int, int], year: int = 2025) -> dict[str, Any]:
    """The hall's `GET /enforcement/stats`: (unit, penalties, coercions) per unit (written out:
    the hall's enforcement schemas import its tables, which the reporting tests must not)."""
    return {
        "year": year,
        "units": [
            {"unit_id": u, "unit_name": f"单位{u}", "penalties": p, "coercions": c, "fines_fen": 0}
            for u, p, c in units
        ],
    }


def service_of(path: str) -> str:
    """Which service answers a path the annual report reads."""
    if path.endswith("/applications"):
        return "applications"
    if path.startswith("/stats/units/"):
        return "catalog"
    return "hall"


@dataclass
class Sources:
    """The three source services at the HTTP boundary: what each path answers, which services
    are down (`down`: connection refused) or failing (`failing`: HTTP 503)."""

    answers: dict[str, Any] = field(default_factory=dict)
    down: set[str] = field(default_factory=set)
    failing: set[str] = field(default_factory=set)
    requests: list[httpx.Request] = field(default_factory=list)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        service = service_of(request.url.path)
        if service in self.down:
            raise httpx.ConnectError("connection refused", request=request)
        if service in self.failing:
            return httpx.Response(503, json={"error": {"code": "down", "message": "维护中"}})
        body = self.answers.get(request.url.path)
        if body is None:
            return httpx.Response(404, json={"error": {"code": "not_found", "message": "无"}})
        return httpx.Response(
            200, content=json.dumps(body), headers={"content-type": "application/json"}
        )

    def params(self, path: str) -> dict[str, str]:
        """The query of the last request for `path`."""
        found = [r for r in self.requests if r.url.path == path]
        assert found, f"{path} was never asked"
        return dict(found[-1].url.params)

    @contextmanager
    def serving(self, app: FastAPI) -> Iterator[Sources]:
        kept: ServiceClient = app.state.services
        http = httpx.AsyncClient(transport=httpx.MockTransport(self._handle))
        app.state.services = ServiceClient(http, app.state.settings, app.state.tokens)
        try:
            yield self
        finally:
            app.state.services = kept


def standard_sources(unit_id: int, applications: Applications) -> Sources:
    return Sources(
        answers={
            f"/stats/units/{unit_id}/items": items_figures(unit_id),
            f"/stats/units/{unit_id}/applications": applications.figures(unit_id),
            "/stats/cases": case_figures(),
            "/enforcement/stats": enforcement_stats((unit_id, 12, 3)),
        }
    )
