"""Tables 二, 三 and 四 as grids of cells with their merges, exactly as the national format
(国办公开办函〔2021〕30号) draws them; the Word, Excel and HTML files all draw from these grids,
so the three cannot disagree on a cell.

A cell covers `rowspan` × `colspan` positions from its top-left corner (`row`, `col`); the
positions it covers are not listed again. A figure that could not be read is `None` and is
written as 缺失, never as 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from sunshine_reporting.annual.schemas import (
    AnnualTables,
    ApplicantCells,
    ColumnHead,
    RemedyCells,
    TableFour,
    TableThree,
    TableThreeRow,
    TableTwo,
)

MISSING = "缺失"
RESULTS = "三、本年度办理结果"
BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
REMEDY_HEADS = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
APPLICANT_HEADS = (
    ColumnHead(key="natural_person", label="自然人", group=None),
    ColumnHead(key="business", label="商业企业", group="法人或其他组织"),
    ColumnHead(key="research", label="科研机构", group="法人或其他组织"),
    ColumnHead(key="public_welfare", label="社会公益组织", group="法人或其他组织"),
    ColumnHead(key="legal_service", label="法律服务机构", group="法人或其他组织"),
    ColumnHead(key="other", label="其他", group="法人或其他组织"),
    ColumnHead(key="total", label="总计", group=None),
)

Figure = int | Decimal | None


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    # A figure cell: its number (None when its source was missing); the text is its display.
    figure: bool = False
    value: Figure = None
    # Left-aligned label (row names); headers and figures are centred.
    label: bool = False


@dataclass(frozen=True)
class Grid:
    """One table of the report: its heading in the document, its size and its cells."""

    key: str
    heading: str
    sheet: str
    rows: int
    cols: int
    cells: tuple[Cell, ...]
    # Relative widths of the columns (the Word file and the spreadsheet use them).
    widths: tuple[float, ...]
    header_rows: int


def show(value: Figure) -> str:
    return MISSING if value is None else str(value)


def _figure(row: int, col: int, value: Figure, colspan: int = 1) -> Cell:
    return Cell(row, col, show(value), colspan=colspan, figure=True, value=value)


def _head(row: int, col: int, text: str, rowspan: int = 1, colspan: int = 1) -> Cell:
    return Cell(row, col, text, rowspan=rowspan, colspan=colspan, header=True)


def table_two(two: TableTwo) -> Grid:
    """Four blocks under the articles of the Regulations they publish, each with its own
    heading row: 第二十条第（一）项 has three figures a row, the others one, spread over the
    three figure columns."""
    cells: list[Cell] = []
    row = 0

    def block(article: str, heads: list[str]) -> None:
        nonlocal row
        cells.append(_head(row, 0, article, colspan=4))
        cells.append(_head(row + 1, 0, "信息内容"))
        if len(heads) == 3:
            cells.extend(_head(row + 1, 1 + n, text) for n, text in enumerate(heads))
        else:
            cells.append(_head(row + 1, 1, heads[0], colspan=3))
        row += 2

    block("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"])
    for document in (two.regulations, two.normative_documents):
        cells.append(Cell(row, 0, document.label, label=True))
        for n, value in enumerate((document.issued, document.repealed, document.valid)):
            cells.append(_figure(row, 1 + n, value))
        row += 1
    for article, decisions in (
        ("第二十条第（五）项", (two.licensing,)),
        ("第二十条第（六）项", (two.penalties, two.coercions)),
    ):
        block(article, ["本年处理决定数量"])
        for decision in decisions:
            cells.append(Cell(row, 0, decision.label, label=True))
            cells.append(_figure(row, 1, decision.decisions, colspan=3))
            row += 1
    block("第二十条第（八）项", ["本年收费金额（单位：万元）"])
    cells.append(Cell(row, 0, two.charges.label, label=True))
    cells.append(_figure(row, 1, two.charges.amount_wan_yuan, colspan=3))
    row += 1
    return Grid(
        key="two",
        heading="二、主动公开政府信息情况",
        sheet="二 主动公开",
        rows=row,
        cols=4,
        cells=tuple(cells),
        widths=(2.2, 1.0, 1.0, 1.0),
        header_rows=0,
    )


def row_text(row: TableThreeRow) -> str:
    """The row's name as the format prints it, numbered: 一、… / （三）不予公开 / 1.属于国家秘密."""
    label = row.label
    if row.level == 0:
        number = row.code
        return label if label.startswith(f"{number}、") else f"{number}、{label}"
    if row.level == 1:
        number = row.code[row.code.find("（") :] if "（" in row.code else row.code
        return label if label.startswith("（") else f"{number}{label}"
    digits = re.search(r"(\d+)$", row.code)
    if digits is None or label[:1].isdigit():
        return label
    return f"{digits.group(1)}.{label}"


