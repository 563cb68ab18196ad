"""Every table of the catalog service, for Alembic."""

from sunshine_catalog.columns.models import CatalogueColumn, UnitColumnSetting
from sunshine_kit.models import metadata

__all__ = ["CatalogueColumn", "UnitColumnSetting", "metadata"]
