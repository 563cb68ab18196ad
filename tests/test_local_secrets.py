"""`make run` makes this installation's keys on the first start and keeps them to itself."""

from __future__ import annotations

import stat
from pathlib import Path

from stack import SECRET_NAMES, local_secrets


def test_keys_are_made_once_readable_by_the_owner_only_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "var" / "secrets.env"
    first = local_secrets(path)
    assert set(first) == set(SECRET_NAMES)
    assert all(len(value) >= 43 for value in first.values())
    assert len(set(first.values())) == len(first)  # one key per purpose
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert local_secrets(path) == first  # a restart keeps sessions and encrypted data


def test_a_key_added_later_is_made_and_none_already_there_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "secrets.env"
    path.write_text("SUNSHINE_USER_TOKEN_SECRET=kept-from-an-older-release\n", encoding="utf-8")
    path.chmod(0o644)
    keys = local_secrets(path)
    assert keys["SUNSHINE_USER_TOKEN_SECRET"] == "kept-from-an-older-release"
    assert keys["PERSONAL_DATA_KEY"] and keys["SUNSHINE_INTERNAL_TOKEN_SECRET"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert local_secrets(path) == keys
