from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field

from sunshine_catalog.items.models import DocumentType, Validity


class SearchOrder(StrEnum):
    RELEVANCE = "relevance"  # 相关度
    DATE = "date"  # 发布日期，新的在前


SEARCH_ORDER_LABELS: dict[SearchOrder, str] = {
    SearchOrder.RELEVANCE: "按相关度",
    SearchOrder.DATE: "按发布日期",
}


class SearchHit(BaseModel):
    """One published item found by a search, with the words found marked."""

    id: int
    index_number: str
    title: str
    title_highlight: str = Field(description="标题，HTML转义，检索词以<em>标出")
    snippet: str = Field(description="正文中检索词附近的摘要，HTML转义，检索词以<em>标出")
    unit_id: int
    unit_name: str
    column_id: int
    column_name: str
    document_number: str
    document_type: DocumentType
    published_at: datetime | None
    validity: Validity


class SearchPage(BaseModel):
    items: list[SearchHit]
    total: int = Field(description="符合条件的信息总数")
    next_cursor: str | None = Field(description="下一页的游标；没有下一页时为空")
