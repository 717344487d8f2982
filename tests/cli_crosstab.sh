#!/bin/sh
# tests/cli_crosstab.sh — custom tables through hjtj-report (SPEC §9): the
# options, exit statuses and messages, linked variables with problem rows,
# the profile, and agreement with tables made from the independent Python
# implementation of SPEC (tests/compare_crosstab.py).
set -u
B=${HJTJ_BUILDDIR:-.}
S=${HJTJ_SRCDIR:-.}
export HJTJ_DATADIR=${HJTJ_DATADIR:-$S/data}
REPORT="$B/examples/hjtj-report"
REG="$HJTJ_DATADIR/register-2024-syntetisk.xml"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

# the README's question: private boligbaser per county, median boenheter
"$REPORT" --rows fylke --where kategori=kun-boligbase --where eierskap=privat \
    --measure median:boenheter "$REG" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 0 ] && head -1 "$T/out" | grep -qx "fylke,totalt" && [ "$(wc -l <"$T/out")" -eq 17 ] \
    && tail -1 "$T/out" | grep -q '^totalt,' && ok "README question (exit 0, 15 counties + totalt)" \
    || fail "README question: exit $rc"

# layout: header FIELD, column codes, totalt
"$REPORT" --rows kategori --cols eierskap "$REG" >"$T/out" 2>/dev/null
head -1 "$T/out" | grep -qx "kategori,kommunal,privat,totalt" && ok "--cols header" \
    || fail "--cols header: $(head -1 "$T/out")"
"$REPORT" --rows botilbud --format text "$REG" >"$T/out" 2>/dev/null && grep -q "^Uten botilbud" "$T/out" \
    && ok "text format" || fail "text format"

# unknown names: exit 2 with the valid ones listed
check2() { # args: grep-pattern what option...
    pat=$1; what=$2; shift 2
    "$REPORT" "$@" "$REG" >/dev/null 2>"$T/err"; rc=$?
    if [ $rc -eq 2 ] && grep -q -- "$pat" "$T/err"; then ok "$what: exit 2"; else
        fail "$what: exit $rc: $(cat "$T/err")"; fi
}
check2 "hovedvirksomhetstype, ht_sammensetning" "unknown field" --rows kategorix
check2 "kommunal, privat" "unknown code" --rows kategori --where eierskap=x
check2 "andel-rad" "unknown measure" --rows kategori --measure snitt
check2 "populasjon, aktiv, alle" "unknown population" --rows kategori --population hele
check2 "needs a link" "linked measure without a link" --rows kategori --measure sum:ansatte
check2 "FIELD=CODE" "bad --where" --rows kategori --where eierskap
check2 "needs --rows" "--cols without --rows" --cols eierskap
check2 "not in the municipality table" "unknown kommune" --profile 9999

# a link file with problem rows: listed with file, line and reason; exit 1
"$B/examples/hjtj-classify" "$REG" 2>/dev/null | sed -n '2,4p' | cut -d, -f1 >"$T/org"
{
    echo "orgnr;ansatte;brukere"
    n=0
    while read -r o; do n=$((n + 1)); echo "$o;$n,5;$n"; done <"$T/org"
    echo "999999999;1;1"
    echo "$(head -1 "$T/org");2;2"
    echo "123456785;mange;1"
} >"$T/link.csv"
"$REPORT" --rows landet --measure sum:ansatte --link "$T/link.csv" "$REG" >"$T/out" 2>"$T/err"; rc=$?
if [ $rc -eq 1 ] && grep -qx "hele-landet,7.5" "$T/out" \
    && grep -q "link.csv:5: .*not-in-register" "$T/err" \
    && grep -q "link.csv:6: .*duplicate-orgnr" "$T/err" \
    && grep -q "link.csv:7: .*not-a-number" "$T/err" \
    && grep -q "6 rows read, 3 used, 3 reported" "$T/err"; then
    ok "link with problem rows (sum 7.5, three rows reported, exit 1)"
else
    fail "link: exit $rc"; cat "$T/out" "$T/err"
fi
# a link file saved by Norwegian Excel (Windows-1252): --encoding applies to it
{
    printf 'orgnr;\345rsverk\n'
    while read -r o; do printf '%s;1,5\n' "$o"; done <"$T/org"
} >"$T/w.csv"
"$REPORT" --rows landet --measure sum:årsverk --link "$T/w.csv" "$REG" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q "encoding windows-1252" "$T/err" && ok "Windows-1252 link without --encoding: exit 2, says which option" \
    || fail "Windows-1252 link without --encoding: exit $rc"
"$REPORT" --rows landet --measure sum:årsverk --link "$T/w.csv" --encoding windows-1252 "$REG" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 0 ] && grep -q "^hele-landet,4.5$" "$T/out" && ok "Windows-1252 link with --encoding (sum 4.5)" \
    || { fail "Windows-1252 link with --encoding: exit $rc"; cat "$T/out" "$T/err"; }
check2 "boenheter, ansatte, brukere" "unknown linked variable" --rows kategori \
    --measure sum:lonn --link "$T/link.csv"

# the profile
"$REPORT" --profile 0301 "$REG" >"$T/out" 2>/dev/null; rc=$?
[ $rc -eq 0 ] && head -1 "$T/out" | grep -qx \
    "del,kode,kommune,andel_kommune,kommunestorrelse,andel_kommunestorrelse,hele_landet,andel_hele_landet" \
    && grep -q "^kategori,totalt," "$T/out" && grep -q "^boenheter,median," "$T/out" \
    && ok "profile 0301" || fail "profile: exit $rc"

# agreement with the independent implementation (needs python3)
PY=$(command -v python3 || true)
if [ -n "$PY" ]; then
    if "$PY" "$S/tests/compare_crosstab.py" 21 1500 >"$T/cmp" 2>&1; then
        ok "oracle agrees: $(tail -1 "$T/cmp")"
    else
        fail "custom tables differ from the oracle"; grep -v '^ok' "$T/cmp" | head -20
    fi
else
    echo "SKIP: python3 not found, oracle comparison not run"
fi

[ $fails -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
