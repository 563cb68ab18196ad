from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from sunshine_catalog.items.models import ChangeKind, DocumentType, ItemStatus, Validity


class FeedItem(BaseModel):
    """The item as it stood right after the change.

    Never the body: a withdrawn item's text must not travel on, and an older entry of an item
    withdrawn since would carry it too. Harvesters read the text of published items at `url`.
    """

    id: int
    unit_id: int
    column_id: int = Field(description="所属栏目")
    index_number: str = Field(description="索引号")
    title: str
    document_number: str = Field(description="发文字号")
    document_type: DocumentType
    issuing_unit: str = Field(description="发布机构")
    formed_on: date = Field(description="生成日期")
    status: ItemStatus
    validity: Validity = Field(description="效力：有效、失效、废止")
    validity_changed_on: date | None
    replaced_by_id: int | None = Field(description="替代它的信息")
    published_at: datetime | None
    url: str = Field(description="门户上的信息页面路径，如 /items/12")


class FeedEntry(BaseModel):
    """One change of the catalogue (目录变更): published, withdrawn, validity changed, moved."""

    seq: int = Field(description="变更序号，按提交顺序递增")
    kind: ChangeKind
    at: datetime
    item_id: int
    unit_id: int
    item: FeedItem


class FeedPage(BaseModel):
    entries: list[FeedEntry]
    next_cursor: str = Field(
        description="下次请求的 after：本页最后一条的序号；没有新变更时原样返回"
    )
    has_more: bool = Field(description="after=next_cursor 时是否马上还有更多")
