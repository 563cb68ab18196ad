"""Vocabularies: an enumeration's values with the Chinese labels people read.

Each component serves its enumerations at `GET /api/<component>/vocabulary`, so the SPA shows
the labels the services define instead of typing them a second time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from pydantic import BaseModel

Value = TypeVar("Value", bound=str)  # a StrEnum member, usually


class Term(BaseModel):
    """One value of an enumeration and its label."""

    value: str
    label: str


def terms(labels: Mapping[Value, str]) -> list[Term]:
    """The terms of `labels`, in its order (the order the SPA offers them in)."""
    return [Term(value=str(value), label=label) for value, label in labels.items()]
