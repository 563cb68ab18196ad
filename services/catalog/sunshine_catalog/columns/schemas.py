from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from sunshine_kit.ids import MAX_ID
from sunshine_kit.units.models import UnitType


class ColumnNode(BaseModel):
    """A column (栏目) with the columns below it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    code: str
    name: str
    article20_item: int | None = Field(description="《条例》第二十条第几项")
    retention_years: int | None = Field(description="保管期限（年），空为永久")
    hidden_for_unit_types: list[UnitType]
    children: list[ColumnNode] = Field(default_factory=list)


class ColumnIn(BaseModel):
    name: str = Field(min_length=2, max_length=100, description="栏目名称")
    code: str = Field(min_length=2, max_length=40, pattern=r"^[A-Z0-9-]+$", description="栏目编码")
    parent_id: int | None = Field(None, ge=1, le=MAX_ID, description="上级栏目，空为一级栏目")
    article20_item: int | None = Field(None, ge=1, le=15)
    retention_years: int | None = Field(None, ge=1, le=100)
    hidden_for_unit_types: list[UnitType] = Field(default_factory=list)


class ColumnUpdate(BaseModel):
    name: str | None = Field(None, min_length=2, max_length=100)
    retention_years: int | None = Field(None, ge=1, le=100)
    hidden_for_unit_types: list[UnitType] | None = None
    sort_order: int | None = Field(None, ge=0, le=9999, description="排序号（同级内）")
    parent_id: int | None = Field(None, ge=1, le=MAX_ID, description="移到该栏目之下")
    to_top_level: bool = Field(False, description="移为一级栏目")


class UnitColumnSettingIn(BaseModel):
    hidden: bool = Field(description="本单位是否隐藏该栏目")


class UnitColumnSettingOut(BaseModel):
    unit_id: int
    column_id: int
    hidden: bool
