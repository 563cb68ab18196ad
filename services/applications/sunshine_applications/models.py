"""Every table of the applications service, for Alembic."""

from sunshine_applications.applications.models import (
    DisclosureApplication,
    OpinionRequest,
    Remedy,
    TrackingSequence,
)
from sunshine_applications.inquiries.models import Inquiry
from sunshine_kit.models import metadata

__all__ = [
    "DisclosureApplication",
    "Inquiry",
    "OpinionRequest",
    "Remedy",
    "TrackingSequence",
    "metadata",
]
