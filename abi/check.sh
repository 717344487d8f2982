#!/bin/sh
# abi/check.sh — compare the ABI of the built libhjtj.so with the committed
# baseline abi/libhjtj.abi (libabigail's abidw/abidiff; Debian package
# abigail-tools).  See abi/README.md.
#
#   sh abi/check.sh            check: exit 0 if compatible, 1 if not
#   sh abi/check.sh --update   rewrite abi/libhjtj.abi from the built library
#                              (what `make abi-baseline` runs)
#
# Paths come from HJTJ_SRCDIR (default: the directory above this script) and
# HJTJ_BUILDDIR (default: the current directory), as in `make check`.
#
# Exit status: 0 no change, or only compatible changes (functions added,
# enumerators appended: the report is printed, and the baseline should be
# updated before the next release); 1 an incompatible change or an abidiff
# error; 77 (skip) when abidw/abidiff are not installed, the library is not
# built as a shared library, or it has no debug information (-g).
#
# Incompatible: abidiff sets its "incompatible" bit (8) for a removed
# function or a changed soname.  A changed parameter or return type, or a
# renumbered enumerator, only sets the "change" bit (4) and is left for a
# human to judge; with opaque types only, such a change to an existing
# function is never compatible for us, so it fails too.
set -u
S=${HJTJ_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
B=${HJTJ_BUILDDIR:-.}
LIB="$B/.libs/libhjtj.so"
BASELINE="$S/abi/libhjtj.abi"
HEADERS="$S/include"

# The one definition of how the ABI is dumped, for the baseline and for the
# check alike: only what the headers declare (the opaque structs stay
# declarations), no paths or source locations that change with the build
# directory or with unrelated edits, type ids from hashes so that a new
# baseline differs from the old one only where the ABI does.
dump() {
    abidw --no-corpus-path --no-comp-dir-path --no-show-locs --type-id-style hash \
        --headers-dir "$HEADERS" --drop-private-types --exported-interfaces-only \
        --out-file "$2" "$1"
}

update=0
case ${1:-} in
--update) update=1 ;;
"") ;;
*) echo "usage: $0 [--update]" >&2; exit 2 ;;
esac

for tool in abidw abidiff; do
    if ! command -v $tool >/dev/null 2>&1; then
        echo "SKIP: $tool not found (apt-get install abigail-tools)"
        [ $update -eq 1 ] && exit 1
        exit 77
    fi
done
if [ ! -f "$LIB" ]; then
    echo "SKIP: no shared library at $LIB"
    [ $update -eq 1 ] && exit 1
    exit 77
fi
if command -v readelf >/dev/null 2>&1 && ! readelf -S "$LIB" | grep -q '\.debug_info'; then
    echo "SKIP: $LIB has no debug information (build with -g, the default CFLAGS)"
    [ $update -eq 1 ] && exit 1
    exit 77
fi

if [ $update -eq 1 ]; then
    dump "$LIB" "$BASELINE" || { echo "abidw failed"; exit 1; }
    echo "wrote $BASELINE"
    exit 0
fi

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
dump "$LIB" "$T/current.abi" || { echo "FAIL: abidw could not read $LIB"; exit 1; }
abidiff "$BASELINE" "$T/current.abi" >"$T/report" 2>&1
rc=$?
cat "$T/report"
# abidiff's exit status is a bit field: 1 error, 2 usage error,
# 4 ABI change, 8 incompatible ABI change.
if [ $((rc & 3)) -ne 0 ]; then
    echo "FAIL: abidiff failed (exit status $rc)"
    exit 1
fi
if [ $((rc & 8)) -ne 0 ]; then
    echo "FAIL: the ABI changed incompatibly against abi/libhjtj.abi (exit status $rc)."
    echo "If that is intended: update -version-info in configure.ac (CURRENT++, REVISION=0,"
    echo "AGE=0), then run 'make abi-baseline' and commit the result (abi/README.md)."
    exit 1
fi
# removed and changed counts of the summary lines, e.g.
# "Functions changes summary: 0 Removed, 1 Changed (2 filtered out), 1 Added function"
changed=$(sed -n 's/^[A-Z][a-z]* changes summary: \([0-9]*\) Removed[^,]*, \([0-9]*\) Changed.*/\1 \2/p' "$T/report" |
    tr ' ' '\n' | grep -cv '^0$')
if [ $((rc & 4)) -ne 0 ] && [ "$changed" -ne 0 ]; then
    echo "FAIL: existing functions or variables changed against abi/libhjtj.abi (see above)."
    echo "If that is intended: update -version-info in configure.ac (CURRENT++, REVISION=0,"
    echo "AGE=0), then run 'make abi-baseline' and commit the result (abi/README.md)."
    exit 1
fi
if [ $((rc & 4)) -ne 0 ]; then
    echo "ok: compatible ABI changes only (see above); before the release run"
    echo "'make abi-baseline' and move -version-info in configure.ac (CURRENT++, REVISION=0, AGE++)."
    exit 0
fi
echo "ok: the ABI is the baseline's"
exit 0
