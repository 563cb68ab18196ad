"""Query codes (查询码): the secret a person keeps to follow their application, inquiry or case,
and to rate it, without an account. The code is shown or printed once; what is stored is a
digest bound to the record's number, so that a code is worth nothing for another record."""

from __future__ import annotations

import hashlib
import secrets

# Query codes avoid characters people misread (0/O, 1/I/L).
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8


def new_code() -> str:
    """A fresh code of `LENGTH` characters from `ALPHABET`."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def code_hash(number: str, code: str) -> str:
    """What is stored of `code` given for the record `number` (case and spaces ignored)."""
    return hashlib.sha256(f"{number}:{code.strip().upper()}".encode()).hexdigest()


def code_matches(number: str, code: str, stored: str) -> bool:
    """Whether `code` is the one whose digest for `number` is `stored`, in constant time."""
    return secrets.compare_digest(code_hash(number, code), stored)
