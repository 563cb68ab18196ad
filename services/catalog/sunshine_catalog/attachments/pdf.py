"""PDF: what a file says about its drafters (review markup, metadata) and what it could run
(scripts, actions, embedded files, form scripts) are removed; the pages stay."""

from __future__ import annotations

from io import BytesIO

import pikepdf

from sunshine_catalog.attachments.refusal import DAMAGED_MESSAGE, Refused
from sunshine_catalog.errors import ENCRYPTED, FILE_DAMAGED

# Review markup: sticky notes, highlights, strike-outs, ink... each carries its author (/T);
# and the annotations that carry a file, a movie, a 3D model or rich media (with their scripts).
REMOVED_ANNOTATIONS = {
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
    "/Movie",
    "/Screen",
    "/RichMedia",
    "/3D",
}
# Entries removed from every dictionary of the file, wherever they are:
REMOVED_KEYS = (
    "/Metadata",  # XMP packets: authors, tools, history (catalogue, pages, images alike)
    "/PieceInfo",  # application private data
    "/OpenAction",  # what runs as the file opens
    "/AA",  # additional actions: of the document, pages, annotations and form fields
    "/JS",  # a script, in whatever action carries one
    "/EF",  # the embedded file streams of a file specification
    "/AF",  # associated files (PDF 2.0)
    "/XFA",  # XML forms, scripts included
    "/NeedsRendering",  # asks the reader to render the XFA form
    "/Collection",  # a portfolio's view of its embedded files
)
# The catalogue's name trees of scripts and of embedded files.
REMOVED_NAME_TREES = ("/JavaScript", "/EmbeddedFiles")
# Actions that run a script or a program, open or import another file, or send the form
# somewhere: a disclosure is read, never acted on. Links (/URI, /GoTo) stay.
ACTIVE_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/GoToR",
    "/GoToE",
    "/ImportData",
    "/SubmitForm",
    "/Rendition",
    "/RichMediaExecute",
}


def _active(action: pikepdf.Object | None) -> bool:
    if not isinstance(action, pikepdf.Dictionary):
        return False
    kind = action.get("/S")
    if kind == "/URI":
        return str(action.get("/URI", "")).strip().lower().startswith("javascript:")
    return kind in ACTIVE_ACTIONS


def _without_actions(obj: pikepdf.Object) -> None:
    """A dictionary or stream without the entries of `REMOVED_KEYS` nor active actions."""
    for key in REMOVED_KEYS:
        if key in obj:
            del obj[key]
    if "/A" in obj and _active(obj["/A"]):
        del obj["/A"]
    after = obj.get("/Next")  # the actions that follow this one
    if _active(after):
        del obj["/Next"]
    elif isinstance(after, pikepdf.Array):
        obj["/Next"] = pikepdf.Array([a for a in after if not _active(a)])


def _inert(top: pikepdf.Object) -> None:
    """An indirect object, and the direct objects inside it, without actions (the indirect ones
    it refers to are visited on their own). A loop rather than recursion: nesting is the
    file's to choose."""
    stack = [top]
    while stack:
        obj = stack.pop()
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            _without_actions(obj)
            children = [value for _, value in obj.items()]
        elif isinstance(obj, pikepdf.Array):
            children = list(obj)
        else:
            continue
        stack.extend(
            child
            for child in children
            if isinstance(child, pikepdf.Dictionary | pikepdf.Array) and not child.is_indirect
        )


def scrub_pdf(data: bytes) -> bytes:
    try:
        pdf = pikepdf.open(BytesIO(data))
    except pikepdf.PasswordError:
        raise Refused("PDF 文件已加密，无法清除其中的信息，请上传未加密的文件", ENCRYPTED) from None
    except pikepdf.PdfError:
        raise Refused(DAMAGED_MESSAGE, FILE_DAMAGED) from None
    with pdf:
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        for obj in pdf.objects:
            _inert(obj)
        names = pdf.Root.get("/Names")
        if isinstance(names, pikepdf.Dictionary):
            for key in REMOVED_NAME_TREES:
                if key in names:
                    del names[key]
        for page in pdf.pages:
            annots = page.obj.get("/Annots")
            if not isinstance(annots, pikepdf.Array):
                continue
            kept = [a for a in annots if a.get("/Subtype") not in REMOVED_ANNOTATIONS]
            if kept:
                page.obj["/Annots"] = pikepdf.Array(kept)
            else:
                del page.obj["/Annots"]
        out = BytesIO()
        # Written anew: earlier revisions kept by incremental saves are not carried over, nor
        # any object no longer referenced (the scripts and files taken out above).
        pdf.save(out, fix_metadata_version=False, deterministic_id=True)
    return out.getvalue()
