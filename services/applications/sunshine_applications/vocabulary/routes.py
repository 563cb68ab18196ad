"""The service's vocabulary, at GET /api/applications/vocabulary as every component has its own
(`sunshine_kit.vocabulary`)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from sunshine_applications.vocabulary.schemas import VOCABULARY, ApplicationsVocabulary
from sunshine_kit.errors import ERROR_RESPONSES

router = APIRouter(prefix="/vocabulary", tags=["vocabulary"], responses=ERROR_RESPONSES)


@router.get("", response_model=ApplicationsVocabulary)
async def vocabulary(response: Response) -> ApplicationsVocabulary:
    """依申请公开与咨询留言的状态、渠道、答复结果及细项、办理环节等名称 (public; changes only
    with a release)."""
    response.headers["Cache-Control"] = "public, max-age=3600"
    return VOCABULARY
