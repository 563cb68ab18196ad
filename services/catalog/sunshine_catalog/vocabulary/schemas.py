from __future__ import annotations

from pydantic import BaseModel, Field

from sunshine_kit.vocabulary import Term


class CatalogVocabulary(BaseModel):
    """The catalog's enumerations with their labels, each in the order the console offers them."""

    statuses: list[Term] = Field(description="信息状态")
    disclosure_attributes: list[Term] = Field(description="公开属性")
    validities: list[Term] = Field(description="效力")
    document_types: list[Term] = Field(description="文件类型")
    channels: list[Term] = Field(description="公开渠道")
    change_kinds: list[Term] = Field(description="目录变更的种类")
    steps: list[Term] = Field(description="对信息的操作（StaffItem.next_steps）")
    actions: list[Term] = Field(description="办理记录（审计日志）中的操作")
    search_orders: list[Term] = Field(description="检索结果的排序")
    proposal_statuses: list[Term] = Field(description="转主动公开建议的处理状态")
