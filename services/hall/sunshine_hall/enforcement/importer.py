"""Importing decisions from a spreadsheet (XLSX or CSV, the template's columns).

All or nothing: every row is checked first (each field as the form checks it, the 文号 unique in
the file and in the unit's register, no date in the future) and the decisions are stored only
when no row has an error; otherwise every error is returned (row, column, reason) and nothing is
stored, so that the unit fixes the file and imports it again without hunting for the rows that
went in the first time.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl import Workbook, load_workbook
from pydantic import ValidationError

from sunshine_hall.enforcement.schemas import KIND_LABELS, PARTY_LABELS, DecisionIn, RowError

# The template's columns: header -> DecisionIn field.
COLUMNS: dict[str, str] = {
    "决定类别": "kind",
    "决定书文号": "document_number",
    "相对人类型": "party_type",
    "相对人名称或姓名": "party_name",
    "统一社会信用代码": "credit_code",
    "违法事实": "facts",
    "依据": "legal_basis",
    "处罚或强制内容": "content",
    "罚款金额（元）": "fine_fen",
    "决定日期": "decided_on",
}
HEADER_OF = {field: header for header, field in COLUMNS.items()}
KINDS = {label: kind for kind, label in KIND_LABELS.items()}
PARTIES = {label: party for party, label in PARTY_LABELS.items()}
MAX_ROWS = 5000
EXAMPLE = [
    "行政处罚",
    "锦教罚〔2026〕12号",
    "法人或其他组织",
    "锦华区阳光培训学校有限公司",
    "91510100MA6CXXXX1A",
    "未经审批擅自举办学科类校外培训",
    "《中华人民共和国民办教育促进法》第六十四条",
    "责令停止办学，罚款人民币伍万元",
    "50000.00",
    "2026-11-20",
]


class UnreadableFile(ValueError):
    """The upload is not a spreadsheet of the template's columns."""


def template() -> bytes:
    """The XLSX template: the header row and one example row to replace."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "行政执法决定"
    sheet.append(list(COLUMNS))
    sheet.append(EXAMPLE)
    for column in "ABCDEFGHIJ":
        sheet.column_dimensions[column].width = 22
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_rows(filename: str, data: bytes) -> list[list[Any]]:
    """The rows of the upload, header first."""
    if filename.lower().endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                raise UnreadableFile("CSV文件须为UTF-8或GB18030编码") from None
        return [list(row) for row in csv.reader(io.StringIO(text))]
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise UnreadableFile("无法读取该文件，请使用下载的XLSX模板或CSV文件") from None
    sheet = book.worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _fen(text: str) -> int:
    if not text:
        return 0
    try:
        amount = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise ValueError("金额须为数字，单位元") from None
    if amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise ValueError("金额须为非负数，最多两位小数")
    return int(amount * 100)


def _reason(problem: Any) -> str:
    """Pydantic's complaint about a cell, in the words of the people who fill the sheet."""
    kind, context = problem["type"], problem.get("ctx") or {}
    if kind == "missing" or (kind == "string_too_short" and not problem.get("input")):
        return "必填"
    if kind == "string_too_short":
        return f"至少{context.get('min_length')}个字"
    if kind == "string_too_long":
        return f"最多{context.get('max_length')}个字"
    if kind.startswith("date"):
        return "日期格式应为YYYY-MM-DD"
    return str(problem["msg"]).removeprefix("Value error, ")


def parse(rows: list[list[Any]]) -> tuple[list[tuple[int, DecisionIn]], list[RowError]]:
    """Each data row as a decision (with its row number), or its errors."""
    if not rows:
        raise UnreadableFile("文件为空")
    header = [_text(cell) for cell in rows[0]]
    missing = [h for h in COLUMNS if h not in header]
    if missing:
        raise UnreadableFile("缺少列：" + "、".join(missing) + "（请使用下载的模板）")
    if len(rows) - 1 > MAX_ROWS:
        raise UnreadableFile(f"一次最多导入{MAX_ROWS}行")
    index = {h: header.index(h) for h in COLUMNS}
    decisions: list[tuple[int, DecisionIn]] = []
    errors: list[RowError] = []
    for number, row in enumerate(rows[1:], start=2):
        cells = {h: _text(row[i]) if i < len(row) else "" for h, i in index.items()}
        if not any(cells.values()):
            continue
        row_errors: list[RowError] = []
        values: dict[str, Any] = {}
        for header_name, field in COLUMNS.items():
            text = cells[header_name]
            if field == "kind":
                values[field] = KINDS.get(text, text)
                if text not in KINDS:
                    row_errors.append(
                        RowError(
                            row=number, column=header_name, reason="应为“行政处罚”或“行政强制”"
                        )
                    )
            elif field == "party_type":
                values[field] = PARTIES.get(text, text)
                if text not in PARTIES:
                    row_errors.append(
                        RowError(
                            row=number, column=header_name, reason="应为“法人或其他组织”或“自然人”"
                        )
                    )
            elif field == "fine_fen":
                try:
                    values[field] = _fen(text)
                except ValueError as exc:
                    row_errors.append(RowError(row=number, column=header_name, reason=str(exc)))
            else:
                values[field] = text
        if row_errors:
            errors += row_errors
            continue
        try:
            decisions.append((number, DecisionIn.model_validate(values)))
        except ValidationError as exc:
            for problem in exc.errors():
                field = str(problem["loc"][0]) if problem["loc"] else ""
                reason = _reason(problem)
                errors.append(
                    RowError(row=number, column=HEADER_OF.get(field, field), reason=reason)
                )
    return decisions, errors
