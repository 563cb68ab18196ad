"""Attachments: metadata scrubbed on upload, refused types, visibility, storage backends."""

from __future__ import annotations

import socket
import zipfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import boto3
import docx
import pikepdf
import pytest
from botocore.exceptions import ClientError
from catalog_builders import (
    OFFICE,
    PUBLISHER,
    REVIEWER,
    STREET_PUBLISHER,
    add_test_district,
    column_id,
    item_body,
)
from fastapi import FastAPI
from httpx import AsyncClient, Response
from moto.server import ThreadedMotoServer
from PIL import ExifTags, Image
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.attachments.models import Attachment
from sunshine_catalog.attachments.storage import (
    AttachmentStorage,
    LocalStorage,
    S3Storage,
    StoredFileMissing,
    storage_from_settings,
)
from sunshine_catalog.deps import get_storage
from sunshine_catalog.settings import CatalogSettings

DRAFTER = "张三"
APPROVE = {"decision": "approve", "confidentiality_checked": True, "attribute_checked": True}


# --- builders --------------------------------------------------------------------------------


def word_file(*, tracked_changes: bool = False) -> bytes:
    """A Word document as drafters leave it: their name in the properties and a comment."""
    document = docx.Document()
    paragraph = document.add_paragraph("锦华区2026年义务教育招生工作方案")
    document.add_comment(
        paragraph.runs, text="这一段还要和财政局核对", author=DRAFTER, initials="张"
    )
    document.core_properties.author = DRAFTER
    document.core_properties.last_modified_by = DRAFTER
    document.core_properties.revision = 7
    buffer = BytesIO()
    document.save(buffer)
    if not tracked_changes:
        return buffer.getvalue()
    # python-docx cannot write tracked changes: add a deletion and an insertion by hand.
    changes = (
        f'<w:p><w:del w:id="91" w:author="{DRAFTER}" w:date="2026-08-01T10:00:00Z">'
        "<w:r><w:delText>原定于九月一日报名</w:delText></w:r></w:del>"
        f'<w:ins w:id="92" w:author="{DRAFTER}" w:date="2026-08-01T10:00:00Z">'
        "<w:r><w:t>报名时间另行通知</w:t></w:r></w:ins></w:p>"
    )
    return _rewrite_part(
        buffer.getvalue(),
        "word/document.xml",
        lambda xml: xml.replace("<w:sectPr", changes + "<w:sectPr", 1),
    )


def _rewrite_part(data: bytes, name: str, change: Any) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == name:
                content = change(content.decode()).encode()
            target.writestr(entry, content)
    return out.getvalue()


