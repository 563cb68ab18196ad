#!/usr/bin/env bash
# Static checks of every component and of the SPA.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy services/kit/sunshine_kit gateway/sunshine_gateway services/catalog/sunshine_catalog \
    services/applications/sunshine_applications services/hall/sunshine_hall \
    services/reporting/sunshine_reporting scripts/stack.py
if [[ -f frontend/package.json ]]; then (cd frontend && npm run --silent lint); fi
