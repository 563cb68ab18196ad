from __future__ import annotations

from pydantic import BaseModel, Field, field_validator

from sunshine_kit.ids import MAX_ID
from sunshine_kit.units.models import UnitType
from sunshine_kit.units.schemas import check_credit_code


class UnitIn(BaseModel):
    name: str = Field(min_length=2, max_length=100, description="单位名称")
    credit_code: str = Field(description="统一社会信用代码，18位")
    type: UnitType = Field(description="单位类型")
    parent_id: int = Field(ge=1, le=MAX_ID, description="上级单位")
    sort_order: int = Field(0, ge=-100_000, le=100_000)
    vertically_managed: bool = Field(False, description="垂直管理单位（税务、海关、金融监管等）")
    reconsideration_body: str | None = Field(
        None,
        max_length=100,
        description="行政复议机关：垂直管理单位的上一级主管部门，垂直管理时必填",
    )

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        value = value.strip()
        if len(value) < 2:
            raise ValueError("单位名称至少2个字")
        return value

    @field_validator("credit_code")
    @classmethod
    def _credit_code(cls, value: str) -> str:
        return check_credit_code(value)


class UnitUpdate(BaseModel):
    name: str | None = Field(None, min_length=2, max_length=100)
    credit_code: str | None = None
    parent_id: int | None = Field(None, ge=1, le=MAX_ID)
    sort_order: int | None = Field(None, ge=-100_000, le=100_000)
    vertically_managed: bool | None = None
    reconsideration_body: str | None = Field(None, max_length=100)

    @field_validator("credit_code")
    @classmethod
    def _credit_code(cls, value: str | None) -> str | None:
        return None if value is None else check_credit_code(value)
