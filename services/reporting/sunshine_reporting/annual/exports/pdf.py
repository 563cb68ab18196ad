"""The annual report as a PDF, laid out by WeasyPrint from the same page as the HTML export.

Fonts as for the reply letters (`sunshine_applications.letters.render`): Debian's
fonts-noto-cjk, the serif face standing in for 仿宋 and 小标宋, the sans for 黑体; WeasyPrint
embeds the subset of glyphs the report uses.
"""

from __future__ import annotations

from weasyprint import HTML  # type: ignore[import-untyped]

from sunshine_reporting.annual.exports.html import document_html
from sunshine_reporting.annual.schemas import AnnualReportOut


def pdf_bytes(report: AnnualReportOut) -> bytes:
    pdf: bytes = HTML(string=document_html(report)).write_pdf()
    return pdf
