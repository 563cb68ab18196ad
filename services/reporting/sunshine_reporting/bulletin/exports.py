"""The bulletin's files: Excel (the table and the score details), Word (a filed 通报) and HTML
(what is published into the catalogue). All three draw the same header and rows from
`HEADER` and `cells`, so they cannot disagree on a figure; a figure that could not be read is
written 缺失, never 0.
"""

from __future__ import annotations

from html import escape
from io import BytesIO

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from sunshine_kit.calendar.days import BEIJING
from sunshine_reporting.bulletin.schemas import BulletinOut, BulletinRow

MISSING = "缺失"

# (group, column) of each figure column; a group spans its columns in the two-row header, a
# column without a group spans both rows.
HEADER: list[tuple[str | None, str]] = [
    (None, "名次"),
    (None, "单位"),
    ("主动公开", "发布信息"),
    ("主动公开", "超期发布"),
    ("主动公开", "超期未发布"),
    ("主动公开", "按时发布率"),
    ("政策解读", "政策文件"),
    ("政策解读", "未按时解读"),
    ("依申请公开", "临近期限"),
    ("依申请公开", "逾期未答复"),
    ("政务服务", "按时办结率"),
    ("政务服务", "满意率"),
    (None, "得分"),
]


def _count(value: int | None) -> str:
    return MISSING if value is None else str(value)


def _percent(value: float | None, present: bool) -> str:
    if not present:
        return MISSING
    return "—" if value is None else f"{value * 100:.2f}%"


def cells(row: BulletinRow) -> list[str]:
    """One unit's line of the table, as text."""
    f = row.figures
    return [
        "—" if row.rank is None else str(row.rank),
        row.unit_name,
        _count(f.published),
        _count(f.late),
        _count(f.overdue_unpublished),
        _percent(row.on_time_rate, f.published is not None),
        _count(f.policy_documents),
        _count(f.interpretations_late),
        _count(f.applications_due_soon),
        _count(f.applications_overdue),
        _percent(row.hall_on_time_rate, f.hall_completed is not None),
        _percent(row.hall_satisfaction_rate, f.hall_rated is not None),
        MISSING if row.score is None else f"{row.score:.2f}",
    ]


def header_spans() -> list[tuple[str, int, int]]:
    """The first header row: (text, first column, columns spanned); ungrouped columns span two
    rows and are repeated nowhere in the second."""
    spans: list[tuple[str, int, int]] = []
    for index, (group, column) in enumerate(HEADER):
        text = group or column
        if spans and group is not None and spans[-1][0] == group:
            _, start, width = spans[-1]
            spans[-1] = (group, start, width + 1)
        else:
            spans.append((text, index, 1))
    return spans


def notes(bulletin: BulletinOut) -> list[str]:
    w = bulletin.weights
    lines = [
        f"评分办法（满分100分）：按时发布{w.timeliness}分，发布数量{w.volume}分，"
        f"政策解读{w.interpretation}分（每件未按时解读扣{w.interpretation_deduction}分），"
        f"依申请公开办理{w.applications}分（每件逾期扣{w.overdue_deduction}分，"
        f"每件临近期限扣{w.due_soon_deduction}分），按时办结{w.hall_on_time}分，"
        f"办事满意{w.satisfaction}分。",
        f"数字读取时间：{bulletin.figures_read_at.astimezone(BEIJING):%Y-%m-%d %H:%M}。",
    ]
    for gap in bulletin.missing_sources:
        lines.append(f"{gap.source_label}暂不可用，{('、'.join(gap.figures))}缺失：{gap.reason}")
    return lines


