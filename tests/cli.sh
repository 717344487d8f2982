#!/bin/sh
# tests/cli.sh — the command-line contract (SPEC §7) of hjtj-classify and
# hjtj-report, and agreement with the independent Python implementation of
# SPEC (tests/oracle) on random registers in all three input layouts.
set -u
. "${HJTJ_SRCDIR:-.}/tests/cli_env.sh"

# --help, --version
"$CLASSIFY" --help | grep -q "Usage: hjtj-classify" && ok "classify --help" || fail "classify --help"
"$CLASSIFY" --version | grep -q "libhjtj" && ok "classify --version" || fail "classify --version"
"$REPORT" --help | grep -q "Usage: hjtj-report" && ok "report --help" || fail "report --help"
"$REPORT" --version | grep -q "libhjtj" && ok "report --version" || fail "report --version"
"$CLASSIFY" --bogus >/dev/null 2>&1; [ $? -eq 2 ] && ok "unknown option" || fail "unknown option"

# the bundled example: header, one row per active record, exit 0
"$CLASSIFY" "$HJTJ_DATADIR/eksempel.xml" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 0 ] && ok "example exit 0" || fail "example exit $rc"
head -1 "$T/out" | grep -qx "orgnr,hovedvirksomhetstype,ht_sammensetning,kategori,samlemalgruppe,antall_malgrupper,kommunestorrelse,botilbud" \
    && ok "header" || fail "header"
[ "$(wc -l <"$T/out")" -eq 9 ] && ok "8 active records" || fail "row count $(wc -l <"$T/out")"
grep -qx "100000040,kombinert-annen,kun-boligbase,kombinert-annen,eldre-demens,2,10000-19999,1" "$T/out" \
    && ok "combined row" || fail "combined row"
grep -qx "100000032,rene-brukerrettede,enetiltak,enetiltak,utviklingshemning,1,10000-19999,0" "$T/out" \
    && ok "enetiltak by one boenhet" || fail "enetiltak row"

# without FILE: the bundled synthetic register (3 611 active in the population)
if have_devnull "the bundled register"; then
    "$CLASSIFY" >"$T/out" 2>"$T/err" </dev/null; rc=$?
    [ $rc -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 3612 ] && ok "bundled register" \
        || fail "bundled register: exit $rc, $(wc -l <"$T/out") lines"
    "$REPORT" --table 3.2 >"$T/out" 2>/dev/null </dev/null
    grep -qx "Totalt,3611,100.0" "$T/out" && ok "report on the bundled register" || fail "report bundled"
fi

# rejects: stderr with file, line, orgnr, reason; exit 1
printf 'orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper,boenheter\n100000008,0301,kommunal,boligbase,demens,3\n100000009,0301,kommunal,bpa,demens,\n100000016,0301,kommunal,bpa,ingen demens,\n' >"$T/bad.csv"
"$CLASSIFY" "$T/bad.csv" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 1 ] && ok "rejects exit 1" || fail "rejects exit $rc"
grep -q "bad.csv:3:[0-9]*: orgnr 100000009 rejected: orgnr" "$T/err" && ok "reject line 3" || fail "reject line 3: $(cat "$T/err")"
grep -q "bad.csv:4:[0-9]*: orgnr 100000016 rejected: .*ingen" "$T/err" && ok "reject line 4" || fail "reject line 4"
[ "$(wc -l <"$T/out")" -eq 2 ] && ok "good record printed" || fail "good record"

# a malformed file: exit 2 with line and column
printf '<kartlegging xmlns="urn:hjtj:kartlegging:1">\n<virksomhet orgnr="1"\n' >"$T/bad.xml"
"$CLASSIFY" "$T/bad.xml" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q "bad.xml:[0-9]*:[0-9]*:" "$T/err" && ok "malformed exit 2" || fail "malformed exit $rc"

# --kommuner replaces the table
printf 'kommunenr;navn;innbyggere\n0301;Oslo;100\n' >"$T/k.csv"
"$CLASSIFY" --kommuner "$T/k.csv" "$T/bad.csv" >"$T/out" 2>/dev/null
grep -q "^100000008,.*,asss,1$" "$T/out" && ok "--kommuner" || fail "--kommuner"
printf 'kommunenr;navn;innbyggere\n4601;Bergen;10\n' >"$T/k2.csv"
"$CLASSIFY" --kommuner "$T/k2.csv" "$T/bad.csv" >/dev/null 2>"$T/err"
grep -q "kommunenr" "$T/err" && ok "--kommuner universe" || fail "--kommuner universe"

# hjtj-report: --list, one table, unknown table
n=$("$REPORT" --list | wc -l)
[ "$n" -ge 50 ] && ok "report --list ($n tables)" || fail "report --list ($n)"
"$REPORT" --table 9.9 "$HJTJ_DATADIR/eksempel.xml" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok "unknown table exit 2" || fail "unknown table exit $rc"
"$REPORT" --table 3.2 "$HJTJ_DATADIR/eksempel.xml" >"$T/out" 2>/dev/null
head -1 "$T/out" | grep -qx "hovedvirksomhetstype,antall,andel_av_alle_i_drift" && ok "report 3.2 header" || fail "report 3.2 header"
"$REPORT" --table 3.2 --format text "$HJTJ_DATADIR/eksempel.xml" | grep -q "Rene brukerrettede" \
    && ok "report text" || fail "report text"

