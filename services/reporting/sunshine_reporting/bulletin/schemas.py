"""The monthly evaluation bulletin (每月考评通报) as the API, the SPA and the exports see it.

A figure is `None` exactly when its source could not be read: the bulletin lists the source in
`missing`, the score parts it feeds are `None`, and such a bulletin cannot be issued.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field, model_validator

from sunshine_reporting.summary.sources import SourceGap


class BulletinStatus(StrEnum):
    DRAFT = "draft"  # 草稿：数字可重新读取
    ISSUED = "issued"  # 已印发：数字与权重冻结


STATUS_LABELS = {BulletinStatus.DRAFT: "草稿", BulletinStatus.ISSUED: "已印发"}

FULL_MARKS = 100


class Weights(BaseModel):
    """考评权重: the full marks of each part (they add up to 100) and the deductions.

    The defaults and why they are what they are: docs/reporting.md, "Monthly bulletin".
    """

    timeliness: int = Field(30, ge=0, le=100, description="按时发布（满分）× 按时发布的比例")
    volume: int = Field(10, ge=0, le=100, description="发布数量（满分）× 本单位发布数 / 本月最多者")
    interpretation: int = Field(20, ge=0, le=100, description="政策解读（满分）")
    interpretation_deduction: int = Field(
        5, ge=0, le=100, description="本月发布的政策文件每件未按时解读扣分"
    )
    applications: int = Field(20, ge=0, le=100, description="依申请公开办理（满分）")
    overdue_deduction: int = Field(5, ge=0, le=100, description="每件逾期未答复的申请扣分")
    due_soon_deduction: int = Field(0, ge=0, le=100, description="每件临近答复期限的申请扣分")
    hall_on_time: int = Field(10, ge=0, le=100, description="大厅按时办结（满分）× 按时办结率")
    satisfaction: int = Field(10, ge=0, le=100, description="办事满意（满分）× 满意率")

    @model_validator(mode="after")
    def _full_marks_add_up(self) -> Weights:
        total = (
            self.timeliness
            + self.volume
            + self.interpretation
            + self.applications
            + self.hall_on_time
            + self.satisfaction
        )
        if total != FULL_MARKS:
            raise ValueError(f"各项满分合计应为{FULL_MARKS}分，现为{total}分")
        return self


class WeightsOut(Weights):
    unit_id: int
    default: bool = Field(description="是否为默认权重（本单位尚未设置）")
    updated_by: str | None
    updated_at: datetime | None


class UnitFigures(BaseModel):
    """One unit's month, as read from the sources (None: the source could not be read)."""

    published: int | None = Field(description="本月主动公开信息数")
    late: int | None = Field(description="本月超期发布（超过20个工作日）")
    overdue_unpublished: int | None = Field(description="超期仍未发布（读取时）")
    policy_documents: int | None = Field(description="本月发布的规章和规范性文件")
    interpretations_late: int | None = Field(description="其中未按时（3个工作日内）解读的")
    applications_due_soon: int | None = Field(description="临近答复期限的申请（读取时）")
    applications_overdue: int | None = Field(description="逾期未答复的申请（读取时）")
    hall_completed: int | None = Field(description="本月大厅办结办件")
    hall_on_time: int | None = Field(description="其中按时办结")
    hall_rated: int | None = Field(description="本月办结办件的评价数")
    hall_satisfied: int | None = Field(description="其中满意")


class ScorePart(BaseModel):
    key: str
    label: str
    full: int = Field(description="满分")
    score: float | None = Field(description="得分；来源缺失为空")


class BulletinRow(BaseModel):
    unit_id: int
    unit_name: str
    figures: UnitFigures
    on_time_rate: float | None = Field(description="按时发布率（无应发布信息为空）")
    hall_on_time_rate: float | None = Field(description="大厅按时办结率（无办结为空）")
    hall_satisfaction_rate: float | None = Field(description="满意率（无评价为空）")
    parts: list[ScorePart]
    score: float | None = Field(description="总分；有来源缺失为空")
    rank: int | None = Field(description="名次（同分同名次）；有来源缺失为空")


class BulletinSummary(BaseModel):
    id: int
    unit_id: int
    year: int
    month: int
    title: str
    status: BulletinStatus
    status_label: str
    figures_read_at: datetime
    issued_at: datetime | None
    published_at: datetime | None
    missing: int = Field(description="缺失的来源数")


class BulletinOut(BulletinSummary):
    unit_name: str
    weights: Weights
    rows: list[BulletinRow] = Field(description="按名次排列")
    missing_sources: list[SourceGap]
    can_issue: bool
    created_by: str
    updated_by: str
    updated_at: datetime
    issued_by: str | None
    published_by: str | None
    catalog_item_key: str | None = Field(description="发布到公开目录时的幂等键")


class BulletinIn(BaseModel):
    year: int = Field(ge=2008, le=2100, description="年份")
    month: int = Field(ge=1, le=12, description="月份")
