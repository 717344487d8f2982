#!/bin/sh
# tests/check-docs.sh — the manual covers the public API:
#  1. every function declared in include/hjtj.h is documented in a man page
#     (named in a .Nm, .Fn or .Fo line), and every function a page names
#     in its NAME section is declared there;
#  2. every other public name of the header (types, enumeration constants,
#     macros) appears in some man page;
#  3. every page this project refers to with .Xr (hjtj*, in SEE ALSO or
#     elsewhere) exists, and every page in man/ is installed (dist_man_MANS);
#  4. if mandoc is installed, `mandoc -Tlint` finds no warnings or errors.
set -u
S=${HJTJ_SRCDIR:-.}
LC_ALL=C
export LC_ALL
MAN="$S/man"
HEADER="$S/include/hjtj.h"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

pages=$(ls "$MAN"/*.[1-9] 2>/dev/null)
[ -n "$pages" ] || { echo "FAIL: no man pages in $MAN"; exit 1; }

# 1. functions
sh "$S/tests/abi/header-names.sh" functions "$HEADER" >"$T/functions" || exit 1
cat $pages | sed -n -e 's/^\.Nm[ 	]\{1,\}\([A-Za-z0-9_]*\).*/\1/p' \
    -e 's/^\.Fn[ 	]\{1,\}\([A-Za-z0-9_]*\).*/\1/p' \
    -e 's/^\.Fo[ 	]\{1,\}\([A-Za-z0-9_]*\).*/\1/p' | sort -u >"$T/documented"
comm -23 "$T/functions" "$T/documented" >"$T/undocumented"
if [ -s "$T/undocumented" ]; then
    fail "functions of include/hjtj.h without a .Nm/.Fn/.Fo line in man/:"
    sed 's/^/    /' "$T/undocumented"
else
    echo "ok: all $(wc -l <"$T/functions" | tr -d ' ') functions are documented"
fi

# ... and no page documents a function the header does not declare (a
# function removed or renamed): the .Nm names of the NAME sections of the
# section-3 pages, apart from the overview hjtj(3)
for p in "$MAN"/*.3; do
    sed -n '/^\.Sh NAME/,/^\.Nd/s/^\.Nm[ 	]\{1,\}\([A-Za-z0-9_]*\).*/\1/p' "$p"
done | grep -vx hjtj | sort -u >"$T/named"
comm -13 "$T/functions" "$T/named" >"$T/stale"
if [ -s "$T/stale" ]; then
    fail "man pages name functions that include/hjtj.h does not declare:"
    sed 's/^/    /' "$T/stale"
else
    echo "ok: every function named in a NAME section exists"
fi

# 2. every other public name
sh "$S/tests/abi/header-names.sh" all "$HEADER" >"$T/names" || exit 1
cat $pages | tr -c 'A-Za-z0-9_' '\n' | grep -E '^(hjtj|HJTJ)_' | sort -u >"$T/mentioned"
comm -23 "$T/names" "$T/mentioned" >"$T/missing"
if [ -s "$T/missing" ]; then
    fail "public names of include/hjtj.h that no man page mentions:"
    sed 's/^/    /' "$T/missing"
else
    echo "ok: all $(wc -l <"$T/names" | tr -d ' ') public names appear in the manual"
fi

# 3. cross references and installation
for p in $pages; do
    sed -n 's/^\.Xr[ 	]\{1,\}\(hjtj[A-Za-z0-9_.-]*\)[ 	]\{1,\}\([1-9]\).*/\1.\2/p' "$p" |
        sort -u | while read -r ref; do
            [ -f "$MAN/$ref" ] || echo "$(basename "$p") refers to $ref"
        done
done >"$T/badrefs"
if [ -s "$T/badrefs" ]; then
    fail "references to pages that do not exist:"
    sed 's/^/    /' "$T/badrefs"
else
    echo "ok: every .Xr hjtj* reference exists"
fi
for p in $pages; do
    n=man/$(basename "$p")
    grep -q "^[ 	]*$n[ 	\\\\]*\$" "$S/Makefile.am" || echo "$n"
done >"$T/notinstalled"
if [ -s "$T/notinstalled" ]; then
    fail "pages not listed in dist_man_MANS of Makefile.am:"
    sed 's/^/    /' "$T/notinstalled"
else
    echo "ok: every page is in dist_man_MANS"
fi

# 4. lint
if command -v mandoc >/dev/null 2>&1; then
    if mandoc -Tlint -Wwarning $pages >"$T/lint" 2>&1; then
        echo "ok: mandoc -Tlint"
    else
        fail "mandoc -Tlint -Wwarning:"
        sed 's/^/    /' "$T/lint"
    fi
else
    echo "note: mandoc not installed, lint skipped"
fi

[ $fails -eq 0 ] || exit 1
exit 0
