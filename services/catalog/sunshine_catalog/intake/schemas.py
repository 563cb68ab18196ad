from __future__ import annotations

from pydantic import BaseModel, Field

from sunshine_catalog.fields import LegalDay
from sunshine_catalog.items.models import DocumentType
from sunshine_kit.ids import MAX_ID

# The columns other services publish into: the hall its 行政许可/行政处罚 decisions (双公示),
# the reporting service the annual report (年度报告) and the monthly bulletin (考评通报).
INTAKE_COLUMNS = {
    "X-DOUBLE-PUBLICITY-01": "hall",
    "X-DOUBLE-PUBLICITY-02": "hall",
    "X-ANNUAL-REPORT": "reporting",
    "X-EVALUATION": "reporting",
}


class IntakeItemIn(BaseModel):
    """An item another service publishes (its own review happened there)."""

    unit_id: int = Field(ge=1, le=MAX_ID)
    column_code: str = Field(description="栏目编码：" + "、".join(INTAKE_COLUMNS))
    title: str = Field(min_length=2, max_length=300)
    body_html: str = Field("", max_length=2_000_000)
    document_number: str = Field("", max_length=100, description="决定书文号等")
    formed_on: LegalDay = Field(description="决定或成文日期")
    document_type: DocumentType = DocumentType.OTHER
    keywords: str = Field("", max_length=200)
