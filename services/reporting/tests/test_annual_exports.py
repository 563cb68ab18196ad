"""The annual report's files, opened as their readers open them: the cells of each table in the
national format's places, the merged headers, the fonts, and a missing figure never a zero."""

from __future__ import annotations

from io import BytesIO
from urllib.parse import quote

import lxml.html
import pytest
from annual_export_builders import TITLE, annual_report
from docx import Document
from docx.oxml.ns import qn
from httpx import AsyncClient
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.testing import DISTRICT, STREET, add_test_district, auth
from sunshine_reporting.annual.exports.docx import docx_bytes
from sunshine_reporting.annual.exports.html import document_html, render_html
from sunshine_reporting.annual.exports.pdf import pdf_bytes
from sunshine_reporting.annual.exports.xlsx import xlsx_bytes
from sunshine_reporting.annual.models import AnnualReport
from sunshine_reporting.annual.schemas import (
    AnnualFigures,
    AnnualReportOut,
    ReportStatus,
    Source,
)


def word_grid(table: object) -> list[list[tuple[str, int, str | None]]]:
    """Each row of a Word table as its grid columns: (text, gridSpan, vMerge) of the cell that
    starts there; the columns a span covers repeat nothing."""
    rows = []
    for tr in table._tbl.tr_lst:  # type: ignore[attr-defined]
        cells = []
        for tc in tr.tc_lst:
            span = tc.tcPr.find(qn("w:gridSpan")) if tc.tcPr is not None else None
            merge = tc.tcPr.find(qn("w:vMerge")) if tc.tcPr is not None else None
            text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
            cells.append(
                (
                    text,
                    int(span.get(qn("w:val"))) if span is not None else 1,
                    None if merge is None else (merge.get(qn("w:val")) or "continue"),
                )
            )
        rows.append(cells)
    return rows


def at_column(row: list[tuple[str, int, str | None]], column: int) -> tuple[str, int, str | None]:
    """The cell of a Word row that starts at grid column `column`."""
    start = 0
    for cell in row:
        if start == column:
            return cell
        start += cell[1]
    raise AssertionError(f"no cell starts at column {column}: {row}")


def test_word_file_is_a4_with_the_title_headings_and_chinese_fonts() -> None:
    document = Document(BytesIO(docx_bytes(annual_report())))

    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == TITLE
    for heading in ("一、总体情况", "二、主动公开政府信息情况", "六、其他需要报告的事项"):
        assert heading in texts
    assert "全年主动公开政府信息13052条。" in texts
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "仿宋"
    heading = next(p for p in document.paragraphs if p.text == "五、存在的主要问题及改进情况")
    assert heading.runs[0].element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    # A finalised report carries no draft note.
    assert not any("草稿" in t for t in texts)


def test_word_table_three_has_the_formats_two_level_header_merged() -> None:
    document = Document(BytesIO(docx_bytes(annual_report())))
    grid = word_grid(document.tables[1])

    # Row 1: the balance note over three label columns and three header rows; 申请人情况
    # across the seven figure columns.
    note, span, merge = at_column(grid[0], 0)
    assert note.startswith("（本列数据的勾稽关系为") and (span, merge) == (3, "restart")
    assert at_column(grid[0], 3) == ("申请人情况", 7, None)
    # Row 2: 自然人 and 总计 run down two rows; 法人或其他组织 over its five columns.
    assert at_column(grid[1], 3) == ("自然人", 1, "restart")
    assert at_column(grid[1], 4) == ("法人或其他组织", 5, None)
    assert at_column(grid[1], 9) == ("总计", 1, "restart")
    assert at_column(grid[1], 0) == ("", 3, "continue")
    # Row 3: the five kinds of organisation; 自然人 and 总计 continue from above.
    assert [at_column(grid[2], c)[0] for c in range(4, 9)] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert at_column(grid[2], 3) == ("", 1, "continue")
    assert at_column(grid[2], 9) == ("", 1, "continue")


def row_named(
    table: list[list[tuple[str, int, str | None]]], name: str
) -> list[tuple[str, int, str | None]]:
    return next(row for row in table if any(cell[0] == name for cell in row))


def figures(row: list[tuple[str, int, str | None]]) -> list[str]:
    """The seven figures of a row of table 三 (its last seven cells)."""
    return [cell[0] for cell in row[-7:]]