# --protect K (SPEC §11): bad levels and tables without counts exit 2 with
# a message; the counts of suppressed cells go to stderr, ':' to the output
for k in 0 -1 abc 3x "" 2.5; do
    "$REPORT" --table 3.5 --protect "$k" "$HJTJ_DATADIR/eksempel.xml" >"$T/out" 2>"$T/err"; rc=$?
    [ $rc -eq 2 ] && grep -q "protect needs a whole number K >= 1" "$T/err" \
        && ok "--protect '$k' refused" || fail "--protect '$k': exit $rc $(cat "$T/err")"
done
"$REPORT" --table 1.9 --protect 3 "$HJTJ_DATADIR/eksempel.xml" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q "table 1.9 has no counts of enterprises" "$T/err" \
    && ok "--protect on a table without counts" || fail "--protect 1.9: exit $rc"
"$REPORT" --table 3.10 --protect 3 "$HJTJ_DATADIR/eksempel.xml" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 0 ] && grep -q "^Kun boligbase,:,:,0,:,:$" "$T/out" \
    && grep -q "table 3.10: [0-9]* cells suppressed ([0-9]* primary, [0-9]* secondary), K = 3" "$T/err" \
    && ok "--protect 3: CSV with ':' and the counts on stderr" || fail "--protect 3.10: exit $rc"
"$REPORT" --table 3.10 --protect=3 --format text "$HJTJ_DATADIR/eksempel.xml" 2>/dev/null \
    | grep -q "Primærskjermet: [0-9]* celler, sekundærskjermet: [0-9]* celler" \
    && ok "--protect: note under the text" || fail "--protect text note"
"$REPORT" --all --protect 2 "$HJTJ_DATADIR/eksempel.xml" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 0 ] && [ "$(grep -c "left out: no counts" "$T/err")" -eq 4 ] \
    && [ "$(grep -c "^# Tabell" "$T/out")" -eq $(($("$REPORT" --list | wc -l) - 4)) ] \
    && ok "--all --protect: four tables without counts left out" || fail "--all --protect: exit $rc"
"$REPORT" --rows fylke --cols eierskap --protect 2 "$HJTJ_DATADIR/eksempel.xml" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 0 ] && grep -q "^totalt," "$T/out" && grep -q ":" "$T/out" \
    && grep -q "table custom: [0-9]* cells suppressed" "$T/err" \
    && ok "--protect on a custom table" || fail "--protect custom: exit $rc $(cat "$T/err")"
"$REPORT" --profile 0301 --protect 2 "$HJTJ_DATADIR/eksempel.xml" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q "profile cannot be protected" "$T/err" \
    && ok "--protect refused for a profile" || fail "--protect profile: exit $rc"
"$REPORT" --table 3.10 --protect 3 --format json-stat "$HJTJ_DATADIR/eksempel.xml" 2>/dev/null \
    | grep -q '"status":{"0":":"' && ok "--protect: JSON-stat status ':'" || fail "--protect json-stat"

# agreement with the independent implementation (needs python3)
PY=$(command -v python3 || true)
if [ -n "$PY" ]; then
    for seed in 11 12 13; do
        "$PY" "$S/tests/oracle/hjtj_oracle.py" gen --seed $seed --n 1500 --bad 30 --out-prefix "$T/r$seed" >/dev/null
        for f in "$T/r$seed.xml" "$T/r$seed-list.csv" "$T/r$seed-wide.csv"; do
            "$PY" "$S/tests/oracle/hjtj_oracle.py" classify "$f" >"$T/o.out" 2>"$T/o.err"; orc=$?
            "$CLASSIFY" "$f" >"$T/c.out" 2>"$T/c.err"; crc=$?
            grep -v warning "$T/o.err" | cut -d: -f2 | sort -n >"$T/o.lines"
            grep ' rejected: ' "$T/c.err" | cut -d: -f2 | sort -n >"$T/c.lines"
            if [ $orc -eq $crc ] && cmp -s "$T/o.out" "$T/c.out" && cmp -s "$T/o.lines" "$T/c.lines"; then
                ok "oracle agrees: $(basename "$f") ($(($(wc -l <"$T/c.out") - 1)) rows, $(wc -l <"$T/c.lines") rejects)"
            else
                fail "oracle differs: $(basename "$f") exit $orc/$crc"
                diff "$T/o.out" "$T/c.out" | head -5
                diff "$T/o.lines" "$T/c.lines" | head -5
            fi
        done
    done
    # every table, cell for cell, on a random register in two layouts
    if "$PY" "$S/tests/compare_tables.py" "$T/r11.xml" "$T/r11-wide.csv" >"$T/cmp.out" 2>&1; then
        ok "oracle agrees on every table: $(tail -1 "$T/cmp.out")"
    else
        fail "tables differ from the oracle"; tail -20 "$T/cmp.out"
    fi
