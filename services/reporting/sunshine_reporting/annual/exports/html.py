"""The annual report as HTML: `render_html` is the body of the page published into the
catalogue's 年度报告 column; `document_html` the whole page, styled for print, which the PDF is
laid out from and the HTML download is.

The office's sections are plain text: every character is escaped and each line becomes a
paragraph, so nothing typed into a section can become markup on the public portal.
"""

from __future__ import annotations

from html import escape

from sunshine_reporting.annual.exports.grid import Grid, grids
from sunshine_reporting.annual.exports.text import (
    SECTION_HEADINGS,
    draft_note,
    missing_notes,
    paragraphs,
)
from sunshine_reporting.annual.schemas import AnnualReportOut

# Debian's fonts-noto-cjk: the serif face stands in for 仿宋 and 小标宋, the sans for 黑体.
SERIF = '"Noto Serif CJK SC", "Noto Sans CJK SC", serif'
SANS = '"Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif'


def _table(grid: Grid) -> str:
    lines = [f'<table class="annual-table" data-table="{grid.key}">', "<colgroup>"]
    total = sum(grid.widths)
    lines += [f'<col style="width: {100 * w / total:.1f}%">' for w in grid.widths]
    lines.append("</colgroup>")
    by_row: dict[int, list[str]] = {}
    for cell in sorted(grid.cells, key=lambda c: (c.row, c.col)):
        tag = "th" if cell.header else "td"
        spans = ""
        if cell.rowspan > 1:
            spans += f' rowspan="{cell.rowspan}"'
        if cell.colspan > 1:
            spans += f' colspan="{cell.colspan}"'
        # `align` rather than a class alone: the catalogue keeps it when it cleans the page.
        css = ' class="label" align="left"' if cell.label else ' align="center"'
        by_row.setdefault(cell.row, []).append(f"<{tag}{spans}{css}>{escape(cell.text)}</{tag}>")
    if grid.header_rows:
        lines.append("<thead>")
    for row in range(grid.rows):
        if grid.header_rows and row == grid.header_rows:
            lines.append("</thead>")
            lines.append("<tbody>")
        elif row == 0 and not grid.header_rows:
            lines.append("<tbody>")
        lines.append("<tr>" + "".join(by_row.get(row, [])) + "</tr>")
    lines.append("</tbody>")
    lines.append("</table>")
    return "\n".join(lines)


def render_html(report: AnnualReportOut) -> str:
    """The report's body as safe HTML: sections 一 to 六 and the tables with their merged
    headers (the page's title is the catalogue item's own, or `document_html`'s)."""
    two, three, four = grids(report.tables)
    tables = {"two": two, "three": three, "four": four}
    parts = ['<div class="annual-report">']
    note = draft_note(report)
    if note:
        parts.append(f'<p class="draft-note">{escape(note)}</p>')
    for line in missing_notes(report):
        parts.append(f'<p class="missing-note">{escape(line)}</p>')
    texts = {
        "one": report.sections.overview,
        "five": report.sections.problems,
        "six": report.sections.other_matters,
    }
    for key, heading in SECTION_HEADINGS:
        parts.append(f"<h2>{escape(heading)}</h2>")
        if key in tables:
            parts.append(_table(tables[key]))
        else:
            parts.extend(f"<p>{escape(text)}</p>" for text in paragraphs(texts[key]))
    parts.append("</div>")
    return "\n".join(parts)


STYLE = f"""
@page {{ size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center {{ content: "— " counter(page) " —"; font-family: {SERIF}; font-size: 14pt; }} }}
body {{ font-family: {SERIF}; font-size: 16pt; line-height: 28.95pt; color: #000; }}
h1 {{ font-size: 22pt; line-height: 40pt; font-weight: bold; text-align: center;
  margin: 0 0 28.95pt; }}
h2 {{ font-family: {SANS}; font-size: 16pt; font-weight: normal; margin: 0; }}
p {{ margin: 0; text-indent: 2em; text-align: justify; }}
p.draft-note, p.missing-note {{ text-indent: 0; font-size: 12pt; line-height: 20pt; }}
table.annual-table {{ border-collapse: collapse; width: 100%; margin: 8pt 0 16pt;
  font-size: 9pt; line-height: 13pt; page-break-inside: auto; }}
table.annual-table th, table.annual-table td {{ border: 0.5pt solid #000; padding: 2pt 3pt;
  text-align: center; vertical-align: middle; font-weight: normal; }}
table.annual-table td.label {{ text-align: left; }}
table.annual-table tr {{ page-break-inside: avoid; }}
"""


def document_html(report: AnnualReportOut) -> str:
    """A whole HTML page of the report, laid out for A4 (the PDF and the HTML download)."""
    return f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{escape(report.title)}</title>
<style>{STYLE}</style>
</head>
<body>
<h1>{escape(report.title)}</h1>
{render_html(report)}
</body>
</html>
"""