def test_word_table_three_rows_and_figures_are_in_their_cells() -> None:
    document = Document(BytesIO(docx_bytes(annual_report())))
    table = word_grid(document.tables[1])

    new = table[3]
    assert new[0] == ("一、本年新收政府信息公开申请数量", 3, None)
    # 自然人 35, 商业企业 6, 科研机构 1, 社会公益组织 0, 法律服务机构 2, 其他 1, 总计 45
    assert figures(new) == ["35", "6", "1", "0", "2", "1", "45"]
    assert figures(row_named(table, "四、结转下年度继续办理")) == [
        "6",
        "2",
        "0",
        "0",
        "0",
        "0",
        "8",
    ]
    # 三、本年度办理结果 starts beside （一）予以公开 and runs down to （七）总计.
    first_result = table[5]
    assert at_column(first_result, 0) == ("三、本年度办理结果", 1, "restart")
    assert at_column(first_result, 1) == ("（一）予以公开", 2, None)
    assert figures(first_result) == ["20", "3", "1", "0", "1", "0", "25"]
    # （三）不予公开 runs down beside its eight sub-items; the fourth (保护第三方) has 2.
    withheld = table[7]
    assert at_column(withheld, 1) == ("（三）不予公开", 1, "restart")
    assert at_column(withheld, 2)[0] == "1.属于国家秘密"
    fourth = table[10]
    assert at_column(fourth, 0) == ("", 1, "continue")
    assert at_column(fourth, 1) == ("", 1, "continue")
    assert at_column(fourth, 2)[0] == "4.保护第三方合法权益"
    assert figures(fourth) == ["2", "0", "0", "0", "0", "0", "2"]
    total = row_named(table, "（七）总计")
    assert at_column(total, 0) == ("", 1, "continue")
    assert figures(total) == ["33", "5", "1", "0", "2", "1", "42"]


def test_word_tables_two_and_four_follow_the_format() -> None:
    document = Document(BytesIO(docx_bytes(annual_report())))
    two = word_grid(document.tables[0])
    assert two[0] == [("第二十条第（一）项", 4, None)]
    assert [c[0] for c in two[1]] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    assert [c[0] for c in two[3]] == ["行政规范性文件", "38", "5", "412"]
    licensing = next(r for r in two if r[0][0] == "行政许可")
    assert licensing[1] == ("27106", 3, None)
    charges = next(r for r in two if r[0][0] == "行政事业性收费")
    assert charges[1] == ("123.4568", 3, None)  # 123,456,789 fen in 万元, four places

    four = word_grid(document.tables[2])
    assert four[0] == [("行政复议", 5, None), ("行政诉讼", 10, None)]
    assert at_column(four[1], 0) == ("结果维持", 1, "restart")
    assert at_column(four[1], 5) == ("未经复议直接起诉", 5, None)
    assert at_column(four[1], 10) == ("复议后起诉", 5, None)
    assert at_column(four[2], 0) == ("", 1, "continue")
    assert [c[0] for c in four[2][5:]] == [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ] * 2
    # 行政复议 2 upheld, 1 corrected, 1 pending = 4; 未经复议 1 = 1; 复议后 1 other, 1 pending.
    assert [c[0] for c in four[3]] == [
        "2",
        "1",
        "0",
        "1",
        "4",
        "1",
        "0",
        "0",
        "0",
        "1",
        "0",
        "0",
        "1",
        "1",
        "2",
    ]


def test_a_draft_with_a_source_down_says_missing_never_zero() -> None:
    report = annual_report(status=ReportStatus.DRAFT, missing=(Source.APPLICATIONS,))
    document = Document(BytesIO(docx_bytes(report)))

    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("（草稿，数字读取于2027-01-20 10:30") for t in texts)
    assert any("applications未能读取" in t and "服务不可达" in t for t in texts)
    three = word_grid(document.tables[1])
    new = three[3]
    assert [c[0] for c in new[1:]] == ["缺失"] * 7
    # The other sources' figures are still there.
    assert word_grid(document.tables[0])[3][1][0] == "38"


# --- Excel ----------------------------------------------------------------------------------


