"""The register of 行政处罚 and 行政强制 decisions: entered, imported, published, counted."""

from __future__ import annotations

import io
from datetime import date

from hall_builders import OFFICE, add_test_district
from httpx import AsyncClient
from openpyxl import Workbook, load_workbook
from ratings_builders import a_decision
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_hall.enforcement.importer import COLUMNS, EXAMPLE
from sunshine_hall.enforcement.models import EnforcementDecision
from sunshine_kit.calendar.days import today
from sunshine_kit.outbox.models import OutboxMessage
from sunshine_kit.testing import BUREAU, OTHER_STREET, auth

PUBLISHER = auth("publisher", unit_id=BUREAU, username="zhouting")
CLERK = auth("window_clerk", unit_id=BUREAU, username="clerk")


async def _outbox(session: AsyncSession) -> list[OutboxMessage]:
    return list((await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))).all())


async def test_a_penalty_is_registered_and_sent_to_double_publicity(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    added = await client.post("/enforcement/decisions", json=a_decision(), headers=PUBLISHER)
    assert added.status_code == 201, added.text
    decision = added.json()
    assert decision["unit_name"] == "锦华区教育局"
    assert decision["kind_label"] == "行政处罚"
    assert decision["fine_fen"] == 5_000_000
    # Decided Friday 20 November: 23-27 (5), 30 Nov (6), Tuesday 1 December (7).
    assert decision["publicity_due_on"] == "2026-12-01"
    (message,) = await _outbox(session)
    assert message.destination == "catalog"
    assert message.path == "/intake/items"
    assert message.key == f"hall-double-publicity-enforcement-{decision['id']}"
    assert message.payload["column_code"] == "X-DOUBLE-PUBLICITY-02"
    assert message.payload["unit_id"] == BUREAU
    assert message.payload["formed_on"] == "2026-11-20"
    assert message.payload["document_number"] == decision["document_number"]
    assert "91510100MA6CXXXX1A" in message.payload["body_html"]
    assert "50000.00元" in message.payload["body_html"]


async def test_a_natural_persons_name_is_masked_and_a_coercion_is_not_published(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    person = a_decision(party_type="natural_person", party_name="张小明", credit_code="")
    added = await client.post("/enforcement/decisions", json=person, headers=PUBLISHER)
    assert added.json()["party_name"] == "张**"
    (message,) = await _outbox(session)
    assert "张小明" not in message.payload["body_html"]
    assert "张**" in message.payload["title"]

    coercion = a_decision(kind="coercion", fine_fen=0, content="查封违规办学场所")
    assert (
        await client.post("/enforcement/decisions", json=coercion, headers=PUBLISHER)
    ).status_code == 201
    assert len(await _outbox(session)) == 1
    listed = (await client.get("/enforcement/decisions", headers=PUBLISHER)).json()
    assert [row["kind"] for row in listed["items"]] == ["coercion", "penalty"]
    assert listed["items"][0]["publicity_due_on"] is None


async def test_bad_decisions_are_refused_naming_the_field(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    no_code = await client.post(
        "/enforcement/decisions", json=a_decision(credit_code=""), headers=PUBLISHER
    )
    assert no_code.status_code == 422
    assert no_code.json()["error"]["fields"][0]["field"] == "body.credit_code"
    fined_coercion = await client.post(
        "/enforcement/decisions", json=a_decision(kind="coercion"), headers=PUBLISHER
    )
    assert fined_coercion.json()["error"]["fields"][0]["field"] == "body.fine_fen"
    future = await client.post(
        "/enforcement/decisions",
        json=a_decision(decided_on=date(today().year + 1, 1, 4).isoformat()),
        headers=PUBLISHER,
    )
    assert future.json()["error"]["code"] == "decided_in_future"

    first = a_decision(document_number="锦教罚〔2026〕1号")
    assert (
        await client.post("/enforcement/decisions", json=first, headers=PUBLISHER)
    ).status_code == 201
    twice = await client.post("/enforcement/decisions", json=first, headers=PUBLISHER)
    assert twice.status_code == 409
    assert twice.json()["error"]["code"] == "duplicate_document_number"

    elsewhere = await client.post(
        "/enforcement/decisions", json=a_decision(unit_id=OTHER_STREET), headers=PUBLISHER
    )
    assert elsewhere.status_code == 403
    clerk = await client.post("/enforcement/decisions", json=a_decision(), headers=CLERK)
    assert clerk.status_code == 403


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def test_the_template_downloads_with_the_columns_of_the_import(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    answer = await client.get("/enforcement/template", headers=PUBLISHER)
    assert answer.status_code == 200
    sheet = load_workbook(io.BytesIO(answer.content)).worksheets[0]
    rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == list(COLUMNS)
    assert rows[1] == EXAMPLE


async def test_an_import_with_a_bad_row_stores_nothing_and_names_each_error(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    good = list(EXAMPLE)
    person = [
        "行政处罚",
        "锦教罚〔2026〕13号",
        "自然人",
        "李四",
        "",
        "无证从事校外培训",
        "《校外培训行政处罚暂行办法》第十二条",
        "警告",
        "",
        "2026-11-21",
    ]
    bad = [
        "行政拘留",
        "锦教罚〔2026〕12号",
        "法人或其他组织",
        "某公司",
        "123",
        "事实",
        "依据",
        "内容",
        "-5",
        "2026/11/31",
    ]
    upload = {"file": ("decisions.xlsx", _xlsx([good, person, bad]), "application/octet-stream")}
    report = await client.post("/enforcement/imports", files=upload, headers=PUBLISHER)
    assert report.status_code == 200, report.text
    assert report.json()["imported"] == 0
    errors = {(e["row"], e["column"]): e["reason"] for e in report.json()["errors"]}
    assert errors[(4, "决定类别")] == "应为“行政处罚”或“行政强制”"
    assert errors[(4, "罚款金额（元）")] == "金额须为非负数，最多两位小数"
    assert all(row == 4 for row, _ in errors)
    assert await session.scalar(select(func.count()).select_from(EnforcementDecision)) == 0

    # Fixed: the same 文号 twice in the file, and a date that does not exist, are named too.
    fixed = ["行政强制", "锦教罚〔2026〕12号", "法人或其他组织", "某公司", "91510100MA6CXXXX2B"]
    fixed += ["擅自改变办学场所用途", "依据", "查封场所", "", "2026-11-31"]
    upload = {"file": ("decisions.xlsx", _xlsx([good, person, fixed]), "application/octet-stream")}
    report = await client.post("/enforcement/imports", files=upload, headers=PUBLISHER)
    errors = {(e["row"], e["column"]): e["reason"] for e in report.json()["errors"]}
    assert errors == {(4, "决定日期"): "日期格式应为YYYY-MM-DD"}

    fixed[-1] = "2026-11-30"
    fixed[1] = "锦教强〔2026〕1号"
    upload = {"file": ("decisions.xlsx", _xlsx([good, person, fixed]), "application/octet-stream")}
    report = await client.post("/enforcement/imports", files=upload, headers=PUBLISHER)
    assert report.json() == {"imported": 3, "errors": []}
    assert len(await _outbox(session)) == 2  # the two penalties

    again = await client.post("/enforcement/imports", files=upload, headers=PUBLISHER)
    assert {e["reason"] for e in again.json()["errors"]} == {"本单位已登记该文号"}


async def test_a_csv_in_gb18030_imports_and_a_file_without_the_columns_is_refused(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    text = ",".join(COLUMNS) + "\n" + ",".join(EXAMPLE) + "\n"
    upload = {"file": ("decisions.csv", text.encode("gb18030"), "text/csv")}
    report = await client.post("/enforcement/imports", files=upload, headers=PUBLISHER)
    assert report.json() == {"imported": 1, "errors": []}
    wrong = {"file": ("other.csv", b"a,b\n1,2\n", "text/csv")}
    refused = await client.post("/enforcement/imports", files=wrong, headers=PUBLISHER)
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "unreadable_file"
    assert refused.json()["error"]["fields"][0]["field"] == "file"


async def test_stats_count_each_units_decisions_of_the_year(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    for body in (
        a_decision(),
        a_decision(fine_fen=20_000),
        a_decision(kind="coercion", fine_fen=0),
        a_decision(decided_on="2025-12-30"),
    ):
        assert (
            await client.post("/enforcement/decisions", json=body, headers=PUBLISHER)
        ).status_code == 201
    stats = (await client.get("/enforcement/stats?year=2026", headers=OFFICE)).json()
    assert stats == {
        "year": 2026,
        "units": [
            {
                "unit_id": BUREAU,
                "unit_name": "锦华区教育局",
                "penalties": 2,
                "coercions": 1,
                "fines_fen": 5_020_000,
            }
        ],
    }
    service = auth("service", unit_id=None, username="reporting")
    assert (await client.get("/enforcement/stats?year=2025", headers=service)).json()["units"][0][
        "penalties"
    ] == 1
