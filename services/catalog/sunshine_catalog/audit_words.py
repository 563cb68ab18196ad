"""How the catalog's audit entries read: its words for the kit's 审计日志
(`sunshine_kit.audit.words`), from the labels its vocabulary serves (one place for both)."""

from __future__ import annotations

from sunshine_catalog.actions import ACTION_LABELS
from sunshine_catalog.items.models import (
    DISCLOSURE_LABELS,
    DOCUMENT_TYPE_LABELS,
    STATUS_LABELS,
    VALIDITY_LABELS,
)
from sunshine_catalog.items.schemas import CHANNEL_LABELS
from sunshine_catalog.proposals.models import PROPOSAL_STATUS_LABELS
from sunshine_kit.audit.words import AuditWords, Subject, codes
from sunshine_kit.units.models import UNIT_TYPE_LABELS

AUDIT_WORDS = AuditWords(
    subjects={
        "item": Subject("信息", ("title",), quoted=True),
        "column": Subject("栏目", ("name",)),
        "unit_column": Subject("单位栏目设置"),
        "proposal": Subject("转主动公开建议"),
        "demo": Subject("演示数据"),
    },
    actions=codes(ACTION_LABELS),
    fields={
        "title": "标题",
        "body_html": "正文",
        "document_number": "发文字号",
        "issuing_unit": "发布机构",
        "formed_on": "生成日期",
        "changed_on": "变更日期",
        "published_at": "发布时间",
        "topic": "主题分类",
        "keywords": "关键词",
        "disclosure_attribute": "公开属性",
        "non_disclosure_reason": "不予公开理由",
        "validity": "效力",
        "validity_changed_on": "效力变更日期",
        "replaced_by_id": "替代文件（编号）",
        "document_type": "文件类型",
        "channels": "公开渠道",
        "interprets_id": "所解读的政策文件（编号）",
        "status": "状态",
        "due_on": "发布期限",
        "due_provisional": "期限暂定",
        "archive_on": "归档日期",
        "author": "撰写人",
        "reviewer": "审查人",
        "review_note": "审查意见",
        "reason": "理由",
        "source": "来源",
        "index_number": "索引号",
        "unit_id": "单位",
        "column_id": "栏目（编号）",
        "filename": "附件",
        "size": "大小（字节）",
        "scrubbed": "已清除文件属性",
        "code": "栏目代码",
        "name": "名称",
        "parent_id": "上级栏目（编号）",
        "retention_years": "保管期限（年）",
        "hidden_for_unit_types": "不适用的单位类型",
        "sort_order": "排序",
        "active": "启用",
        "merged_into_id": "并入栏目（编号）",
        "items_moved": "迁移信息数",
        "hidden": "本单位不显示",
        "application_count": "申请件数",
        "item_id": "信息（编号）",
        "note": "说明",
        "items": "信息数",
        "changes": "目录变更数",
    },
    values={
        "status": {**codes(STATUS_LABELS), **codes(PROPOSAL_STATUS_LABELS)},
        "disclosure_attribute": codes(DISCLOSURE_LABELS),
        "validity": codes(VALIDITY_LABELS),
        "document_type": codes(DOCUMENT_TYPE_LABELS),
        "channels": codes(CHANNEL_LABELS),
        "hidden_for_unit_types": codes(UNIT_TYPE_LABELS),
    },
    hidden=frozenset(
        {"id", "index_year", "index_seq", "created_at", "updated_at", "source_key", "sha256"}
    ),
)