def test_workbook_has_a_sheet_per_table_with_merged_headers_and_numbers() -> None:
    book = load_workbook(BytesIO(xlsx_bytes(annual_report())))

    assert book.sheetnames == ["报告", "二 主动公开", "三 依申请公开", "四 复议诉讼"]
    three = book["三 依申请公开"]
    merged = {str(r) for r in three.merged_cells.ranges}
    # The grid starts on row 2 (row 1 is the sheet's title): note A2:C4, 申请人情况 D2:J2,
    # 自然人 D3:D4, 法人或其他组织 E3:I3, 总计 J3:J4.
    assert {"A2:C4", "D2:J2", "D3:D4", "E3:I3", "J3:J4"} <= merged
    assert three["D2"].value == "申请人情况"
    assert three["E3"].value == "法人或其他组织"
    assert [three.cell(4, c).value for c in range(5, 10)] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert three["A5"].value == "一、本年新收政府信息公开申请数量"
    assert "A5:C5" in merged
    assert [three.cell(5, c).value for c in range(4, 11)] == [35, 6, 1, 0, 2, 1, 45]
    assert three["A7"].value == "三、本年度办理结果"
    assert three["B7"].value == "（一）予以公开"

    two = book["二 主动公开"]
    rows = {two.cell(r, 1).value: r for r in range(2, two.max_row + 1)}
    assert two.cell(rows["行政许可"], 2).value == 27106
    assert f"B{rows['行政许可']}:D{rows['行政许可']}" in {str(r) for r in two.merged_cells.ranges}
    charge = two.cell(rows["行政事业性收费"], 2)
    assert charge.value == pytest.approx(123.4568)
    assert charge.number_format == "0.0000"

    four = book["四 复议诉讼"]
    assert {"A2:E2", "F2:O2", "F3:J3", "K3:O3", "A3:A4"} <= {
        str(r) for r in four.merged_cells.ranges
    }
    assert [four.cell(5, c).value for c in range(1, 16)] == [
        2,
        1,
        0,
        1,
        4,
        1,
        0,
        0,
        0,
        1,
        0,
        0,
        1,
        1,
        2,
    ]


def test_workbook_of_a_draft_marks_missing_figures() -> None:
    report = annual_report(status=ReportStatus.DRAFT, missing=(Source.HALL,))
    book = load_workbook(BytesIO(xlsx_bytes(report)))

    two = book["二 主动公开"]
    rows = {two.cell(r, 1).value: r for r in range(2, two.max_row + 1)}
    assert two.cell(rows["行政许可"], 2).value == "缺失"
    assert two.cell(rows["行政事业性收费"], 2).value == "缺失"
    assert two.cell(rows["规章"], 2).value == 2
    about = {row[0].value: row[1].value for row in book["报告"].iter_rows()}
    assert about["状态"] == "草稿"


# --- PDF ------------------------------------------------------------------------------------


