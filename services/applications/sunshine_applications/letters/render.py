"""The reply letter laid out as a Word file and as a PDF, both from one LetterContent.

The layout follows GB/T 9704 (党政机关公文格式) as offices use it for letters: A4, margins
37/35/28/26 mm, 22 lines a page (fixed 28.95 pt), 仿宋 三号 body with a two-character first-line
indent, title in 小标宋 二号.
"""

from __future__ import annotations

import html
from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from weasyprint import HTML  # type: ignore[import-untyped]

from sunshine_applications.letters.schemas import LetterContent

BODY_FONT = "仿宋"
TITLE_FONT = "方正小标宋简体"
LATIN_FONT = "Times New Roman"
BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
LINE = Pt(28.95)
# Debian's fonts-noto-cjk: the serif face stands in for 仿宋 and 小标宋 on the server.
PDF_FONTS = '"Noto Serif CJK SC", "Noto Sans CJK SC", serif'


def docx_bytes(content: LetterContent) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    style_rpr = normal.element.get_or_add_rPr()
    _fonts(style_rpr, BODY_FONT)
    normal.font.size = BODY_SIZE
    # w:lang comes after w:sz in a run's properties: appended last, the order stays valid.
    language = OxmlElement("w:lang")
    language.set(qn("w:eastAsia"), "zh-CN")
    style_rpr.append(language)
    spacing = normal.paragraph_format
    spacing.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    spacing.line_spacing = LINE
    spacing.space_before = spacing.space_after = Pt(0)

    title = _line(document.add_paragraph(), content.title, WD_ALIGN_PARAGRAPH.CENTER)
    title.paragraph_format.line_spacing = Pt(40)
    run = title.runs[0]
    run.font.size = TITLE_SIZE
    _fonts(run.element.get_or_add_rPr(), TITLE_FONT)
    _line(document.add_paragraph(), content.number, WD_ALIGN_PARAGRAPH.CENTER)
    document.add_paragraph()
    _line(document.add_paragraph(), f"{content.addressee}：", WD_ALIGN_PARAGRAPH.JUSTIFY)
    for text in content.paragraphs:
        paragraph = _line(document.add_paragraph(), text, WD_ALIGN_PARAGRAPH.JUSTIFY)
        paragraph.paragraph_format.first_line_indent = 2 * BODY_SIZE
        # Word counts the indent in characters when this is set, whatever the font size.
        paragraph.paragraph_format.element.get_or_add_pPr().get_or_add_ind().set(
            qn("w:firstLineChars"), "200"
        )
    document.add_paragraph().paragraph_format.keep_with_next = True
    # The seal line: the office's name over the date, never split across two pages.
    for text in (content.signature, content.date):
        closing = _line(document.add_paragraph(), text, WD_ALIGN_PARAGRAPH.RIGHT)
        closing.paragraph_format.right_indent = 2 * BODY_SIZE
        closing.paragraph_format.keep_with_next = text == content.signature
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _line(paragraph: Paragraph, text: str, align: WD_ALIGN_PARAGRAPH) -> Paragraph:
    paragraph.alignment = align
    paragraph.add_run(text)
    return paragraph


def _fonts(rpr: CT_RPr, east_asian: str) -> None:
    """Chinese text takes the w:eastAsia font; Latin letters and digits the Latin one."""
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asian)


def letter_html(content: LetterContent) -> str:
    body = "\n".join(f"<p>{html.escape(text)}</p>" for text in content.paragraphs)
    return f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{html.escape(content.title)} {html.escape(content.number)}</title>
<style>
@page {{ size: A4; margin: 37mm 26mm 35mm 28mm; }}
body {{ font-family: {PDF_FONTS}; font-size: 16pt; line-height: 28.95pt; color: #000; }}
h1 {{ font-size: 22pt; line-height: 40pt; font-weight: bold; text-align: center; margin: 0; }}
p {{ margin: 0; text-indent: 2em; text-align: justify; }}
p.number {{ text-align: center; text-indent: 0; margin-bottom: 28.95pt; }}
p.addressee {{ text-indent: 0; }}
div.seal {{ break-inside: avoid; margin-top: 28.95pt; }}
div.seal p {{ text-align: right; text-indent: 0; padding-right: 2em; }}
</style>
</head>
<body>
<h1>{html.escape(content.title)}</h1>
<p class="number">{html.escape(content.number)}</p>
<p class="addressee">{html.escape(content.addressee)}：</p>
{body}
<div class="seal">
<p>{html.escape(content.signature)}</p>
<p>{html.escape(content.date)}</p>
</div>
</body>
</html>
"""


def pdf_bytes(content: LetterContent) -> bytes:
    pdf: bytes = HTML(string=letter_html(content)).write_pdf()
    return pdf
