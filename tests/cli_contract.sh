#!/bin/sh
# tests/cli_contract.sh — the parts of the command-line contract (SPEC §7)
# issue 19 added, for hjtj-classify and hjtj-report: input (several FILEs,
# '-', a pipe without '-', the bundled register only for a terminal or
# /dev/null), --encoding, forgiving headers and codes, -o and write errors,
# exit statuses with the reject summary, --scheme, --kommuner, --lang,
# aargang in titles, and the wording of messages.
set -u
. "${HJTJ_SRCDIR:-.}/tests/cli_env.sh"
# check NAME COMMAND...: ok when the command succeeds
check() { n=$1; shift; if "$@"; then ok "$n"; else fail "$n"; fi; }

HDR=orgnr,kommunenr,eierskap,virksomhetstyper,malgrupper,boenheter
# three valid records (orgnr with valid check digits), in two files
printf '%s\n100000008,0301,kommunal,boligbase,demens,3\n100000016,4601,privat,bpa,demens,\n' "$HDR" >"$T/a.csv"
printf '%s\n100000024,0301,kommunal,amb-helse,psykiske-lidelser,\n' "$HDR" >"$T/b.csv"

# ---- input ------------------------------------------------------------------
"$CLASSIFY" "$T/a.csv" "$T/b.csv" >"$T/out" 2>"$T/err"; rc=$?
check "several FILEs: exit 0" [ $rc -eq 0 ]
check "several FILEs: 3 rows" [ "$(tail -n +2 "$T/out" | cut -d, -f1 | tr '\n' ' ')" = "100000008 100000016 100000024 " ]
"$CLASSIFY" "$T/a.csv" "$T/a.csv" >"$T/out" 2>"$T/err"; rc=$?
check "orgnr unique across FILEs: exit 1" [ $rc -eq 1 ]
check "orgnr unique across FILEs: 2 rows" [ "$(wc -l <"$T/out")" -eq 3 ]
check "duplicate reported in the second file" grep -q "a.csv:2:[0-9]*: orgnr 100000008 rejected: orgnr 100000008 appears more than once" "$T/err"

# a pipe without '-' is read, never replaced by the bundled register
cat "$T/b.csv" | "$CLASSIFY" >"$T/out" 2>"$T/err"; rc=$?
check "pipe without '-': exit 0" [ $rc -eq 0 ]
check "pipe without '-': the piped record" [ "$(tail -n +2 "$T/out" | cut -d, -f1)" = "100000024" ]
check "pipe without '-': no note" [ ! -s "$T/err" ]
cat "$T/b.csv" | "$REPORT" --table 3.2 >"$T/out" 2>"$T/err"
check "report from a pipe: Totalt 1" grep -qx "Totalt,1,100.0" "$T/out"
# a regular file on standard input, and '-' among FILEs
"$CLASSIFY" <"$T/b.csv" >"$T/out" 2>/dev/null
check "regular file on stdin" [ "$(tail -n +2 "$T/out" | cut -d, -f1)" = "100000024" ]
cat "$T/b.csv" | "$CLASSIFY" "$T/a.csv" - >"$T/out" 2>/dev/null
check "FILE and '-'" [ "$(wc -l <"$T/out")" -eq 4 ]
cat "$T/b.csv" | "$CLASSIFY" - - >/dev/null 2>"$T/err"; rc=$?
check "'-' twice: exit 2 with a message" [ $rc -eq 2 ] && grep -q "only once" "$T/err"
# an empty pipe is empty input, not the bundled register
printf '' | "$CLASSIFY" >"$T/out" 2>"$T/err"; rc=$?
check "empty pipe: exit 2" [ $rc -eq 2 ]
check "empty pipe: says empty" grep -q "<stdin>.*empty input" "$T/err"
# /dev/null (a device, or the regular file some sandboxes put there) and no FILE: the bundled register, with a note
if have_devnull "the /dev/null case"; then
    "$CLASSIFY" </dev/null >"$T/out" 2>"$T/err"; rc=$?
    check "/dev/null: bundled register (3611 rows)" [ $rc -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 3612 ]
    check "/dev/null: one note line" [ "$(wc -l <"$T/err")" -eq 1 ] && grep -q "note: .*bundled synthetic register" "$T/err"
