"""Removing what a file tells about its drafters before it is kept: the original never is.

A disclosure must not leak author names, the company, revision history, comments, tracked
changes or where a photo was taken. Only formats whose metadata can be removed reliably are
accepted; the type is read from the content, not trusted from the extension.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from io import BytesIO

import pikepdf
from lxml import etree
from PIL import Image, ImageOps, UnidentifiedImageError


class Refused(Exception):
    """The file is not accepted; `reason` is what the uploader reads."""

    def __init__(self, reason: str, code: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


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
DAMAGED_MESSAGE = "文件已损坏或无法读取"

# Limits against archives and images that expand to exhaust memory ("zip bombs").
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_IMAGE_PIXELS = 100_000_000


def clean(filename: str, data: bytes) -> Cleaned:
    """The file as it may be kept and published, or `Refused` with the reason."""
    extension = posixpath.splitext(filename)[1].lower().lstrip(".")
    if data.startswith(OLE2_MAGIC) or extension in LEGACY:
        raise Refused(LEGACY_MESSAGE, "legacy_format")
    kind = KINDS.get(extension)
    if kind is None:
        raise Refused(ALLOWED_MESSAGE, "type_not_allowed")
    if not data:
        raise Refused("文件为空", "file_empty")
    found = detect(data)
    if found != kind:
        raise Refused(
            f"文件内容不是{LABELS[kind]}文件，与扩展名 .{extension} 不符", "content_mismatch"
        )
    if kind == "text":
        media = "text/csv" if extension == "csv" else "text/plain"
        return Cleaned(data, f"{media}; charset={_text_encoding(data)}", scrubbed=False)
    if kind == "pdf":
        cleaned = _pdf(data)
    elif kind in ("jpeg", "png"):
        cleaned = _image(data, kind)
    else:
        cleaned = _office(data)
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


# --- PDF -------------------------------------------------------------------------------------

# Review markup: sticky notes, highlights, strike-outs, ink... each carries its author (/T).
MARKUP_ANNOTATIONS = {
    "/Text",
    "/Popup",
    "/FreeText",
    "/Highlight",
    "/Underline",
    "/StrikeOut",
    "/Squiggly",
    "/Caret",
    "/Ink",
    "/Stamp",
    "/FileAttachment",
    "/Sound",
    "/Redact",
}


def _pdf(data: bytes) -> bytes:
    try:
        pdf = pikepdf.open(BytesIO(data))
    except pikepdf.PasswordError:
        raise Refused(
            "PDF 文件已加密，无法清除其中的信息，请上传未加密的文件", "encrypted"
        ) from None
    except pikepdf.PdfError:
        raise Refused(DAMAGED_MESSAGE, "file_damaged") from None
    with pdf:
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        # XMP packets and application private data sit on the catalogue, pages and images alike.
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                for key in ("/Metadata", "/PieceInfo"):
                    if key in obj:
                        del obj[key]
        names = pdf.Root.get("/Names")
        if isinstance(names, pikepdf.Dictionary):
            # Embedded files could carry the original draft; scripts have no place in a disclosure.
            for key in ("/EmbeddedFiles", "/JavaScript"):
                if key in names:
                    del names[key]
        if "/AA" in pdf.Root:
            del pdf.Root["/AA"]
        for page in pdf.pages:
            annots = page.obj.get("/Annots")
            if not isinstance(annots, pikepdf.Array):
                continue
            kept = [a for a in annots if a.get("/Subtype") not in MARKUP_ANNOTATIONS]
            if kept:
                page.obj["/Annots"] = pikepdf.Array(kept)
            else:
                del page.obj["/Annots"]
        out = BytesIO()
        # Written anew: earlier revisions kept by incremental saves are not carried over.
        pdf.save(out, fix_metadata_version=False, deterministic_id=True)
    return out.getvalue()


# --- images ----------------------------------------------------------------------------------


def _image(data: bytes, kind: str) -> bytes:
    try:
        with Image.open(BytesIO(data)) as original:
            if original.width * original.height > MAX_IMAGE_PIXELS:
                raise Refused("图片尺寸过大", "image_too_large")
            # Turn the picture as EXIF says before EXIF goes, so it does not end up sideways.
            image = ImageOps.exif_transpose(original)
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise Refused(DAMAGED_MESSAGE, "file_damaged") from None
    # Only colour and transparency survive: no EXIF/GPS, XMP, comments or text chunks.
    options: dict[str, object] = {}
    if icc := image.info.get("icc_profile"):
        options["icc_profile"] = icc
    transparency = image.info.get("transparency")
    image.info = {}
    out = BytesIO()
    if kind == "jpeg":
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=92, **options)
    else:
        if transparency is not None:
            options["transparency"] = transparency
        image.save(out, "PNG", **options)
    return out.getvalue()


# --- Office Open XML (docx, xlsx, pptx) ------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

# Relationship types (the last segment of their URI) whose parts go: comments and their
# authors, shared-workbook revisions and user names, custom properties, the first-page
# thumbnail, and the template path (which names the drafter's home directory).
DROPPED_RELATIONS = {
    "comments",
    "commentsExtended",
    "commentsIds",
    "commentsExtensible",
    "people",
    "threadedComment",
    "person",
    "commentAuthors",
    "authors",
    "revisionHeaders",
    "usernames",
    "custom-properties",
    "thumbnail",
    "attachedTemplate",
}
# A worksheet's legacy drawing holds the boxes its comments were shown in.
SHEET_COMMENT_DRAWINGS = {"vmlDrawing"}

EMPTY_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    b'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    b'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
    b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
)
EMPTY_APP = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
    b'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>'
)

# Tracked changes: deletions go (with the rows deleted), insertions stay as plain text, and the
# records of formatting changes and comment anchors are dropped — as "accept all changes" does.
REVISION_REMOVED = {
    f"{{{W}}}{name}"
    for name in (
        "del",
        "moveFrom",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "numberingChange",
        "cellIns",
        "cellDel",
        "cellMerge",
        "commentRangeStart",
        "commentRangeEnd",
        "commentReference",
    )
}
REVISION_UNWRAPPED = {f"{{{W}}}ins", f"{{{W}}}moveTo"}

# Untrusted XML: no entity expansion, no network, no huge trees.
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _parse(data: bytes) -> etree._Element:
    try:
        return etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError:
        raise Refused(DAMAGED_MESSAGE, "file_damaged") from None


def _serialise(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _rels_source(rels_name: str) -> str:
    """ "word/_rels/document.xml.rels" → "word/document.xml"; "_rels/.rels" → "" (the package)."""
    folder, name = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), name.removesuffix(".rels"))


def _rels_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _read_parts(data: bytes) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES:
                raise Refused("文件包含的部件过多", "file_damaged")
            if sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
                raise Refused("文件解压后过大", "file_damaged")
            if any(e.filename.lower().endswith("vbaproject.bin") for e in entries):
                raise Refused(
                    "文档含有宏，不予接收：请另存为不含宏的 .docx、.xlsx 或 .pptx", "macros"
                )
            return {e.filename: archive.read(e) for e in entries if not e.is_dir()}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError):
        raise Refused(DAMAGED_MESSAGE, "file_damaged") from None


def _office(data: bytes) -> bytes:
    parts = _read_parts(data)
    dropped: set[str] = set()
    dropped_ids: dict[str, set[str]] = {}
    for rels_name in [n for n in parts if n.endswith(".rels")]:
        source = _rels_source(rels_name)
        root = _parse(parts[rels_name])
        kinds = {rel.get("Type", "").rsplit("/", 1)[-1] for rel in root}
        drop = DROPPED_RELATIONS
        if source.startswith("xl/worksheets/") and "comments" in kinds:
            drop = drop | SHEET_COMMENT_DRAWINGS
        for rel in list(root):
            if rel.get("Type", "").rsplit("/", 1)[-1] not in drop:
                continue
            if rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                base = posixpath.dirname(source)
                path = (
                    target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
                )
                dropped.add(posixpath.normpath(path))
            dropped_ids.setdefault(source, set()).add(rel.get("Id", ""))
            root.remove(rel)
        parts[rels_name] = _serialise(root)
    dropped |= {_rels_of(part) for part in dropped}

    for name in list(parts):
        if name in dropped:
            del parts[name]
        elif name == "docProps/core.xml":
            parts[name] = EMPTY_CORE
        elif name == "docProps/app.xml":
            parts[name] = EMPTY_APP
        elif name.endswith(".xml") and (name in dropped_ids or name.startswith("word/")):
            parts[name] = _clean_part(parts[name], dropped_ids.get(name, set()))
    parts["[Content_Types].xml"] = _without_overrides(parts["[Content_Types].xml"], dropped)

    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            # A fixed date: the entries' times would tell when the drafter last saved.
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), content)
    return out.getvalue()


def _clean_part(data: bytes, dropped_ids: set[str]) -> bytes:
    root = _parse(data)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if element.tag in REVISION_REMOVED or any(
            key.startswith(f"{{{R}}}") and value in dropped_ids
            for key, value in element.attrib.items()
        ):
            _remove(element)
        elif element.tag in REVISION_UNWRAPPED:
            _unwrap(element)
    return _serialise(root)


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if element.tag == f"{{{W}}}del" and parent.tag == f"{{{W}}}trPr":
        row = parent.getparent()  # a deleted table row
        table = row.getparent() if row is not None else None
        if row is not None and table is not None:
            table.remove(row)
            return
    _keep_tail(element)
    parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    _keep_tail(element)
    parent.remove(element)


def _keep_tail(element: etree._Element) -> None:
    """Text after an element belongs to its parent: keep it when the element goes."""
    if not element.tail:
        return
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + element.tail
    else:
        parent = element.getparent()
        if parent is not None:
            parent.text = (parent.text or "") + element.tail


def _without_overrides(data: bytes, dropped: set[str]) -> bytes:
    root = _parse(data)
    for override in list(root.iter(f"{{{CONTENT_TYPES_NS}}}Override")):
        if override.get("PartName", "").lstrip("/") in dropped:
            root.remove(override)
    return _serialise(root)