def test_pdf_has_the_title_and_figures_in_embedded_chinese_fonts() -> None:
    reader = PdfReader(BytesIO(pdf_bytes(annual_report())))

    text = "".join(page.extract_text() for page in reader.pages)
    assert TITLE in text.replace("\n", "")
    assert "三、收到和处理政府信息公开申请情况" in text
    assert "一、本年新收政府信息公开申请数量 35 6 1 0 2 1 45" in text
    assert "123.4568" in text
    assert 2 <= len(reader.pages) <= 5
    embedded = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None and any(
                    k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    embedded.add(str(descendant.get_object()["/BaseFont"]))
    assert any("Noto-Serif-CJK-SC" in name for name in embedded), embedded


# --- HTML -----------------------------------------------------------------------------------


def test_html_tables_have_the_formats_cells() -> None:
    page = lxml.html.fromstring(document_html(annual_report()))

    assert page.xpath("string(//h1)") == TITLE
    three = page.xpath("//table[@data-table='three']")[0]
    head = three.xpath(".//th[normalize-space()='申请人情况']")[0]
    assert head.get("colspan") == "7"
    assert three.xpath(".//th[normalize-space()='法人或其他组织']")[0].get("colspan") == "5"
    assert three.xpath(".//th[normalize-space()='自然人']")[0].get("rowspan") == "2"
    new = three.xpath(".//tr[td[normalize-space()='一、本年新收政府信息公开申请数量']]")[0]
    assert [td.text for td in new.xpath("td")][1:] == ["35", "6", "1", "0", "2", "1", "45"]
    results = three.xpath(".//td[normalize-space()='三、本年度办理结果']")[0]
    # （一）、（二）, 8 + 3 + 5 + 3 sub-items and （七）: 22 rows.
    assert results.get("rowspan") == "22"
    four = page.xpath("//table[@data-table='four']")[0]
    assert [td.text for td in four.xpath(".//tr[last()]/td")] == (
        ["2", "1", "0", "1", "4", "1", "0", "0", "0", "1", "0", "0", "1", "1", "2"]
    )
    assert page.xpath("string(//h2[last()])") == "六、其他需要报告的事项"


def test_html_escapes_what_the_office_typed() -> None:
    report = annual_report(problems='<script>alert("x")</script>\n<b>粗体</b>')
    body = render_html(report)

    assert "<script>" not in body and "<b>" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body
    page = lxml.html.fromstring(document_html(report))
    assert page.xpath("//script") == []
    assert "<b>粗体</b>" in [p.text for p in page.xpath("//p")]


# --- the downloads --------------------------------------------------------------------------


async def stored_report(session: AsyncSession, report: AnnualReportOut) -> int:
    """The report saved as the annual report keeps it: its figures, and a snapshot once
    finalised."""
    await add_test_district(session)
    figures = AnnualFigures(
        read_at=report.figures_read_at,
        tables=report.tables,
        fees=report.fees,
        overview=report.overview_figures,
        missing=report.missing,
    ).model_dump(mode="json")
    row = AnnualReport(
        unit_id=DISTRICT,
        year=report.year,
        scope=report.scope.value,
        status=report.status.value,
        overview=report.sections.overview,
        problems=report.sections.problems,
        other_matters=report.sections.other_matters,
        figures=figures,
        snapshot=figures if report.status != ReportStatus.DRAFT else None,
        created_by="office",
        updated_by="office",
    )
    session.add(row)
    await session.flush()
    return row.id


DOWNLOADS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
}


@pytest.mark.parametrize("extension", list(DOWNLOADS))
async def test_each_download_has_its_type_and_the_reports_chinese_name(
    client: AsyncClient, session: AsyncSession, extension: str
) -> None:
    report_id = await stored_report(session, annual_report())

    answer = await client.get(
        f"/annual/reports/{report_id}/export.{extension}", headers=auth("office", unit_id=DISTRICT)
    )

    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == DOWNLOADS[extension]
    disposition = answer.headers["content-disposition"]
    assert f'filename="annual-report-{DISTRICT}-2026.{extension}"' in disposition
    assert f"filename*=UTF-8''{quote(f'{TITLE}.{extension}')}" in disposition
    assert answer.headers["cache-control"] == "no-store"


async def test_word_download_holds_the_stored_figures(
    client: AsyncClient, session: AsyncSession
) -> None:
    report_id = await stored_report(session, annual_report())

    answer = await client.get(
        f"/annual/reports/{report_id}/export.docx", headers=auth("supervisor", unit_id=DISTRICT)
    )

    document = Document(BytesIO(answer.content))
    assert document.paragraphs[0].text == TITLE
    assert figures(word_grid(document.tables[1])[3]) == ["35", "6", "1", "0", "2", "1", "45"]


async def test_a_drafts_workbook_from_a_source_down_says_missing(
    client: AsyncClient, session: AsyncSession
) -> None:
    draft = annual_report(status=ReportStatus.DRAFT, missing=(Source.APPLICATIONS,))
    report_id = await stored_report(session, draft)

    answer = await client.get(
        f"/annual/reports/{report_id}/export.xlsx", headers=auth("office", unit_id=DISTRICT)
    )

    three = load_workbook(BytesIO(answer.content))["三 依申请公开"]
    assert [three.cell(5, c).value for c in range(4, 11)] == ["缺失"] * 7


async def test_a_street_may_not_download_the_districts_report(
    client: AsyncClient, session: AsyncSession
) -> None:
    report_id = await stored_report(session, annual_report())

    answer = await client.get(
        f"/annual/reports/{report_id}/export.pdf", headers=auth("office", unit_id=STREET)
    )

    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "unit_forbidden"
    missing = await client.get(
        "/annual/reports/999999/export.pdf", headers=auth("office", unit_id=DISTRICT)
    )
    assert missing.status_code == 404
