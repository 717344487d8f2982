#!/bin/sh
# bindings/ci.sh PREFIX — the bindings' CI, after libhjtj has been built and
# installed under PREFIX (./configure --prefix=PREFIX && make install):
#
#   1. the Python binding's unit tests against PREFIX/lib/libhjtj.so.0;
#   2. R CMD build + R CMD check --no-manual of bindings/R (fails on any
#      ERROR or WARNING), linked through PREFIX/lib/pkgconfig;
#   3. bindings/cross_language_test.sh: C programs = Python = R.
#
# Without R (no R/Rscript) step 2 and the R part of step 3 are skipped with
# a message, unless HJTJ_REQUIRE_R=1 (then a missing R fails).  PYTHON
# selects the interpreter (default python3).  Exit status 0 when all pass.
set -u
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
    echo "usage: $0 PREFIX  (where libhjtj is installed)" >&2
    exit 2
fi
P=$(cd "$1" && pwd)
S=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-python3}

PKG_CONFIG_PATH=$P/lib/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
LD_LIBRARY_PATH=$P/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
HJTJ_DATADIR=$P/share/hjemmetjeneste
HJTJ_LIBRARY=$P/lib/libhjtj.so.0
HJTJ_BUILDDIR=$P
export PKG_CONFIG_PATH LD_LIBRARY_PATH HJTJ_DATADIR HJTJ_LIBRARY HJTJ_BUILDDIR

# `make install prefix=P` of a tree configured for another prefix installs a
# .pc that still names the configured prefix: then take the flags from it
# with the prefix redefined, so that R links the library under P.
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
pcdir=$("$PKG_CONFIG" --variable=libdir hjemmetjeneste 2>/dev/null)
if [ -n "$pcdir" ] && [ "$pcdir" != "$P/lib" ] && [ -z "${HJTJ_LIBS:-}" ]; then
    echo "note: $P/lib/pkgconfig/hjemmetjeneste.pc names $pcdir; using prefix=$P"
    HJTJ_CFLAGS=$("$PKG_CONFIG" --define-variable=prefix="$P" --cflags hjemmetjeneste)
    HJTJ_LIBS=$("$PKG_CONFIG" --define-variable=prefix="$P" --libs hjemmetjeneste)
    export HJTJ_CFLAGS HJTJ_LIBS
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/hjtj-ci.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
failed=""

echo "== Python unit tests ($("$PYTHON" --version 2>&1))"
if PYTHONPATH=$S/bindings/python "$PYTHON" -m unittest discover -v -s "$S/bindings/python/tests" \
        >"$T/py.log" 2>&1; then
    tail -3 "$T/py.log"
else
    cat "$T/py.log"
    failed="$failed python"
fi
find "$S/bindings/python" -name __pycache__ -type d -prune -exec rm -rf {} + 2>/dev/null

echo "== R CMD build / check"
RLIB=""
if ! command -v R >/dev/null 2>&1 || ! command -v Rscript >/dev/null 2>&1; then
    if [ "${HJTJ_REQUIRE_R:-0}" = 1 ]; then
        echo "R not found (HJTJ_REQUIRE_R=1)"
        failed="$failed R"
    else
        echo "skip: R not found (install r-base-dev r-cran-testthat to check the R package)"
    fi
else
    (
        cd "$T" &&
        R CMD build "$S/bindings/R" >build.log 2>&1 &&
        _R_CHECK_FORCE_SUGGESTS_=false R CMD check --no-manual hjtj_*.tar.gz >check.log 2>&1
    )
    rc=$?
    [ -f "$T/build.log" ] && tail -2 "$T/build.log"
    if [ -f "$T/check.log" ]; then
        grep -E '^\* checking .*(ERROR|WARNING|NOTE)|^Status:' "$T/check.log"
    fi
    status=$(sed -n 's/^Status: //p' "$T/check.log" 2>/dev/null)
    if [ $rc -ne 0 ] || [ -z "$status" ] || echo "$status" | grep -Eq 'ERROR|WARNING'; then
        cat "$T/build.log" "$T/check.log" 2>/dev/null | tail -60
        for f in "$T"/hjtj.Rcheck/00install.out "$T"/hjtj.Rcheck/tests/testthat.Rout.fail; do
            [ -f "$f" ] && { echo "--- $f"; tail -40 "$f"; }
        done
        failed="$failed R-CMD-check"
    else
        RLIB=$T/hjtj.Rcheck  # R CMD check installed the package here
    fi
fi

echo "== cross-language test"
if [ -z "$RLIB" ]; then
    HJTJ_SKIP_R=1
    export HJTJ_SKIP_R
fi
if ! PYTHON=$PYTHON sh "$S/bindings/cross_language_test.sh" "$P" "$RLIB" >"$T/x.log" 2>&1; then
    failed="$failed cross-language"
fi
grep -v '^ok:' "$T/x.log"

if [ -n "$failed" ]; then
    echo "bindings CI failed:$failed"
    exit 1
fi
echo "bindings CI passed"
exit 0
