#!/usr/bin/env bash
# Install whatever is missing, and only that: the Python environment, the SPA's packages and
# build, and (with --test) the Debian packages the tests need. Safe to run on every start.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
[[ "${1:-}" == "--test" ]] && want_test=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

apt_updated=false
apt_install() {
    if ! $apt_updated; then as_root apt-get update -qq; apt_updated=true; fi
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@"
}

# --- Python ---------------------------------------------------------------------------------
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3
stamp_py=$(cat requirements-dev.txt services/*/pyproject.toml gateway/pyproject.toml | sha256sum | cut -c1-16)
if [[ ! -x .venv/bin/python ]]; then
    say "creating .venv"
    "$PYTHON" -m venv .venv
fi
if [[ "$(cat .venv/.stamp 2>/dev/null)" != "$stamp_py" ]]; then
    say "installing Python packages"
    .venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt \
        -e services/kit -e gateway -e services/catalog -e services/applications \
        -e services/hall -e services/reporting
    echo "$stamp_py" > .venv/.stamp
fi

# --- Frontend -------------------------------------------------------------------------------
if [[ -f frontend/package.json ]]; then
    stamp_npm=$(sha256sum frontend/package-lock.json | cut -c1-16)
    if [[ "$(cat frontend/node_modules/.stamp 2>/dev/null)" != "$stamp_npm" ]]; then
        say "installing frontend packages"
        (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
        echo "$stamp_npm" > frontend/node_modules/.stamp
    fi
    stamp_ui=$(cd frontend && find src public index.html vite.config.* package-lock.json -type f 2>/dev/null \
        | sort | xargs cat | sha256sum | cut -c1-16)
    if [[ "$(cat frontend/dist/.stamp 2>/dev/null)" != "$stamp_ui" ]]; then
        say "building the SPA"
        (cd frontend && npm run build --silent)
        echo "$stamp_ui" > frontend/dist/.stamp
    fi
fi

# --- What the reply letters' PDF needs at run time ------------------------------------------
# WeasyPrint lays text out with Pango and embeds the Noto CJK fonts. Both checks are cheap; the
# output is tested whole rather than piped to `grep -q`, which pipefail would misread.
if [[ -z "$(fc-list :lang=zh 2>/dev/null)" ]] \
    || ! /sbin/ldconfig -p | grep libpango-1.0 >/dev/null; then
    say "installing Chinese fonts and Pango (PDF reply letters)"
    apt_install fontconfig fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
fi

# --- What the tests need from Debian --------------------------------------------------------
if $want_test; then
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        say "installing PostgreSQL"
        apt_install postgresql
    fi
    if [[ ! -x /usr/bin/chromium ]]; then
        say "installing Chromium"
        apt_install chromium fonts-noto-cjk
    fi
fi
