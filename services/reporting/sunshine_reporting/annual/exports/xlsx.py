"""The annual report's tables as a workbook: one sheet per table with the format's merged
headers, figures as numbers (a missing figure is the text 缺失, never 0), and a first sheet
saying which report, which status, and which figures are missing."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sunshine_kit.calendar.days import BEIJING
from sunshine_reporting.annual.exports.grid import Grid, grids
from sunshine_reporting.annual.exports.text import draft_note, missing_notes
from sunshine_reporting.annual.schemas import AnnualReportOut

FONT = "仿宋"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
# Excel's column width is in characters: the widest label column takes about 24.
CHARS_PER_WIDTH = 6.5


def _sheet(sheet: Worksheet, title: str, grid: Grid) -> None:
    sheet.cell(1, 1, f"{title} — {grid.heading}").font = Font(name=FONT, bold=True, size=12)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=grid.cols)
    top = 2  # the grid's row 0 is the sheet's row 2
    for spec in grid.cells:
        row, col = top + spec.row, 1 + spec.col
        value: int | Decimal | str = (
            spec.value if spec.figure and spec.value is not None else spec.text
        )
        cell = sheet.cell(row, col, value)
        cell.font = Font(name=FONT, size=10, bold=spec.header)
        cell.alignment = Alignment(
            horizontal="left" if spec.label else "center", vertical="center", wrap_text=True
        )
        if isinstance(spec.value, Decimal):
            cell.number_format = "0.0000"  # 万元, four places
        if spec.rowspan > 1 or spec.colspan > 1:
            sheet.merge_cells(
                start_row=row,
                start_column=col,
                end_row=row + spec.rowspan - 1,
                end_column=col + spec.colspan - 1,
            )
    for row in range(top, top + grid.rows):
        for col in range(1, grid.cols + 1):
            sheet.cell(row, col).border = BOX
    for col, width in enumerate(grid.widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width * CHARS_PER_WIDTH
    sheet.freeze_panes = f"A{top + grid.header_rows}"


def xlsx_bytes(report: AnnualReportOut) -> bytes:
    book = Workbook()
    about = book.active
    assert about is not None
    about.title = "报告"
    read = report.figures_read_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")
    lines: list[tuple[str, int | Decimal | str]] = [
        ("报告", report.title),
        ("单位", report.unit_name),
        ("年度", report.year),
        ("范围", report.scope_label),
        ("状态", report.status_label),
        ("数字读取时间", read),
        (
            "信息处理费（万元）",
            report.fees.wan_yuan if report.fees.wan_yuan is not None else "缺失",
        ),
    ]
    note = draft_note(report)
    lines += [("说明", text) for text in ([note] if note else []) + missing_notes(report)]
    for number, (name, value) in enumerate(lines, start=1):
        about.cell(number, 1, name).font = Font(name=FONT, bold=True)
        about.cell(number, 2, value).font = Font(name=FONT)
    about.column_dimensions["A"].width = 20
    about.column_dimensions["B"].width = 80
    for grid in grids(report.tables):
        _sheet(book.create_sheet(grid.sheet), report.title, grid)
    out = BytesIO()
    book.save(out)
    return out.getvalue()
