from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class UnitOverview(BaseModel):
    """A unit's figures gathered from the other services at the time asked."""

    unit_id: int
    unit_name: str
    catalogue_columns: int = Field(description="公开目录栏目数（来自公开目录服务）")
    generated_at: datetime
