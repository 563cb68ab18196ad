"""Write the combined OpenAPI document without running any server.

`python -m sunshine_gateway.docs.dump FILE`

Used by `make client` to regenerate the SPA's typed client.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

from sunshine_gateway.docs.combine import combine
from sunshine_kit.settings import SERVICE_NAMES


def build() -> dict[str, Any]:
    from sunshine_gateway.main import create

    services = {
        service: importlib.import_module(f"sunshine_{service}.main").create().openapi()
        for service in SERVICE_NAMES
    }
    return combine(create().openapi(), services)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("openapi.json")
    target.write_text(json.dumps(build(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target}")
