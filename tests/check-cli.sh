#!/bin/sh
# tests/check-cli.sh — hjtj-check (SPEC §12, §7): output, order, options,
# input handling, exit status; and --scheme of the three programs.
set -u
B=$(cd "${HJTJ_BUILDDIR:-.}" && pwd)
S=$(cd "${HJTJ_SRCDIR:-.}" && pwd)
export HJTJ_DATADIR=${HJTJ_DATADIR:-$S/data}
CHECK="$B/examples/hjtj-check"
CLASSIFY="$B/examples/hjtj-classify"
REPORT="$B/examples/hjtj-report"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }
# expect NAME FILE: FILE equals the text on stdin
expect() {
    cat >"$T/want"
    if cmp -s "$T/want" "$2"; then ok "$1"; else fail "$1"; diff "$T/want" "$2" | head -20; fi
}

"$CHECK" --help >"$T/out" && grep -q "Usage: hjtj-check" "$T/out" && grep -q "samme-navn" "$T/out" \
    && ok "--help lists the checks" || fail "--help"
"$CHECK" --version | grep -q "libhjtj" && ok "--version" || fail "--version"
"$CHECK" --bogus >/dev/null 2>&1; [ $? -eq 2 ] && ok "unknown option exit 2" || fail "unknown option"

H='orgnr,kommunenr,eierskap,status,virksomhetstyper,malgrupper,boenheter,navn,naeringskode,naeringskode_standard'
cat >"$T/a.csv" <<EOF
$H
100000008,0301,kommunal,aktiv,boligbase,demens,1,Tunet,87.203,SN2007
100000016,0301,kommunal,aktiv,bpa,,,,88.102,SN2007
100000024,0301,privat,opphort,amb-helse,demens,150,,86.901,SN2007
EOF
cat >"$T/b.csv" <<EOF
$H
100000032,0301,kommunal,aktiv,bpa enetiltak,demens,,  TUNET ,86.901,SN2025
100000040,4601,kommunal,aktiv,annen-virksomhet,demens,,,88.102,SN2007
100000059,4601,kommunal,aktiv,amb-helse,demens,,"Hus, ""A""",87.303,SN2007
EOF

"$CHECK" "$T/a.csv" "$T/b.csv" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 0 ] && ok "exit 0" || fail "exit $rc"
expect "two files, input order, messages" "$T/out" <<EOF
fil,linje,orgnr,kontroll,melding
$T/a.csv,2,100000008,en-boenhet,boligbase med 1 boenhet: klassifisert som enetiltak (regel 4.1.1)
$T/a.csv,2,100000008,samme-navn,"samme navn og kommunenr som 100000032 ($T/b.csv, linje 2)"
$T/a.csv,3,100000016,ingen-malgruppe,ingen målgruppe oppgitt: satt til «ingen» (regel 4.1.2)
$T/a.csv,4,100000024,boenheter-uten-boligbase,150 boenheter oppgitt uten boligbase: telles ikke
$T/a.csv,4,100000024,mange-boenheter,150 boenheter (mer enn 100)
$T/b.csv,2,100000032,enetiltak-med-andre,enetiltak oppgitt sammen med bpa: de andre typene holdes utenfor (regel 4.1.4)
$T/b.csv,2,100000032,sn2025-kode,næringskode 86.901 i SN2025: ikke sammenlignbar med tabell 2.2
$T/b.csv,2,100000032,samme-navn,"samme navn og kommunenr som 100000008 ($T/a.csv, linje 2)"
$T/b.csv,3,100000040,aktiv-utenfor,"status aktiv, men utenfor hjemmetjenesten (virksomhetstyper: annen-virksomhet)"
$T/b.csv,4,100000059,bofellesskap-uten-boligbase,næringskode 87.303 (bofellesskap) uten boligbase eller enetiltak
EOF
expect "summary on stderr" "$T/err" <<EOF
kontroll,antall
en-boenhet,1
ingen-malgruppe,1
enetiltak-med-andre,1
boenheter-uten-boligbase,1
mange-boenheter,1
bofellesskap-uten-boligbase,1
hjemmesykepleie-uten-amb-helse,0
hjemmehjelp-uten-amb-praktisk,0
sn2025-kode,1
mangler-naeringskode,0
aktiv-utenfor,1
samme-navn,2
EOF

