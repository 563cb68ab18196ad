"""What a material's blank form or sample may be: PDF, Word or Excel, the type read from the
content (never trusted from the name), no larger than the kit's ATTACHMENT_MAX_BYTES.

Unlike the catalog's attachments (which strip authors and revisions from what a unit
discloses), forms are documents the centre made to be filled in, and the old binary formats
(.doc, .xls) that applicants' offices still use are accepted. What a form must not do is run
something on the applicant's computer: PDFs naming scripts, launch actions or embedded files,
and Office files carrying macros, are refused. Downloads go out as attachments with `nosniff`.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from sunshine_hall.items.errors import (
    FILE_ACTIVE_CONTENT,
    FILE_CONTENT_MISMATCH,
    FILE_EMPTY,
    FILE_TYPE_NOT_ALLOWED,
)
from sunshine_kit.downloads import FileTooLarge
from sunshine_kit.errors import InvalidInput

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ALLOWED_MESSAGE = "只能上传 PDF、Word（.doc、.docx）或 Excel（.xls、.xlsx）文件"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The part each Office Open XML kind must have.
MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
PDF_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia)\b")


def checked_type(filename: str, data: bytes, max_bytes: int) -> str:
    """The content type of an acceptable form file, or the refusal naming the field `file`."""
    if len(data) > max_bytes:
        raise FileTooLarge(max_bytes)
    if not data:
        raise InvalidInput("file", "文件为空", code=FILE_EMPTY)
    extension = posixpath.splitext(filename)[1].lower().lstrip(".")
    if extension not in CONTENT_TYPES:
        raise InvalidInput("file", ALLOWED_MESSAGE, code=FILE_TYPE_NOT_ALLOWED)
    if extension == "pdf":
        _check_pdf(data)
    elif extension in ("doc", "xls"):
        if not data.startswith(OLE2_MAGIC):
            raise _mismatch(extension)
        if b"V\x00B\x00A\x00" in data or b"_VBA_PROJECT" in data:
            raise InvalidInput("file", "文件含有宏，请删除宏后上传", code=FILE_ACTIVE_CONTENT)
    else:
        _check_office_xml(extension, data)
    return CONTENT_TYPES[extension]


def _mismatch(extension: str) -> InvalidInput:
    return InvalidInput(
        "file", f"文件内容不是 .{extension} 格式，请检查文件", code=FILE_CONTENT_MISMATCH
    )


def _check_pdf(data: bytes) -> None:
    if not data.lstrip()[:5] == b"%PDF-":
        raise _mismatch("pdf")
    if PDF_ACTIVE.search(data):
        raise InvalidInput(
            "file",
            "PDF 含有脚本、启动操作或嵌入文件，请另存为普通 PDF 后上传",
            code=FILE_ACTIVE_CONTENT,
        )


def _check_office_xml(extension: str, data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise _mismatch(extension) from None
    if MAIN_PART[extension] not in names:
        raise _mismatch(extension)
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise InvalidInput("file", "文件含有宏，请删除宏后上传", code=FILE_ACTIVE_CONTENT)
