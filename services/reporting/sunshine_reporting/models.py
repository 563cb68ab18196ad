"""Every table of the reporting service, for Alembic."""

from sunshine_kit.models import metadata
from sunshine_reporting.annual.models import AnnualReport
from sunshine_reporting.bulletin.models import Bulletin, BulletinWeights

__all__ = ["AnnualReport", "Bulletin", "BulletinWeights", "metadata"]
