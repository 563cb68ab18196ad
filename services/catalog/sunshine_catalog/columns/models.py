from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow


class CatalogueColumn(Base):
    """栏目: one column of the disclosure catalogue template (目录模板).

    One template serves the whole region; a unit sees it without the columns hidden for its
    unit type (e.g. streets have no rural columns) and without those it chose to hide.
    """

    __tablename__ = "catalogue_column"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("catalogue_column.id"), index=True)
    article20_item: Mapped[int | None] = mapped_column(comment="《条例》第二十条第几项")
    sort_order: Mapped[int] = mapped_column(default=0)
    hidden_for_unit_types: Mapped[list[Any]] = mapped_column(default=list)
    retention_years: Mapped[int | None] = mapped_column(comment="保管期限（年），空为永久")
    active: Mapped[bool] = mapped_column(default=True)
    # Set when the column was merged into another: old links to it resolve to that column.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("catalogue_column.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class UnitColumnSetting(Base):
    """A unit's own choice to hide a column of the template from its catalogue."""

    __tablename__ = "unit_column_setting"

    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), primary_key=True)
    column_id: Mapped[int] = mapped_column(ForeignKey("catalogue_column.id"), primary_key=True)
    hidden: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
