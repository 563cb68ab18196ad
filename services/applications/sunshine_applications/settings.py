from __future__ import annotations

import base64
import binascii

from pydantic import Field

from sunshine_kit.settings import MissingSecret, Settings, secret_problem

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


class ApplicationsSettings(Settings):
    service_name: str = "applications"
    # Encrypts applicants' and askers' personal data at rest (personal_data.encryption). Needed
    # in every environment, development too: no personal data is ever written in plain text.
    personal_data_key: str = Field("", repr=False)
    # Keys replaced by a rotation, newest first, separated by commas: still read, never written
    # with; `python -m sunshine_applications.personal_data` re-encrypts with the current key.
    personal_data_old_keys: str = Field("", repr=False)

    def personal_data_keys(self) -> list[bytes]:
        """The key that encrypts, then the earlier ones still read; refused when missing,
        malformed, or, in production, one that protects nothing."""
        if not self.personal_data_key:
            raise MissingSecret(
                "PERSONAL_DATA_KEY is not set: the applications service keeps personal data"
                " encrypted and never writes it in plain text. `make run` makes one under var/;"
                " a deployment sets it from its secret store (see README, Security)"
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
