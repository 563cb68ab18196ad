#!/usr/bin/env bash
# Validate deploy/ (Dockerfile, compose, Kubernetes) without a cluster or a Docker engine.
#   bash scripts/validate-deploy.sh
# Needs .venv (scripts/bootstrap.sh) with yamllint, kubernetes-validate and dockerfile-parse;
# uses `kubectl kustomize` (or `kustomize build`) when installed, else deploy/tools/render.py,
# (VALIDATE_RENDERER=python forces the latter) and `docker compose config` when the compose
# plugin is installed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=.venv/bin/python

if [[ ! -x "$PY" ]]; then
    echo "FAIL  $PY is missing: run scripts/bootstrap.sh" >&2
    exit 1
fi

missing=()
for module in yaml yamllint kubernetes_validate dockerfile_parse; do
    "$PY" -c "import $module" 2>/dev/null || missing+=("$module")
done
if ((${#missing[@]})); then
    echo "FAIL  python modules missing from .venv: ${missing[*]} (pin them in requirements-dev.txt)" >&2
    exit 1
fi

exec "$PY" deploy/tools/validate.py "$@"
