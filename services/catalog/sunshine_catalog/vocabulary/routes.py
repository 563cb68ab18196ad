"""The catalog's vocabulary: what each of its codes is called, for the SPA to show."""

from __future__ import annotations

from fastapi import APIRouter, Response

from sunshine_catalog.actions import ACTION_LABELS
from sunshine_catalog.items.models import (
    CHANGE_KIND_LABELS,
    DISCLOSURE_LABELS,
    DOCUMENT_TYPE_LABELS,
    STATUS_LABELS,
    VALIDITY_LABELS,
)
from sunshine_catalog.items.rules import STEP_LABELS
from sunshine_catalog.items.schemas import CHANNEL_LABELS
from sunshine_catalog.proposals.models import PROPOSAL_STATUS_LABELS
from sunshine_catalog.search.schemas import SEARCH_ORDER_LABELS
from sunshine_catalog.vocabulary.schemas import CatalogVocabulary
from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.vocabulary import terms

router = APIRouter(prefix="/vocabulary", tags=["vocabulary"], responses=ERROR_RESPONSES)

VOCABULARY = CatalogVocabulary(
    statuses=terms(STATUS_LABELS),
    disclosure_attributes=terms(DISCLOSURE_LABELS),
    validities=terms(VALIDITY_LABELS),
    document_types=terms(DOCUMENT_TYPE_LABELS),
    channels=terms(CHANNEL_LABELS),
    change_kinds=terms(CHANGE_KIND_LABELS),
    steps=terms(STEP_LABELS),
    actions=terms(ACTION_LABELS),
    search_orders=terms(SEARCH_ORDER_LABELS),
    proposal_statuses=terms(PROPOSAL_STATUS_LABELS),
)


@router.get("", response_model=CatalogVocabulary)
async def vocabulary(response: Response) -> CatalogVocabulary:
    """信息状态、公开属性、效力、文件类型、公开渠道、操作等的名称 (public; changes only with a
    release)."""
    response.headers["Cache-Control"] = "public, max-age=3600"
    return VOCABULARY
