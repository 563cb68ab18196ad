"""Personal data encrypted at rest (等保 2.0 三级: 个人信息的保密性).

ID numbers, phone numbers, e-mail addresses and postal addresses of applicants, and the contact
of those who ask, are stored encrypted: a column declared `Sealed` is encrypted as it is written
and decrypted as it is read, by the ORM and by Core statements alike, so the code that handles
these values never sees a ciphertext. Names stay in plain text: staff see them (masking), the
inbox sorts and shows them, and a name alone identifies nobody.

The format, which must stay readable for as long as rows are kept:
    pd1.<URL-safe base64, unpadded, of: 12-byte nonce | AES-256-GCM ciphertext and 16-byte tag>
The associated data is the column's label (`disclosure_application.id_number`), so a value
copied into another column does not decrypt. An empty string is stored as it is (it says only
that nothing was given). The key is PERSONAL_DATA_KEY (32 random bytes, URL-safe base64);
AES and the fingerprints use two keys derived from it with HKDF, never the key itself.

Each component that keeps personal data (applications, hall) has its own key, read from its own
environment into its settings (`PersonalDataSettings`): a key leaked from one component opens
nothing of another's. Components without personal data are never given one.

Rotation: the new key becomes PERSONAL_DATA_KEY and the old one goes to PERSONAL_DATA_OLD_KEYS;
every value still decrypts, new values use the new key, and repeat detection compares against
fingerprints made with every key. The component's re-encryption command (applications:
`python -m sunshine_applications.personal_data`) then rewrites every row with the new key, after
which the old key can be dropped.

Encrypted values cannot be searched or compared in SQL (each encryption differs); what has to be
matched is matched through a keyed fingerprint (`fingerprint`), an HMAC that reveals nothing of
the number to whoever reads the table without the key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from collections.abc import Sequence

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pydantic import Field
from sqlalchemy import Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from sunshine_kit.settings import MissingSecret, Settings, secret_problem

PREFIX = "pd1."
NONCE_BYTES = 12
KEY_BYTES = 32  # AES-256


def key_bytes(name: str, value: str) -> bytes:
    """The 32 bytes a personal-data key stands for (URL-safe base64, as `make run` makes them)."""
    try:
        raw = base64.urlsafe_b64decode(value.strip().encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raw = b""
    if len(raw) != KEY_BYTES:
        raise MissingSecret(
            f"{name} must be {KEY_BYTES} random bytes in URL-safe base64 (44 characters), e.g."
            ' `python -c "import base64,secrets;'
            ' print(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())"`'
        )
    return raw


class PersonalDataSettings(Settings):
    """The settings of a component that keeps personal data: its own key."""

    # Encrypts personal data at rest. Needed in every environment, development too: no personal
    # data is ever written in plain text.
    personal_data_key: str = Field("", repr=False)
    # Keys replaced by a rotation, newest first, separated by commas: still read, never written
    # with; the component's re-encryption command re-encrypts with the current key.
    personal_data_old_keys: str = Field("", repr=False)

    def personal_data_keys(self) -> list[bytes]:
        """The key that encrypts, then the earlier ones still read; refused when missing,
        malformed, or, in production, one that protects nothing."""
        if not self.personal_data_key:
            raise MissingSecret(
                f"PERSONAL_DATA_KEY is not set: the {self.service_name} service keeps personal"
                " data encrypted and never writes it in plain text. `make run` makes one under"
                " var/; a deployment sets it from its secret store (see README, Security)"
            )
        named = [("PERSONAL_DATA_KEY", self.personal_data_key)] + [
            ("PERSONAL_DATA_OLD_KEYS", old.strip())
            for old in self.personal_data_old_keys.split(",")
            if old.strip()
        ]
        if self.env == "production":
            for name, value in named:
                if problem := secret_problem(name, value):
                    raise MissingSecret(f"refusing to start in production: {problem}")
        return [key_bytes(name, value) for name, value in named]

    def check_secrets(self, *, signs_user_tokens: bool) -> None:
        super().check_secrets(signs_user_tokens=signs_user_tokens)
        self.personal_data_keys()


class PersonalDataUnreadable(RuntimeError):
    """A stored value that none of the configured keys decrypts (or that is not encrypted)."""


def _derive(key: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(key)


class PersonalDataCipher:
    """Encrypts with the current key, decrypts with any configured one."""

    def __init__(self, keys: Sequence[bytes]) -> None:
        if not keys:
            raise ValueError("at least one key is needed")
        self._aeads = [AESGCM(_derive(key, b"sunshine personal data v1")) for key in keys]
        self._marks = [_derive(key, b"sunshine fingerprint v1") for key in keys]

    @classmethod
    def from_settings(cls, settings: PersonalDataSettings) -> PersonalDataCipher:
        return cls(settings.personal_data_keys())

    def seal(self, text: str, label: str) -> str:
        """The stored form of `text` in the column `label`."""
        if not text:
            return text
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aeads[0].encrypt(nonce, text.encode(), label.encode())
        return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode().rstrip("=")

    def open(self, stored: str, label: str) -> str:
        """The text of a stored value; PersonalDataUnreadable when no key opens it."""
        if not stored:
            return stored
        data = self._decode(stored)
        if data is not None:
            nonce, sealed = data[:NONCE_BYTES], data[NONCE_BYTES:]
            for aead in self._aeads:
                try:
                    return aead.decrypt(nonce, sealed, label.encode()).decode()
                except InvalidTag:
                    continue
        raise PersonalDataUnreadable(
            f"a value of {label} is not encrypted with PERSONAL_DATA_KEY or PERSONAL_DATA_OLD_KEYS"
        )

    def fingerprint(self, text: str) -> str:
        """A keyed digest of `text` (HMAC-SHA256) with the current key: what is stored."""
        return hmac.new(self._marks[0], text.encode(), hashlib.sha256).hexdigest()

    def fingerprints(self, text: str) -> list[str]:
        """The digests of `text` under every configured key: what a stored one may be."""
        return [hmac.new(mark, text.encode(), hashlib.sha256).hexdigest() for mark in self._marks]

    @staticmethod
    def _decode(stored: str) -> bytes | None:
        if not stored.startswith(PREFIX):
            return None
        body = stored[len(PREFIX) :]
        try:
            data = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        except ValueError:
            return None
        return data if len(data) > NONCE_BYTES + 16 else None


# Shown instead of a value: length hidden, so a mask tells nothing more.
HIDDEN = "****"


def mask_id(number: str) -> str:
    """110***********002X: enough to tell two applicants apart, not to use the number."""
    if len(number) <= 6:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def mask_phone(phone: str) -> str:
    """138****5678."""
    digits = phone.replace("-", "")
    if len(digits) < 7:
        return "*" * len(phone)
    return digits[:3] + HIDDEN + digits[-4:]


class _Holder:
    cipher: PersonalDataCipher | None = None


def use(cipher: PersonalDataCipher) -> None:
    """Make `cipher` the process's (the app installs the one of its settings at start-up)."""
    _Holder.cipher = cipher


def cipher() -> PersonalDataCipher:
    """The process's cipher; unless one was installed, that of the environment's key
    (migrations, the demo loader, tests), which fails without PERSONAL_DATA_KEY."""
    if _Holder.cipher is None:
        _Holder.cipher = PersonalDataCipher.from_settings(PersonalDataSettings())
    return _Holder.cipher


class Sealed(TypeDecorator[str]):
    """A text column whose values are stored encrypted (see the module's docstring). Compare
    such a column in SQL with nothing: store a fingerprint beside it for what must match."""

    impl = Text
    cache_ok = True

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else cipher().seal(value, self.label)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else cipher().open(value, self.label)
