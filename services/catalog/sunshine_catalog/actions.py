"""What the catalog writes in the audit log (each entry's `action`), with what people read."""

from __future__ import annotations

from enum import StrEnum


class Action(StrEnum):
    ITEM_CREATED = "item.created"
    ITEM_UPDATED = "item.updated"
    ITEM_SUBMITTED = "item.submitted"
    ITEM_REJECTED = "item.rejected"
    ITEM_PUBLISHED = "item.published"
    ITEM_WITHDRAWN = "item.withdrawn"
    ITEM_VALIDITY_CHANGED = "item.validity_changed"
    ITEM_MOVED = "item.moved"
    ITEM_DELETED = "item.deleted"
    ITEM_ATTACHMENT_ADDED = "item.attachment_added"
    ITEM_ATTACHMENT_REMOVED = "item.attachment_removed"
    COLUMN_ADDED = "column.added"
    COLUMN_UPDATED = "column.updated"
    COLUMN_MERGED = "column.merged"
    UNIT_COLUMN_SET = "unit_column.set"
    PROPOSAL_RECEIVED = "proposal.received"
    PROPOSAL_ACCEPTED = "proposal.accepted"
    PROPOSAL_DECLINED = "proposal.declined"
    DEMO_LOADED = "demo.loaded"


ACTION_LABELS: dict[Action, str] = {
    Action.ITEM_CREATED: "创建草稿",
    Action.ITEM_UPDATED: "修改",
    Action.ITEM_SUBMITTED: "提交审查",
    Action.ITEM_REJECTED: "审查退回",
    Action.ITEM_PUBLISHED: "审查通过并发布",
    Action.ITEM_WITHDRAWN: "撤回",
    Action.ITEM_VALIDITY_CHANGED: "变更效力",
    Action.ITEM_MOVED: "迁移栏目",
    Action.ITEM_DELETED: "删除",
    Action.ITEM_ATTACHMENT_ADDED: "上传附件",
    Action.ITEM_ATTACHMENT_REMOVED: "删除附件",
    Action.COLUMN_ADDED: "新增栏目",
    Action.COLUMN_UPDATED: "修改栏目",
    Action.COLUMN_MERGED: "合并栏目",
    Action.UNIT_COLUMN_SET: "设置本单位栏目显示",
    Action.PROPOSAL_RECEIVED: "收到转主动公开建议",
    Action.PROPOSAL_ACCEPTED: "采纳建议",
    Action.PROPOSAL_DECLINED: "不予采纳建议",
    Action.DEMO_LOADED: "载入演示数据",
}
