"""The bulletin's score and ranking: pure functions of the month's figures and the weights.

Each part is scored from 0 to its full marks; a part whose source could not be read has no
score, and neither has the unit's total (a rank on a partial score would be unfair to the
others). Where a part has nothing to judge — no item was due, no case completed, nothing
rated — it earns its full marks: the unit did nothing wrong there. See docs/reporting.md.
"""

from __future__ import annotations

from sunshine_kit.figures import rate
from sunshine_reporting.bulletin.schemas import BulletinRow, ScorePart, UnitFigures, Weights

PART_LABELS = {
    "timeliness": "按时发布",
    "volume": "发布数量",
    "interpretation": "政策解读",
    "applications": "依申请公开办理",
    "hall_on_time": "按时办结",
    "satisfaction": "办事满意",
}


def _points(value: float) -> float:
    return round(max(value, 0.0), 2)


def timely(figures: UnitFigures) -> tuple[int, int] | None:
    """(published on time, items that fell due): what was due is what was published in the
    month and what is still unpublished past its date; None when the catalog is missing."""
    f = figures
    if f.published is None or f.late is None or f.overdue_unpublished is None:
        return None
    due = f.published + f.overdue_unpublished
    return due - f.late - f.overdue_unpublished, due


def score_parts(figures: UnitFigures, weights: Weights, most_published: int) -> list[ScorePart]:
    """Each part's score for one unit; `most_published` is the month's highest count."""
    f = figures
    timeliness: float | None = None
    if (counts := timely(f)) is not None:
        published_on_time, due = counts
        timeliness = weights.timeliness * (published_on_time / due if due else 1)
    volume: float | None = None
    if f.published is not None:
        volume = weights.volume * f.published / most_published if most_published else 0.0
    interpretation: float | None = None
    if f.interpretations_late is not None:
        interpretation = weights.interpretation - (
            weights.interpretation_deduction * f.interpretations_late
        )
    applications: float | None = None
    if f.applications_overdue is not None and f.applications_due_soon is not None:
        applications = (
            weights.applications
            - weights.overdue_deduction * f.applications_overdue
            - weights.due_soon_deduction * f.applications_due_soon
        )
    hall_on_time: float | None = None
    if f.hall_completed is not None and f.hall_on_time is not None:
        hall_on_time = weights.hall_on_time * (
            f.hall_on_time / f.hall_completed if f.hall_completed else 1
        )
    satisfaction: float | None = None
    if f.hall_rated is not None and f.hall_satisfied is not None:
        satisfaction = weights.satisfaction * (
            f.hall_satisfied / f.hall_rated if f.hall_rated else 1
        )
    scores = {
        "timeliness": timeliness,
        "volume": volume,
        "interpretation": interpretation,
        "applications": applications,
        "hall_on_time": hall_on_time,
        "satisfaction": satisfaction,
    }
    return [
        ScorePart(
            key=key,
            label=PART_LABELS[key],
            full=getattr(weights, key),
            score=None if value is None else _points(value),
        )
        for key, value in scores.items()
    ]


def rank(rows: list[BulletinRow]) -> list[BulletinRow]:
    """Rows by score, highest first, ranked 1, 2, 2, 4 …; rows without a score last, unranked."""
    scored = sorted(
        (r for r in rows if r.score is not None), key=lambda r: (-(r.score or 0), r.unit_id)
    )
    previous: float | None = None
    place = 0
    for position, row in enumerate(scored, start=1):
        if row.score != previous:
            place, previous = position, row.score
        row.rank = place
    unscored = [r for r in rows if r.score is None]
    for row in unscored:
        row.rank = None
    return scored + unscored


def score_rows(named: list[tuple[int, str, UnitFigures]], weights: Weights) -> list[BulletinRow]:
    """Every unit's row with its parts, total and rank, in ranking order."""
    most = max((f.published or 0 for _, _, f in named), default=0)
    rows = []
    for unit_id, unit_name, figures in named:
        parts = score_parts(figures, weights, most)
        total = (
            None
            if any(p.score is None for p in parts)
            else round(sum(p.score or 0 for p in parts), 2)
        )
        counts = timely(figures)
        rows.append(
            BulletinRow(
                unit_id=unit_id,
                unit_name=unit_name,
                figures=figures,
                on_time_rate=None if counts is None else rate(*counts),
                hall_on_time_rate=rate(figures.hall_on_time, figures.hall_completed),
                hall_satisfaction_rate=rate(figures.hall_satisfied, figures.hall_rated),
                parts=parts,
                score=total,
                rank=None,
            )
        )
    return rank(rows)