fi
if command -v script >/dev/null 2>&1 && script -qec "test -t 0" /dev/null </dev/null >/dev/null 2>&1; then
    # a terminal on standard input (script(1) gives the program a pty)
    script -qec "$REPORT --table 3.2" /dev/null </dev/null >"$T/tty" 2>&1
    check "terminal: bundled register with a note" grep -q "note: .*bundled" "$T/tty"
    check "terminal: bundled register's table" grep -q "Totalt,3611,100.0" "$T/tty"
else
    echo "SKIP: script(1) cannot give a terminal here, terminal case not run"
fi

# ---- encodings --------------------------------------------------------------
# Windows-1252 as Norwegian Excel saves it: ';', CRLF, æøå as single bytes,
# a header in Norwegian spelling, and € (0x80) in a name
printf 'orgnr;kommunenr;eierskap;navn;virksomhetstyper;m\345lgrupper\r\n100000008;0301;kommunal;Bj\370rn \346 \345 \200;boligbase;demens\r\n' >"$T/w.csv"
"$CLASSIFY" "$T/w.csv" >"$T/out" 2>"$T/err"; rc=$?
check "Windows-1252 as UTF-8: exit 2" [ $rc -eq 2 ]
check "invalid UTF-8: position of the original byte (the å of the header)" grep -q "w.csv:1:49: " "$T/err"
check "invalid UTF-8: names --encoding windows-1252" grep -q "invalid UTF-8.*--encoding windows-1252" "$T/err"
"$CLASSIFY" --encoding windows-1252 "$T/w.csv" >"$T/out" 2>"$T/err"; rc=$?
check "--encoding windows-1252: exit 0" [ $rc -eq 0 ]
check "--encoding windows-1252: classified" grep -q "^100000008,rene-brukerrettede,kun-boligbase" "$T/out"
check "--encoding windows-1252: 'målgrupper' header found" [ ! -s "$T/err" ]
"$CLASSIFY" --encoding=iso-8859-1 "$T/w.csv" >"$T/out" 2>"$T/err"; rc=$?
check "--encoding=iso-8859-1: exit 0" [ $rc -eq 0 ]
# the converted text, checked through the Python binding when it is there:
# the name is the UTF-8 of 'Bjørn æ å €'
# positions in the original: an undefined byte (0x81) at line 3, column 22
printf 'orgnr;kommunenr;eierskap;virksomhetstyper;malgrupper\n100000008;0301;kommunal;boligbase;demens\n100000016;0301;privat;\201\n' >"$T/u.csv"
"$CLASSIFY" --encoding windows-1252 "$T/u.csv" >/dev/null 2>"$T/err"; rc=$?
check "undefined Windows-1252 byte: exit 2 at 3:24" [ $rc -eq 2 ] && grep -q "u.csv:3:24: byte 0x81 is not a character in Windows-1252" "$T/err"
# a record error after converted characters keeps the original column:
# 'æææ' are 3 bytes in the file, 3 characters; the bad code starts at column 30
printf 'orgnr;kommunenr;eierskap;navn;virksomhetstyper;malgrupper\n100000008;0301;kommunal;\346\346\346;bolig;demens\n' >"$T/c.csv"
"$CLASSIFY" --encoding windows-1252 "$T/c.csv" >/dev/null 2>"$T/err"; rc=$?
check "converted: reject exit 1" [ $rc -eq 1 ]
check "converted: original line and column (2:29)" grep -q "c.csv:2:29: orgnr 100000008 rejected: unknown code 'bolig'" "$T/err"
"$CLASSIFY" --encoding klingon "$T/a.csv" >/dev/null 2>"$T/err"; rc=$?
check "unknown encoding: exit 2 with the list" [ $rc -eq 2 ] && grep -q "utf-8, windows-1252 and iso-8859-1" "$T/err"
# an XML file is UTF-8 whatever --encoding says
"$CLASSIFY" --encoding windows-1252 "$HJTJ_DATADIR/eksempel.xml" >"$T/out" 2>/dev/null; rc=$?
check "XML ignores --encoding" [ $rc -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 9 ]

