"""Helpers of the cross-service tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

DEMO_PASSWORD = "Sunshine@2026"
FRONTEND = Path(__file__).resolve().parents[1] / "frontend"


def eventually(check: Callable[[], bool], timeout: float = 20.0) -> bool:
    """Poll until `check` holds: outbox delivery is asynchronous by design."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return check()
