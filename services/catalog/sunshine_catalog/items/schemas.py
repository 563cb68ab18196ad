from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sunshine_catalog.fields import LegalDay, RecordRef
from sunshine_catalog.items.models import DisclosureAttribute, DocumentType, ItemStatus, Validity
from sunshine_catalog.items.rules import ItemStep
from sunshine_kit.ids import MAX_ID

# Columns an item may be listed in besides its own.
MAX_ALSO_IN_COLUMNS = 50


class Channel(StrEnum):
    WEBSITE = "website"  # 政府网站
    WEIBO = "weibo"  # 政务微博
    WECHAT = "wechat"  # 政务微信
    NEW_MEDIA = "new_media"  # 政务新媒体（客户端等）
    NOTICE_BOARD = "notice_board"  # 公开栏
    READING_POINT = "reading_point"  # 查阅点
    PRESS_CONFERENCE = "press_conference"  # 新闻发布会
    BROADCAST = "broadcast"  # 报刊、广播、电视


CHANNEL_LABELS: dict[Channel, str] = {
    Channel.WEBSITE: "政府网站",
    Channel.WEIBO: "政务微博",
    Channel.WECHAT: "政务微信",
    Channel.NEW_MEDIA: "政务新媒体",
    Channel.NOTICE_BOARD: "公开栏",
    Channel.READING_POINT: "查阅点",
    Channel.PRESS_CONFERENCE: "新闻发布会",
    Channel.BROADCAST: "报刊、广播、电视",
}


def _clean(value: str) -> str:
    return " ".join(value.split())


class ItemFields(BaseModel):
    """What the author fills in; shared by creating and editing."""

    title: str = Field(min_length=2, max_length=300, description="标题")
    body_html: str = Field("", max_length=2_000_000, description="正文（富文本，保存时清理）")
    document_number: str = Field("", max_length=100, description="发文字号")
    issuing_unit: str = Field("", max_length=100, description="发布机构，空为本单位")
    formed_on: LegalDay = Field(description="生成日期（或变更日期）")
    topic: str = Field("", max_length=50, description="主题分类")
    keywords: str = Field("", max_length=200, description="关键词，以空格或逗号分隔")
    disclosure_attribute: DisclosureAttribute = DisclosureAttribute.PROACTIVE
    non_disclosure_reason: str = Field("", max_length=200, description="非主动公开的理由")
    document_type: DocumentType = DocumentType.OTHER
    channels: list[Channel] = Field(
        default_factory=lambda: [Channel.WEBSITE], max_length=len(Channel)
    )
    also_in_columns: list[RecordRef] = Field(
        default_factory=list, max_length=MAX_ALSO_IN_COLUMNS, description="同时列入的其他栏目"
    )
    interprets_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="所解读的政策文件（政策解读时填写）"
    )

    @field_validator("title", "document_number", "issuing_unit", "topic", "keywords")
    @classmethod
    def _tidy(cls, value: str) -> str:
        return _clean(value)

    @model_validator(mode="after")
    def _reason_when_not_proactive(self) -> ItemFields:
        if self.disclosure_attribute != DisclosureAttribute.PROACTIVE and not (
            self.non_disclosure_reason.strip()
        ):
            raise ValueError("非主动公开的信息须写明理由（non_disclosure_reason）")
        return self


class ItemIn(ItemFields):
    unit_id: int = Field(ge=1, le=MAX_ID, description="所属单位")
    column_id: int = Field(ge=1, le=MAX_ID, description="所属栏目")


class ItemUpdate(BaseModel):
    """Changes to a draft, rejected or withdrawn item; absent fields stay as they are."""

    column_id: int | None = Field(None, ge=1, le=MAX_ID)
    title: str | None = Field(None, min_length=2, max_length=300)
    body_html: str | None = Field(None, max_length=2_000_000)
    document_number: str | None = Field(None, max_length=100)
    issuing_unit: str | None = Field(None, max_length=100)
    formed_on: LegalDay | None = Field(None, description="生成日期（已发布过的信息不可更改）")
    changed_on: LegalDay | None = Field(
        None,
        description="变更日期：修改已发布过的信息的内容时记录，默认当天（北京时间）；"
        "变更的20个工作日期限由此起算",
    )
    topic: str | None = Field(None, max_length=50)
    keywords: str | None = Field(None, max_length=200)
    disclosure_attribute: DisclosureAttribute | None = None
    non_disclosure_reason: str | None = Field(None, max_length=200)
    document_type: DocumentType | None = None
    channels: list[Channel] | None = Field(None, max_length=len(Channel))
    also_in_columns: list[RecordRef] | None = Field(None, max_length=MAX_ALSO_IN_COLUMNS)
    interprets_id: int | None = Field(None, ge=1, le=MAX_ID)


