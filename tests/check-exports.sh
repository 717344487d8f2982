#!/bin/sh
# tests/check-exports.sh — the exported symbols of the built libhjtj.so must
# be exactly the committed list tests/abi/exports.txt, and that list must be
# exactly the functions include/hjtj.h declares with HJTJ_API.  Nothing else
# may be exported (no data symbols, no non-hjtj_ names), and the static
# archive defines no global name outside hjtj_ (public) and hjtj__ (internal).
#
# Any difference fails and is printed.  When the API changes on purpose,
# regenerate the list (and the ABI baseline) with `make abi-baseline`, see
# abi/README.md.
set -u
B=${HJTJ_BUILDDIR:-.}
S=${HJTJ_SRCDIR:-.}
LC_ALL=C
export LC_ALL
LIB="$B/.libs/libhjtj.so"
LIST="$S/tests/abi/exports.txt"
HEADER="$S/include/hjtj.h"

if [ ! -f "$LIB" ]; then
    echo "SKIP: no shared library at $LIB (built with --disable-shared?)"
    exit 77
fi
if ! command -v nm >/dev/null 2>&1; then
    echo "SKIP: nm not found"
    exit 77
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0

nm -D --defined-only "$LIB" >"$T/nm" || { echo "FAIL: nm -D $LIB"; exit 1; }
awk '$2 == "T" { print $3 }' "$T/nm" | sort >"$T/exports"

# 1. the exported functions are the committed list
if diff -u "$LIST" "$T/exports" >"$T/diff"; then
    echo "ok: $(wc -l <"$T/exports" | tr -d ' ') exported functions match tests/abi/exports.txt"
else
    echo "FAIL: exported functions differ from tests/abi/exports.txt (- list, + library):"
    sed -n '3,$p' "$T/diff" | grep '^[-+]'
    fails=$((fails + 1))
fi

# 2. nothing but hjtj_* is exported, and no data symbols
awk '{ print $(NF-1), $(NF) }' "$T/nm" | grep -v '^T ' >"$T/nonfunc" || true
if [ -s "$T/nonfunc" ]; then
    echo "FAIL: exported symbols that are not functions (type name):"
    cat "$T/nonfunc"
    fails=$((fails + 1))
else
    echo "ok: only functions are exported"
fi
if grep -v '^hjtj_' "$T/exports" >"$T/bad"; then
    echo "FAIL: exported functions without the hjtj_ prefix:"
    cat "$T/bad"
    fails=$((fails + 1))
else
    echo "ok: every exported function starts with hjtj_"
fi

# 3. the list is the header's HJTJ_API functions
sh "$S/tests/abi/header-names.sh" functions "$HEADER" >"$T/header" || exit 1
if diff -u "$LIST" "$T/header" >"$T/diff2"; then
    echo "ok: tests/abi/exports.txt matches the functions of include/hjtj.h"
else
    echo "FAIL: tests/abi/exports.txt differs from the HJTJ_API functions of include/hjtj.h (- list, + header):"
    sed -n '3,$p' "$T/diff2" | grep '^[-+]'
    fails=$((fails + 1))
fi

# 4. the static archive: every global symbol it defines is a public function
#    of the list or an internal one with the hjtj__ prefix, so a program that
#    links libhjtj.a may use any other name (tests/static_names.c links it
#    into a program that defines the common ones)
AR="$B/.libs/libhjtj.a"
if [ -f "$AR" ]; then
    # (names that begin with __ are the compiler's: __odr_asan.X under ASan)
    nm -g --defined-only "$AR" | awk 'NF == 3 && $3 !~ /^__/ { print $3 }' | sort -u >"$T/static"
    grep -v '^hjtj__' "$T/static" | comm -23 - "$LIST" >"$T/sbad" || true
    if [ -s "$T/sbad" ]; then
        echo "FAIL: global symbols of libhjtj.a that are neither public nor hjtj__-prefixed:"
        cat "$T/sbad"
        fails=$((fails + 1))
    else
        echo "ok: libhjtj.a defines $(grep -c '^hjtj__' "$T/static") internal symbols, all hjtj__-prefixed"
    fi
else
    echo "note: no static archive at $AR (built with --disable-static?): step 4 skipped"
fi

[ $fails -eq 0 ] || { echo "$fails check(s) failed; if the change is intended: make abi-baseline"; exit 1; }
exit 0
