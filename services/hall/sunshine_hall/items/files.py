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
import unicodedata
import zipfile

from sunshine_hall.items.errors import (
    FILE_ACTIVE_CONTENT,
    FILE_CONTENT_MISMATCH,
    FILE_EMPTY,
    FILE_TOO_LARGE,
    FILE_TYPE_NOT_ALLOWED,
)
from sunshine_kit.errors import AppError, FieldError, InvalidInput

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
MAX_FILENAME = 200
UNSAFE_IN_NAMES = re.compile(r'[<>:"|?*]')


class FileTooLarge(AppError):
    status_code = 413
    code = FILE_TOO_LARGE

    def __init__(self, limit: int) -> None:
        reason = f"文件超过 {limit / 1024 / 1024:g} MB 的大小上限"
        super().__init__(reason, fields=[FieldError(field="file", reason=reason)])


def clean_filename(name: str) -> str:
    """The name kept and offered for download: no folders, control or unsafe characters."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = UNSAFE_IN_NAMES.sub("_", name).strip(" .")
    stem, extension = posixpath.splitext(name)
    if len(name) > MAX_FILENAME:
        name = stem[: MAX_FILENAME - len(extension)] + extension
    return name


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
