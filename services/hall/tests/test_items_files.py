"""Blank forms and samples of materials: what may be uploaded, and who may download what."""

from __future__ import annotations

import ast
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from hall_builders import BUREAU, OFFICE, OTHER_STREET_OFFICE, add_item, add_test_district
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def office_xml(main_part: str, *extra: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<document/>")
        for name in extra:
            archive.writestr(name, b"\x00")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
async def district(session: AsyncSession) -> None:
    await add_test_district(session)


async def first_material(client: AsyncClient, item_id: int) -> int:
    staff = (await client.get(f"/items/{item_id}", headers=OFFICE)).json()
    return int(staff["materials"][0]["id"])


async def upload(
    client: AsyncClient,
    item_id: int,
    material_id: int,
    name: str,
    data: bytes,
    purpose: str = "blank",
    headers: dict[str, str] = OFFICE,
) -> Any:
    return await client.post(
        f"/items/{item_id}/materials/{material_id}/files",
        params={"purpose": purpose},
        files={"file": (name, data, "application/octet-stream")},
        headers=headers,
    )


async def test_a_form_is_downloadable_from_the_guide_once_published(
    client: AsyncClient, session: AsyncSession
) -> None:
    item_id = (await add_item(session, unit_id=BUREAU, published=False)).id
    material = await first_material(client, item_id)

    sent = await upload(client, item_id, material, "民办学校设立申请书.pdf", PDF)
    assert sent.status_code == 201, sent.text
    file = sent.json()
    assert (file["filename"], file["content_type"], file["size"], file["purpose"]) == (
        "民办学校设立申请书.pdf",
        "application/pdf",
        len(PDF),
        "blank",
    )
    # Staff download it at once; the public only once the item is published.
    staff = await client.get(f"/items/{item_id}/files/{file['id']}", headers=OFFICE)
    assert (staff.status_code, staff.content) == (200, PDF)
    assert staff.headers["cache-control"] == "private, no-store"
    assert (await client.get(f"/guide/files/{file['id']}")).status_code == 404

    await client.post(f"/items/{item_id}/publish", headers=OFFICE)
    guide = (await client.get(f"/guide/items/{item_id}")).json()
    assert guide["materials"][0]["files"] == [file]
    public = await client.get(f"/guide/files/{file['id']}")
    assert (public.status_code, public.content) == (200, PDF)
    assert public.headers["content-type"] == "application/pdf"
    assert public.headers["x-content-type-options"] == "nosniff"
    assert public.headers["content-disposition"].startswith("attachment;")
    assert "filename*=UTF-8''%E6%B0%91" in public.headers["content-disposition"]


async def test_a_form_removed_after_publication_stays_downloadable_until_the_next(
    client: AsyncClient, session: AsyncSession
) -> None:
    item_id = (await add_item(session, unit_id=BUREAU, published=False)).id
    material = await first_material(client, item_id)
    file_id = (
        await upload(client, item_id, material, "申请书.docx", office_xml("word/document.xml"))
    ).json()["id"]
    await client.post(f"/items/{item_id}/publish", headers=OFFICE)

    removed = await client.delete(f"/items/{item_id}/files/{file_id}", headers=OFFICE)
    assert removed.json()["materials"][0]["files"] == []
    assert removed.json()["draft_pending"] is True
    assert (await client.get(f"/guide/files/{file_id}")).status_code == 200

    await client.post(f"/items/{item_id}/publish", headers=OFFICE)
    assert (await client.get(f"/guide/files/{file_id}")).status_code == 404
    # Staff still reach the file version 1 listed.
    assert (
        await client.get(f"/items/{item_id}/files/{file_id}", headers=OFFICE)
    ).status_code == 200
    again = await client.delete(f"/items/{item_id}/files/{file_id}", headers=OFFICE)
    assert again.json()["error"]["code"] == "file_not_found"


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("说明.txt", b"text", "file_type_not_allowed"),
        ("照片.jpg", b"\xff\xd8\xff\xe0", "file_type_not_allowed"),
        ("申请书.pdf", b"<html>not a pdf</html>", "file_content_mismatch"),
        ("申请书.docx", PDF, "file_content_mismatch"),
        ("申请书.xlsx", office_xml("word/document.xml"), "file_content_mismatch"),
        ("申请书.doc", PDF, "file_content_mismatch"),
        ("申请书.pdf", PDF + b"<< /S /JavaScript /JS (app.alert(1)) >>", "file_active_content"),
        (
            "申请书.docx",
            office_xml("word/document.xml", "word/vbaProject.bin"),
            "file_active_content",
        ),
        ("申请书.pdf", b"", "file_empty"),
    ],
)
async def test_only_pdf_word_and_excel_forms_without_active_content_are_accepted(
    client: AsyncClient, session: AsyncSession, name: str, data: bytes, code: str
) -> None:
    item_id = (await add_item(session, unit_id=BUREAU, published=False)).id
    material = await first_material(client, item_id)

    response = await upload(client, item_id, material, name, data)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == code
    assert [f["field"] for f in response.json()["error"]["fields"]] == ["file"]


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("表.xlsx", office_xml("xl/workbook.xml"), "spreadsheetml"),
        ("表.xls", OLE2, "application/vnd.ms-excel"),
        ("申请书.doc", OLE2, "application/msword"),
    ],
)
async def test_word_and_excel_forms_old_and_new_are_accepted(
    client: AsyncClient, session: AsyncSession, name: str, data: bytes, content_type: str
) -> None:
    item_id = (await add_item(session, unit_id=BUREAU, published=False)).id
    material = await first_material(client, item_id)

    response = await upload(client, item_id, material, name, data, purpose="sample")

    assert response.status_code == 201, response.text
    assert content_type in response.json()["content_type"]


