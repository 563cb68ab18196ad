"""Office Open XML (docx, xlsx, pptx): author, company, revision history, comments and tracked
changes are removed from the package's parts; the content stays."""

from __future__ import annotations

import posixpath
import zipfile
from io import BytesIO

from lxml import etree

from sunshine_catalog.attachments.refusal import DAMAGED_MESSAGE, Refused
from sunshine_catalog.errors import FILE_DAMAGED, MACROS

# Limits against archives that expand to exhaust memory ("zip bombs").
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000

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
        raise Refused(DAMAGED_MESSAGE, FILE_DAMAGED) from None


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
                raise Refused("文件包含的部件过多", FILE_DAMAGED)
            if sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
                raise Refused("文件解压后过大", FILE_DAMAGED)
            if any(e.filename.lower().endswith("vbaproject.bin") for e in entries):
                raise Refused(
                    "文档含有宏，不予接收：请另存为不含宏的 .docx、.xlsx 或 .pptx", MACROS
                )
            return {e.filename: archive.read(e) for e in entries if not e.is_dir()}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError):
        raise Refused(DAMAGED_MESSAGE, FILE_DAMAGED) from None


def scrub_office(data: bytes) -> bytes:
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
