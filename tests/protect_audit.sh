#!/bin/sh
# tests/protect_audit.sh — the linear-programming audit of small-count
# protection (SPEC §11): tests/protect_audit.py on random registers, with
# Debian's python3-scipy (skipped when it is not installed).
B=${HJTJ_BUILDDIR:-.}
S=${HJTJ_SRCDIR:-.}
export HJTJ_DATADIR=${HJTJ_DATADIR:-$S/data}
PY=/usr/bin/python3
if ! "$PY" -c 'import scipy.optimize' 2>/dev/null; then
    echo "SKIP: $PY with scipy (Debian python3-scipy) not found"
    exit 77
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
PYTHONPATH="$S/tests" "$PY" "$S/tests/protect_audit.py" --driver "$B/tests/protect_driver" \
    --report "$B/examples/hjtj-report" --oracle "$S/tests/oracle" \
    --kommuner "$HJTJ_DATADIR/kommuner-2025.csv" --seeds 3 --tmp "$T"
