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


class UnitColumnNode(ColumnNode):
    """A column of a unit's catalogue (公开目录) with how much it holds."""

    item_count: int = Field(description="本栏目及其下级栏目中已公开的信息条数（每条只计一次）")
    children: list[UnitColumnNode] = Field(default_factory=list)  # type: ignore[assignment]


class EmptyColumn(BaseModel):
    """A column of a unit's catalogue with nothing published in it or below it (空栏目)."""

    id: int
    code: str
    name: str
    path: list[str] = Field(description="上级栏目名称，从一级栏目起")


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


class TemplateRights(BaseModel):
    """What the caller may do in 栏目管理, so that the console offers nothing that would be
    refused."""

    can_change_template: bool = Field(
        description="可调整目录模板（新增、修改、移动、合并、拆分栏目，迁移栏目信息）"
    )
    reason: str = Field("", description="不能调整目录模板的原因")
    can_hide_columns: bool = Field(description="可在所辖单位的目录中隐藏或显示栏目")
