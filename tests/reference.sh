#!/bin/sh
# tests/reference.sh — the bundled synthetic register reproduces the report's
# published tables (see tests/check_reference.py).
S=${HJTJ_SRCDIR:-.}
B=${HJTJ_BUILDDIR:-.}
PY=$(command -v python3) || { echo "SKIP: python3 not found"; exit 77; }
exec "$PY" "$S/tests/check_reference.py" "$B/examples/hjtj-report" \
    "$S/data/register-2024-syntetisk.xml" "$S/tests/reference"
