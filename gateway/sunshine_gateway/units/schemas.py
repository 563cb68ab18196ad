from __future__ import annotations

import re

from pydantic import BaseModel, Field, field_validator

from sunshine_kit.ids import MAX_ID
from sunshine_kit.units.models import UnitType
from sunshine_kit.units.schemas import check_credit_code

# A fixed line with its area code (028-86000000, 0838-2200000, an extension after a second
# hyphen) or a mobile number: what a citizen can dial from anywhere.
PHONE = re.compile(r"^(0\d{2,3}-\d{7,8}(-\d{1,6})?|1[3-9]\d{9})$")
POSTAL_CODE = re.compile(r"^\d{6}$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
CONTACT_FIELDS = frozenset(
    {
        "office_address",
        "office_phone",
        "office_hours",
        "postal_address",
        "postal_code",
        "office_email",
    }
)


def _blank_to_none(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _check_pattern(value: str | None, pattern: re.Pattern[str], message: str) -> str | None:
    value = _blank_to_none(value)
    if value is not None and not pattern.match(value.replace(" ", "")):
        raise ValueError(message)
    return None if value is None else value.replace(" ", "")


class DisclosureOffice(BaseModel):
    """The unit's disclosure office (政府信息公开工作机构) as its 公开指南 shows it; a field sent
    empty is cleared."""

    office_address: str | None = Field(None, max_length=200, description="办公地址")
    office_phone: str | None = Field(
        None, max_length=40, description="咨询电话：区号-号码（如 028-86000000）或手机号"
    )
    office_hours: str | None = Field(
        None, max_length=100, description="办公时间，如 工作日 9:00–12:00，13:30–17:30"
    )
    postal_address: str | None = Field(None, max_length=200, description="通信地址")
    postal_code: str | None = Field(None, max_length=6, description="邮政编码，6位数字")
    office_email: str | None = Field(None, max_length=100, description="电子邮箱")

    @field_validator("office_address", "postal_address")
    @classmethod
    def _address(cls, value: str | None) -> str | None:
        value = _blank_to_none(value)
        if value is not None and len(value) < 5:
            raise ValueError("地址至少5个字，写明街道和门牌号")
        return value

    @field_validator("office_hours")
    @classmethod
    def _hours(cls, value: str | None) -> str | None:
        return _blank_to_none(value)

    @field_validator("office_phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        return _check_pattern(value, PHONE, "电话应为“区号-号码”（如 028-86000000）或11位手机号")

    @field_validator("postal_code")
    @classmethod
    def _postal_code(cls, value: str | None) -> str | None:
        return _check_pattern(value, POSTAL_CODE, "邮政编码应为6位数字")

    @field_validator("office_email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        return _check_pattern(value, EMAIL, "电子邮箱格式不正确")


class UnitIn(DisclosureOffice):
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


class UnitUpdate(DisclosureOffice):
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
