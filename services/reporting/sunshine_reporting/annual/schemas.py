"""The annual report (政府信息公开工作年度报告) as the API, the SPA and the exports see it.

The tables follow the national format (国办公开办函〔2021〕30号) row by row and column by
column. A figure is `None` exactly when its source could not be read: the report lists it under
`missing` with the source named, and never shows it as zero.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from sunshine_kit.ids import MAX_ID


class ReportStatus(StrEnum):
    DRAFT = "draft"  # 草稿：数字随时从各服务重新读取
    FINALISED = "finalised"  # 已定稿：数字冻结在快照中
    PUBLISHED = "published"  # 已发布到公开目录“年度报告”栏目


STATUS_LABELS = {
    ReportStatus.DRAFT: "草稿",
    ReportStatus.FINALISED: "已定稿",
    ReportStatus.PUBLISHED: "已发布",
}


class ReportStep(StrEnum):
    """What the caller may do to a report now (`next_steps`)."""

    EDIT = "edit"  # 编辑第一、五、六部分
    REGENERATE = "regenerate"  # 重新读取数字
    FINALISE = "finalise"  # 定稿（冻结快照）
    REOPEN = "reopen"  # 退回草稿（撤销定稿）
    PUBLISH = "publish"  # 发布到公开目录
    COMPARE = "compare"  # 与当前数字比对


class ReportScope(StrEnum):
    UNIT = "unit"  # 本单位
    REGION = "region"  # 本级及下属单位汇总（区域）


SCOPE_LABELS = {ReportScope.UNIT: "本单位", ReportScope.REGION: "本地区汇总"}


class Source(StrEnum):
    """The services the figures come from (named in `missing`)."""

    CATALOG = "catalog"
    APPLICATIONS = "applications"
    HALL = "hall"


SOURCE_LABELS = {
    Source.CATALOG: "公开目录服务",
    Source.APPLICATIONS: "依申请公开服务",
    Source.HALL: "政务服务大厅",
}


# --- 二、主动公开政府信息情况 -------------------------------------------------------------


class DocumentRow(BaseModel):
    """规章 or 行政规范性文件: three figures."""

    key: Literal["regulations", "normative_documents"]
    label: str = Field(description="规章 / 行政规范性文件")
    issued: int | None = Field(description="本年制发件数（按成文日期）")
    repealed: int | None = Field(description="本年废止件数")
    valid: int | None = Field(description="现行有效件数（年末）")


class DecisionRow(BaseModel):
    """行政许可, 行政处罚 or 行政强制: decisions made in the year."""

    key: Literal["licensing", "penalties", "coercions"]
    label: str = Field(description="行政许可 / 行政处罚 / 行政强制")
    decisions: int | None = Field(description="本年处理决定数量")


class ChargeRow(BaseModel):
    key: Literal["charges"] = "charges"
    label: str = Field("行政事业性收费")
    amount_wan_yuan: Decimal | None = Field(
        description="本年收费金额（万元），四位小数", max_digits=18, decimal_places=4
    )
    amount_fen: int | None = Field(description="同上，以分计（精确值）")


class TableTwo(BaseModel):
    """二、主动公开政府信息情况 — four blocks of the format, in order."""

    regulations: DocumentRow = Field(description="第二十条第（一）项：规章")
    normative_documents: DocumentRow = Field(description="第二十条第（一）项：行政规范性文件")
    licensing: DecisionRow = Field(description="第二十条第（五）项：行政许可")
    penalties: DecisionRow = Field(description="第二十条第（六）项：行政处罚")
    coercions: DecisionRow = Field(description="第二十条第（六）项：行政强制")
    charges: ChargeRow = Field(description="第二十条第（八）项：行政事业性收费")


# --- 三、收到和处理政府信息公开申请情况 ---------------------------------------------------


class ApplicantCells(BaseModel):
    """One row of table 三 across its seven columns."""

    natural_person: int | None = Field(description="自然人")
    business: int | None = Field(description="法人或其他组织：商业企业")
    research: int | None = Field(description="法人或其他组织：科研机构")
    public_welfare: int | None = Field(description="法人或其他组织：社会公益组织")
    legal_service: int | None = Field(description="法人或其他组织：法律服务机构")
    other: int | None = Field(description="法人或其他组织：其他")
    total: int | None = Field(description="总计")


class ColumnHead(BaseModel):
    key: str = Field(description="ApplicantCells / RemedyCells 的字段名")
    label: str
    group: str | None = Field(description="合并表头，如“法人或其他组织”")


class TableThreeRow(BaseModel):
    key: str = Field(description="如 new、not_disclosed_3、results_total（同依申请公开统计）")
    code: str = Field(description="格式中的编号，如“一”“三（三）3”“三（七）”")
    label: str = Field(description="格式中印出的行名，细项含序号，如“1.属于国家秘密”")
    level: int = Field(description="缩进层级：0 一/二/三/四，1 （一）…（七），2 细项")
    group: str | None = Field(description="细项所属的类别，如“（三）不予公开”")
    cells: ApplicantCells


class TableThree(BaseModel):
    """三、收到和处理政府信息公开申请情况."""

    columns: list[ColumnHead] = Field(description="七列，按格式顺序")
    rows: list[TableThreeRow] = Field(description="按格式顺序的全部行")


# --- 四、政府信息公开行政复议、行政诉讼情况 -----------------------------------------------


class RemedyCells(BaseModel):
    upheld: int | None = Field(description="结果维持")
    corrected: int | None = Field(description="结果纠正")
    other: int | None = Field(description="其他结果")
    pending: int | None = Field(description="尚未审结")
    total: int | None = Field(description="总计")


class TableFour(BaseModel):
    """四、政府信息公开行政复议、行政诉讼情况: three blocks of five columns."""

    columns: list[ColumnHead] = Field(description="每块的五列")
    reconsideration: RemedyCells = Field(description="行政复议")
    litigation: RemedyCells = Field(description="行政诉讼：未经复议直接起诉")
    litigation_after_reconsideration: RemedyCells = Field(description="行政诉讼：复议后起诉")


class AnnualTables(BaseModel):
    two: TableTwo
    three: TableThree
    four: TableFour


# --- what section 一 and 六 quote ---------------------------------------------------------


class InformationFees(BaseModel):
    """信息处理费 collected in the year (section 六)."""

    fen: int | None
    wan_yuan: Decimal | None = Field(max_digits=18, decimal_places=4)


class OverviewFigures(BaseModel):
    """The year's figures section 一 is drafted from (None: source missing)."""

    items_published: int | None = Field(description="本年主动公开信息数")
    items_by_channel: dict[str, int] | None = Field(description="按发布渠道")
    items_on_time_rate: float | None = Field(description="按时发布率")
    consultations_received: int | None = Field(description="咨询与留言：本年收到")
    consultations_answered: int | None = Field(description="咨询与留言：本年答复")
    hall_cases_accepted: int | None = Field(description="大厅本年受理办件")
    hall_on_time_rate: float | None = Field(description="大厅按时办结率")
    hall_satisfaction_rate: float | None = Field(description="大厅好评率")


