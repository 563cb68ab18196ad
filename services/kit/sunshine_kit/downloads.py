"""Files people upload and download: the name kept for an upload, the refusal of one too
large, and the headers of a download (the catalogue's attachments, the hall's forms, the
reports' exports)."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from urllib.parse import quote

from sunshine_kit.errors import AppError, FieldError

FILE_TOO_LARGE = "file_too_large"
MAX_FILENAME = 200
# Characters Windows refuses in names, which would break saving the download.
UNSAFE_IN_NAMES = re.compile(r'[<>:"|?*]')


class FileTooLarge(AppError):
    """413 for an upload over its limit, naming the field `file`."""

    status_code = 413
    code = FILE_TOO_LARGE

    def __init__(self, limit: int) -> None:
        reason = f"文件超过 {size_text(limit)} 的大小上限"
        super().__init__(reason, fields=[FieldError(field="file", reason=reason)])


def size_text(size: int) -> str:
    """A size as people read it: 50 MB, 300 KB, 12 字节."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:g} MB"
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} 字节"


def clean_filename(name: str) -> str:
    """The name as it is kept and offered for download: no folders, control or unsafe chars."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    # Control and format characters include the right-to-left override ("txt.exe" shown as
    # "exe.txt"), which would disguise a name.
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = UNSAFE_IN_NAMES.sub("_", name).strip(" .")
    stem, extension = posixpath.splitext(name)
    if len(name) > MAX_FILENAME:
        name = stem[: MAX_FILENAME - len(extension)] + extension
    return name


def attachment_disposition(filename: str, ascii_name: str | None = None) -> str:
    """RFC 6266/5987: browsers take the UTF-8 name (filename*), older clients an ASCII one
    (`ascii_name`, or what is left of `filename` in ASCII)."""
    if ascii_name is not None:
        return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"
    stem, extension = posixpath.splitext(filename)
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    ascii_stem = re.sub(r"[^A-Za-z0-9._ -]", "_", ascii_stem).strip(" ._")
    fallback = (ascii_stem or "attachment") + re.sub(r"[^A-Za-z0-9.]", "", extension)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