def table_three(three: TableThree) -> Grid:
    """Ten columns: three for the row names (一 / （一） / 1.) and seven figures. 三、本年度办理结果
    runs down the first column beside its results; a result with sub-items runs down the
    second beside them."""
    heads = three.columns or list(APPLICANT_HEADS)
    first = 3
    cells: list[Cell] = [
        _head(0, 0, BALANCE_NOTE, rowspan=3, colspan=first),
        _head(0, first, "申请人情况", colspan=len(heads)),
    ]
    col = first
    while col - first < len(heads):
        head = heads[col - first]
        if head.group is None:
            cells.append(_head(1, col, head.label, rowspan=2))
            col += 1
            continue
        span = 1
        while col - first + span < len(heads) and heads[col - first + span].group == head.group:
            span += 1
        cells.append(_head(1, col, head.group, colspan=span))
        cells.extend(_head(2, col + n, heads[col - first + n].label) for n in range(span))
        col += span

    def figures(at: int, values: ApplicantCells) -> None:
        for n, head in enumerate(heads):
            cells.append(_figure(at, first + n, getattr(values, head.key)))

    # 三 itself carries no figures: a level-0 row coded 三 only names the results below it.
    rows = [r for r in three.rows if not (r.level == 0 and r.code == "三")]
    results_label = next(
        (row_text(r) for r in three.rows if r.level == 0 and r.code == "三"), RESULTS
    )
    at = 3
    index = 0
    while index < len(rows):
        row = rows[index]
        if row.level == 0:
            cells.append(Cell(at, 0, row_text(row), colspan=first, label=True))
            figures(at, row.cells)
            at += 1
            index += 1
            continue
        # A run of result rows (levels 1 and 2) under 三.
        end = index
        while end < len(rows) and rows[end].level > 0:
            end += 1
        cells.append(Cell(at, 0, results_label, rowspan=end - index, label=True))
        while index < end:
            row = rows[index]
            if row.level == 1:
                subs = index + 1
                while subs < end and rows[subs].level == 2 and rows[subs].group == row.label:
                    subs += 1
                if subs == index + 1:
                    cells.append(Cell(at, 1, row_text(row), colspan=2, label=True))
                    figures(at, row.cells)
                    at += 1
                    index += 1
                    continue
                # A result that has its own row above its sub-items: its name runs down
                # beside them and its own figures (their sum) are not repeated.
                index += 1
            group = rows[index].group or ""
            run = index
            while run < end and rows[run].level == 2 and rows[run].group == rows[index].group:
                run += 1
            cells.append(Cell(at, 1, group, rowspan=run - index, label=True))
            for sub in rows[index:run]:
                cells.append(Cell(at, 2, row_text(sub), label=True))
                figures(at, sub.cells)
                at += 1
            index = run
    return Grid(
        key="three",
        heading="三、收到和处理政府信息公开申请情况",
        sheet="三 依申请公开",
        rows=at,
        cols=first + len(heads),
        cells=tuple(cells),
        widths=(0.7, 1.3, 3.6, *(1.0,) * len(heads)),
        header_rows=3,
    )


def table_four(four: TableFour) -> Grid:
    """Fifteen figure columns: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉), five each."""
    heads = [(h.key, h.label) for h in four.columns] or list(REMEDY_HEADS)
    width = len(heads)
    cells: list[Cell] = [
        _head(0, 0, "行政复议", colspan=width),
        _head(0, width, "行政诉讼", colspan=2 * width),
    ]
    cells.extend(_head(1, n, label, rowspan=2) for n, (_, label) in enumerate(heads))
    cells.append(_head(1, width, "未经复议直接起诉", colspan=width))
    cells.append(_head(1, 2 * width, "复议后起诉", colspan=width))
    for block in (1, 2):
        cells.extend(_head(2, block * width + n, label) for n, (_, label) in enumerate(heads))
    for block, remedy in enumerate(
        (four.reconsideration, four.litigation, four.litigation_after_reconsideration)
    ):
        cells.extend(_remedy_figures(3, block * width, remedy, heads))
    return Grid(
        key="four",
        heading="四、政府信息公开行政复议、行政诉讼情况",
        sheet="四 复议诉讼",
        rows=4,
        cols=3 * width,
        cells=tuple(cells),
        widths=(1.0,) * (3 * width),
        header_rows=3,
    )


def _remedy_figures(
    row: int, col: int, remedy: RemedyCells, heads: list[tuple[str, str]]
) -> list[Cell]:
    return [_figure(row, col + n, getattr(remedy, key)) for n, (key, _) in enumerate(heads)]


def grids(tables: AnnualTables) -> tuple[Grid, Grid, Grid]:
    return table_two(tables.two), table_three(tables.three), table_four(tables.four)
