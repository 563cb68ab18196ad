"""Importing this module puts every kit table on `Base.metadata` (for Alembic and tests)."""

from sunshine_kit.audit.models import AuditEntry
from sunshine_kit.calendar.models import CalendarYear
from sunshine_kit.db import Base
from sunshine_kit.inbox import ReceivedMessage
from sunshine_kit.outbox.models import OutboxMessage
from sunshine_kit.units.models import Unit

metadata = Base.metadata

__all__ = ["AuditEntry", "CalendarYear", "OutboxMessage", "ReceivedMessage", "Unit", "metadata"]
