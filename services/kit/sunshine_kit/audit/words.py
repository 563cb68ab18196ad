"""How a component's audit entries read: "张三 审查通过并发布 信息《关于……的通知》".

An entry stores codes (`item.published`, `status: submitted`) so that it never changes once
written; what people read is put together when it is shown, from the words the component
declares once (`AuditWords`, passed to `create_app`). Each component declares its own because
only it knows what its actions and fields mean, and most already have the labels for its
vocabulary endpoint, which its words reuse; the kit knows no domain and only puts a sentence
together: who, the action, the object named from its own history, and the fields that changed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sunshine_kit.units.models import UNIT_TYPE_LABELS

# A value that changed is shown whole in the page (the SPA shortens long ones around what
# changed); the export keeps at most this much of each side.
EXPORT_TEXT_LIMIT = 200
TAG = re.compile(r"<[^>]+>")
LOOKS_LIKE_HTML = re.compile(r"</?[a-zA-Z][^>]*>")


@dataclass(frozen=True)
class Subject:
    """A kind of record the log is about (`entity_type`): what it is called, and which field of
    its entries names it (a title is shown in 《》, a number as it is)."""

    label: str
    name_fields: tuple[str, ...] = ()
    quoted: bool = False
    id_is_name: bool = False  # the entity id is what people call it (a year, a login name)
    # Fields holding a unit's id besides unit_id, *_unit_id and unit_ids (a unit's parent_id).
    unit_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class AuditWords:
    """A component's words for its log: objects, actions, field labels, value labels (a status
    code and its name), fields left out of the before/after (bookkeeping, hashes), and the
    names of those who act without an account of staff."""

    subjects: Mapping[str, Subject] = field(default_factory=dict)
    actions: Mapping[str, str] = field(default_factory=dict)
    fields: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    hidden: frozenset[str] = frozenset()
    # Who acted when no member of staff did (a component, the public): the name people read.
    actors: Mapping[str, str] = field(default_factory=dict)

    def subject(self, entity_type: str) -> Subject:
        return self.subjects.get(entity_type, Subject(label=entity_type))

    def action(self, action: str) -> str:
        return self.actions.get(action, action)

    def field_label(self, key: str) -> str:
        return self.fields.get(key, key)

    def name_of(self, entity_type: str, values: Mapping[str, Any] | None) -> str | None:
        """The record's name from one entry's before/after, if that entry carries it."""
        if not values:
            return None
        for key in self.subject(entity_type).name_fields:
            found = values.get(key)
            if found not in (None, ""):
                return str(found)
        return None


def codes(labels: Mapping[Any, str]) -> dict[str, str]:
    """An enumeration's labels keyed by the stored code (a StrEnum member's value)."""
    return {str(code): label for code, label in labels.items()}


# The kit's own records, in every component: the calendar, and the copy of each unit the
# gateway sends (the gateway's own units read the same).
KIT_WORDS = AuditWords(
    subjects={
        "unit": Subject("单位", ("name",), unit_fields=("parent_id",)),
        "calendar_year": Subject("节假日安排", id_is_name=True),
    },
    actions={
        "unit.created": "新增了",
        "unit.updated": "修改了",
        "unit.renamed": "更名了",
        "unit.moved": "调整了隶属关系",
        "unit.closed": "撤销了",
        "calendar.year_loaded": "载入了",
    },
    fields={
        "name": "名称",
        "credit_code": "统一社会信用代码",
        "type": "单位类型",
        "parent_id": "上级单位",
        "sort_order": "排序",
        "closed": "已撤销",
        "vertically_managed": "垂直管理",
        "reconsideration_body": "行政复议机关",
        "office_address": "办公地址",
        "office_phone": "咨询电话",
        "office_hours": "办公时间",
        "postal_address": "通信地址",
        "postal_code": "邮政编码",
        "office_email": "电子邮箱",
        "holidays": "节假日",
        "workdays": "调休上班日",
        "note": "说明",
    },
    values={"type": codes(UNIT_TYPE_LABELS)},
    hidden=frozenset({"id", "version", "event"}),
    # A component's service token names it.
    actors={
        "gateway": "统一入口",
        "catalog": "公开目录服务",
        "applications": "依申请公开服务",
        "hall": "政务大厅服务",
        "reporting": "统计报告服务",
        "demo": "演示数据",
    },
)


def merged(words: AuditWords | None) -> AuditWords:
    """The component's words over the kit's."""
    if words is None:
        return KIT_WORDS
    return AuditWords(
        subjects={**KIT_WORDS.subjects, **words.subjects},
        actions={**KIT_WORDS.actions, **words.actions},
        fields={**KIT_WORDS.fields, **words.fields},
        values={**KIT_WORDS.values, **words.values},
        hidden=KIT_WORDS.hidden | words.hidden,
        actors={**KIT_WORDS.actors, **words.actors},
    )


def shown(
    words: AuditWords,
    key: str,
    value: Any,
    unit_names: Mapping[int, str] | None = None,
    subject: Subject | None = None,
) -> str:
    """A stored value as people read it: labels for codes, unit names for unit ids, 是/否,
    lists joined, rich text without its tags."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(shown(words, key, v, unit_names, subject) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if unit_names is not None and isinstance(value, int) and _is_unit_field(key, subject):
        return unit_names.get(value, str(value))
    labels = words.values.get(key)
    if labels is not None and str(value) in labels:
        return labels[str(value)]
    text = str(value)
    if LOOKS_LIKE_HTML.search(text):
        text = " ".join(TAG.sub(" ", text).split())
    return text


def _is_unit_field(key: str, subject: Subject | None) -> bool:
    if subject is not None and key in subject.unit_fields:
        return True
    return key == "unit_id" or key.endswith("_unit_id") or key == "unit_ids"


def changed_fields(
    words: AuditWords, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
) -> list[tuple[str, Any, Any]]:
    """(field, old, new) of what the entry changed, in the order of the component's field
    labels (JSONB keeps no order): every filled field of a record created or removed, only
    the differing ones of a change; hidden fields left out."""
    old, new = before or {}, after or {}
    order = {key: rank for rank, key in enumerate(words.fields)}
    keys = sorted(set(old) | set(new), key=lambda k: (order.get(k, len(order)), k))
    if before is None or after is None:
        wanted = [k for k in keys if (old.get(k) or new.get(k)) not in (None, "", [])]
    else:
        wanted = [k for k in keys if old.get(k) != new.get(k)]
    return [(k, old.get(k), new.get(k)) for k in wanted if k not in words.hidden]


def unit_fields(values: Mapping[str, Any] | None, subject: Subject) -> set[int]:
    """The unit ids an entry's values mention, to be named."""
    found: set[int] = set()
    for key, value in (values or {}).items():
        if not _is_unit_field(key, subject):
            continue
        for one in value if isinstance(value, list) else [value]:
            if isinstance(one, int) and not isinstance(one, bool):
                found.add(one)
    return found


def shortened(text: str, limit: int = EXPORT_TEXT_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