class AnnualFigures(BaseModel):
    """Everything read from the services for one report: what is frozen at finalisation."""

    read_at: datetime = Field(description="读取时间")
    tables: AnnualTables
    fees: InformationFees
    overview: OverviewFigures
    missing: list[MissingFigures]


# --- what stops finalisation --------------------------------------------------------------


class MissingFigures(BaseModel):
    source: Source
    source_label: str
    figures: list[str] = Field(description="受影响的数字，如“表三 全部”“表二 行政许可”")
    reason: str = Field(description="读取失败的原因（服务不可达、超时、5xx …）")


class Problem(BaseModel):
    """A violated invariant: the cell and why."""

    table: Literal["two", "three", "four"]
    row: str = Field(description="行的 key")
    row_label: str
    column: str = Field(description="列的 key")
    column_label: str
    reason: str


# --- the report -----------------------------------------------------------------------------


class Sections(BaseModel):
    overview: str = Field(description="一、总体情况")
    problems: str = Field(description="五、存在的主要问题及改进情况")
    other_matters: str = Field(description="六、其他需要报告的事项")
    overview_edited: bool = Field(description="一 是否经公开办修改（否则随数字重新起草）")


class AnnualReportSummary(BaseModel):
    id: int
    unit_id: int
    unit_name: str
    year: int
    scope: ReportScope
    scope_label: str
    status: ReportStatus
    status_label: str
    deadline: date = Field(description="发布期限（次年1月31日，《条例》第四十九条）")
    late: bool = Field(description="已过期限仍未发布，或发布晚于期限")
    updated_at: datetime
    published_at: datetime | None


