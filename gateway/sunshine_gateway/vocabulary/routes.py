"""The gateway's vocabulary: roles, role groups and unit types, with their labels."""

from __future__ import annotations

from fastapi import APIRouter, Response
from pydantic import BaseModel

from sunshine_kit.errors import ERROR_RESPONSES
from sunshine_kit.roles import CAN_LABELS, ROLE_LABELS
from sunshine_kit.units.models import UNIT_TYPE_LABELS
from sunshine_kit.vocabulary import Term, terms

router = APIRouter(prefix="/vocabulary", tags=["vocabulary"], responses=ERROR_RESPONSES)


class GatewayVocabulary(BaseModel):
    roles: list[Term]
    role_groups: list[Term]
    unit_types: list[Term]


VOCABULARY = GatewayVocabulary(
    roles=terms(ROLE_LABELS), role_groups=terms(CAN_LABELS), unit_types=terms(UNIT_TYPE_LABELS)
)


@router.get("", response_model=GatewayVocabulary)
async def vocabulary(response: Response) -> GatewayVocabulary:
    """角色、角色组与单位类型的名称 (public; changes only with a release)."""
    response.headers["Cache-Control"] = "public, max-age=3600"
    return VOCABULARY
