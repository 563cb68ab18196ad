"""Article 49 of the Regulations: by when a year's annual report must be published.

A department (and any unit reporting for itself) publishes its report of the previous year by
31 January; the government's own report, which rolls up its region, by 31 March. Calendar
dates, not working days: the article names the day.
"""

from __future__ import annotations

from datetime import date, datetime

from sunshine_kit.calendar.days import BEIJING
from sunshine_kit.units.models import UnitType
from sunshine_reporting.annual.schemas import ReportScope


def deadline(year: int, scope: ReportScope) -> date:
    """The last day to publish the report of `year`."""
    return date(year + 1, 3, 31) if scope is ReportScope.REGION else date(year + 1, 1, 31)


# Administrative bodies owe a report; a community's or a village's committee is self-governing
# (居务、村务公开), not an administrative body under the Regulations.
OWING_TYPES = frozenset(
    {UnitType.GOVERNMENT, UnitType.DEPARTMENT, UnitType.STREET, UnitType.TOWNSHIP}
)


def owes_report(unit_type: str) -> bool:
    return unit_type in OWING_TYPES


def owed_scope(unit_type: str) -> ReportScope:
    """The report a unit owes: a government its region's, every other unit its own."""
    return ReportScope.REGION if unit_type == UnitType.GOVERNMENT else ReportScope.UNIT


def is_late(due: date, published_at: datetime | None, today: date) -> bool:
    """Published after the deadline, or still unpublished once it has passed."""
    if published_at is not None:
        return published_at.astimezone(BEIJING).date() > due
    return today > due
