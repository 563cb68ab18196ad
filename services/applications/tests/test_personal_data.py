"""Personal data (个人信息): masked for all but whoever handles the case, encrypted at rest,
readable after a key rotation, and never in a log line."""

from __future__ import annotations

import base64
import secrets
from collections.abc import Iterator
from typing import Any

import pytest
from applications_builders import (
    HANDLER,
    ID_NUMBER,
    OFFICE,
    OTHER_HANDLER,
    add_test_district,
    applicant,
    question,
    registered,
)
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession
from structlog.testing import capture_logs

from sunshine_applications.applications.identity import fingerprint
from sunshine_applications.personal_data.masking import mask_address, mask_email
from sunshine_applications.personal_data.rotation import reseal
from sunshine_applications.settings import ApplicationsSettings
from sunshine_kit import personal_data as encryption
from sunshine_kit.personal_data import (
    PersonalDataCipher,
    PersonalDataUnreadable,
)
from sunshine_kit.settings import MissingSecret

PHONE = "13812345678"
EMAIL = "chenxm@example.cn"
ADDRESS = "锦华区东湖路18号"
MASKED = {
    "id_number": "110***********002X",
    "phone": "138****5678",
    "email": "c***@example.cn",
    "address": "锦华区****",
}


def new_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


@pytest.fixture
def restore_cipher() -> Iterator[None]:
    """Tests that install a cipher of their own give the process's back at their end."""
    kept = encryption.cipher()
    yield
    encryption.use(kept)


# --- who sees what -----------------------------------------------------------------------------


async def test_only_the_handler_sees_the_applicant_in_full(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client, email=EMAIL)
    assert app["masked"] is False
    assert (app["id_number"], app["phone"], app["email"], app["address"]) == (
        ID_NUMBER,
        PHONE,
        EMAIL,
        ADDRESS,
    )
    for other in (OFFICE, OTHER_HANDLER):  # 政务公开办 above, a handler of the unit not on it
        seen = (await client.get(f"/applications/{app['id']}", headers=other)).json()
        assert seen["masked"] is True
        assert {key: seen[key] for key in MASKED} == MASKED
        # The name stays: staff need to know whom the case concerns.
        assert seen["applicant_name"] == "陈晓明"


def test_masks_hide_length_and_keep_empty_values_empty() -> None:
    assert mask_address("四川省成都市锦华区东湖路18号3栋2单元501") == "四川省成都市****"
    assert mask_address("东湖路") == "东****"
    assert mask_email("a@b.cn") == "a***@b.cn"
    assert mask_email("no-at-sign") == "****"
    assert mask_email("") == mask_address("") == ""


# --- encrypted at rest ---------------------------------------------------------------------------


