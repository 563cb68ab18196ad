#!/bin/sh
# Entrypoint of the Sunshine image.
#   serve <component>     run the component with uvicorn on its port (the gateway trusts proxy
#                         headers from FORWARDED_ALLOW_IPS only, default 127.0.0.1; services none)
#   migrate <component>   alembic upgrade heads on the component's DATABASE_URL (idempotent)
#   migrate-all           migrate every component (DATABASE_URL_<COMPONENT> per component;
#                         PERSONAL_DATA_KEY reaches the applications' migrations only)
#   demo [component]      load demo data (default gateway; skipped when already loaded)
#   healthcheck           GET /healthz of the component served in this container
#   <anything else>       exec'd as is (e.g. `sh`, `alembic ...`)
# components: gateway catalog applications hall reporting
set -eu

APP_ROOT="${APP_ROOT:-/app}"

component_info() {
    # sets PACKAGE, SOURCE_DIR, DEFAULT_PORT for component $1
    case "$1" in
        gateway)      PACKAGE=sunshine_gateway;      SOURCE_DIR=gateway;               DEFAULT_PORT=8000 ;;
        catalog)      PACKAGE=sunshine_catalog;      SOURCE_DIR=services/catalog;      DEFAULT_PORT=8001 ;;
        applications) PACKAGE=sunshine_applications; SOURCE_DIR=services/applications; DEFAULT_PORT=8002 ;;
        hall)         PACKAGE=sunshine_hall;         SOURCE_DIR=services/hall;         DEFAULT_PORT=8003 ;;
        reporting)    PACKAGE=sunshine_reporting;    SOURCE_DIR=services/reporting;    DEFAULT_PORT=8004 ;;
        *) echo "unknown component '$1' (gateway, catalog, applications, hall, reporting)" >&2; exit 64 ;;
    esac
}

usage() {
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 64
}

migrate() {
    component_info "$1"
    if [ -z "${DATABASE_URL:-}" ]; then
        echo "migrate $1: DATABASE_URL is not set" >&2
        exit 78
    fi
    if [ "$1" != applications ]; then
        # applicants' personal data key: the applications' migrations only (migrate-all gets it
        # for them), never another component's
        unset PERSONAL_DATA_KEY PERSONAL_DATA_OLD_KEYS
    fi
    echo "migrate $1: alembic upgrade heads" >&2
    cd "$APP_ROOT"
    alembic -c "$SOURCE_DIR/alembic.ini" upgrade heads
}

cmd="${1:-serve}"
[ "$#" -gt 0 ] && shift

case "$cmd" in
    serve)
        [ "$#" -ge 1 ] || usage
        component_info "$1"
        port="${PORT:-$DEFAULT_PORT}"
        if [ "$1" = gateway ]; then
            # X-Forwarded-For/-Proto are believed only from the configured proxies (IPs/CIDRs,
            # comma-separated; default: none but the container itself). Never `*`.
            trusted="${FORWARDED_ALLOW_IPS:-127.0.0.1}"
            case "$trusted" in
                *'*'*)
                    echo "serve gateway: FORWARDED_ALLOW_IPS='$trusted' would let any client set its own address; name the proxies' IPs/CIDRs" >&2
                    exit 78
                    ;;
            esac
            set -- --proxy-headers --forwarded-allow-ips "$trusted"
        else
            # the services are reached only by the gateway and each other: no proxy headers
            set -- --no-proxy-headers
        fi
        echo "$port" > /tmp/sunshine.port 2>/dev/null || true
        exec uvicorn "$PACKAGE.main:app" \
            --host "${HOST:-0.0.0.0}" \
            --port "$port" \
            "$@" \
            --no-access-log \
            --no-server-header \
            --timeout-keep-alive "${KEEP_ALIVE_SECONDS:-5}" \
            --timeout-graceful-shutdown "${GRACEFUL_SHUTDOWN_SECONDS:-20}"
        ;;
    migrate)
        [ "$#" -ge 1 ] || usage
        migrate "$1"
        ;;
    migrate-all)
        for c in gateway catalog applications hall reporting; do
            var="DATABASE_URL_$(echo "$c" | tr '[:lower:]' '[:upper:]')"
            url="$(printenv "$var" || true)"
            if [ -z "$url" ]; then
                echo "migrate-all: $var is not set" >&2
                exit 78
            fi
            (DATABASE_URL="$url" migrate "$c")
        done
        ;;
    demo)
        component_info "${1:-gateway}"
        if python -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('$PACKAGE.demo') is None)"; then
            exec python -m "$PACKAGE.demo"
        fi
        echo "demo: $PACKAGE has no demo data" >&2
        ;;
    healthcheck)
        [ -f /tmp/sunshine.port ] || exit 0
        exec python -c "import sys, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + open('/tmp/sunshine.port').read().strip() + '/healthz', timeout=4); sys.exit(0)"
        ;;
    help|-h|--help)
        usage
        ;;
    *)
        exec "$cmd" "$@"
        ;;
esac