# ---- forgiving headers and codes --------------------------------------------
printf 'Orgnr;Kommunenr;EIERSKAP;Status;Boligbase;Amb-Helse;M\303\245lgrupper;Boenheter;N\303\246ringskode;andre-kommuner;mottar_fra:sykehjem\n100000008;0301;Kommunal;AKTIV;1;0;Psykiske-Lidelser RUSPROBLEMER;3;87.203;1;1\n' >"$T/f.csv"
"$CLASSIFY" "$T/f.csv" >"$T/out" 2>"$T/err"; rc=$?
check "forgiving headers and codes: exit 0, no warning" [ $rc -eq 0 ] && [ ! -s "$T/err" ]
check "forgiving: classified (2 målgrupper)" grep -qx "100000008,rene-brukerrettede,kun-boligbase,kun-boligbase,psykisk-rus,2,asss,1" "$T/out"
printf 'orgnr;kommunenr;eierskap;virksomhetstyper;maalgrupper;Kommunenr\n' >"$T/d.csv"
"$CLASSIFY" "$T/d.csv" >/dev/null 2>"$T/err"; rc=$?
check "two spellings of one column: exit 2" [ $rc -eq 2 ] && grep -q "'kommunenr' and 'Kommunenr' of the header are the same column" "$T/err"
printf 'orgnr,kommune,eierskap,virksomhetstyper,malgrupper\n' >"$T/m.csv"
"$CLASSIFY" "$T/m.csv" >/dev/null 2>"$T/err"
check "missing column: did you mean" grep -q "no column kommunenr; is 'kommune' meant to be 'kommunenr'?" "$T/err"
printf '%s,boligbas,frobnicate\n100000008,0301,kommunal,boligbase,demens,3,1,x\n' "$HDR" >"$T/x.csv"
"$CLASSIFY" "$T/x.csv" >/dev/null 2>"$T/err"; rc=$?
check "unknown column: warning with did you mean" grep -q "x.csv:1:[0-9]*: warning: unknown column 'boligbas' ignored; did you mean 'boligbase'?" "$T/err"
check "unknown column: the valid names" grep -q "unknown column 'frobnicate' ignored; the columns are orgnr, kommunenr" "$T/err"
check "warnings alone: exit 0" [ $rc -eq 0 ]
printf '%s\n100000008,0301,komunal,bolig,demens,3\n100000016,0301,kommunal,bolig,demens,3\n' "$HDR" >"$T/k.csv"
"$CLASSIFY" "$T/k.csv" >/dev/null 2>"$T/err"
check "unknown code: did you mean + valid codes" grep -q "unknown eierskap 'komunal'; did you mean 'kommunal'? The codes are: kommunal, privat." "$T/err"
check "unknown code in a list: did you mean" grep -q "unknown code 'bolig' in virksomhetstyper; did you mean 'boligbase'?" "$T/err"

# ---- output, exit status and summary ----------------------------------------
"$CLASSIFY" -o "$T/o1.csv" "$T/a.csv" >"$T/out" 2>"$T/err"; rc=$?
check "classify -o: exit 0, nothing on stdout" [ $rc -eq 0 ] && [ ! -s "$T/out" ]
check "classify -o: the file" [ "$(wc -l <"$T/o1.csv")" -eq 3 ]
"$REPORT" --table 3.2 --output="$T/o2.csv" "$T/a.csv" >"$T/out" 2>"$T/err"; rc=$?
check "report --output=: the table in the file" [ $rc -eq 0 ] && grep -qx "Totalt,2,100.0" "$T/o2.csv" && [ ! -s "$T/out" ]
for prog in "$CLASSIFY" "$REPORT --table 3.5"; do
    $prog -o /dev/full "$T/a.csv" 2>"$T/err"; rc=$?
    check "$(basename "${prog%% *}") -o /dev/full: exit 2 with a message" [ $rc -eq 2 ] && grep -q "cannot write /dev/full: No space left on device" "$T/err"
    $prog "$T/a.csv" >/dev/full 2>"$T/err"; rc=$?
    check "$(basename "${prog%% *}") >/dev/full: exit 2 with a message" [ $rc -eq 2 ] && grep -q "cannot write standard output" "$T/err"
