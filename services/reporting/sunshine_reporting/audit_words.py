"""How the reporting service's audit entries read (annual reports, bulletins): its words for
the kit's 审计日志 (`sunshine_kit.audit.words`), with the labels its pages use."""

from __future__ import annotations

from sunshine_kit.audit.words import AuditWords, Subject, codes
from sunshine_reporting.annual.schemas import SCOPE_LABELS
from sunshine_reporting.annual.schemas import STATUS_LABELS as REPORT_STATUS_LABELS
from sunshine_reporting.bulletin.schemas import STATUS_LABELS as BULLETIN_STATUS_LABELS

AUDIT_WORDS = AuditWords(
    subjects={
        "annual_report": Subject("年度报告", ("year",)),
        "bulletin": Subject("考评通报"),
        "bulletin_weights": Subject("考评权重"),
        "demo": Subject("演示数据"),
    },
    actions={
        "annual_report.created": "起草了",
        "annual_report.regenerated": "重新读取了数字",
        "annual_report.sections_edited": "修改了文字部分",
        "annual_report.finalised": "定稿了",
        "annual_report.reopened": "退回修改了",
        "annual_report.published": "发布了",
        "bulletin.drawn_up": "起草了",
        "bulletin.read_again": "重新读取了数字",
        "bulletin.issued": "印发了",
        "bulletin.published": "发布到公开目录",
        "bulletin_weights.set": "设置了",
        "demo.loaded": "载入了",
    },
    fields={
        "status": "状态",
        "year": "年度",
        "month": "月份",
        "scope": "范围",
        "key": "公开目录中的编号",
        "missing": "未能读取的来源",
        "column": "栏目",
        "overview": "总体情况",
        "problems": "存在的主要问题及改进情况",
        "other_matters": "其他需要报告的事项",
    },
    values={
        "status": {**codes(REPORT_STATUS_LABELS), **codes(BULLETIN_STATUS_LABELS)},
        "scope": codes(SCOPE_LABELS),
    },
)
