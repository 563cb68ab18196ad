"""Every table of the hall service, for Alembic."""

from sunshine_kit.models import metadata

__all__ = ["metadata"]
