"""Headers of a file download."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from urllib.parse import quote


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