else
    echo "SKIP: python3 not found, oracle comparison not run"
fi

# publication formats (SPEC §10): --format, -o with the format from the
# extension, --lang; PX of several tables needs a directory; XLSX works or
# says how to get it (the clients' read-back of every table: publish.sh)
"$REPORT" --table 3.5 --format json-stat </dev/null >"$T/o.json" 2>/dev/null && head -c 40 "$T/o.json" \
    | grep -q '"version":"2.0","class":"dataset"' && ok "--format json-stat" || fail "--format json-stat"
"$REPORT" --table 3.5 -o "$T/o.px" </dev/null 2>/dev/null && grep -q '^CODEPAGE="utf-8";' "$T/o.px" \
    && ok "-o x.px writes PX" || fail "-o x.px"
"$REPORT" --table 3.5 --output "$T/o.txt" --lang en </dev/null 2>/dev/null && head -1 "$T/o.txt" \
    | grep -q "^Table 3.5. Home-care enterprises" && ok "-o x.txt --lang en" || fail "-o x.txt --lang en"
"$REPORT" --table 3.5 --format csv --lang en </dev/null 2>/dev/null | head -1 | grep -qx "virksomhetskategori,antall,andel" \
    && ok "CSV keeps the codes in English" || fail "CSV header with --lang en"
"$REPORT" --all --format px </dev/null >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q "give -o DIR" "$T/err" && ok "--all px without a directory" || fail "--all px: exit $rc"
"$REPORT" --table 3.5 --lang de >/dev/null 2>&1; [ $? -eq 2 ] && ok "unknown --lang" || fail "unknown --lang"
"$REPORT" --table 3.5 -o "$T/o.xlsx" </dev/null >/dev/null 2>"$T/err"; rc=$?
if [ "${HJTJ_HAVE_XLSX:-yes}" = no ]; then
    [ $rc -eq 2 ] && grep -q "install libxlsxwriter-dev" "$T/err" \
        && ok "xlsx without libxlsxwriter: exit 2 and how to get it" || fail "xlsx without libxlsxwriter: exit $rc"
else
    [ $rc -eq 0 ] && [ "$(head -c 2 "$T/o.xlsx")" = PK ] && ok "-o x.xlsx" || fail "-o x.xlsx: exit $rc"
fi

# every output checked: a full disk or a closed stdout is exit 2 and a message
if [ -w /dev/full ]; then
    for args in "--help" "--version" "--list" "--table 3.2" "--all --format text"; do
        # shellcheck disable=SC2086
        "$REPORT" $args </dev/null >/dev/full 2>"$T/err"; rc=$?
        [ $rc -eq 2 ] && grep -q "cannot write standard output" "$T/err" \
            && ok "report $args >/dev/full: exit 2" || fail "report $args >/dev/full: exit $rc"
    done
    for args in "--help" "--version" "$HJTJ_DATADIR/eksempel.xml"; do
        "$CLASSIFY" $args >/dev/full 2>"$T/err"; rc=$?
        [ $rc -eq 2 ] && [ -s "$T/err" ] && ok "classify $args >/dev/full: exit 2" \
            || fail "classify $args >/dev/full: exit $rc"
    done
else
    echo "SKIP: no /dev/full"
fi
for args in "--help" "--version" "--list" "--table 3.2"; do
    # shellcheck disable=SC2086
    "$REPORT" $args </dev/null >&- 2>"$T/err"; rc=$?
    [ $rc -eq 2 ] && grep -q "cannot write standard output" "$T/err" \
        && ok "report $args with stdout closed: exit 2" || fail "report $args >&-: exit $rc"
done
"$CLASSIFY" "$HJTJ_DATADIR/eksempel.xml" >&- 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && [ -s "$T/err" ] && ok "classify with stdout closed: exit 2" \
    || fail "classify >&-: exit $rc"

# an orgnr with LF and CR inside quotes: one diagnostic line each on stderr,
# then the summary line
printf 'orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper\n"100\n000008",0301,kommunal,bpa,demens\n"1000\r00016\n\n\nforged: line",0301,kommunal,bpa,demens\n100000024,0301,kommunal,bpa,demens\n' >"$T/nl.csv"
"$CLASSIFY" "$T/nl.csv" >"$T/out" 2>"$T/err"; rc=$?
if [ $rc -eq 1 ] && [ "$(wc -l <"$T/err")" -eq 3 ] && grep -qF "'100\\n000008'" "$T/err" \
    && ! grep -q "^forged" "$T/err"; then
    ok "orgnr with LF/CR: one escaped line per reject"
else
    fail "orgnr with LF/CR: exit $rc"; cat "$T/err"
fi

[ $fails -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
