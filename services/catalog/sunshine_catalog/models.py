"""Every table of the catalog service, for Alembic."""

from sunshine_catalog.attachments.models import Attachment
from sunshine_catalog.columns.models import CatalogueColumn, UnitColumnSetting
from sunshine_catalog.items.models import (
    ChangeEntry,
    FeedCounter,
    IndexSequence,
    InformationItem,
    ItemColumn,
)
from sunshine_catalog.proposals.models import Proposal
from sunshine_kit.models import metadata

__all__ = [
    "Attachment",
    "CatalogueColumn",
    "ChangeEntry",
    "FeedCounter",
    "IndexSequence",
    "InformationItem",
    "ItemColumn",
    "Proposal",
    "UnitColumnSetting",
    "metadata",
]
