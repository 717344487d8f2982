#!/bin/sh
# tests/figures.sh — every figure hjtj-report writes (the report's figures and
# a bar chart of every table, in Norwegian and English) is well-formed XML
# (xmllint) and its numbers equal the table's (tests/svg_check.py against the
# CSV of the same table); the HTML page of every table parses in a strict
# HTML5 parser, has every table with the CSV's numbers and loads nothing from
# outside (tests/html_check.py).
set -u
B=${HJTJ_BUILDDIR:-.}
S=${HJTJ_SRCDIR:-.}
export HJTJ_DATADIR=${HJTJ_DATADIR:-$S/data}
REPORT="$B/examples/hjtj-report"
# the bundled register, named: without FILE a program reads standard input
# when it is a pipe or a file (SPEC §7)
REG="$HJTJ_DATADIR/register-2024-syntetisk.xml"
PY=/usr/bin/python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

if ! command -v xmllint >/dev/null 2>&1 || ! "$PY" -c 'import html5lib' 2>/dev/null; then
    echo "SKIP: needs xmllint (libxml2-utils) and python3-html5lib"
    exit 77
fi

# the report's figures, with the series each one shows (the figure's
# definition in the report: 3.3 counts by category, 3.4 category shares by
# municipality size, 4.1/4.2 counts by number of målgrupper, 5.1 shares of
# enterprises and boenheter)
series() {
    case $1 in
    3.3) echo "antall" ;;
    3.4) echo "andel_kun_boligbase andel_kun_amb_helsetjenester andel_kun_amb_praktisk_bistand andel_kun_amb_helsetjenester_og_praktisk_bistand andel_kun_bpa andel_enetiltak andel_kun_hjtj_2pluss_virksomhetstyper andel_hjemmetjeneste_kombinert_med_annen_tjenestetype andel_administrasjon_og_service_mv" ;;
    4.1 | 4.2) echo "antall_en_malgruppe antall_to_malgrupper antall_tre_eller_flere_malgrupper" ;;
    5.1) echo "andel_virksomheter andel_boenheter" ;;
    esac
}
"$REPORT" "$REG" --list >"$T/list" || fail "--list"
"$REPORT" "$REG" --list-figures >"$T/figlist" || fail "--list-figures"
[ "$(cut -f1,2 "$T/figlist" | tr '\t\n' ': ')" = "3.3:3.5 3.4:3.23 4.1:4.10 4.2:4.11 5.1:5.3 " ] \
    && ok "--list-figures" || fail "--list-figures: $(cat "$T/figlist")"
for fig in 3.3 3.4 4.1 4.2 5.1; do
    tid=$(awk -F'\t' -v f="$fig" '$1 == f { print $2 }' "$T/figlist")
    [ -n "$tid" ] || { fail "figure $fig not listed"; continue; }
    "$REPORT" "$REG" --table "$tid" >"$T/t.csv" 2>/dev/null || fail "table $tid"
    for lang in nb en; do
        "$REPORT" "$REG" --figure "$fig" --lang "$lang" -o "$T/f.svg" 2>"$T/err" || { fail "figure $fig $lang: $(cat "$T/err")"; continue; }
        xmllint --noout "$T/f.svg" || { fail "figure $fig $lang: not well-formed"; continue; }
        "$PY" "$S/tests/svg_check.py" "$T/f.svg" "$T/t.csv" "$lang" "$(series "$fig")" \
            && ok "figure $fig ($lang) = table $tid" || fail "figure $fig ($lang)"
    done
done

# a bar chart of every table
n=0
for id in $(cut -f1 "$T/list"); do
    "$REPORT" "$REG" --table "$id" >"$T/t.csv" 2>/dev/null || { fail "table $id"; continue; }
    for lang in nb en; do
        if ! "$REPORT" "$REG" --chart "$id" --lang "$lang" -o "$T/c.svg" 2>"$T/err"; then
            fail "chart of $id ($lang): $(cat "$T/err")"
            continue
        fi
        if xmllint --noout "$T/c.svg" && "$PY" "$S/tests/svg_check.py" "$T/c.svg" "$T/t.csv" "$lang"; then
            n=$((n + 1))
        else
            fail "chart of table $id ($lang)"
        fi
    done
done
[ "$n" -eq 108 ] && ok "bar charts of all 54 tables in both languages" || fail "only $n of 108 charts"

# custom tables (SPEC §9): --figure custom draws the table the options declare;
# a distribution per row (andel-rad) is stacked, its numbers are the CSV's
for lang in nb en; do
    for decl in "--rows fylke --cols kategori --measure andel-rad" "--rows samlemalgruppe" \
        "--rows kommunestorrelse --cols eierskap --measure andel-kolonne"; do
        # shellcheck disable=SC2086
        "$REPORT" "$REG" $decl >"$T/c.csv" 2>/dev/null || { fail "custom table $decl"; continue; }
        # shellcheck disable=SC2086
        if "$REPORT" "$REG" $decl --figure custom --lang "$lang" -o "$T/c.svg" 2>"$T/err" &&
            xmllint --noout "$T/c.svg" && "$PY" "$S/tests/svg_check.py" "$T/c.svg" "$T/c.csv" "$lang"; then
            ok "--figure custom $decl ($lang)"
        else
            fail "--figure custom $decl ($lang): $(cat "$T/err")"
        fi
    done