# --summary: only the summary, on stdout; its counts are the rows' counts
"$CHECK" --summary "$T/a.csv" "$T/b.csv" >"$T/sum" 2>"$T/err2"
cmp -s "$T/sum" "$T/err" && [ ! -s "$T/err2" ] && ok "--summary" || fail "--summary"
"$CHECK" "$S/data/eksempel.xml" >"$T/ex" 2>/dev/null
"$CHECK" --summary "$S/data/eksempel.xml" >"$T/exsum"
bad=0
while IFS=, read -r k n; do
    [ "$k" = kontroll ] && continue
    c=$(cut -d, -f4 "$T/ex" | grep -cx "$k")
    [ "$c" -eq "$n" ] || bad=1
done <"$T/exsum"
[ $bad -eq 0 ] && ok "summary counts = rows" || fail "summary counts"

# --only, repeated and comma-separated
"$CHECK" --only samme-navn,mange-boenheter --only=aktiv-utenfor "$T/a.csv" "$T/b.csv" >"$T/out" 2>"$T/err"
[ "$(cut -d, -f4 "$T/out" | sed 1d | sort -u | tr '\n' ' ')" = "aktiv-utenfor mange-boenheter samme-navn " ] \
    && ok "--only rows" || fail "--only rows: $(cat "$T/out")"
[ "$(sed 1d "$T/err" | cut -d, -f1 | tr '\n' ' ')" = "mange-boenheter aktiv-utenfor samme-navn " ] \
    && ok "--only summary" || fail "--only summary: $(cat "$T/err")"
"$CHECK" --only samme-navn,bogus "$T/a.csv" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q "unknown check 'bogus'" "$T/err" && grep -q "en-boenhet.*samme-navn" "$T/err" \
    && ok "--only unknown: exit 2, names listed" || fail "--only unknown: exit $rc"

# input: stdin when piped, '-', the bundled register otherwise
cat "$T/a.csv" | "$CHECK" >"$T/out" 2>/dev/null
"$CHECK" "$T/a.csv" 2>/dev/null | sed "s|^$T/a.csv,|<stdin>,|" >"$T/want2"
cmp -s "$T/out" "$T/want2" && ok "stdin when piped" || fail "stdin when piped"
"$CHECK" - "$T/b.csv" <"$T/a.csv" >"$T/out" 2>/dev/null
[ "$(sed -n 2p "$T/out" | cut -d, -f1)" = "<stdin>" ] && [ "$(tail -1 "$T/out" | cut -d, -f3)" = 100000059 ] \
    && ok "'-' then a file" || fail "'-' then a file"
"$CHECK" --summary </dev/null >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 0 ] && grep -q "bundled synthetic register" "$T/err" && grep -q "^mange-boenheter,[1-9]" "$T/out" \
    && ok "bundled register with a note" || fail "bundled register: exit $rc"

# rejected records: still checked and listed, exit 1, read/loaded/rejected
printf '%s\n100000008,0301,kommunal,aktiv,bpa,demens,101,,,\n100000009,0301,kommunal,aktiv,bpa,demens,,,,\n' "$H" >"$T/rej.csv"
"$CHECK" "$T/rej.csv" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 1 ] && grep -q "^$T/rej.csv,2,100000008,mange-boenheter," "$T/out" \
    && grep -q "rej.csv:3:.*orgnr 100000009.*rejected" "$T/err" && grep -q "2 records read, 1 loaded, 1 rejected" "$T/err" \
    && ok "rejects: exit 1" || fail "rejects: exit $rc"