class ReviewIn(BaseModel):
    """保密审查 and 属性审核 by someone other than the author."""

    decision: Literal["approve", "reject"]
    confidentiality_checked: bool = Field(False, description="已完成保密审查")
    attribute_checked: bool = Field(False, description="已完成公开属性审核")
    reason: str = Field("", max_length=500, description="退回理由或审查意见")

    @model_validator(mode="after")
    def _complete(self) -> ReviewIn:
        if self.decision == "approve" and not (
            self.confidentiality_checked and self.attribute_checked
        ):
            raise ValueError("发布前须完成保密审查和公开属性审核")
        if self.decision == "reject" and not self.reason.strip():
            raise ValueError("退回须写明理由")
        return self


class WithdrawIn(BaseModel):
    reason: str = Field(min_length=2, max_length=500, description="撤回理由")


class ValidityIn(BaseModel):
    validity: Validity
    changed_on: LegalDay = Field(description="失效或废止日期")
    replaced_by_id: int | None = Field(None, ge=1, le=MAX_ID, description="替代的信息")


class ItemSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    index_number: str
    title: str
    unit_id: int
    column_id: int
    document_number: str
    document_type: DocumentType
    formed_on: date
    published_at: datetime | None
    validity: Validity
    status: ItemStatus


class PublicItem(ItemSummary):
    body_html: str
    issuing_unit: str
    topic: str
    keywords: str
    disclosure_attribute: DisclosureAttribute
    changed_on: date | None = Field(None, description="变更日期（已发布信息的内容变更）")
    validity_changed_on: date | None
    replaced_by_id: int | None
    channels: list[Channel]
    interprets_id: int | None
    column_ids: list[int]
    interpretation_ids: list[int] = Field(description="已发布的解读")
    unit_name: str
    column_name: str


class StaffItem(PublicItem):
    """What staff see on top: the workflow, the deadline, and what the caller may do now."""

    non_disclosure_reason: str
    author: str
    reviewer: str | None
    review_note: str
    due_on: date
    due_provisional: bool
    archive_on: date | None
    source: str
    created_at: datetime
    updated_at: datetime
    next_steps: list[ItemStep] = Field(
        description="当前用户现在可以对这条信息做的操作（按角色、单位范围和信息状态）"
    )
    sanitiser_notes: list[str] = Field(
        default_factory=list,
        description="保存时从正文中移除的内容，如外部图片（仅在创建、修改的答复中给出）",
    )


class DeadlineRow(BaseModel):
    id: int
    index_number: str
    title: str
    status: ItemStatus
    formed_on: date
    changed_on: date | None = Field(description="变更日期：期限自此起算")
    due_on: date
    due_provisional: bool
    working_days_left: int = Field(description="剩余工作日，负数为已逾期")
    published_at: datetime | None


class MissingInterpretation(BaseModel):
    id: int
    index_number: str
    title: str
    published_at: datetime
    interpretation_due_on: date
    working_days_overdue: int = Field(
        description="解读逾期的工作日数：尚无解读的，到今天为止；解读发布晚了的，到其发布日"
    )
    interpretation_id: int | None = Field(
        None, description="迟发的解读（首个已发布的）；尚无解读时为空"
    )
    interpretation_published_at: datetime | None = Field(None, description="迟发解读的发布时间")


class DeadlinePage(BaseModel):
    """Items at risk of missing, or past, their publication deadline, soonest due first."""

    items: list[DeadlineRow]
    total: int
    page: int
    size: int


class MissingInterpretationPage(BaseModel):
    """Policy documents without a timely interpretation, newest first."""

    items: list[MissingInterpretation]
    total: int
    page: int
    size: int


class ItemPage(BaseModel):
    items: list[ItemSummary]
    total: int
    page: int
    size: int
