from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, Field


class ApplicantCounts(BaseModel):
    """One row of table 三 across its columns (申请人情况)."""

    natural_person: int = Field(0, description="自然人")
    business: int = Field(0, description="法人或其他组织：商业企业")
    research: int = Field(0, description="法人或其他组织：科研机构")
    public_welfare: int = Field(0, description="法人或其他组织：社会公益组织")
    legal_service: int = Field(0, description="法人或其他组织：法律服务机构")
    other: int = Field(0, description="法人或其他组织：其他")
    total: int = Field(0, description="总计")


class ApplicationRow(BaseModel):
    key: str = Field(description="如 new、not_disclosed_3、results_total")
    label: str = Field(description="报告中的行名")
    group: str | None = Field(description="所属的结果类别，如“（三）不予公开”")
    counts: ApplicantCounts


class RemedyCounts(BaseModel):
    upheld: int = Field(0, description="结果维持")
    corrected: int = Field(0, description="结果纠正")
    other: int = Field(0, description="其他结果")
    pending: int = Field(0, description="尚未审结")
    total: int = Field(0, description="总计")


class RemedyRow(BaseModel):
    key: str = Field(description="reconsideration、litigation、litigation_after_reconsideration")
    label: str
    counts: RemedyCounts


class InquiryCounts(BaseModel):
    received: int = Field(description="本年收到")
    answered: int = Field(description="本年答复")
    answered_on_time: int = Field(description="其中在期限内答复")
    rated: int = Field(description="本年答复中已评价的")
    satisfied: int = Field(description="其中满意或基本满意")
    satisfaction_rate: float | None = Field(
        description="满意率（满意+基本满意）/已评价，无评价为空"
    )


class InquiryFigures(BaseModel):
    key: str = Field(description="consultation、mailbox 或 total")
    label: str
    counts: InquiryCounts


class Fees(BaseModel):
    fen: int = Field(description="本年收取的信息处理费（分）")
    wan_yuan: Decimal = Field(description="同上，万元，保留四位小数（报告口径）")


class ApplicationFigures(BaseModel):
    """A unit's (or its subtree's) figures for the annual report: tables 三 and 四 and more."""

    unit_id: int
    unit_name: str
    year: int
    include_subunits: bool
    applications: list[ApplicationRow] = Field(description="三、收到和处理政府信息公开申请情况")
    remedies: list[RemedyRow] = Field(description="四、政府信息公开行政复议、行政诉讼情况")
    inquiries: list[InquiryFigures] = Field(description="咨询与留言")
    fees: Fees = Field(description="信息处理费")


class MonthApplications(BaseModel):
    month: str = Field(description="YYYY-MM")
    received: int


class ConsultationCounts(BaseModel):
    received: int = Field(description="期间收到的咨询与留言")
    answered: int = Field(description="期间答复")
    rated: int = Field(description="期间答复中已评价的")
    satisfied: int = Field(description="其中满意或基本满意")


class UnitPeriodApplications(BaseModel):
    unit_id: int
    unit_name: str
    received: int = Field(description="期间新收申请")
    answered: int = Field(description="期间答复")
    due_soon: int = Field(description="未办结、5个工作日内到期（读取时）")
    overdue: int = Field(description="未办结、已过答复期限（读取时）")


class PeriodApplicationFigures(BaseModel):
    """A unit's (or its subtree's) applications and consultations in any period, unit by unit:
    for the reporting service's monthly bulletin and work summaries."""

    unit_id: int
    unit_name: str
    date_from: date
    date_to: date
    include_subunits: bool
    received: int
    answered: int
    answered_on_time: int = Field(description="在答复期限内答复")
    due_soon: int
    overdue: int
    consultations: ConsultationCounts
    by_month: list[MonthApplications]
    by_unit: list[UnitPeriodApplications] = Field(description="范围内每个单位一行")
