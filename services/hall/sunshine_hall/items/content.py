"""An item's content as one JSON document: what a publication freezes into a version.

The `service_item` row and its `item_material` rows are the working copy staff edit. Publishing
copies them, with the list of each material's files, into `service_item_version.content`; the
public guide reads only that copy, so edits after a publication change nothing the public sees
until the next one. Files are never deleted while a version lists them (`withdrawn` hides them
from the working copy instead).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sunshine_hall.items.models import ItemMaterial, MaterialFile, ServiceItem, ServiceItemVersion

# The item's own fields a version keeps, in the order the guide shows them.
ITEM_FIELDS = (
    "code",
    "unit_id",
    "name",
    "category",
    "hall_level",
    "kind",
    "legal_basis",
    "conditions",
    "procedure",
    "legal_limit_days",
    "promised_limit_days",
    "fee_basis",
    "fee_standard",
    "fee_fen",
    "authority",
    "location",
    "hours",
    "phone",
    "online",
)
MATERIAL_FIELDS = ("id", "name", "form", "copies", "required", "source", "note")
FILE_FIELDS = ("id", "purpose", "filename", "content_type", "size")


def snapshot(
    item: ServiceItem,
    materials: Sequence[ItemMaterial],
    files: Mapping[int, Sequence[MaterialFile]] | None = None,
) -> dict[str, Any]:
    """The working copy as a version stores it: `materials` in their order, each with its
    files (`files` by material id)."""
    files = files or {}
    content: dict[str, Any] = {name: _plain(getattr(item, name)) for name in ITEM_FIELDS}
    content["materials"] = [
        {
            **{name: _plain(getattr(material, name)) for name in MATERIAL_FIELDS},
            "files": [
                {name: _plain(getattr(file, name)) for name in FILE_FIELDS}
                for file in files.get(material.id, ())
            ],
        }
        for material in materials
    ]
    return content


def new_version(
    item: ServiceItem,
    materials: Sequence[ItemMaterial],
    files: Mapping[int, Sequence[MaterialFile]] | None = None,
    *,
    published_by: str,
) -> ServiceItemVersion:
    """The version `item.version` of the working copy, as published now."""
    return ServiceItemVersion(
        item_id=item.id,
        version=item.version,
        name=item.name,
        category=item.category,
        hall_level=item.hall_level,
        content=snapshot(item, materials, files),
        published_at=item.published_at,
        published_by=published_by,
    )


def file_ids(content: Mapping[str, Any]) -> set[int]:
    """The files a version offers for download."""
    return {file["id"] for material in content["materials"] for file in material["files"]}


def _plain(value: object) -> object:
    # Enum members are stored as their values (StrEnum compares equal, JSON wants str).
    return str(value) if isinstance(value, str) else value
