from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sunshine_kit.units.models import UnitType

# 统一社会信用代码 (GB 32100-2015): 18 characters from digits and upper-case letters without
# I, O, S, V, Z; the last is a check character over the first 17.
CREDIT_CODE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")
_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_check_char(first17: str) -> str:
    total = sum(_ALPHABET.index(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _ALPHABET[(31 - total % 31) % 31]


def make_credit_code(first17: str) -> str:
    """A complete code from its first 17 characters (demo data and tests)."""
    return first17 + credit_code_check_char(first17)


def check_credit_code(value: str) -> str:
    value = value.strip().upper()
    if not CREDIT_CODE.match(value):
        raise ValueError("统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z）")
    if credit_code_check_char(value[:17]) != value[17]:
        raise ValueError("统一社会信用代码校验位不正确")
    return value


class UnitOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    credit_code: str
    type: UnitType
    parent_id: int | None
    sort_order: int
    closed: bool
    vertically_managed: bool = Field(False, description="垂直管理单位")
    reconsideration_body: str | None = Field(
        None, description="行政复议机关：垂直管理单位的上一级主管部门"
    )
    office_address: str | None = Field(None, description="政府信息公开工作机构办公地址")
    office_phone: str | None = Field(None, description="咨询电话")
    office_hours: str | None = Field(None, description="办公时间")
    postal_address: str | None = Field(None, description="通信地址")
    postal_code: str | None = Field(None, description="邮政编码")
    office_email: str | None = Field(None, description="电子邮箱")


class UnitSnapshot(UnitOut):
    """The whole state of a unit as the gateway sends it to the services."""

    version: int = Field(ge=1)
    event: str = Field(description="unit.created / unit.renamed / unit.moved / unit.closed / ...")

    @field_validator("credit_code")
    @classmethod
    def _credit_code(cls, value: str) -> str:
        return check_credit_code(value)
