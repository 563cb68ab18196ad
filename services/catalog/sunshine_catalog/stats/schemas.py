from __future__ import annotations

from pydantic import BaseModel, Field


class CatalogueFigures(BaseModel):
    """Figures of one unit's catalogue, for the reporting service."""

    unit_id: int
    unit_name: str
    columns: int = Field(description="本单位目录中的栏目数")
    article20_columns: int = Field(description="其中对应《条例》第二十条的栏目数")
