"""The API of the register of 行政处罚 and 行政强制 decisions."""

from __future__ import annotations

import re
from datetime import date, datetime

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from sunshine_hall.enforcement.models import EnforcementKind, PartyType
from sunshine_kit.ids import MAX_ID
from sunshine_kit.pagination import Page

KIND_LABELS = {EnforcementKind.PENALTY: "行政处罚", EnforcementKind.COERCION: "行政强制"}
PARTY_LABELS = {PartyType.LEGAL_PERSON: "法人或其他组织", PartyType.NATURAL_PERSON: "自然人"}
# 统一社会信用代码 (GB 32100-2015): 18 characters of digits and capitals without I, O, S, V, Z.
CREDIT_CODE = r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$"


class DecisionIn(BaseModel):
    unit_id: int | None = Field(None, ge=1, le=MAX_ID, description="作出决定的单位，默认本单位")
    kind: EnforcementKind
    document_number: str = Field(min_length=4, max_length=100, description="决定书文号")
    party_type: PartyType
    party_name: str = Field(min_length=2, max_length=200, description="行政相对人名称或姓名")
    credit_code: str = Field(
        "", max_length=18, description="统一社会信用代码（法人或其他组织必填）"
    )
    facts: str = Field(min_length=5, max_length=5000, description="违法事实")
    legal_basis: str = Field(min_length=2, max_length=2000, description="依据")
    content: str = Field(min_length=2, max_length=2000, description="处罚或强制内容")
    fine_fen: int = Field(0, ge=0, le=10**13, description="罚款金额（分）")
    decided_on: date = Field(description="决定日期")

    @field_validator("credit_code")
    @classmethod
    def _credit_code(cls, value: str, info: ValidationInfo) -> str:
        value = value.strip().upper()
        if info.data.get("party_type") == PartyType.LEGAL_PERSON:
            if not re.match(CREDIT_CODE, value):
                raise ValueError("法人或其他组织须填写18位统一社会信用代码")
        elif value:
            raise ValueError("自然人不填统一社会信用代码")
        return value

    @field_validator("fine_fen")
    @classmethod
    def _fine(cls, value: int, info: ValidationInfo) -> int:
        if info.data.get("kind") == EnforcementKind.COERCION and value:
            raise ValueError("行政强制决定没有罚款金额")
        return value


class DecisionOut(BaseModel):
    id: int
    unit_id: int
    unit_name: str
    kind: EnforcementKind
    kind_label: str
    document_number: str
    party_type: PartyType
    party_name: str = Field(description="自然人姓名已按双公示规则脱敏")
    credit_code: str
    facts: str
    legal_basis: str
    content: str
    fine_fen: int
    decided_on: date
    source: str
    created_by: str
    created_at: datetime
    publicity_due_on: date | None = Field(None, description="双公示期限（行政处罚）")
    published_at: datetime | None = Field(None, description="交付双公示的时间")


DecisionPage = Page[DecisionOut]


class RowError(BaseModel):
    row: int = Field(description="表格中的行号（含表头，第一条数据为第2行）")
    column: str
    reason: str


class ImportReport(BaseModel):
    """An import stores every row or none: `imported` is 0 whenever `errors` is not empty."""

    imported: int
    errors: list[RowError]


class UnitYearStats(BaseModel):
    """Table 二 of the annual report, for one unit: decisions made in the year."""

    unit_id: int
    unit_name: str
    penalties: int = Field(description="行政处罚 本年处理决定数量")
    coercions: int = Field(description="行政强制 本年处理决定数量")
    fines_fen: int = Field(description="罚款金额合计（分）")


class EnforcementStats(BaseModel):
    year: int
    units: list[UnitYearStats]
