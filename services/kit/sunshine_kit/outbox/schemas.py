from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class OutboxMessageOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    key: str
    destination: str
    method: str
    path: str
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None


class OutboxSummary(BaseModel):
    pending: int
    delivered: int
    dead: int