done
"$REPORT" "$REG" --rows fylke --cols kategori --measure andel-rad --figure custom -o "$T/c.svg" 2>/dev/null
[ "$(grep -c 'data-i=' "$T/c.svg")" -eq 15 ] && grep -q '>Oslo</text>' "$T/c.svg" \
    && grep -q 'fill="#ffffff">[0-9]' "$T/c.svg" \
    && ok "custom figure: the 15 counties, stacked" || fail "custom figure rows"
# small-count protection (SPEC §11): suppressed cells are ':' boxes, never zero bars
"$REPORT" "$REG" --rows fylke --cols eierskap --protect 3 >"$T/p.csv" 2>/dev/null
"$REPORT" "$REG" --rows fylke --cols eierskap --protect 3 --figure custom -o "$T/p.svg" 2>/dev/null
n_csv=$(sed 1d "$T/p.csv" | grep -v '^totalt' | cut -d, -f2,3 | tr ',' '\n' | grep -c '^:$')
n_svg=$(grep -c 'data-suppressed="1"' "$T/p.svg")
[ "$n_csv" -gt 0 ] && [ "$n_svg" -eq "$n_csv" ] && "$PY" "$S/tests/svg_check.py" "$T/p.svg" "$T/p.csv" nb \
    && ok "--protect 3: $n_svg suppressed cells drawn as ':' boxes" \
    || fail "--protect: $n_svg suppressed in the figure, $n_csv in the table"
"$REPORT" "$REG" --figure custom >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q -- "--rows" "$T/err" && ok "--figure custom without --rows: exit 2" \
    || fail "--figure custom without --rows: exit $rc"
"$REPORT" "$REG" --rows fylke --format html -o "$T/c.html" 2>/dev/null \
    && "$PY" -c 'import html5lib,sys; html5lib.HTMLParser(strict=True).parse(open(sys.argv[1],"rb").read())' "$T/c.html" \
    && grep -q 'data-table="custom"\|<table>' "$T/c.html" && ok "a custom table as an HTML page" \
    || fail "custom table as HTML"

# a figure on standard output is the same as with -o
"$REPORT" "$REG" --figure 3.3 >"$T/stdout.svg" 2>/dev/null
"$REPORT" "$REG" --figure 3.3 -o "$T/o.svg" 2>/dev/null
cmp -s "$T/stdout.svg" "$T/o.svg" && ok "--figure to stdout" || fail "--figure to stdout"
"$REPORT" "$REG" --figure 9.9 >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q "9.9" "$T/err" && ok "unknown figure: exit 2" || fail "unknown figure: exit $rc"
"$REPORT" "$REG" --all --format html -o /nonexistent/dir/r.html >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q "/nonexistent/dir/r.html" "$T/err" && ok "unwritable -o: exit 2 with the path" \
    || fail "unwritable -o: exit $rc"
if [ -w /dev/full ]; then
    "$REPORT" "$REG" --figure 3.3 -o /dev/full >/dev/null 2>&1; rc=$?
    [ $rc -eq 2 ] && ok "full disk: exit 2" || fail "full disk: exit $rc"
fi
"$REPORT" "$REG" --figure 3.3 --lang de >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok "unknown language: exit 2" || fail "unknown language: exit $rc"

# the page of every table, in both languages; the CSVs of all tables to compare
"$REPORT" "$REG" --all >"$T/all.csv" 2>/dev/null || fail "--all csv"
for lang in nb en; do
    "$REPORT" "$REG" --all --format html --lang "$lang" -o "$T/rapport.html" 2>"$T/err" || fail "html $lang: $(cat "$T/err")"
    "$PY" "$S/tests/html_check.py" "$T/rapport.html" "$T/all.csv" "$lang" 54 \
        && ok "html page ($lang): strict HTML5, 54 tables = CSV, nothing from outside" || fail "html page ($lang)"
done
# the extension of -o names the format; one table through --format html
"$REPORT" "$REG" --table 5.3 -o "$T/t.html" 2>/dev/null
"$REPORT" "$REG" --table 5.3 >"$T/t53.csv" 2>/dev/null
sed '1i # Tabell 5.3' "$T/t53.csv" >"$T/t53b.csv"
"$PY" "$S/tests/html_check.py" "$T/t.html" "$T/t53b.csv" nb 1 && grep -q 'data-figure="5.1"' "$T/t.html" \
    && ok "-o t.html: a page with table 5.3 and figure 5.1" || fail "-o t.html"
"$REPORT" "$REG" --all --format html --charts -o "$T/charts.html" 2>/dev/null
"$PY" "$S/tests/html_check.py" "$T/charts.html" "$T/all.csv" nb 54 \
    && [ "$(grep -c '<svg' "$T/charts.html")" -eq 54 ] \
    && ok "--charts: a chart beside every table" || fail "--charts ($(grep -c '<svg' "$T/charts.html") charts)"

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
