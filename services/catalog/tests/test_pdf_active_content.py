"""PDFs are kept without anything that runs or carries another file: scripts, automatic and
additional actions, launch actions, embedded files, form scripts and XFA (finding: uploads)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path

import pikepdf
import pytest
from catalog_builders import PUBLISHER, add_test_district, column_id, item_body
from fastapi import FastAPI
from httpx import AsyncClient
from pikepdf import Array, Dictionary, Name, String
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.attachments.storage import LocalStorage
from sunshine_catalog.deps import get_storage

RECT = Array([72, 700, 272, 720])
SECRET = b"DRAFT-ONLY-CONTENT"
# What must be gone from every dictionary of the stored file, and which actions.
ACTIVE_KEYS = {"/JS", "/AA", "/OpenAction", "/EF", "/AF", "/XFA", "/NeedsRendering"}
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/GoToE"}
CARRYING_ANNOTATIONS = {"/FileAttachment", "/RichMedia", "/Screen"}


def _script(pdf: pikepdf.Pdf, name: str) -> pikepdf.Object:
    return pdf.make_indirect(
        Dictionary(Type=Name.Action, S=Name.JavaScript, JS=String(f"app.alert('{name}');"))
    )


def _embedded(pdf: pikepdf.Pdf) -> pikepdf.AttachedFileSpec:
    return pikepdf.AttachedFileSpec(pdf, SECRET, filename="草稿.docx")


def _annotate(pdf: pikepdf.Pdf, annotation: Dictionary) -> pikepdf.Object:
    page = pdf.pages[0].obj
    annotation = pdf.make_indirect(annotation)
    page.Annots = Array([*page.get("/Annots", Array()), annotation])
    return annotation


def _names_script(pdf: pikepdf.Pdf) -> None:
    pdf.Root.Names = Dictionary(
        JavaScript=Dictionary(Names=Array([String("init"), _script(pdf, "names")]))
    )


def _open_action(pdf: pikepdf.Pdf) -> None:
    pdf.Root.OpenAction = _script(pdf, "open")


def _catalog_actions(pdf: pikepdf.Pdf) -> None:
    pdf.Root.AA = Dictionary(WC=_script(pdf, "will-close"), DP=_script(pdf, "did-print"))


def _page_actions(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.AA = Dictionary(O=_script(pdf, "page-open"))


def _annotation_actions(pdf: pikepdf.Pdf) -> None:
    # A plain web link stays; the script run when the mouse enters it, and the one chained
    # after its action, go.
    _annotate(
        pdf,
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Link,
            Rect=RECT,
            A=Dictionary(S=Name.URI, URI=String("https://www.gov.cn/"), Next=_script(pdf, "next")),
            AA=Dictionary(E=_script(pdf, "mouse-enter")),
        ),
    )


def _script_link(pdf: pikepdf.Pdf) -> None:
    _annotate(
        pdf,
        Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=RECT, A=_script(pdf, "click")),
    )


def _launch(pdf: pikepdf.Pdf) -> None:
    _annotate(
        pdf,
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Link,
            Rect=RECT,
            A=Dictionary(S=Name.Launch, F=String("cmd.exe"), NewWindow=True),
        ),
    )


def _embedded_files(pdf: pikepdf.Pdf) -> None:
    pdf.attachments["草稿.docx"] = _embedded(pdf)


def _file_attachment(pdf: pikepdf.Pdf) -> None:
    _annotate(
        pdf,
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.FileAttachment,
            Rect=RECT,
            FS=_embedded(pdf).obj,
            Contents=String("原稿"),
        ),
    )


def _form_scripts(pdf: pikepdf.Pdf) -> None:
    field = _annotate(
        pdf,
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Widget,
            FT=Name.Tx,
            T=String("applicant"),
            Rect=RECT,
            P=pdf.pages[0].obj,
            AA=Dictionary(K=_script(pdf, "keystroke"), V=_script(pdf, "validate")),
        ),
    )
    form = pdf.Root.get("/AcroForm", Dictionary(Fields=Array()))
    form.Fields.append(field)
    pdf.Root.AcroForm = form


def _xfa(pdf: pikepdf.Pdf) -> None:
    template = b"<template><script>app.alert('xfa');</script></template>"
    form = pdf.Root.get("/AcroForm", Dictionary(Fields=Array()))
    form.XFA = Array([String("template"), pdf.make_stream(template)])
    pdf.Root.AcroForm = form
    pdf.Root.NeedsRendering = True


ACTIVE_PARTS: dict[str, Callable[[pikepdf.Pdf], None]] = {
    "javascript name tree": _names_script,
    "open action": _open_action,
    "document additional actions": _catalog_actions,
    "page additional actions": _page_actions,
    "annotation additional actions": _annotation_actions,
    "script link": _script_link,
    "launch action": _launch,
    "embedded files": _embedded_files,
    "file attachment annotation": _file_attachment,
    "form field scripts": _form_scripts,
    "xfa form": _xfa,
}


def pdf_with(*parts: Callable[[pikepdf.Pdf], None]) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.add_blank_page()
    for add in parts:
        add(pdf)
    buffer = BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def _everything(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Object]:
    """Every dictionary and stream of the file, direct or not."""
    stack: list[object] = [pdf.trailer, *pdf.objects]
    while stack:
        obj = stack.pop()
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            yield obj
            children = [v for _, v in obj.items()]
        elif isinstance(obj, pikepdf.Array):
            children = list(obj)
        else:
            continue
        # Indirect objects are among pdf.objects already (and may refer back to this one).
        stack.extend(c for c in children if isinstance(c, Dictionary | Array) and not c.is_indirect)


def assert_inert(data: bytes) -> None:
    assert b"app.alert" not in data and b"cmd.exe" not in data
    with pikepdf.open(BytesIO(data)) as pdf:
        assert len(pdf.pages) == 2  # and it still opens
        assert pdf.check_pdf_syntax() == []
        assert not pdf.attachments
        names = pdf.Root.get("/Names", Dictionary())
        assert "/JavaScript" not in names and "/EmbeddedFiles" not in names
        for obj in _everything(pdf):
            assert not ACTIVE_KEYS & set(obj.keys()), obj
            assert obj.get("/S") not in ACTIVE_ACTIONS, obj
            assert obj.get("/Subtype") not in CARRYING_ANNOTATIONS, obj
            assert obj.get("/Type") != "/EmbeddedFile", obj


@pytest.fixture
def files(app: FastAPI, client: AsyncClient, tmp_path: Path) -> Path:
    root = tmp_path / "attachments"
    storage = LocalStorage(root)
    app.dependency_overrides[get_storage] = lambda: storage
    return root


async def _stored(client: AsyncClient, data: bytes) -> bytes:
    """The file as the catalog keeps and serves it, uploaded to a new draft."""
    column = await column_id(client, "A20-11")
    item = (await client.post("/items", json=item_body(column), headers=PUBLISHER)).json()
    uploaded = await client.post(
        f"/items/{item['id']}/attachments",
        files={"file": ("通知.pdf", data, "application/pdf")},
        headers=PUBLISHER,
    )
    assert uploaded.status_code == 201, uploaded.text
    downloaded = await client.get(
        f"/attachments/{uploaded.json()['id']}/download", headers=PUBLISHER
    )
    assert downloaded.status_code == 200
    return downloaded.content


def test_the_built_files_do_carry_what_is_to_be_removed() -> None:
    # Guards the builders: a test of removal proves nothing if nothing was there.
    with pytest.raises(AssertionError):
        assert_inert(pdf_with(*ACTIVE_PARTS.values()))
    for add in ACTIVE_PARTS.values():
        with pytest.raises(AssertionError):
            assert_inert(pdf_with(add))


@pytest.mark.parametrize("part", ACTIVE_PARTS.values(), ids=ACTIVE_PARTS.keys())
async def test_a_pdf_is_kept_without_it(
    client: AsyncClient, session: AsyncSession, files: Path, part: Callable[[pikepdf.Pdf], None]
) -> None:
    await add_test_district(session)
    assert_inert(await _stored(client, pdf_with(part)))


async def test_a_pdf_with_all_of_them_keeps_its_pages_links_and_fields(
    client: AsyncClient, session: AsyncSession, files: Path
) -> None:
    await add_test_district(session)
    stored = await _stored(client, pdf_with(*ACTIVE_PARTS.values()))
    assert_inert(stored)
    with pikepdf.open(BytesIO(stored)) as pdf:
        annotations = list(pdf.pages[0].obj.Annots)
        assert {str(a.Subtype) for a in annotations} == {"/Link", "/Widget"}
        # The web link keeps its action; the script and launch links are left without one.
        actions = [a.A for a in annotations if a.Subtype == "/Link" and "/A" in a]
        assert [(str(a.S), str(a.URI)) for a in actions] == [("/URI", "https://www.gov.cn/")]
        assert [str(f.T) for f in pdf.Root.AcroForm.Fields] == ["applicant"]
