#!/usr/bin/env bash
# Regenerate the SPA's typed API client from the gateway's combined OpenAPI document.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m sunshine_gateway.docs.dump frontend/openapi.json
(cd frontend && npm run --silent generate-client)