printf '<kartlegging xmlns="urn:hjtj:kartlegging:1">\n<virksomhet orgnr="1"\n' >"$T/bad.xml"
"$CHECK" "$T/a.csv" "$T/bad.xml" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && [ ! -s "$T/out" ] && grep -q "bad.xml:[0-9]*:[0-9]*:" "$T/err" \
    && ok "unreadable file: exit 2" || fail "unreadable file: exit $rc"

# -o, write errors, --lang
"$CHECK" -o "$T/o.csv" "$T/a.csv" 2>/dev/null; rc=$?
[ $rc -eq 0 ] && [ "$(wc -l <"$T/o.csv")" -eq 5 ] && ok "-o FILE" || fail "-o FILE: exit $rc"
if [ -w /dev/full ]; then
    "$CHECK" "$T/a.csv" >/dev/full 2>"$T/err"; rc=$?
    [ $rc -eq 2 ] && grep -q "cannot write" "$T/err" && ok "write error exit 2" || fail "write error: exit $rc"
fi
"$CHECK" --lang en --only mange-boenheter "$T/a.csv" 2>/dev/null | grep -q ",150 boenheter (more than 100)$" \
    && ok "--lang en" || fail "--lang en"

# CSV: RFC 4180 quoting and spreadsheet formulas neutralised
cp "$T/a.csv" "$T/=HYPERLINK(1,2).csv"
(cd "$T" && "$CHECK" --only mange-boenheter "=HYPERLINK(1,2).csv" 2>/dev/null) | sed -n 2p >"$T/out"
expect "formula file name quoted" "$T/out" <<'EOF'
"'=HYPERLINK(1,2).csv",4,100000024,mange-boenheter,150 boenheter (mer enn 100)
EOF

# --scheme: the 2020 rules put an enetiltak outside the population
"$CHECK" --scheme "$S/data/skjema-2020-illustrativ.xml" --only aktiv-utenfor "$T/a.csv" "$T/b.csv" >"$T/out" 2>/dev/null
[ "$(sed 1d "$T/out" | cut -d, -f3 | tr '\n' ' ')" = "100000008 100000032 100000040 " ] \
    && ok "--scheme 2020: enetiltak are aktiv-utenfor" || fail "--scheme 2020: $(cat "$T/out")"
printf '<skjema xmlns="urn:hjtj:skjema:1">\n  <terskler>1 2 3</terskler>\n</skjema>\n' >"$T/bad-skjema.xml"
for p in "$CHECK" "$CLASSIFY" "$REPORT --table 3.2"; do
    $p --scheme "$T/bad-skjema.xml" "$T/a.csv" >"$T/out" 2>"$T/err"; rc=$?
    [ $rc -eq 2 ] && grep -q "bad-skjema.xml:2:3: <terskler> 1 2 3: the thresholds must be strictly decreasing" "$T/err" \
        && ok "$(basename ${p%% *}) --scheme bad: exit 2 with line and column" || fail "$p --scheme bad: exit $rc $(cat "$T/err")"
done
"$CLASSIFY" --scheme "$S/data/skjema-2020-illustrativ.xml" "$S/data/eksempel.xml" >"$T/out" 2>/dev/null
grep -qx "100000032,utenfor,,,utviklingshemning,1,10000-19999,0" "$T/out" \
    && ok "classify --scheme 2020" || fail "classify --scheme 2020"
"$REPORT" --all >"$T/r1" 2>/dev/null
"$REPORT" --all --scheme="$S/data/skjema-2024.xml" >"$T/r2" 2>/dev/null
cmp -s "$T/r1" "$T/r2" && [ -s "$T/r1" ] && ok "report --scheme skjema-2024.xml changes nothing" \
    || fail "report --scheme 2024"
"$REPORT" --table 3.2 --scheme "$S/data/skjema-2020-illustrativ.xml" >"$T/r3" 2>/dev/null
cmp -s "$T/r3" "$T/r1" && fail "report --scheme 2020 changes 3.2" || ok "report --scheme 2020 changes 3.2"

[ $fails -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
exit 0
