from __future__ import annotations

from pydantic import BaseModel, Field

from sunshine_catalog.columns.schemas import ColumnNode


class MergeIn(BaseModel):
    into_column_id: int = Field(description="并入的栏目")


class SplitPart(BaseModel):
    name: str = Field(min_length=2, max_length=100, description="新栏目名称")
    code: str = Field(min_length=2, max_length=40, pattern=r"^[A-Z0-9-]+$", description="栏目编码")
    item_ids: list[int] = Field(default_factory=list, description="迁入新栏目的信息")


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
