"""Official documents (公文) as Word files, laid out as GB/T 9704-2012 lays them out: A4, the
page margins of the standard, the body in 仿宋 三号 on 22 lines a page, Chinese text in its
east-Asian font and Latin letters and digits in the Latin one. The reply letters and the annual
report are both filed as such documents: the layout is written here once."""

from __future__ import annotations

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Mm, Pt

BODY_FONT = "仿宋"
TITLE_FONT = "方正小标宋简体"
LATIN_FONT = "Times New Roman"
BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
LINE = Pt(28.95)  # 22 lines a page
PAGE_WIDTH_MM, LEFT_MARGIN_MM, RIGHT_MARGIN_MM = 210, 28, 26
TEXT_WIDTH_MM = PAGE_WIDTH_MM - LEFT_MARGIN_MM - RIGHT_MARGIN_MM


def fonts(rpr: CT_RPr, east_asian: str) -> None:
    """Chinese text takes the w:eastAsia font; Latin letters and digits the Latin one."""
    names = rpr.get_or_add_rFonts()
    names.set(qn("w:ascii"), LATIN_FONT)
    names.set(qn("w:hAnsi"), LATIN_FONT)
    names.set(qn("w:eastAsia"), east_asian)


def official_document() -> DocumentObject:
    """A new Word document with the standard's page and body text."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(LEFT_MARGIN_MM), Mm(RIGHT_MARGIN_MM)
    normal = document.styles["Normal"]
    style_rpr = normal.element.get_or_add_rPr()
    fonts(style_rpr, BODY_FONT)
    normal.font.size = BODY_SIZE
    # w:lang comes after w:sz in a run's properties: appended last, the order stays valid.
    language = OxmlElement("w:lang")
    language.set(qn("w:eastAsia"), "zh-CN")
    style_rpr.append(language)
    spacing = normal.paragraph_format
    spacing.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    spacing.line_spacing = LINE
    spacing.space_before = spacing.space_after = Pt(0)
    return document