async def test_a_form_over_the_size_limit_is_refused(
    client: AsyncClient, session: AsyncSession, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app.state.settings, "attachment_max_bytes", 2048)
    item_id = (await add_item(session, unit_id=BUREAU, published=False)).id
    material = await first_material(client, item_id)

    response = await upload(client, item_id, material, "大表.pdf", PDF + b"0" * 2048)

    assert response.status_code == 413
    assert response.json()["error"]["code"] == "file_too_large"
    assert response.json()["error"]["fields"][0]["field"] == "file"


async def test_uploads_are_for_the_office_of_the_items_unit(
    client: AsyncClient, session: AsyncSession
) -> None:
    item_id = (await add_item(session, unit_id=BUREAU, published=False)).id
    material = await first_material(client, item_id)

    refused = await upload(client, item_id, material, "a.pdf", PDF, headers=OTHER_STREET_OFFICE)
    assert refused.status_code == 403
    missing = await client.post(
        f"/items/{item_id}/materials/{material}/files",
        params={"purpose": "blank"},
        data={"note": "没有文件"},
        headers=OFFICE,
    )
    assert missing.json()["error"]["code"] == "file_missing"
    wrong_purpose = await upload(client, item_id, material, "a.pdf", PDF, purpose="photo")
    assert wrong_purpose.json()["error"]["fields"][0]["field"] == "query.purpose"


def test_the_gateway_lets_form_uploads_through_at_the_attachment_limit() -> None:
    # The gateway refuses bodies past MAX_BODY_BYTES except on the upload paths it names. Read
    # from its source: importing the gateway would add its tables to this process's metadata.
    front_door = Path(__file__).parents[3] / "gateway/sunshine_gateway/proxy/front_door.py"
    uploads = next(
        node.value.value
        for node in ast.parse(front_door.read_text()).body
        if isinstance(node, ast.Assign)
        and getattr(node.targets[0], "id", None) == "UPLOADS"
        and isinstance(node.value, ast.Constant)
    )

    assert re.fullmatch(uploads, "/api/hall/items/12/materials/3/files")
    assert not re.fullmatch(uploads, "/api/hall/items/12/materials")