def xlsx(bulletin: BulletinOut) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = "考评通报"
    width = len(HEADER)
    sheet.cell(row=1, column=1, value=bulletin.title).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for text, start, span in header_spans():
        sheet.cell(row=2, column=start + 1, value=text)
        if HEADER[start][0] is None:
            sheet.merge_cells(start_row=2, start_column=start + 1, end_row=3, end_column=start + 1)
        else:
            sheet.merge_cells(
                start_row=2, start_column=start + 1, end_row=2, end_column=start + span
            )
            for offset in range(span):
                sheet.cell(row=3, column=start + offset + 1, value=HEADER[start + offset][1])
    for number, row in enumerate(bulletin.rows, start=4):
        for column, text in enumerate(cells(row), start=1):
            sheet.cell(row=number, column=column, value=_number(text))
    for line in sheet.iter_rows(min_row=2, max_row=3 + len(bulletin.rows)):
        for cell in line:
            cell.border = border
            cell.alignment = centre
    sheet.column_dimensions["B"].width = 24
    after = 5 + len(bulletin.rows)
    for offset, note in enumerate(notes(bulletin)):
        sheet.cell(row=after + offset, column=1, value=note)
    details = book.create_sheet("得分明细")
    parts = bulletin.rows[0].parts if bulletin.rows else []
    details.append(["单位", *(f"{p.label}（{p.full}分）" for p in parts), "总分", "名次"])
    for row in bulletin.rows:
        details.append(
            [
                row.unit_name,
                *(MISSING if p.score is None else p.score for p in row.parts),
                MISSING if row.score is None else row.score,
                "—" if row.rank is None else row.rank,
            ]
        )
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _number(text: str) -> str | int | float:
    """Counts and scores as numbers in Excel (they can be summed); the rest as text."""
    if text.isdigit():
        return int(text)
    try:
        return float(text) if "." in text and not text.endswith("%") else text
    except ValueError:
        return text


def docx(bulletin: BulletinOut) -> bytes:
    document = Document()
    section = document.sections[0]
    # Landscape A4: thirteen columns.
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(25)
    section.left_margin = section.right_margin = Mm(20)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋")
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(bulletin.title)
    run.bold = True
    run.font.size = Pt(18)
    document.add_paragraph(
        f"现将{bulletin.year}年{bulletin.month}月各单位政务公开工作考评情况通报如下。"
    ).paragraph_format.first_line_indent = Pt(24)
    table = document.add_table(rows=2 + len(bulletin.rows), cols=len(HEADER))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for text, start, span in header_spans():
        if HEADER[start][0] is None:
            merged = table.cell(0, start).merge(table.cell(1, start))
            merged.text = text
        else:
            merged = table.cell(0, start).merge(table.cell(0, start + span - 1))
            merged.text = text
            for offset in range(span):
                table.cell(1, start + offset).text = HEADER[start + offset][1]
    for number, row in enumerate(bulletin.rows, start=2):
        for column, text in enumerate(cells(row)):
            table.cell(number, column).text = text
    for line in table.rows:
        for cell in line.cells:
            for paragraph in cell.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                for each in paragraph.runs:
                    each.font.size = Pt(9)
    for note in notes(bulletin):
        document.add_paragraph(note).runs[0].font.size = Pt(10)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def html(bulletin: BulletinOut) -> str:
    """The bulletin as the catalogue publishes it: a title, the table with its merged header,
    the notes (the catalog cleans the HTML it receives)."""
    top = []
    for text, start, span in header_spans():
        if HEADER[start][0] is None:
            top.append(f'<th rowspan="2">{escape(text)}</th>')
        else:
            top.append(f'<th colspan="{span}">{escape(text)}</th>')
    second = "".join(f"<th>{escape(column)}</th>" for group, column in HEADER if group)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(text)}</td>" for text in cells(row)) + "</tr>"
        for row in bulletin.rows
    )
    paragraphs = "".join(f"<p>{escape(n)}</p>" for n in notes(bulletin))
    return (
        f"<h1>{escape(bulletin.title)}</h1>"
        f"<p>现将{bulletin.year}年{bulletin.month}月各单位政务公开工作考评情况通报如下。</p>"
        f'<table border="1"><thead><tr>{"".join(top)}</tr><tr>{second}</tr></thead>'
        f"<tbody>{body}</tbody></table>{paragraphs}"
    )
