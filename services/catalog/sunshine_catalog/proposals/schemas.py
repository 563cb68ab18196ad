from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from sunshine_catalog.proposals.models import ProposalStatus
from sunshine_kit.ids import MAX_ID


class ProposalIn(BaseModel):
    """What the applications service sends (Article 44)."""

    unit_id: int = Field(ge=1, le=MAX_ID)
    description: str = Field(min_length=1, max_length=5000, description="申请公开的信息")
    application_count: int = Field(ge=1, le=MAX_ID, description="申请件数")
    tracking_numbers: list[str] = Field(max_length=1000, description="申请编号")


class ProposalOut(BaseModel):
    id: int
    unit_id: int
    description: str
    application_count: int
    tracking_numbers: list[str]
    status: ProposalStatus
    handled_by: str | None
    handled_at: datetime | None
    item_id: int | None
    note: str
    created_at: datetime


class ProposalPage(BaseModel):
    items: list[ProposalOut]
    total: int
    page: int
    size: int


class AcceptIn(BaseModel):
    item_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="据此主动公开的信息（可在发布后补填）"
    )
    note: str = Field("", max_length=2000)


class DeclineIn(BaseModel):
    note: str = Field(min_length=2, max_length=2000, description="不予采纳的理由")