async def test_stored_columns_are_ciphertext(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    app = await registered(client, email=EMAIL)
    asked = await client.post("/inquiries", json=question(asker_contact="lihua@example.com"))
    assert asked.status_code == 201, asked.text

    raw = (
        await session.execute(
            text(
                "SELECT id_number, phone, email, address, fingerprint, applicant_name"
                " FROM disclosure_application WHERE id = :id"
            ),
            {"id": app["id"]},
        )
    ).one()
    for stored, plain in zip(raw[:4], (ID_NUMBER, PHONE, EMAIL, ADDRESS), strict=True):
        assert stored.startswith("pd1.") and plain not in stored
        assert "13812345678" not in stored and "002X" not in stored
    assert raw.fingerprint == fingerprint(ID_NUMBER, app["description"])
    assert raw.applicant_name == "陈晓明"  # names are kept in plain text
    contact = await session.scalar(
        text("SELECT asker_contact FROM inquiry WHERE id = :id"), {"id": asked.json()["id"]}
    )
    assert contact is not None and contact.startswith("pd1.") and "lihua" not in contact


def test_a_value_decrypts_only_with_its_key_and_in_its_column() -> None:
    key = base64.urlsafe_b64decode(new_key())
    cipher = PersonalDataCipher([key])
    sealed = cipher.seal(ID_NUMBER, "disclosure_application.id_number")
    assert cipher.open(sealed, "disclosure_application.id_number") == ID_NUMBER
    # A fresh nonce every time: equal numbers are not equal ciphertexts.
    assert cipher.seal(ID_NUMBER, "disclosure_application.id_number") != sealed
    with pytest.raises(PersonalDataUnreadable):
        cipher.open(sealed, "disclosure_application.phone")
    with pytest.raises(PersonalDataUnreadable):
        PersonalDataCipher([base64.urlsafe_b64decode(new_key())]).open(
            sealed, "disclosure_application.id_number"
        )
    with pytest.raises(PersonalDataUnreadable):  # what was never encrypted is refused, not shown
        cipher.open(ID_NUMBER, "disclosure_application.id_number")
    assert cipher.seal("", "disclosure_application.email") == ""
    assert cipher.open(cipher.seal("锦华区东湖路", "a"), "a") == "锦华区东湖路"


def test_old_keys_still_decrypt_and_fingerprint() -> None:
    old, new = (base64.urlsafe_b64decode(new_key()) for _ in range(2))
    before = PersonalDataCipher([old])
    after = PersonalDataCipher([new, old])
    sealed = before.seal(PHONE, "disclosure_application.phone")
    assert after.open(sealed, "disclosure_application.phone") == PHONE
    assert after.open(after.seal(PHONE, "x"), "x") == PHONE
    with pytest.raises(PersonalDataUnreadable):
        before.open(after.seal(PHONE, "x"), "x")  # new values use the new key
    assert before.fingerprint("a") in after.fingerprints("a")
    assert after.fingerprint("a") != before.fingerprint("a")


# --- the key ----------------------------------------------------------------------------------


def test_no_key_no_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PERSONAL_DATA_KEY")
    with pytest.raises(MissingSecret, match="PERSONAL_DATA_KEY is not set"):
        ApplicationsSettings().check_secrets(signs_user_tokens=False)
    with pytest.raises(MissingSecret, match="URL-safe base64"):
        ApplicationsSettings(personal_data_key="too-short").personal_data_keys()
    zeros = base64.urlsafe_b64encode(bytes(32)).decode()
    with pytest.raises(MissingSecret, match="refusing to start in production"):
        ApplicationsSettings(personal_data_key=zeros, env="production").personal_data_keys()
    keys = ApplicationsSettings(
        personal_data_key=new_key(), personal_data_old_keys=f"{new_key()}, {new_key()}"
    ).personal_data_keys()
    assert len(keys) == 3 and all(len(k) == 32 for k in keys)


async def test_the_service_does_not_start_without_the_key(
    app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tests' app, with its key taken away (a second app would configure logging anew).
    monkeypatch.setattr(app.state.settings, "personal_data_key", "")
    with pytest.raises(MissingSecret, match="PERSONAL_DATA_KEY"):
        async with app.router.lifespan_context(app):
            pass


# --- rotation ----------------------------------------------------------------------------------


async def test_after_a_rotation_everything_reads_and_reseal_retires_the_old_key(
    client: AsyncClient, session: AsyncSession, restore_cipher: None
) -> None:
    await add_test_district(session)
    first = await registered(client, email=EMAIL)
    old = base64.urlsafe_b64decode(ApplicationsSettings().personal_data_key)
    new = base64.urlsafe_b64decode(new_key())

    encryption.use(PersonalDataCipher([new, old]))
    seen = (await client.get(f"/applications/{first['id']}", headers=HANDLER)).json()
    assert (seen["id_number"], seen["email"]) == (ID_NUMBER, EMAIL)
    again = await registered(client)  # found through the fingerprint made with the old key
    assert again["repeat_of_id"] == first["id"]

    assert await reseal(session) >= 2
    await session.commit()
    encryption.use(PersonalDataCipher([new]))
    session.expire_all()
    seen = (await client.get(f"/applications/{first['id']}", headers=HANDLER)).json()
    assert (seen["id_number"], seen["phone"], seen["address"]) == (ID_NUMBER, PHONE, ADDRESS)
    third = await registered(client)
    assert third["repeat_of_id"] == first["id"]


# --- never in a log line -------------------------------------------------------------------------


async def test_no_personal_data_or_query_code_in_the_logs(
    client: AsyncClient,
    session: AsyncSession,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    await add_test_district(session)
    body = applicant(email=EMAIL)
    asker = question(asker_name="李华", asker_contact="lihua@example.com")
    # The service's own lines (structlog, every level), the standard library's that reach the
    # output (WARNING and above, as the root logger has them), and anything printed.
    with capture_logs() as events:
        made = await client.post("/applications", json=body)
        assert made.status_code == 201, made.text
        code = made.json()["query_code"]
        tracked = await client.post(
            "/applications/track",
            json={"tracking_number": made.json()["tracking_number"], "query_code": code},
        )
        assert tracked.status_code == 200, tracked.text
        wrong = await client.post(
            "/applications/track",
            json={"tracking_number": made.json()["tracking_number"], "query_code": "ZZZZ9999"},
        )
        assert wrong.status_code == 404
        refused = await client.post("/applications", json={**body, "phone": "12345"})
        assert refused.status_code == 422
        registered_app = await registered(client, email=EMAIL)
        staff_view = await client.get(f"/applications/{registered_app['id']}", headers=HANDLER)
        assert staff_view.status_code == 200
        asked = await client.post("/inquiries", json=asker)
        assert asked.status_code == 201, asked.text
        inquiry_id, token = asked.json()["id"], asked.json()["token"]
        answer = await client.get(f"/inquiries/{inquiry_id}/public", params={"token": token})
        assert answer.status_code == 200, answer.text
    assert any(event.get("event") == "request" for event in events)  # the capture works
    output = " ".join(
        [repr(events), caplog.text, *(record.getMessage() for record in caplog.records)]
    )
    printed = capsys.readouterr()
    output += printed.out + printed.err
    secrets_given: dict[str, Any] = {
        "ID number": ID_NUMBER,
        "phone": PHONE,
        "e-mail": EMAIL,
        "address": ADDRESS,
        "name": body["applicant_name"],
        "request": body["description"],
        "query code": code,
        "registered query code": registered_app["query_code"],
        "asker": asker["asker_name"],
        "asker's contact": asker["asker_contact"],
        "asker's code": token,
    }
    for what, value in secrets_given.items():
        assert value not in output, what