done
"$REPORT" --all -o /dev/full "$T/a.csv" 2>"$T/err"; rc=$?
check "report --all -o /dev/full: exit 2" [ $rc -eq 2 ]
"$REPORT" --table 3.2 -o "$T/no/such/dir/x.csv" "$T/a.csv" 2>"$T/err"; rc=$?
check "unwritable -o: exit 2 with a message" [ $rc -eq 2 ] && grep -q "cannot write .*No such file or directory" "$T/err"
# some rejected: exit 1 from both, the summary after the output
printf '%s\n100000008,0301,kommunal,boligbase,demens,3\n100000009,0301,kommunal,bpa,demens,\n100000016,0301,kommunal,bolig,demens,\n100000024,9999,kommunal,bpa,demens,\n100000032,0301,kommunal,bpa,ingen,-1\n' "$HDR" >"$T/r.csv"
"$CLASSIFY" "$T/r.csv" >"$T/out" 2>"$T/err"; rc=$?
check "classify with rejects: exit 1" [ $rc -eq 1 ]
check "summary: read, loaded, rejected by reason" [ "$(tail -1 "$T/err")" = "hjtj-classify: 5 records read, 1 loaded, 4 rejected (orgnr 1, unknown-code 1, boenheter 1, kommunenr 1)" ]
"$REPORT" --table 3.2 "$T/r.csv" >"$T/out" 2>"$T/err"; rc=$?
check "report with rejects: exit 1 after the table" [ $rc -eq 1 ] && grep -qx "Totalt,1,100.0" "$T/out"
check "report summary" grep -q "^hjtj-report: 5 records read, 1 loaded, 4 rejected (" "$T/err"
tail -n +3 "$T/r.csv" | sed "1i $HDR" >"$T/all-bad.csv"
"$REPORT" --table 3.2 "$T/all-bad.csv" >"$T/out" 2>"$T/err"; rc=$?
check "report, every record rejected: exit 1 (not 0)" [ $rc -eq 1 ]
check "report, every record rejected: summary" grep -q "4 records read, 0 loaded, 4 rejected" "$T/err"
"$REPORT" --table 3.2 "$T/nonexistent.csv" >/dev/null 2>"$T/err"; rc=$?
check "missing file: exit 2 with a message" [ $rc -eq 2 ] && grep -q "nonexistent.csv" "$T/err"
"$REPORT" --table 9.9 "$T/a.csv" >/dev/null 2>"$T/err"; rc=$?
check "unknown table: exit 2 with a message" [ $rc -eq 2 ] && grep -q "no table with id '9.9'" "$T/err"
"$REPORT" --table 4.66 "$T/a.csv" >/dev/null 2>"$T/err"
check "unknown table: did you mean" grep -q "did you mean '4.6'?" "$T/err"
"$REPORT" --table >/dev/null 2>"$T/err"; rc=$?
check "option without value: exit 2" [ $rc -eq 2 ] && grep -q "needs a value" "$T/err"

