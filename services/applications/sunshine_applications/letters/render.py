"""The reply letter laid out as a Word file and as a PDF, both from one LetterContent.

The layout follows GB/T 9704 (党政机关公文格式) as offices use it for letters: A4, margins
37/35/28/26 mm, 22 lines a page (fixed 28.95 pt), 仿宋 三号 body with a two-character first-line
indent, title in 小标宋 二号.
"""

from __future__ import annotations

import html
from io import BytesIO

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from weasyprint import HTML  # type: ignore[import-untyped]

from sunshine_applications.letters.schemas import LetterContent
from sunshine_kit.documents import BODY_SIZE, TITLE_FONT, TITLE_SIZE, fonts, official_document

# Debian's fonts-noto-cjk: the serif face stands in for 仿宋 and 小标宋 on the server.
PDF_FONTS = '"Noto Serif CJK SC", "Noto Sans CJK SC", serif'


def docx_bytes(content: LetterContent) -> bytes:
    document = official_document()

    title = _line(document.add_paragraph(), content.title, WD_ALIGN_PARAGRAPH.CENTER)
    title.paragraph_format.line_spacing = Pt(40)
    run = title.runs[0]
    run.font.size = TITLE_SIZE
    fonts(run.element.get_or_add_rPr(), TITLE_FONT)
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
