"""Every table of the hall service, for Alembic."""

from sunshine_hall.cases.models import (
    Case,
    CaseExtension,
    CaseSequence,
    CaseStep,
    CaseSuspension,
    MissingMaterialsNotice,
)
from sunshine_hall.enforcement.models import EnforcementDecision
from sunshine_hall.items.models import ItemMaterial, MaterialFile, ServiceItem, ServiceItemVersion
from sunshine_hall.live.models import LiveEvent
from sunshine_hall.publicity.models import PublicityRecord
from sunshine_hall.queue.models import (
    AppointmentBooking,
    AppointmentSlot,
    Ticket,
    TicketCounter,
)
from sunshine_hall.ratings.models import (
    CaseRating,
    Complaint,
    FollowUp,
    RatingInvitation,
    RatingTablet,
)
from sunshine_hall.supervision.models import CompletionDay, SupervisionAlert
from sunshine_hall.windows.models import ServiceCentre, Window, WindowItem, WindowStaff, WindowUnit
from sunshine_kit.models import metadata

__all__ = [
    "AppointmentBooking",
    "AppointmentSlot",
    "Case",
    "CaseExtension",
    "CaseRating",
    "CaseSequence",
    "CaseStep",
    "CaseSuspension",
    "Complaint",
    "CompletionDay",
    "EnforcementDecision",
    "FollowUp",
    "ItemMaterial",
    "LiveEvent",
    "MaterialFile",
    "MissingMaterialsNotice",
    "PublicityRecord",
    "RatingInvitation",
    "RatingTablet",
    "ServiceCentre",
    "ServiceItem",
    "ServiceItemVersion",
    "SupervisionAlert",
    "Ticket",
    "TicketCounter",
    "Window",
    "WindowItem",
    "WindowStaff",
    "WindowUnit",
    "metadata",
]
