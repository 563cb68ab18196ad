"""How every service states a share (按时办结率, 满意率, 按时发布率…)."""

from __future__ import annotations


def rate(part: int | None, whole: int | None) -> float | None:
    """A share as a 0–1 fraction to four places. None when there is nothing to share (no case
    completed, no rating given) or a figure is missing: a report then prints "—", never a
    0 % that reads as every case late or every visitor displeased."""
    if part is None or not whole:
        return None
    return round(part / whole, 4)
