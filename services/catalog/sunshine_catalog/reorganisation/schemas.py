from __future__ import annotations

from pydantic import BaseModel, Field

from sunshine_catalog.columns.schemas import ColumnNode
from sunshine_catalog.fields import RecordRef
from sunshine_kit.ids import MAX_ID

# Ids a request may name at once: a column's items are moved without naming them.
MAX_NAMED_ITEMS = 1000


class MoveIn(BaseModel):
    """Migrate items from one column to another (栏目调整), in bulk."""

    from_column_id: RecordRef
    to_column_id: RecordRef
    unit_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="只迁移该单位的信息；空为全部单位"
    )
    item_ids: list[RecordRef] | None = Field(
        None, max_length=MAX_NAMED_ITEMS, description="只迁移这些信息；空为该栏目全部"
    )


class MoveOut(BaseModel):
    moved: int


class MergeIn(BaseModel):
    into_column_id: int = Field(ge=1, le=MAX_ID, description="并入的栏目")


class SplitPart(BaseModel):
    name: str = Field(min_length=2, max_length=100, description="新栏目名称")
    code: str = Field(min_length=2, max_length=40, pattern=r"^[A-Z0-9-]+$", description="栏目编码")
    item_ids: list[RecordRef] = Field(
        default_factory=list, max_length=MAX_NAMED_ITEMS, description="迁入新栏目的信息"
    )


class SplitIn(BaseModel):
    """Split a column: new sub-columns, each taking the items named for it."""

    parts: list[SplitPart] = Field(min_length=1, max_length=20)


class ReorganisedOut(BaseModel):
    columns: list[ColumnNode]
    moved: int = Field(description="迁移的信息条数")


class ResolvedColumn(BaseModel):
    """Where an old link to a column leads today."""

    asked_id: int
    column: ColumnNode
    merged: bool = Field(description="原栏目已并入此栏目")
