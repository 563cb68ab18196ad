from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from sunshine_kit.vocabulary import Term


class AuditEntryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    actor: str
    actor_unit_id: int | None
    action: str
    entity_type: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    request_id: str | None


class AuditChange(BaseModel):
    """One field an entry changed, old → new, as people read them ("" where there was none)."""

    field: str
    label: str = Field(description="字段名称")
    before: str
    after: str


class AuditLine(BaseModel):
    """An audit entry in words: "张三 审查通过并发布 信息《……》", with what changed."""

    id: int
    at: datetime
    actor: str = Field(description="登录名（系统组件为组件名）")
    actor_name: str = Field(description="操作人姓名（当时的）；未记录姓名的为登录名")
    actor_unit_id: int | None
    actor_unit_name: str | None
    action: str
    action_label: str
    entity_type: str
    entity_label: str = Field(description="对象的种类，如“信息”“申请”")
    entity_id: str
    entity_name: str | None = Field(description="对象的名称或编号，取自其记录；没有的为空")
    sentence: str = Field(description="一句话的记录")
    changes: list[AuditChange] = Field(description="变更前后（新建时只有变更后）")
    request_id: str | None


class AuditLinePage(BaseModel):
    items: list[AuditLine]
    total: int
    page: int
    size: int


class AuditVocabulary(BaseModel):
    """What the component's log is about and what it records, for the filters."""

    subjects: list[Term] = Field(description="对象种类（entity_type）")
    actions: list[Term] = Field(description="操作（action）")
