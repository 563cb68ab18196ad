#!/usr/bin/env bash
# Every test: lint, each component's tests on a throwaway PostgreSQL, the SPA's unit tests, and
# the cross-service and browser tests against the real processes.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh --test || exit 1
echo "==> lint"
scripts/lint.sh || exit 1

pgdir=$(mktemp -d /tmp/sunshine-pg.XXXXXX)
trap 'scripts/pg.sh stop "$pgdir"' EXIT
TEST_DATABASE_URL=$(scripts/pg.sh start "$pgdir") || { cat "$pgdir"/*.log; exit 1; }
export TEST_DATABASE_URL
reports=$(mktemp -d /tmp/sunshine-reports.XXXXXX)
failed=0

for component in services/kit gateway services/catalog services/applications services/hall services/reporting; do
    echo "==> tests of $component"
    .venv/bin/pytest -q "$component/tests" --junitxml="$reports/$(basename "$component").xml" || failed=1
done

if [[ -f frontend/package.json ]]; then
    echo "==> frontend unit tests"
    (cd frontend && npx vitest run --reporter=default --reporter=junit --outputFile.junit="$reports/frontend.xml") || failed=1
fi

echo "==> cross-service and browser tests"
.venv/bin/pytest -q tests --junitxml="$reports/cross-service.xml" || failed=1

.venv/bin/python - "$reports" <<'PY'
import sys, pathlib, xml.etree.ElementTree as ET
tests = failures = skipped = 0
for path in pathlib.Path(sys.argv[1]).glob("*.xml"):
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    for suite in suites:
        tests += int(suite.get("tests", 0))
        failures += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
print(f"\ntotal: {tests - failures - skipped} passed, {failures} failed, {skipped} skipped")
PY
exit $failed