class AnnualReportOut(AnnualReportSummary):
    title: str = Field(description="如“××区人民政府2026年政府信息公开工作年度报告”")
    sections: Sections
    tables: AnnualTables
    fees: InformationFees = Field(description="信息处理费（第六部分引用）")
    overview_figures: OverviewFigures
    figures_read_at: datetime = Field(description="草稿：最近读取时间；定稿：快照时间")
    frozen: bool = Field(description="数字是否为定稿快照")
    missing: list[MissingFigures]
    problems: list[Problem]
    can_finalise: bool = Field(description="所有数字齐全且校验通过，可以定稿")
    next_steps: list[ReportStep] = Field(
        default_factory=list, description="当前用户现在可以执行的操作"
    )
    created_by: str
    created_at: datetime
    updated_by: str
    finalised_by: str | None
    finalised_at: datetime | None
    published_by: str | None
    catalog_item_key: str | None = Field(description="发布到公开目录时的幂等键")


# --- requests -------------------------------------------------------------------------------


class AnnualReportIn(BaseModel):
    year: int = Field(ge=2008, le=2100, description="报告年度")
    scope: ReportScope = ReportScope.UNIT


class SectionsIn(BaseModel):
    """Only the sections given are changed; 一 set here is no longer re-drafted."""

    overview: str | None = Field(None, max_length=20_000)
    problems: str | None = Field(None, max_length=20_000)
    other_matters: str | None = Field(None, max_length=20_000)
    redraft_overview: bool = Field(False, description="按当前数字重新起草第一部分")


# --- differences and status -----------------------------------------------------------------


class Difference(BaseModel):
    table: Literal["two", "three", "four", "fees"]
    row: str
    row_label: str
    column: str
    column_label: str
    snapshot: Decimal | int | None = Field(description="定稿快照中的值")
    current: Decimal | int | None = Field(description="现在读取的值（来源缺失为空）")


class DifferencesOut(BaseModel):
    report_id: int
    snapshot_read_at: datetime
    current_read_at: datetime
    differences: list[Difference]
    missing: list[MissingFigures] = Field(description="现在读取时缺失的来源")


class UnitReportStatus(BaseModel):
    unit_id: int = Field(le=MAX_ID)
    unit_name: str
    parent_id: int | None
    scope: ReportScope = Field(description="该单位应发布的报告：政府本级为本地区汇总，其余为本单位")
    deadline: date = Field(description="本地区汇总3月31日，其余1月31日（《条例》第四十九条）")
    report_id: int | None
    status: ReportStatus | None = Field(description="无报告为空")
    status_label: str = Field(description="未编制 / 草稿 / 已定稿 / 已发布")
    published_at: datetime | None
    late: bool


class AnnualStatusOut(BaseModel):
    """Article 49: every unit in reach, whether its report for the year is published on time."""

    year: int
    deadline: date
    overdue: bool = Field(description="今天已过期限")
    units: list[UnitReportStatus]
    unpublished: int = Field(description="尚未发布的单位数")
    late: int = Field(description="逾期的单位数")


class HistoryEntry(BaseModel):
    at: datetime
    actor: str
    action: str
    before: dict[str, object] | None
    after: dict[str, object] | None


AnnualFigures.model_rebuild()