# ---- messages: one sentence, position parts that exist ----------------------
printf '<kartlegging xmlns="urn:hjtj:kartlegging:1" aargang="2024">\n<virksomhet orgnr="100000008" kommunenr="0301" eierskap="kommunal"><virksomhetstyper>boligbase</virksomhetstyper><malgrupper>demens</malgrupper></virksomhet>\n<virksomhet orgnr="1000' >"$T/trunc.xml"
"$CLASSIFY" "$T/trunc.xml" >/dev/null 2>"$T/err"; rc=$?
check "truncated XML: exit 2, called truncated" [ $rc -eq 2 ] && grep -q "trunc.xml:3:[0-9]*: the file ends before the XML document is complete (truncated?)$" "$T/err"
head -c 150 "$HJTJ_DATADIR/eksempel.xml" >"$T/trunc2.xml"
"$CLASSIFY" "$T/trunc2.xml" >/dev/null 2>"$T/err"
check "truncated XML (inside the prolog): called truncated" grep -q "truncated?" "$T/err"
"$CLASSIFY" "$T/nonexistent.csv" >/dev/null 2>"$T/err"
check "no :0:0: and no reason in parentheses" sh -c "! grep -q ':0:\|(.*error)\$\|(I/O' '$T/err'"
check "one line for a missing file" [ "$(wc -l <"$T/err")" -eq 1 ]
"$CLASSIFY" "$T/w.csv" >/dev/null 2>"$T/err"
check "no status in parentheses after the message" sh -c "! grep -q '(invalid UTF-8)\$' '$T/err'"
check "reject lines: no reason code in parentheses" sh -c "! grep -q 'rejected (' '$T/err'"

# ---- --scheme, --kommuner, --lang, aargang in titles -------------------------
cat >"$T/scheme.xml" <<'XML'
<skjema xmlns="urn:hjtj:skjema:1" navn="test">
  <asss>4601</asss>
</skjema>
XML
"$CLASSIFY" --scheme "$T/scheme.xml" "$T/a.csv" >"$T/out" 2>"$T/err"; rc=$?
check "--scheme: exit 0" [ $rc -eq 0 ]
check "--scheme: Bergen is ASSS, Oslo is not" grep -q "^100000016,.*,asss,0$" "$T/out" && grep -q "^100000008,.*,20000+,1$" "$T/out"
"$REPORT" --scheme "$T/nonexistent.xml" --table 3.2 "$T/a.csv" >/dev/null 2>"$T/err"; rc=$?
check "--scheme missing file: exit 2" [ $rc -eq 2 ] && grep -q "nonexistent.xml" "$T/err"
printf 'kommunenr;navn;innbyggere\n0301;Oslo;100\n4601;Bergen;30000\n' >"$T/k.csv"
"$CLASSIFY" --kommuner "$T/k.csv" --scheme "$T/scheme.xml" "$T/a.csv" >"$T/out" 2>/dev/null
check "--kommuner with --scheme" grep -q "^100000008,.*,under-5000,1$" "$T/out"
"$REPORT" --list --lang en >"$T/out"
check "--lang en: English titles" grep -q "^1.9	Municipalities by number of inhabitants per 1 January 2025" "$T/out"
"$REPORT" --list --lang=nb >"$T/out"
check "--lang nb: Norwegian titles" grep -q "^1.9	Kommuneinndeling etter innbyggertall per 1.1.2025" "$T/out"
"$REPORT" --list --lang fr >/dev/null 2>"$T/err"; rc=$?
check "--lang fr: exit 2" [ $rc -eq 2 ] && grep -q "nb and en" "$T/err"
sed 's/aargang="2024"/aargang="2030"/' "$HJTJ_DATADIR/eksempel.xml" >"$T/y2030.xml"
"$REPORT" --table 1.9 --format text "$T/y2030.xml" >"$T/out" 2>/dev/null
check "aargang 2030: title per 1.1.2031" grep -q "^Tabell 1.9. Kommuneinndeling etter innbyggertall per 1.1.2031$" "$T/out"
"$REPORT" --table 1.10 --format text "$HJTJ_DATADIR/eksempel.xml" >"$T/out" 2>/dev/null
check "aargang 2024: title per 1.1.2025" grep -q "per 1.1.2025$" "$T/out"

# ---- --help and --version name the shared options ---------------------------
for prog in "$CLASSIFY" "$REPORT"; do
    "$prog" --help >"$T/out"
    for opt in --kommuner --scheme --encoding --output --lang --help --version; do
        grep -q -- "$opt" "$T/out" || fail "$(basename "$prog") --help lacks $opt"
    done
    "$prog" --version | grep -q "(libhjtj) [0-9]" || fail "$(basename "$prog") --version"
done
ok "--help lists the shared options, --version the version"

[ $fails -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
