"""The machine codes the queue answers with (part of the API: the SPA reads them)."""

from __future__ import annotations

CENTRE_NOT_FOUND = "centre_not_found"
TICKET_NOT_FOUND = "ticket_not_found"
NO_WINDOW_FOR_ITEM = "no_window_for_item"
WINDOW_CLOSED = "window_closed"
PRIORITY_BY_STAFF = "priority_by_staff"
# A step refused for where the ticket stands (409).
TICKET_IN_SERVICE = "ticket_in_service"
TICKET_NOT_AT_WINDOW = "ticket_not_at_window"
SAME_WINDOW = "same_window"
# Appointments
SLOT_NOT_FOUND = "slot_not_found"
SLOT_FULL = "slot_full"
SLOT_PAST = "slot_past"
SLOT_EXISTS = "slot_exists"
BOOKING_NOT_FOUND = "booking_not_found"
BOOKING_NOT_TODAY = "booking_not_today"
BOOKING_USED = "booking_used"
