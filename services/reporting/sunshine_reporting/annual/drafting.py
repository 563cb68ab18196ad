"""Section 一 (总体情况) pre-drafted from the year's figures, in the words annual reports use;
the office edits it freely, and an edited section is never re-drafted over its words."""

from __future__ import annotations

from sunshine_reporting.annual.schemas import AnnualFigures, ReportScope

# The catalog's channel codes, as the report names them.
CHANNEL_NAMES = {
    "website": "政府网站",
    "weibo": "政务微博",
    "wechat": "政务微信",
    "new_media": "政务新媒体",
    "notice_board": "公开栏",
    "reading_point": "查阅点",
    "press_conference": "新闻发布会",
    "broadcast": "报刊、广播、电视",
}
GAP = "【数字暂缺：{}未能读取】"


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.2f}%"


def draft_overview(unit_name: str, year: int, scope: ReportScope, figures: AnnualFigures) -> str:
    """一、总体情况: four paragraphs quoting the figures (a gap where a source was not read)."""
    who = f"{unit_name}（含下属单位）" if scope is ReportScope.REGION else unit_name
    o = figures.overview
    two = figures.tables.two
    totals = {r.key: r.cells.total for r in figures.tables.three.rows}
    paragraphs = [
        f"{year}年，{who}深入贯彻落实《中华人民共和国政府信息公开条例》，坚持“以公开为常态、"
        "不公开为例外”，扎实做好主动公开、依申请公开、政府信息管理和平台建设等工作。"
        "现将本年度政府信息公开工作情况报告如下。"
    ]
    if o.items_published is None or two.regulations.issued is None:
        paragraphs.append("（一）主动公开。" + GAP.format("公开目录服务"))
    else:
        channels = "、".join(
            f"{CHANNEL_NAMES.get(code, code)}{count}条"
            for code, count in (o.items_by_channel or {}).items()
        )
        paragraphs.append(
            f"（一）主动公开。全年主动公开政府信息{o.items_published}条，"
            f"按时发布率{_percent(o.items_on_time_rate)}"
            + (f"，其中通过{channels}发布" if channels else "")
            + f"；制发规章{two.regulations.issued}件、行政规范性文件"
            f"{two.normative_documents.issued}件，现行有效规章{two.regulations.valid}件、"
            f"行政规范性文件{two.normative_documents.valid}件。"
        )
    if totals.get("new") is None or o.consultations_received is None:
        paragraphs.append("（二）依申请公开。" + GAP.format("依申请公开服务"))
    else:
        paragraphs.append(
            f"（二）依申请公开。全年新收政府信息公开申请{totals['new']}件，上年结转"
            f"{totals['carried_over']}件，本年办结{totals['results_total']}件，其中予以公开"
            f"{totals['disclosed']}件、部分公开{totals['partly_disclosed']}件，结转下年度继续办理"
            f"{totals['carried_forward']}件。收到咨询和留言{o.consultations_received}件，"
            f"答复{o.consultations_answered}件。"
        )
    if o.hall_cases_accepted is None:
        paragraphs.append("（三）政务服务。" + GAP.format("政务服务大厅"))
    else:
        paragraphs.append(
            f"（三）政务服务。政务服务大厅全年受理办件{o.hall_cases_accepted}件，按时办结率"
            f"{_percent(o.hall_on_time_rate)}，好评率{_percent(o.hall_satisfaction_rate)}；"
            f"作出行政许可决定{two.licensing.decisions}件。"
        )
    paragraphs.append(
        "（四）政府信息管理与平台建设。严格执行政府信息公开保密审查和发布审核制度，"
        "规范维护政府信息公开目录，及时更新政府信息公开指南。"
    )
    return "\n".join(paragraphs)
