"""The annual report against the real platform: source data made through the services' own APIs
(catalog documents, applications answered and open, a 行政许可 decided at a window, penalties
and a coercion registered), counted here the test's own way and compared with the report's
tables cell by cell; then finalised, published through the outbox and found in the catalogue's
年度报告 column. And a source service stopped: its figures are missing, never zero, and the
report cannot be finalised."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from stack import Stack
from support import eventually
from test_applications_flow import APPROVE
from test_platform import unit_by_name

Login = Callable[[str], dict[str, str]]
TODAY = datetime.now(ZoneInfo("Asia/Shanghai")).date()
YEAR = TODAY.year
REPORTS = "/api/reporting/annual"


def _known_everywhere(gateway: httpx.Client, unit_id: int) -> None:
    for service in ("catalog", "applications", "hall", "reporting"):
        assert eventually(
            lambda s=service: gateway.get(f"/api/{s}/org/units/{unit_id}").status_code == 200, 60
        )


def _column_id(gateway: httpx.Client, unit_id: int, code: str) -> int:
    def find(nodes: list[dict[str, Any]]) -> int | None:
        for node in nodes:
            if node["code"] == code:
                return int(node["id"])
            found = find(node.get("children", []))
            if found is not None:
                return found
        return None

    found = find(gateway.get(f"/api/catalog/units/{unit_id}/columns").json())
    assert found is not None, code
    return found


def _publish_document(
    gateway: httpx.Client, login: Login, unit_id: int, document_type: str, formed_on: date
) -> None:
    """A 规章 or 行政规范性文件 written, reviewed and published in the catalogue today."""
    publisher = login("publisher")
    made = gateway.post(
        "/api/catalog/items",
        json={
            "unit_id": unit_id,
            "column_id": _column_id(gateway, unit_id, "A20-11"),
            "title": f"关于规范校外培训机构管理的通知（{uuid.uuid4().hex[:8]}）",
            "document_number": f"锦教规〔{formed_on.year}〕{uuid.uuid4().int % 1000}号",
            "document_type": document_type,
            "formed_on": formed_on.isoformat(),
        },
        headers=publisher,
    )
    assert made.status_code == 201, made.text
    item_id = made.json()["id"]
    assert (
        gateway.post(f"/api/catalog/items/{item_id}/submit", headers=publisher).status_code == 200
    )
    reviewed = gateway.post(
        f"/api/catalog/items/{item_id}/review", json=APPROVE, headers=login("reviewer")
    )
    assert reviewed.status_code == 200, reviewed.text


# (applicant column, organisation kind, outcome or None, its sub-item, replied)
APPLICATIONS: list[tuple[str, str | None, str | None, int | None, bool]] = [
    ("natural_person", None, "disclosed", None, True),
    ("natural_person", None, None, None, False),  # open at the year's end: carried forward
    ("business", "business", "not_processed", 1, True),
    ("legal_service", "legal_service", "unavailable", 1, True),
    ("research", "research", "disclosed", None, False),  # decided, not yet replied: still open
]


def _application(
    gateway: httpx.Client, handler: dict[str, str], unit_id: int, column: str, kind: str | None
) -> int:
    stamp = uuid.uuid4().hex[:8]
    person = column == "natural_person"
    body = {
        "unit_id": unit_id,
        "applicant_type": "natural_person" if person else "legal_person",
        "organisation_kind": kind,
        "organisation_name": "" if person else f"锦华测试机构{stamp}",
        "applicant_name": "王测试",
        "id_type": "护照" if person else "统一社会信用代码",
        "id_number": f"E{stamp}" if person else "31510000MD0123456X",
        "phone": "028-86001234",
        "email": "wang.test@example.cn",
        "description": f"锦华区{YEAR}年学区划分方案（{stamp}）",
        "form": "electronic",
        "channel": "in_person",
        "submitted_on": TODAY.isoformat(),
    }
    made = gateway.post("/api/applications/applications/registered", json=body, headers=handler)
    assert made.status_code == 201, made.text
    inbox = gateway.get(
        "/api/applications/applications", params={"size": 100}, headers=handler
    ).json()
    return int(
        next(
            r["id"]
            for r in inbox["items"]
            if r["tracking_number"] == made.json()["tracking_number"]
        )
    )


def _cells(report: dict[str, Any]) -> dict[tuple[str, str, str], Any]:
    """Every cell of tables 二, 三 and 四: (table, row, column) -> value."""
    cells: dict[tuple[str, str, str], Any] = {}
    two = report["tables"]["two"]
    for key in ("regulations", "normative_documents"):
        for column in ("issued", "repealed", "valid"):
            cells[("two", key, column)] = two[key][column]
    for key in ("licensing", "penalties", "coercions"):
        cells[("two", key, "decisions")] = two[key]["decisions"]
    cells[("two", "charges", "amount_fen")] = two["charges"]["amount_fen"]
    for row in report["tables"]["three"]["rows"]:
        for column, value in row["cells"].items():
            cells[("three", row["key"], column)] = value
    for block in ("reconsideration", "litigation", "litigation_after_reconsideration"):
        for column, value in report["tables"]["four"][block].items():
            cells[("four", block, column)] = value
    return cells


def test_the_annual_report_equals_the_test_s_own_count_and_is_published(
    gateway: httpx.Client, login: Login
) -> None:
    office = login("office")
    bureau = unit_by_name(gateway, "锦华区教育局")["id"]
    _known_everywhere(gateway, bureau)
    created = gateway.post(f"{REPORTS}/units/{bureau}/reports", json={"year": YEAR}, headers=office)
    assert created.status_code == 201, created.text
    report = created.json()
    assert report["missing"] == [], report["missing"]
    before = _cells(report)

    # What the test adds, and its own count of what that changes (table, row, column) -> +n.
    added: Counter[tuple[str, str, str]] = Counter()

    # 二: documents by 成文日期 — two issued this year; one formed last year and published only
    # now counts as valid but not as issued this year.
    _publish_document(gateway, login, bureau, "normative", TODAY)
    _publish_document(gateway, login, bureau, "normative", TODAY.replace(day=1))
    _publish_document(gateway, login, bureau, "regulation", date(YEAR - 1, 12, 20))
    added[("two", "normative_documents", "issued")] += 2
    added[("two", "normative_documents", "valid")] += 2
    added[("two", "regulations", "valid")] += 1

    # 二: a 行政许可 decided at a window, two penalties and a coercion registered.
    clerk = login("clerk")
    assert eventually(lambda: bool(gateway.get("/api/hall/windows/mine", headers=clerk).json()), 60)
    window = gateway.get("/api/hall/windows/mine", headers=clerk).json()[0]
    found = gateway.get("/api/hall/guide/items", params={"q": "民办学校设立审批"}).json()
    item = next(i for i in found["items"] if i["name"] == "民办学校设立审批")
    assert item["unit_id"] == bureau
    case = gateway.post(
        "/api/hall/cases",
        json={
            "window_id": window["id"],
            "item_id": item["id"],
            "applicant_type": "legal_person",
            "applicant_name": "锦华区年报测试学校有限公司",
            "applicant_id_number": "91510199MA6CXXXX7K",
        },
        headers=clerk,
    ).json()
    for step, body in (("accept", None), ("decide", {"decision": "granted"})):
        answer = gateway.post(f"/api/hall/cases/{case['id']}/{step}", json=body, headers=clerk)
        assert answer.status_code == 200, answer.text
    added[("two", "licensing", "decisions")] += 1
    publisher = login("publisher")
    for kind in ("penalty", "penalty", "coercion"):
        registered = gateway.post(
            "/api/hall/enforcement/decisions",
            json={
                "kind": kind,
                "document_number": f"锦教{'罚' if kind == 'penalty' else '强'}〔{YEAR}〕"
                f"{uuid.uuid4().int % 100000}号",
                "party_type": "legal_person",
                "party_name": "锦华区阳光培训学校有限公司",
                "credit_code": "91510100MA6CXXXX1A",
                "facts": "未经审批擅自举办学科类校外培训",
                "legal_basis": "《中华人民共和国民办教育促进法》第六十四条",
                "content": "责令停止办学" if kind == "coercion" else "罚款人民币壹万元",
                "fine_fen": 0 if kind == "coercion" else 1_000_000,
                "decided_on": TODAY.isoformat(),
            },
            headers=publisher,
        )
        assert registered.status_code == 201, registered.text
        added[("two", "penalties" if kind == "penalty" else "coercions", "decisions")] += 1

    # 三 and 四: five applications received today; three answered, two still open.
    handler = login("edu_handler")
    replied_id = None
    for column, kind, outcome, reason, replied in APPLICATIONS:
        app_id = _application(gateway, handler, bureau, column, kind)
        added[("three", "new", column)] += 1
        if outcome is not None:
            decided = gateway.post(
                f"/api/applications/applications/{app_id}/decision",
                json={"outcome": outcome, "outcome_reason": reason},
                headers=handler,
            )
            assert decided.status_code == 200, decided.text
        if replied:
            answer = gateway.post(
                f"/api/applications/applications/{app_id}/reply",
                json={"replied_on": TODAY.isoformat()},
                headers=handler,
            )
            assert answer.status_code == 200, answer.text
            row = outcome if reason is None else f"{outcome}_{reason}"
            added[("three", row, column)] += 1
            added[("three", "results_total", column)] += 1
            replied_id = app_id
        else:
            added[("three", "carried_forward", column)] += 1
    remedy = gateway.post(
        f"/api/applications/applications/{replied_id}/remedies",
        json={"kind": "reconsideration", "filed_on": TODAY.isoformat()},
        headers=handler,
    )
    assert remedy.status_code == 201, remedy.text
    added[("four", "reconsideration", "pending")] += 1
    added[("four", "reconsideration", "total")] += 1
    for (table, row, column), n in list(added.items()):
        if table == "three" and column != "total":
            added[(table, row, "total")] += n

    regenerated = gateway.post(f"{REPORTS}/reports/{report['id']}/regenerate", headers=office)
    assert regenerated.status_code == 200, regenerated.text
    after = _cells(regenerated.json())
    expected = {cell: value + added[cell] for cell, value in before.items()}
    assert {c: v for c, v in after.items() if v != expected[c]} == {}
    assert regenerated.json()["problems"] == [] and regenerated.json()["missing"] == []

    final = gateway.post(f"{REPORTS}/reports/{report['id']}/finalise", headers=office)
    assert final.status_code == 200, final.text
    assert _cells(final.json()) == after
    published = gateway.post(f"{REPORTS}/reports/{report['id']}/publish", headers=office)
    assert published.status_code == 200, published.text
    title = published.json()["title"]
    assert title == f"锦华区教育局{YEAR}年政府信息公开工作年度报告"
    column = _column_id(gateway, bureau, "X-ANNUAL-REPORT")

    def in_the_column() -> bool:
        page = gateway.get(
            f"/api/catalog/units/{bureau}/items", params={"column_id": column, "size": 100}
        ).json()
        return any(i["title"] == title for i in page["items"])

    assert eventually(in_the_column, 60)
    status = gateway.get(f"{REPORTS}/status", params={"year": YEAR}, headers=office).json()
    mine = next(u for u in status["units"] if u["unit_id"] == bureau)
    assert (mine["status"], mine["late"]) == ("published", False)


def test_a_source_down_leaves_figures_missing_and_the_report_unfinalisable(
    stack: Stack, gateway: httpx.Client, login: Login
) -> None:
    office = login("office")
    street = unit_by_name(gateway, "东湖街道")["id"]
    _known_everywhere(gateway, street)
    stack.stop("applications")
    try:
        created = gateway.post(
            f"{REPORTS}/units/{street}/reports", json={"year": YEAR}, headers=office
        )
        assert created.status_code == 201, created.text
        report = created.json()
        assert [m["source"] for m in report["missing"]] == ["applications"]
        rows = report["tables"]["three"]["rows"]
        assert all(v is None for r in rows for v in r["cells"].values())
        assert report["tables"]["four"]["reconsideration"]["total"] is None
        assert report["fees"]["fen"] is None
        assert report["tables"]["two"]["licensing"]["decisions"] is not None
        refused = gateway.post(f"{REPORTS}/reports/{report['id']}/finalise", headers=office)
        assert refused.status_code == 409
        assert refused.json()["error"]["code"] == "annual_report_figures_missing"
    finally:
        stack.start("applications")
    again = gateway.post(f"{REPORTS}/reports/{report['id']}/regenerate", headers=office).json()
    assert again["missing"] == []
    assert again["tables"]["three"]["rows"][0]["cells"]["total"] is not None