def pdf_file() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.add_blank_page()
    pdf.docinfo["/Author"] = DRAFTER
    pdf.docinfo["/Creator"] = "Microsoft Word - 张三的草稿.docx"
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = [DRAFTER]
    buffer = BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def photo_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), "orange")
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = "zhangsan"
    exif[ExifTags.Base.Model] = "Phone X"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (30.0, 39.0, 41.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (104.0, 4.0, 20.1)
    buffer = BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def spreadsheet_with_comment() -> bytes:
    """A minimal workbook (no writer library needed) with a cell comment and its author."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    content = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/officeDocument"'
            ' Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.'
            'openxmlformats.org/package/2006/relationships/metadata/core-properties" '
            'Target="docProps/core.xml"/></Relationships>'
        ),
        "docProps/core.xml": (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            f'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:creator>{DRAFTER}</dc:creator></cp:coreProperties>"
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{main}" xmlns:r="{rel}"><sheetData/>'
            '<legacyDrawing r:id="rId2"/></worksheet>'
        ),
        "xl/worksheets/_rels/sheet1.xml.rels": (
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/comments" '
            'Target="../comments1.xml"/><Relationship Id="rId2" Type="{rel}/vmlDrawing" '
            'Target="../drawings/vmlDrawing1.vml"/></Relationships>'
        ).replace("{rel}", rel),
        "xl/comments1.xml": (
            f'<comments xmlns="{main}"><authors><author>{DRAFTER}</author></authors>'
            "<commentList/></comments>"
        ),
        "xl/drawings/vmlDrawing1.vml": "<xml/>",
    }
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in content.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


async def draft(client: AsyncClient) -> int:
    column = await column_id(client, "A20-11")
    created = await client.post("/items", json=item_body(column), headers=PUBLISHER)
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


async def upload(
    client: AsyncClient, item_id: int, name: str, data: bytes, headers: dict[str, str] = PUBLISHER
) -> Response:
    return await client.post(
        f"/items/{item_id}/attachments",
        files={"file": (name, data, "application/octet-stream")},
        headers=headers,
    )


async def publish_item(client: AsyncClient, item_id: int) -> None:
    assert (await client.post(f"/items/{item_id}/submit", headers=PUBLISHER)).status_code == 200
    reviewed = await client.post(f"/items/{item_id}/review", json=APPROVE, headers=REVIEWER)
    assert reviewed.status_code == 200, reviewed.text


async def attachment_rows(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Attachment)) or 0)


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture
def files(app: FastAPI, client: AsyncClient, tmp_path: Path) -> Path:
    """The app keeps attachments in a directory of this test's own."""
    root = tmp_path / "attachments"
    storage = LocalStorage(root)
    app.dependency_overrides[get_storage] = lambda: storage
    return root


# --- scrubbing -------------------------------------------------------------------------------


async def test_a_word_file_loses_its_drafters_name_and_comments(
    client: AsyncClient, session: AsyncSession, files: Path
) -> None:
    await add_test_district(session)
    item_id = await draft(client)
    original = word_file()
    assert any(DRAFTER.encode() in content for content in parts(original).values())

    uploaded = await upload(client, item_id, "招生方案.docx", original)
    assert uploaded.status_code == 201, uploaded.text
    body = uploaded.json()
    assert body["scrubbed"] is True
    assert body["filename"] == "招生方案.docx"
    assert body["content_type"].endswith("wordprocessingml.document")

    downloaded = await client.get(f"/attachments/{body['id']}/download", headers=PUBLISHER)
    assert downloaded.status_code == 200
    kept = parts(downloaded.content)
    for name, content in kept.items():
        assert DRAFTER.encode() not in content, name
        assert "comment" not in name.lower(), name
    assert b"comments" not in kept["[Content_Types].xml"]
    assert b"comments" not in kept["word/_rels/document.xml.rels"]
    # Still a Word file with its text; the properties are blank.
    reopened = docx.Document(BytesIO(downloaded.content))
    assert [p.text for p in reopened.paragraphs] == ["锦华区2026年义务教育招生工作方案"]
    assert reopened.core_properties.author == ""
    assert reopened.core_properties.last_modified_by == ""
    assert body["size"] == len(downloaded.content)
    assert downloaded.headers["etag"] == f'"{body["sha256"]}"'


async def test_tracked_changes_are_accepted_and_their_author_goes(
    client: AsyncClient, session: AsyncSession, files: Path
) -> None:
    await add_test_district(session)
    item_id = await draft(client)
    uploaded = await upload(client, item_id, "通知.docx", word_file(tracked_changes=True))
    assert uploaded.status_code == 201, uploaded.text
    downloaded = await client.get(f"/attachments/{uploaded.json()['id']}/download", headers=OFFICE)
    text = [p.text for p in docx.Document(BytesIO(downloaded.content)).paragraphs]
    assert text == ["锦华区2026年义务教育招生工作方案", "报名时间另行通知"]
    document = parts(downloaded.content)["word/document.xml"]
    assert "原定于九月一日报名".encode() not in document
    assert b"w:del " not in document and b"w:ins " not in document
    assert DRAFTER.encode() not in document


async def test_a_pdf_loses_its_author_and_keeps_its_pages(
    client: AsyncClient, session: AsyncSession, files: Path
) -> None:
    await add_test_district(session)
    item_id = await draft(client)
    uploaded = await upload(client, item_id, "公告.pdf", pdf_file())
    assert uploaded.status_code == 201, uploaded.text
    downloaded = await client.get(
        f"/attachments/{uploaded.json()['id']}/download", headers=PUBLISHER
    )
    assert downloaded.headers["content-type"] == "application/pdf"
    with pikepdf.open(BytesIO(downloaded.content)) as pdf:
        assert len(pdf.pages) == 2
        assert "/Author" not in pdf.docinfo
        assert "/Creator" not in pdf.docinfo
        assert "/Metadata" not in pdf.Root
    assert DRAFTER.encode("utf-16-be") not in downloaded.content
    assert DRAFTER.encode() not in downloaded.content


async def test_a_photo_loses_its_exif_and_location(
    client: AsyncClient, session: AsyncSession, files: Path
) -> None:
    await add_test_district(session)
    item_id = await draft(client)
    original = photo_with_gps()
    assert Image.open(BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    uploaded = await upload(client, item_id, "现场照片.JPG", original)
    assert uploaded.status_code == 201, uploaded.text
    downloaded = await client.get(
        f"/attachments/{uploaded.json()['id']}/download", headers=PUBLISHER
    )
    photo = Image.open(BytesIO(downloaded.content))
    assert photo.format == "JPEG" and photo.size == (64, 48)
    assert len(photo.getexif()) == 0
    assert b"Exif" not in downloaded.content and b"zhangsan" not in downloaded.content


async def test_a_spreadsheet_loses_its_comments_and_their_authors(
    client: AsyncClient, session: AsyncSession, files: Path
) -> None:
    await add_test_district(session)
    item_id = await draft(client)
    uploaded = await upload(client, item_id, "台账.xlsx", spreadsheet_with_comment())
    assert uploaded.status_code == 201, uploaded.text
    downloaded = await client.get(f"/attachments/{uploaded.json()['id']}/download", headers=OFFICE)
    kept = parts(downloaded.content)
    assert sorted(kept) == [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/workbook.xml",
        "xl/worksheets/_rels/sheet1.xml.rels",
        "xl/worksheets/sheet1.xml",
    ]
    assert all(DRAFTER.encode() not in content for content in kept.values())
    # The sheet no longer points at the removed comment boxes.
    assert b"legacyDrawing" not in kept["xl/worksheets/sheet1.xml"]


# --- refused files ---------------------------------------------------------------------------


async def test_a_program_renamed_to_pdf_is_refused_and_nothing_is_kept(
    client: AsyncClient, session: AsyncSession, files: Path
) -> None:
    await add_test_district(session)
    item_id = await draft(client)
    program = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200 + b"This program cannot be run"
    refused = await upload(client, item_id, "report.pdf", program)
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert error["fields"][0]["field"] == "file"
    assert "PDF" in error["fields"][0]["reason"]
    assert await attachment_rows(session) == 0
    assert stored_files(files) == []


@pytest.mark.parametrize(
    ("name", "data", "hint"),
    [
        ("通知.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, ".docx"),
        ("台账.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, ".xlsx"),
        ("setup.exe", b"MZ\x90\x00" + b"\x00" * 100, "PDF"),
        ("资料.zip", b"PK\x03\x04" + b"\x00" * 100, "PDF"),
    ],
)
async def test_types_that_cannot_be_cleaned_are_refused_with_the_reason(
    client: AsyncClient, session: AsyncSession, files: Path, name: str, data: bytes, hint: str
) -> None:
    await add_test_district(session)
    item_id = await draft(client)
    refused = await upload(client, item_id, name, data)
    assert refused.status_code == 422
    field = refused.json()["error"]["fields"][0]
    assert field["field"] == "file"
    assert hint in field["reason"]
    assert stored_files(files) == []


async def test_a_file_over_the_size_limit_is_refused(
    client: AsyncClient,
    session: AsyncSession,
    files: Path,
    app: FastAPI,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await add_test_district(session)
    item_id = await draft(client)
    monkeypatch.setattr(app.state.settings, "attachment_max_bytes", 2048)
    refused = await upload(client, item_id, "名单.csv", "姓名,学校\n".encode() * 400)
    assert refused.status_code == 413
    error = refused.json()["error"]
    assert error["code"] == "file_too_large"
    assert error["fields"] == [{"field": "file", "reason": "文件超过 2 KB 的大小上限"}]
    assert await attachment_rows(session) == 0
    assert stored_files(files) == []
    small = await upload(client, item_id, "名单.csv", "姓名,学校\n".encode() * 10)
    assert small.status_code == 201
    assert small.json()["scrubbed"] is False  # plain text carries no metadata
    assert small.json()["content_type"] == "text/csv; charset=utf-8"


# --- who sees and changes attachments --------------------------------------------------------


async def test_the_public_sees_attachments_only_once_the_item_is_published(
    client: AsyncClient, session: AsyncSession, files: Path
) -> None:
    await add_test_district(session)
    item_id = await draft(client)
    uploaded = (await upload(client, item_id, "公告.pdf", pdf_file())).json()
    download = f"/attachments/{uploaded['id']}/download"

    assert (await client.get(download)).status_code == 404
    assert (await client.get(f"/items/{item_id}/attachments")).status_code == 404
    staff = await client.get(download, headers=REVIEWER)
    assert staff.status_code == 200
    assert staff.headers["cache-control"] == "private, no-store"

    await publish_item(client, item_id)
    public = await client.get(download)
    assert public.status_code == 200
    assert public.content == staff.content
    listed = (await client.get(f"/items/{item_id}/attachments")).json()
    assert [(a["id"], a["filename"]) for a in listed] == [(uploaded["id"], "公告.pdf")]

    # A published item's attachments change only after it is withdrawn.
    late = await upload(client, item_id, "补充.pdf", pdf_file())
    assert late.status_code == 409
    assert late.json()["error"]["code"] == "item_not_editable"
    gone = await client.delete(f"/attachments/{uploaded['id']}", headers=PUBLISHER)
    assert gone.status_code == 409


async def test_only_the_units_publishers_attach_files(
    client: AsyncClient, session: AsyncSession, files: Path
) -> None:
    await add_test_district(session)
    item_id = await draft(client)
    other_unit = await upload(client, item_id, "公告.pdf", pdf_file(), headers=STREET_PUBLISHER)
    assert other_unit.status_code == 403
    reviewer = await upload(client, item_id, "公告.pdf", pdf_file(), headers=REVIEWER)
    assert reviewer.status_code == 403
    anonymous = await client.post(
        f"/items/{item_id}/attachments", files={"file": ("公告.pdf", pdf_file())}
    )
    assert anonymous.status_code == 401
    assert await attachment_rows(session) == 0


async def test_a_chinese_file_name_survives_the_download(
    client: AsyncClient, session: AsyncSession, files: Path
) -> None:
    await add_test_district(session)
    item_id = await draft(client)
    name = "锦华区2026年招生方案（定稿）.pdf"
    uploaded = (await upload(client, item_id, f"C:\\Users\\张三\\桌面\\{name}", pdf_file())).json()
    assert uploaded["filename"] == name  # the drafter's folder is not kept
    downloaded = await client.get(f"/attachments/{uploaded['id']}/download", headers=PUBLISHER)
    disposition = downloaded.headers["content-disposition"]
    assert disposition.isascii()
    # Old clients get what of the name is ASCII; browsers take filename*.
    assert disposition.startswith('attachment; filename="2026.pdf"; ')
    assert unquote(disposition.split("filename*=UTF-8''", 1)[1]) == name


async def test_removing_an_attachment_removes_its_file_and_both_steps_are_audited(
    client: AsyncClient, session: AsyncSession, files: Path
) -> None:
    await add_test_district(session)
    item_id = await draft(client)
    uploaded = (await upload(client, item_id, "公告.pdf", pdf_file())).json()
    assert len(stored_files(files)) == 1

    removed = await client.delete(f"/attachments/{uploaded['id']}", headers=PUBLISHER)
    assert removed.status_code == 204
    assert stored_files(files) == []
    assert (await client.get(f"/items/{item_id}/attachments", headers=PUBLISHER)).json() == []
    missing = await client.get(f"/attachments/{uploaded['id']}/download", headers=PUBLISHER)
    assert missing.status_code == 404

    history = (await client.get(f"/items/{item_id}/history", headers=OFFICE)).json()
    steps = [(e["action"], (e["after"] or e["before"])["filename"]) for e in history[:2]]
    assert steps == [("item.attachment_removed", "公告.pdf"), ("item.attachment_added", "公告.pdf")]


# --- storage ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def s3_settings() -> Iterator[CatalogSettings]:
    """A real S3-compatible server (moto) on a free port, with an empty bucket."""
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    settings = CatalogSettings(
        attachment_storage="s3",
        s3_endpoint_url=f"http://127.0.0.1:{port}",
        s3_bucket="sunshine-attachments",
        s3_access_key="test-key",
        s3_secret_key="test-secret",
        s3_region="us-east-1",
    )
    boto3.client(
        "s3",
        endpoint_url=settings.s3_endpoint_url,
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",
        region_name="us-east-1",
    ).create_bucket(Bucket=settings.s3_bucket)
    yield settings
    server.stop()


async def test_s3_storage_puts_gets_and_deletes(s3_settings: CatalogSettings) -> None:
    storage = storage_from_settings(s3_settings)
    assert isinstance(storage, S3Storage)
    await storage.put("2026/11/abc", "政务公开".encode(), "text/plain")
    assert (await storage.get("2026/11/abc")).decode() == "政务公开"
    await storage.delete("2026/11/abc")
    with pytest.raises(StoredFileMissing):
        await storage.get("2026/11/abc")


async def test_local_storage_keeps_files_whole_under_its_root(tmp_path: Path) -> None:
    storage: AttachmentStorage = LocalStorage(tmp_path)
    await storage.put("2026/11/abc", b"data", "text/plain")
    assert (tmp_path / "2026" / "11" / "abc").read_bytes() == b"data"
    assert [p.name for p in (tmp_path / "2026" / "11").iterdir()] == ["abc"]  # no temp file left
    with pytest.raises(ValueError, match="outside"):
        await storage.put("../escape", b"data", "text/plain")
    await storage.delete("2026/11/abc")
    with pytest.raises(StoredFileMissing):
        await storage.get("2026/11/abc")


async def test_attachments_round_trip_through_s3(
    client: AsyncClient, session: AsyncSession, app: FastAPI, s3_settings: CatalogSettings
) -> None:
    await add_test_district(session)
    storage = storage_from_settings(s3_settings)
    app.dependency_overrides[get_storage] = lambda: storage
    item_id = await draft(client)
    uploaded = await upload(client, item_id, "招生方案.docx", word_file())
    assert uploaded.status_code == 201, uploaded.text
    downloaded = await client.get(
        f"/attachments/{uploaded.json()['id']}/download", headers=PUBLISHER
    )
    assert downloaded.status_code == 200
    assert all(DRAFTER.encode() not in c for c in parts(downloaded.content).values())


async def test_an_upload_the_store_refuses_leaves_no_row(
    client: AsyncClient, session: AsyncSession, app: FastAPI, s3_settings: CatalogSettings
) -> None:
    await add_test_district(session)
    missing_bucket = s3_settings.model_copy(update={"s3_bucket": "no-such-bucket"})
    storage = storage_from_settings(missing_bucket)
    app.dependency_overrides[get_storage] = lambda: storage
    item_id = await draft(client)
    # The app answers 500; the test transport hands the error itself to the test.
    with pytest.raises(ClientError, match="NoSuchBucket"):
        await upload(client, item_id, "公告.pdf", pdf_file())
    assert await attachment_rows(session) == 0
