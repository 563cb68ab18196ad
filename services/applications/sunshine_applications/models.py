"""Every table of the applications service, for Alembic."""

from sunshine_kit.models import metadata

__all__ = ["metadata"]
