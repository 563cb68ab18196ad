"""Password hashing, and the policy a new password must meet (等保 2.0: 口令复杂度).

The policy's "common password" rule is zxcvbn's estimate (its lists of common passwords, names
and words, keyboard runs, dates, repeats and l33t spellings, with the account's own names added):
a score below 2 means fewer than a million guesses. Logins are throttled and locked after a few
failures, so guessing happens online and slowly; a score of 2 already puts a password beyond
reach there, and the argon2 hash guards against guessing offline. The demo password passes.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn

from sunshine_kit.errors import InvalidInput

_hasher = PasswordHasher()
# Verified against when the username is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("sunshine-timing-equaliser")

MIN_LENGTH = 10
MIN_CLASSES = 3
MIN_SCORE = 2
# zxcvbn refuses longer input; a prefix is guessed no more easily than the whole password.
_ESTIMATED_LENGTH = 72
# Below this a name would forbid too many ordinary passwords ("li" is in "climb").
_MIN_NAME_IN_PASSWORD = 3


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def _classes(password: str) -> int:
    """How many of upper case, lower case, digits and symbols (anything else) appear."""
    upper = any(c.isascii() and c.isupper() for c in password)
    lower = any(c.isascii() and c.islower() for c in password)
    digit = any(c.isascii() and c.isdigit() for c in password)
    symbol = any(not (c.isascii() and c.isalnum()) for c in password)
    return upper + lower + digit + symbol


def password_problem(password: str, username: str, *other_names: str) -> str | None:
    """Why `password` will not do for the account `username`, in words for its holder; None
    when it meets the policy."""
    if len(password) < MIN_LENGTH:
        return f"密码至少需要 {MIN_LENGTH} 位"
    classes = _classes(password)
    if classes == 1:
        return "密码不能只由一类字符组成（如全是数字或全是字母）"
    if classes < MIN_CLASSES:
        return "密码需包含大写字母、小写字母、数字、符号中的至少三类"
    name, lowered = username.lower(), password.lower()
    if lowered == name or (
        len(name) >= _MIN_NAME_IN_PASSWORD and (name in lowered or lowered in name)
    ):
        return "密码不能与用户名相同或包含用户名"
    estimate = zxcvbn(password[:_ESTIMATED_LENGTH], user_inputs=[username, *other_names])
    if estimate["score"] < MIN_SCORE:
        return "密码过于常见或容易被猜到（如常用密码、键盘序列、重复字符、日期），请换一个"
    return None


def ensure_acceptable(password: str, username: str, *other_names: str, field: str) -> None:
    """Refuse `password` with a 422 naming `field` and the rule it breaks."""
    problem = password_problem(password, username, *other_names)
    if problem is not None:
        raise InvalidInput(field, problem, code="weak_password")
