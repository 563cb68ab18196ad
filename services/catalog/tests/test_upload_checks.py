"""An upload's body is read only after the caller's right to the item is checked, and one over
the limit is refused before it is read (finding: uploads)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from catalog_builders import (
    PUBLISHER,
    REVIEWER,
    STREET_PUBLISHER,
    add_test_district,
    column_id,
    item_body,
    publish,
)
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.attachments.storage import LocalStorage
from sunshine_catalog.deps import get_storage
from sunshine_kit.app import MULTIPART_MARGIN

BOUNDARY = "sunshine-upload-boundary"
MULTIPART = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}
CHUNK = 256 * 1024


class Upload:
    """A multipart upload of `size` bytes of CSV, streamed, counting what the server pulls."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.read = 0

    async def body(self) -> AsyncIterator[bytes]:
        head = (
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="file"; filename="名单.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        parts = [head]
        sent = 0
        while sent < self.size:
            chunk = min(CHUNK, self.size - sent)
            parts.append(b"a,b\n" * (chunk // 4))
            sent += chunk
        parts.append(f"\r\n--{BOUNDARY}--\r\n".encode())
        for part in parts:
            self.read += len(part)
            yield part


@pytest.fixture
def files(app: FastAPI, client: AsyncClient, tmp_path: object) -> None:
    storage = LocalStorage(tmp_path / "attachments")  # type: ignore[operator]
    app.dependency_overrides[get_storage] = lambda: storage


async def _draft(client: AsyncClient) -> int:
    column = await column_id(client, "A20-11")
    created = await client.post("/items", json=item_body(column), headers=PUBLISHER)
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({}, 401, "unauthorized"),
        (REVIEWER, 403, "role_forbidden"),
        (STREET_PUBLISHER, 403, "unit_forbidden"),
    ],
    ids=["anonymous", "without the right", "another unit"],
)
async def test_a_caller_without_the_right_is_refused_before_the_body_is_read(
    client: AsyncClient,
    session: AsyncSession,
    files: None,
    headers: dict[str, str],
    status: int,
    code: str,
) -> None:
    await add_test_district(session)
    item_id = await _draft(client)
    upload = Upload(20 * 1024 * 1024)
    refused = await client.post(
        f"/items/{item_id}/attachments", content=upload.body(), headers={**MULTIPART, **headers}
    )
    assert refused.status_code == status
    assert refused.json()["error"]["code"] == code
    assert upload.read == 0


async def test_an_item_that_cannot_take_attachments_is_refused_before_the_body_is_read(
    client: AsyncClient, session: AsyncSession, files: None
) -> None:
    await add_test_district(session)
    published = await publish(client, await column_id(client, "A20-11"))
    upload = Upload(20 * 1024 * 1024)
    for path, status in (
        (f"/items/{published['id']}/attachments", 409),
        ("/items/2147483000/attachments", 404),
    ):
        refused = await client.post(path, content=upload.body(), headers={**MULTIPART, **PUBLISHER})
        assert refused.status_code == status
    assert upload.read == 0


async def test_an_upload_declared_over_the_limit_is_refused_before_it_is_read(
    app: FastAPI, client: AsyncClient, session: AsyncSession, files: None
) -> None:
    await add_test_district(session)
    item_id = await _draft(client)
    upload = Upload(1024)
    declared = app.state.settings.attachment_max_bytes + MULTIPART_MARGIN + 1
    refused = await client.post(
        f"/items/{item_id}/attachments",
        content=upload.body(),
        headers={**MULTIPART, **PUBLISHER, "Content-Length": str(declared)},
    )
    assert refused.status_code == 413
    assert refused.json()["error"]["code"] == "payload_too_large"
    assert upload.read == 0


async def test_only_uploads_may_be_larger_than_other_bodies(
    client: AsyncClient, session: AsyncSession, files: None
) -> None:
    await add_test_district(session)
    item_id = await _draft(client)
    upload = Upload(3 * 1024 * 1024)  # over the 2 MB of any other body
    stored = await client.post(
        f"/items/{item_id}/attachments", content=upload.body(), headers={**MULTIPART, **PUBLISHER}
    )
    assert stored.status_code == 201, stored.text
    assert stored.json()["size"] == 3 * 1024 * 1024
    too_large = await client.patch(
        f"/items/{item_id}",
        content=b'{"keywords": "' + b"x" * (3 * 1024 * 1024) + b'"}',
        headers={"Content-Type": "application/json", **PUBLISHER},
    )
    assert too_large.status_code == 413


async def test_a_form_without_one_file_is_the_callers_mistake(
    client: AsyncClient, session: AsyncSession, files: None
) -> None:
    await add_test_district(session)
    item_id = await _draft(client)
    path = f"/items/{item_id}/attachments"
    no_file = await client.post(path, data={"note": "附件"}, headers=PUBLISHER)
    assert no_file.status_code == 422
    assert no_file.json()["error"]["code"] == "file_missing"
    assert no_file.json()["error"]["fields"][0]["field"] == "file"
    two = await client.post(
        path,
        files=[("file", ("一.csv", b"a,b\n")), ("file", ("二.csv", b"a,b\n"))],
        headers=PUBLISHER,
    )
    assert two.status_code == 422
    assert two.json()["error"]["code"] == "upload_malformed"


async def test_a_streamed_upload_is_cut_off_at_the_limit(
    app: FastAPI, client: AsyncClient, session: AsyncSession, files: None
) -> None:
    await add_test_district(session)
    item_id = await _draft(client)
    limit = app.state.settings.attachment_max_bytes + MULTIPART_MARGIN
    upload = Upload(limit + 4 * CHUNK)  # sent without a Content-Length
    refused = await client.post(
        f"/items/{item_id}/attachments", content=upload.body(), headers={**MULTIPART, **PUBLISHER}
    )
    assert refused.status_code == 413
    assert refused.json()["error"]["code"] == "payload_too_large"
    assert upload.read <= limit + CHUNK
