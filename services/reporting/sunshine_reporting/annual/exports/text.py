"""What every export of the report says in words: the six headings, the office's text as
paragraphs, the note on a draft and on missing figures, and the file's name."""

from __future__ import annotations

from sunshine_kit.calendar.days import BEIJING
from sunshine_reporting.annual.schemas import AnnualReportOut, ReportStatus

# (key, heading) in the format's order; two, three and four are tables.
SECTION_HEADINGS = (
    ("one", "一、总体情况"),
    ("two", "二、主动公开政府信息情况"),
    ("three", "三、收到和处理政府信息公开申请情况"),
    ("four", "四、政府信息公开行政复议、行政诉讼情况"),
    ("five", "五、存在的主要问题及改进情况"),
    ("six", "六、其他需要报告的事项"),
)


def paragraphs(text: str) -> list[str]:
    """The office's text, one paragraph per non-empty line (the indent is the layout's)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def draft_note(report: AnnualReportOut) -> str | None:
    """A draft says so, with the moment its figures were read; a finalised report does not."""
    if report.status != ReportStatus.DRAFT:
        return None
    read = report.figures_read_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")
    return f"（草稿，数字读取于{read}，定稿前可能变化）"


def missing_notes(report: AnnualReportOut) -> list[str]:
    """One line per source that could not be read: which figures are missing and why."""
    return [
        f"（缺失：{m.source_label}未能读取，{'、'.join(m.figures)}暂缺；原因：{m.reason}）"
        for m in report.missing
    ]


def filename(report: AnnualReportOut, extension: str) -> tuple[str, str]:
    """The download's name (its title) and an ASCII one for clients without RFC 5987."""
    ascii_name = f"annual-report-{report.unit_id}-{report.year}.{extension}"
    return f"{report.title}.{extension}", ascii_name
