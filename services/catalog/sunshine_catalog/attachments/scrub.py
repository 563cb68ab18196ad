"""Removing what a file tells about its drafters before it is kept: the original never is.

A disclosure must not leak author names, the company, revision history, comments, tracked
changes or where a photo was taken; and a file the public downloads from a government site must
not run anything: PDFs lose their scripts, actions, embedded files and form scripts. Only
formats whose metadata can be removed reliably are accepted; the type is read from the content,
not trusted from the extension.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from io import BytesIO

from sunshine_catalog.attachments.images import scrub_image
from sunshine_catalog.attachments.office import scrub_office
from sunshine_catalog.attachments.pdf import scrub_pdf
from sunshine_catalog.attachments.refusal import Refused
from sunshine_catalog.errors import (
    CONTENT_MISMATCH,
    FILE_EMPTY,
    LEGACY_FORMAT,
    TYPE_NOT_ALLOWED,
)


@dataclass(frozen=True)
class Cleaned:
    data: bytes
    content_type: str
    scrubbed: bool  # False only for plain text, which carries no metadata


# Extension → the kind the content must be.
KINDS = {
    "pdf": "pdf",
    "docx": "docx",
    "xlsx": "xlsx",
    "pptx": "pptx",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "png": "png",
    "txt": "text",
    "csv": "text",
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "jpeg": "image/jpeg",
    "png": "image/png",
}
LABELS = {
    "pdf": "PDF",
    "docx": "Word（.docx）",
    "xlsx": "Excel（.xlsx）",
    "pptx": "PowerPoint（.pptx）",
    "jpeg": "JPG 图片",
    "png": "PNG 图片",
    "text": "文本",
}
# Binary formats of old Office and WPS: their revision and author records cannot be removed
# reliably, so the uploader is asked for a format that can be cleaned.
LEGACY = {"doc", "xls", "ppt", "wps", "et", "dps", "dot", "xlt", "pot"}
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

ALLOWED_MESSAGE = (
    "不支持该文件类型，请上传 PDF、Word（.docx）、Excel（.xlsx）、PowerPoint（.pptx）、"
    "JPG、PNG、TXT 或 CSV 文件"
)
LEGACY_MESSAGE = (
    "旧版 Office/WPS 格式（.doc、.xls、.ppt、.wps 等）无法可靠清除作者、修订和批注信息，"
    "请另存为 .docx、.xlsx、.pptx 或 PDF 后上传"
)


def clean(filename: str, data: bytes) -> Cleaned:
    """The file as it may be kept and published, or `Refused` with the reason."""
    extension = posixpath.splitext(filename)[1].lower().lstrip(".")
    if data.startswith(OLE2_MAGIC) or extension in LEGACY:
        raise Refused(LEGACY_MESSAGE, LEGACY_FORMAT)
    kind = KINDS.get(extension)
    if kind is None:
        raise Refused(ALLOWED_MESSAGE, TYPE_NOT_ALLOWED)
    if not data:
        raise Refused("文件为空", FILE_EMPTY)
    found = detect(data)
    if found != kind:
        raise Refused(
            f"文件内容不是{LABELS[kind]}文件，与扩展名 .{extension} 不符", CONTENT_MISMATCH
        )
    if kind == "text":
        media = "text/csv" if extension == "csv" else "text/plain"
        return Cleaned(data, f"{media}; charset={_text_encoding(data)}", scrubbed=False)
    if kind == "pdf":
        cleaned = scrub_pdf(data)
    elif kind in ("jpeg", "png"):
        cleaned = scrub_image(data, kind)
    else:
        cleaned = scrub_office(data)
    return Cleaned(cleaned, CONTENT_TYPES[kind], scrubbed=True)


def detect(data: bytes) -> str | None:
    """The kind of file the bytes are, by their signature (None: none we accept)."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"PK\x03\x04"):
        return _office_kind(data)
    if b"\x00" not in data and _text_encoding(data) is not None:
        return "text"
    return None


def _text_encoding(data: bytes) -> str | None:
    """UTF-8, or GB18030 (which covers GBK and GB2312) as Chinese Windows saves text."""
    for encoding, name in (("utf-8-sig", "utf-8"), ("gb18030", "gb18030")):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return name
    return None


def _office_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return None
    if "[Content_Types].xml" not in names:
        return None
    for part, kind in (
        ("word/document.xml", "docx"),
        ("xl/workbook.xml", "xlsx"),
        ("ppt/presentation.xml", "pptx"),
    ):
        if part in names:
            return kind
    return None
