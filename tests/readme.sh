#!/bin/sh
# tests/readme.sh — run the README as a new user would, after its quick start
# (sh tools/setup.sh) installed everything under /usr/local: the quick
# start's table command, the "Other things to try" lines that need no data of
# one's own, the Python snippet with Debian's python3 and no environment
# variables, the R snippet when R is there, and the other Python install
# route (a virtual environment, offline).  .ci/run runs it on a fresh
# Debian 12 machine; it needs the installation, so it is not in make check.
set -u
cd "$(dirname "$0")/.."
README=README.md
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }
unset HJTJ_LIBRARY HJTJ_DATADIR PYTHONPATH

# HJTJ_README_PREFIX=DIR: try it against an installation elsewhere than
# /usr/local (a development check; CI uses the real /usr/local)
P=${HJTJ_README_PREFIX:-/usr/local}
if [ "$P" != /usr/local ]; then
    PATH=$P/bin:$PATH
    PYTHONPATH=$(echo "$P"/lib/python3*/dist-packages)
    LD_LIBRARY_PATH=$P/lib
    HJTJ_DATADIR=$P/share/hjemmetjeneste
    PKG_CONFIG_PATH=$P/lib/pkgconfig
    export PATH PYTHONPATH LD_LIBRARY_PATH HJTJ_DATADIR PKG_CONFIG_PATH
fi

# a fenced block of the README: the N-th (1-based) block of language LANG
block() {
    awk -v lang="$1" -v want="$2" '
        /^```/ { if (inside) { inside = 0; next }
                 if ($0 == "```" lang) { n++; if (n == want) { inside = 1; next } } }
        inside { print }' "$README" | sed "s|/usr/local|$P|g"
}

# the quick start's second half (the first is tools/setup.sh, already run);
# stdin is not a terminal here, so give it /dev/null: the bundled register
cmd=$(block sh 1 | sed -n 's/^sh tools\/setup.sh && //p')
[ -n "$cmd" ] || fail "quick start command not found in $README"
sh -c "$cmd" </dev/null >"$T/qs.out" 2>"$T/qs.err"; rc=$?
[ $rc -eq 0 ] && grep -q "^Tabell 3.5" "$T/qs.out" && grep -q "^Tabell 5.4" "$T/qs.out" \
    && ok "quick start: $cmd" || { fail "quick start (exit $rc)"; cat "$T/qs.err"; }

# "Other things to try": the lines that use the bundled data
block sh 2 | grep -E "^hjtj-(classify|report) ($P|--list)" | sed 's/ *#.*//' >"$T/try.sh"
while IFS= read -r line; do
    sh -c "$line" </dev/null >"$T/try.out" 2>&1 && [ -s "$T/try.out" ] && ok "$line" || fail "$line"
done <"$T/try.sh"

# the Python snippet, from another directory, with Debian's python3
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
block python 1 >"$T/snippet.py"
if (cd "$T" && "$PY" snippet.py >"$T/py.out" 2>&1); then
    grep -q "^100000" "$T/py.out" && ok "Python snippet ($("$PY" -c 'import hjtj; print(hjtj.__file__)'))" \
        || fail "Python snippet printed no records"
else
    fail "Python snippet"; cat "$T/py.out"
fi

# the R snippet
if command -v Rscript >/dev/null 2>&1; then
    block r 1 >"$T/snippet.R"
    if (cd "$T" && Rscript snippet.R >"$T/r.out" 2>&1); then
        grep -q "100000" "$T/r.out" && ok "R snippet" || fail "R snippet printed no records"
    else
        fail "R snippet"; cat "$T/r.out"
    fi
else
    echo "SKIP: R not installed, R snippet not run"
fi

# the other Python route: a virtual environment, offline
block sh 3 | sed "s|~/hjtj-venv|$T/venv|g; s|bindings/python|$T/pysrc|" >"$T/venv.sh"
cp -R bindings/python "$T/pysrc"
if "$PY" -m venv --help >/dev/null 2>&1; then
    if sh -e "$T/venv.sh" >"$T/venv.out" 2>&1; then
        ok "venv route: $(tail -1 "$T/venv.out")"
    else
        fail "venv route"; tail -20 "$T/venv.out"
    fi
else
    fail "venv route: python3 -m venv not available (apt install python3-venv)"
fi

[ $fails -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
