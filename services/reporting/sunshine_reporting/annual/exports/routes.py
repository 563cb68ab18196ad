"""Downloads of an annual report: Word, PDF, Excel and HTML, for whoever may read it.

A draft's file says it is a draft and which figures are missing; a finalised or published
report's file shows its snapshot. The file is named after the report's title (RFC 5987), with
an ASCII name for older clients.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from fastapi import APIRouter, Response
from starlette.concurrency import run_in_threadpool

from sunshine_kit.auth import CurrentPrincipal, require
from sunshine_kit.downloads import attachment_disposition
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.roles import Can
from sunshine_reporting.annual import service
from sunshine_reporting.annual.deps import ReportInReach
from sunshine_reporting.annual.exports import docx, html, pdf, xlsx
from sunshine_reporting.annual.exports.text import filename
from sunshine_reporting.annual.schemas import AnnualReportOut

router = APIRouter(prefix="/annual", tags=["annual"], responses=ERROR_RESPONSES)
READ = [require(Can.READ_REPORTS)]


class ExportFormat(StrEnum):
    DOCX = "docx"
    PDF = "pdf"
    XLSX = "xlsx"
    HTML = "html"


MEDIA_TYPES = {
    ExportFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ExportFormat.PDF: "application/pdf",
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ExportFormat.HTML: "text/html; charset=utf-8",
}


def _html_bytes(report: AnnualReportOut) -> bytes:
    return html.document_html(report).encode()


RENDER: dict[ExportFormat, Callable[[AnnualReportOut], bytes]] = {
    ExportFormat.DOCX: docx.docx_bytes,
    ExportFormat.PDF: pdf.pdf_bytes,
    ExportFormat.XLSX: xlsx.xlsx_bytes,
    ExportFormat.HTML: _html_bytes,
}


def _file_response(format: ExportFormat) -> dict[int | str, dict[str, object]]:
    """The OpenAPI description of a download: a body of the format's type."""
    body = {"schema": {"type": "string", "format": "binary"}}
    if format == ExportFormat.HTML:
        body = {"schema": {"type": "string"}}
    media_type = MEDIA_TYPES[format].split(";")[0]
    return {200: {"content": {media_type: body}, "description": "年度报告文件"}}


async def _export(
    found: ReportInReach, principal: CurrentPrincipal, format: ExportFormat
) -> Response:
    report = service.out(found.report, found.unit, principal)
    # Laying out a Word file or a PDF takes a CPU for a moment: keep it off the event loop.
    data = await run_in_threadpool(RENDER[format], report)
    name, ascii_name = filename(report, format.value)
    return Response(
        data,
        media_type=MEDIA_TYPES[format],
        headers={
            "Content-Disposition": attachment_disposition(name, ascii_name=ascii_name),
            "Cache-Control": "no-store",
        },
    )


@router.get(
    "/reports/{report_id}/export.docx",
    response_class=Response,
    responses=_file_response(ExportFormat.DOCX),
    dependencies=READ,
)
async def export_docx(found: ReportInReach, principal: CurrentPrincipal) -> Response:
    """The report as a Word file laid out like a filed report (tables as the national format)."""
    return await _export(found, principal, ExportFormat.DOCX)


@router.get(
    "/reports/{report_id}/export.pdf",
    response_class=Response,
    responses=_file_response(ExportFormat.PDF),
    dependencies=READ,
)
async def export_pdf(found: ReportInReach, principal: CurrentPrincipal) -> Response:
    """The report as a PDF (A4, Chinese fonts embedded)."""
    return await _export(found, principal, ExportFormat.PDF)


@router.get(
    "/reports/{report_id}/export.xlsx",
    response_class=Response,
    responses=_file_response(ExportFormat.XLSX),
    dependencies=READ,
)
async def export_xlsx(found: ReportInReach, principal: CurrentPrincipal) -> Response:
    """Tables 二, 三 and 四 as a workbook, one sheet each, figures as numbers."""
    return await _export(found, principal, ExportFormat.XLSX)


@router.get(
    "/reports/{report_id}/export.html",
    response_class=Response,
    responses=_file_response(ExportFormat.HTML),
    dependencies=READ,
)
async def export_html(found: ReportInReach, principal: CurrentPrincipal) -> Response:
    """The report as a web page (as published into the catalogue's 年度报告 column)."""
    return await _export(found, principal, ExportFormat.HTML)
