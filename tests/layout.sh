#!/bin/sh
# tests/layout.sh — the rules of lib/'s layout (see tests/layout.py).
S=${HJTJ_SRCDIR:-.}
PY=$(command -v python3) || { echo "SKIP: python3 not found"; exit 77; }
exec "$PY" "$S/tests/layout.py" "$S"
