"""Every table of the reporting service, for Alembic."""

from sunshine_kit.models import metadata

__all__ = ["metadata"]
