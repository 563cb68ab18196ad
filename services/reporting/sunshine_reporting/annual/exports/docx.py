"""The annual report as a Word file laid out like a filed report.

A4 with the GB/T 9704 margins the reply letters use (37/35/28/26 mm); the title in 小标宋 二号,
the six headings in 黑体 三号, the text in 仿宋 三号 with a two-character indent; the tables in
仿宋 小五 (table 四 has fifteen figure columns), their header cells merged as the national
format draws them (Word's gridSpan across, vMerge down). Chinese text takes the w:eastAsia
font, Latin letters and digits Times New Roman.
"""

from __future__ import annotations

from io import BytesIO

from docx.document import Document as DocumentObject
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from sunshine_kit.documents import (
    BODY_SIZE,
    LINE,
    TEXT_WIDTH_MM,
    TITLE_FONT,
    TITLE_SIZE,
    fonts,
    official_document,
)
from sunshine_reporting.annual.exports.grid import Grid, grids
from sunshine_reporting.annual.exports.text import (
    SECTION_HEADINGS,
    draft_note,
    missing_notes,
    paragraphs,
)
from sunshine_reporting.annual.schemas import AnnualReportOut

HEADING_FONT = "黑体"
TABLE_SIZE = Pt(9)  # 小五
NOTE_SIZE = Pt(12)  # 小四


def _text(document: DocumentObject, text: str, *, size: Pt | None = None) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    run = paragraph.add_run(text)
    if size is not None:
        run.font.size = size
        paragraph.paragraph_format.line_spacing = Pt(size.pt * 1.5)
        return
    paragraph.paragraph_format.first_line_indent = 2 * BODY_SIZE
    # Word counts the indent in characters when this is set, whatever the font size.
    paragraph.paragraph_format.element.get_or_add_pPr().get_or_add_ind().set(
        qn("w:firstLineChars"), "200"
    )


def _heading(document: DocumentObject, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.first_line_indent = 2 * BODY_SIZE
    run = paragraph.add_run(text)
    fonts(run.element.get_or_add_rPr(), HEADING_FONT)


def _table(document: DocumentObject, grid: Grid) -> None:
    table = document.add_table(rows=grid.rows, cols=grid.cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    unit = TEXT_WIDTH_MM / sum(grid.widths)
    widths = [Mm(w * unit) for w in grid.widths]
    # Word reads each cell's width, LibreOffice the grid's: both are set.
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    for number in range(grid.header_rows):
        # The header rows repeat at the top of each page the table runs onto.
        trpr = table.rows[number]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        trpr.append(repeat)
    for spec in grid.cells:
        cell = table.cell(spec.row, spec.col)
        if spec.rowspan > 1 or spec.colspan > 1:
            cell = cell.merge(table.cell(spec.row + spec.rowspan - 1, spec.col + spec.colspan - 1))
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if spec.label else WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.line_spacing = Pt(13)
        run = paragraph.add_run(spec.text)
        run.font.size = TABLE_SIZE


def docx_bytes(report: AnnualReportOut) -> bytes:
    document = official_document()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing = Pt(40)
    title.paragraph_format.space_after = LINE
    run = title.add_run(report.title)
    run.font.size = TITLE_SIZE
    fonts(run.element.get_or_add_rPr(), TITLE_FONT)
    note = draft_note(report)
    for line in ([note] if note else []) + missing_notes(report):
        _text(document, line, size=NOTE_SIZE)
    two, three, four = grids(report.tables)
    tables = {"two": two, "three": three, "four": four}
    texts = {
        "one": report.sections.overview,
        "five": report.sections.problems,
        "six": report.sections.other_matters,
    }
    for key, heading in SECTION_HEADINGS:
        _heading(document, heading)
        if key in tables:
            _table(document, tables[key])
            # A table ends flush with the next heading otherwise.
            document.add_paragraph().paragraph_format.line_spacing = Pt(12)
        else:
            for text in paragraphs(texts[key]):
                _text(document, text)
    out = BytesIO()
    document.save(out)
    return out.getvalue()
