from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from sunshine_applications.applications.schemas import TrackIn


class LetterFormat(StrEnum):
    PDF = "pdf"
    DOCX = "docx"


class LetterContent(BaseModel, frozen=True):
    """答复告知书: what the letter says, laid out later as DOCX and PDF from this one value."""

    title: str
    number: str = Field(description="文号")
    addressee: str = Field(description="称谓：申请人姓名或组织名称")
    paragraphs: list[str] = Field(description="正文段落，每段首行缩进两字")
    signature: str = Field(description="落款：机关名称")
    date: str = Field(description="成文日期，如2026年3月20日")
    tracking_number: str


class PublicLetterIn(TrackIn):
    """The applicant downloads the reply letter with the tracking number and query code."""

    format: LetterFormat = LetterFormat.PDF
