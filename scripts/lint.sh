#!/usr/bin/env bash
# Static checks of every component and of the SPA.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy services/kit/sunshine_kit gateway/sunshine_gateway services/catalog/sunshine_catalog \
    services/applications/sunshine_applications services/hall/sunshine_hall \
    services/reporting/sunshine_reporting scripts/stack.py bench
if [[ -f frontend/package.json ]]; then
    # The SPA's client is typed from the combined OpenAPI: a changed API must come with a
    # regenerated client, or the SPA would compile against a contract that no longer holds.
    current=$(mktemp)
    .venv/bin/python -m sunshine_gateway.docs.dump "$current" >/dev/null
    if ! cmp -s "$current" frontend/openapi.json; then
        echo "frontend/openapi.json is out of date with the services: run 'make client'" >&2
        rm -f "$current"
        exit 1
    fi
    rm -f "$current"
    (cd frontend && npm run --silent lint)
fi
if [[ -f scripts/validate-deploy.sh ]]; then scripts/validate-deploy.sh; fi
