"""What may be done to an annual report now: each step's starting statuses written once.

A step refuses with 409 when the report is not where the step starts; `next_steps` lists the
steps that would be accepted, so the workspace offers only those. Finalising further needs
every figure read and every invariant holding (checked in `service.finalise`, where the figures
are read afresh), and `next_steps` offers it only when the figures last read allow it.
"""

from __future__ import annotations

from sunshine_kit.errors import Conflict
from sunshine_reporting.annual.errors import ALREADY_PUBLISHED, NOT_A_DRAFT, NOT_FINALISED
from sunshine_reporting.annual.models import AnnualReport
from sunshine_reporting.annual.schemas import ReportStatus, ReportStep

FROM: dict[ReportStep, tuple[frozenset[ReportStatus], str, str]] = {
    ReportStep.EDIT: (frozenset({ReportStatus.DRAFT}), NOT_A_DRAFT, "只有草稿可以修改"),
    ReportStep.REGENERATE: (
        frozenset({ReportStatus.DRAFT}),
        NOT_A_DRAFT,
        "已定稿的报告数字已冻结，如需更新请先退回草稿",
    ),
    ReportStep.FINALISE: (frozenset({ReportStatus.DRAFT}), NOT_A_DRAFT, "只有草稿可以定稿"),
    ReportStep.REOPEN: (
        frozenset({ReportStatus.FINALISED}),
        NOT_FINALISED,
        "只有已定稿且未发布的报告可以退回草稿",
    ),
    ReportStep.PUBLISH: (
        frozenset({ReportStatus.FINALISED, ReportStatus.PUBLISHED}),
        NOT_FINALISED,
        "报告定稿后才能发布",
    ),
    ReportStep.COMPARE: (
        frozenset({ReportStatus.FINALISED, ReportStatus.PUBLISHED}),
        NOT_FINALISED,
        "报告定稿后才有快照可比对",
    ),
}


def ensure(report: AnnualReport, step: ReportStep) -> None:
    statuses, code, message = FROM[step]
    if ReportStatus(report.status) not in statuses:
        if report.status == ReportStatus.PUBLISHED:
            raise Conflict("报告已发布，不能再修改", code=ALREADY_PUBLISHED)
        raise Conflict(message, code=code)


def next_steps(report: AnnualReport, can_finalise: bool, may_prepare: bool) -> list[ReportStep]:
    """The steps the caller may take now (a reader only compares)."""
    steps = []
    for step, (statuses, _, _) in FROM.items():
        if ReportStatus(report.status) not in statuses:
            continue
        if step is ReportStep.PUBLISH and report.status == ReportStatus.PUBLISHED:
            continue
        if step is ReportStep.FINALISE and not can_finalise:
            continue
        if step is not ReportStep.COMPARE and not may_prepare:
            continue
        steps.append(step)
    return steps
