#!/bin/sh
# tests/publish.sh — the publication formats read back by real clients
# (SPEC §10): runs tests/check_publish.py with the npm packages
# jsonstat-toolkit and px installed into a cache directory (never into the
# source tree) and a Python that has openpyxl.
#
#   HJTJ_NPM_DIR   where the npm packages go (default $TMPDIR/hjtj-npm-$USER)
#   HJTJ_HAVE_XLSX yes/no: the library was built with libxlsxwriter (set by make)
#
# Exit 77 (SKIP) with a message when node/npm are missing or the packages
# cannot be installed (no network); .ci/run installs nodejs and npm.
set -u
S=${HJTJ_SRCDIR:-.}
NPM_DIR=${HJTJ_NPM_DIR:-${TMPDIR:-/tmp}/hjtj-npm-$(id -u)}
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "SKIP: node and npm are needed to read JSON-stat and PX (Debian: apt-get install nodejs npm)"
    exit 77
fi
if [ ! -f "$NPM_DIR/node_modules/jsonstat-toolkit/package.json" ] ||
   [ ! -f "$NPM_DIR/node_modules/px/package.json" ]; then
    mkdir -p "$NPM_DIR" || exit 99
    if ! npm install --no-audit --no-fund --silent --prefix "$NPM_DIR" jsonstat-toolkit px \
            >"$NPM_DIR/install.log" 2>&1; then
        cat "$NPM_DIR/install.log"
        echo "SKIP: cannot install the npm packages jsonstat-toolkit and px into $NPM_DIR"
        exit 77
    fi
fi
PY=""
for p in ${PYTHON:-} python3 /usr/bin/python3; do
    if "$p" -c "import openpyxl" >/dev/null 2>&1; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
    if [ "${HJTJ_HAVE_XLSX:-yes}" = yes ]; then
        echo "FAIL: no python3 with openpyxl to read XLSX (Debian: apt-get install python3-openpyxl)"
        exit 1
    fi
    PY=python3
fi
exec "$PY" "$S/tests/check_publish.py" "$NPM_DIR/node_modules"
