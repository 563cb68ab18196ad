"""The SPA in a real browser (Debian's Chromium driven by Playwright) against the real platform."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from stack import Stack
from support import FRONTEND


@pytest.mark.skipif(not (FRONTEND / "package.json").exists(), reason="the SPA is not in this tree")
def test_login_through_the_spa_and_see_the_console(stack: Stack) -> None:
    assert shutil.which("npm"), "npm is needed for the browser test"
    result = subprocess.run(
        ["npm", "run", "--silent", "e2e"],
        cwd=FRONTEND,
        env={**os.environ, "E2E_BASE_URL": stack.url("gateway"), "CI": "true"},
        capture_output=True,
        text=True,
        # Every browser file in one run, the accessibility sweep (about 90 s on the built SPA)
        # among them: ten minutes leaves room on CI's two cores.
        timeout=600,
    )
    # All of it when something failed (each failure's block, wherever it is in the run), the end
    # of it otherwise.
    print(result.stdout if result.returncode else result.stdout[-4000:], result.stderr[-4000:])
    assert result.returncode == 0, "browser tests failed (output above)"
