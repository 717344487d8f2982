#!/bin/sh
# bindings/cross_language_test.sh — the C programs, the Python binding and
# the R binding must agree exactly.
#
#   sh bindings/cross_language_test.sh [DIR [RLIB]]
#
# DIR (or $HJTJ_BUILDDIR) is either a build directory of libhjtj (with
# examples/hjtj-classify and .libs/libhjtj.so) or an installation prefix
# (with bin/hjtj-classify and lib/libhjtj.so.0).  Default: the source tree.
# RLIB (or $HJTJ_R_LIBRARY) is an R library where the package hjtj is
# installed; without it the package is installed from bindings/R into a
# temporary library, linked against DIR's libhjtj.
#
# Inputs: data/eksempel.xml and random registers from tests/oracle (seeds
# $SEEDS, default "17 18"; $N records each, default 1200; in XML, list-CSV
# and wide-CSV layouts, with bad records).  For each input it compares
#   - hjtj-classify's CSV, the Python records and R's hjtj_classify();
#   - the rejected records (file:line:column, orgnr, reason, message);
#   - for every table of the catalogue, `hjtj-report --table ID`, Python's
#     Table.to_csv() and R's hjtj_table_csv() (built in R from the cells'
#     printed texts): byte-identical.
# Without R (no Rscript), the R part is skipped with a message; set
# HJTJ_SKIP_R=1 to skip it deliberately.  Exit status 0 when all agree.
set -u

S=$(cd "$(dirname "$0")/.." && pwd)
B=${1:-${HJTJ_BUILDDIR:-$S}}
B=$(cd "$B" && pwd) || { echo "cross_language_test: no directory $B" >&2; exit 2; }
RLIB=${2:-${HJTJ_R_LIBRARY:-}}
PYTHON=${PYTHON:-python3}
RSCRIPT=${RSCRIPT:-Rscript}
SEEDS=${SEEDS:-"17 18"}
N=${N:-1200}

# The programs and the library: a build directory or a prefix.
if [ -x "$B/examples/hjtj-classify" ]; then
    CLASSIFY=$B/examples/hjtj-classify
    REPORT=$B/examples/hjtj-report
    LIB=$B/.libs/libhjtj.so
    : "${HJTJ_DATADIR:=$S/data}"
    # the header of the tree this build directory was configured from
    top=$(sed -n 's/^abs_top_srcdir = //p' "$B/Makefile" 2>/dev/null)
    R_CFLAGS="-I${top:-$S}/include"
    R_LIBS_FLAGS="-L$B/.libs -lhjtj"
elif [ -x "$B/bin/hjtj-classify" ]; then
    CLASSIFY=$B/bin/hjtj-classify
    REPORT=$B/bin/hjtj-report
    LIB=$B/lib/libhjtj.so.0
    : "${HJTJ_DATADIR:=$B/share/hjemmetjeneste}"
    R_CFLAGS=""
    R_LIBS_FLAGS=""
    PKG_CONFIG_PATH=$B/lib/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
    export PKG_CONFIG_PATH
else
    echo "cross_language_test: no hjtj-classify under $B (examples/ or bin/)" >&2
    exit 2
fi
HJTJ_LIBRARY=${HJTJ_LIBRARY:-$LIB}
PYTHONPATH=$S/bindings/python${PYTHONPATH:+:$PYTHONPATH}
export HJTJ_DATADIR HJTJ_LIBRARY PYTHONPATH

T=$(mktemp -d "${TMPDIR:-/tmp}/hjtj-xlang.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

# ---------------------------------------------------------------- helpers
cat >"$T/py.py" <<'EOF'
# py.py INPUT OUTDIR: classify.csv, rejects.txt, catalog.txt, tables/ID.csv
import os, sys
import hjtj

src, out = sys.argv[1], sys.argv[2]
with hjtj.load(src) as reg:
    with open(os.path.join(out, "classify.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(",".join(hjtj.CLASSIFY_COLUMNS) + "\n")
        for r in reg:
            f.write(",".join("" if r[k] is None else r[k] for k in hjtj.CLASSIFY_COLUMNS) + "\n")
    with open(os.path.join(out, "rejects.txt"), "w", encoding="utf-8", newline="") as f:
        for d in reg.rejects:
            who = "orgnr %s" % d.orgnr if d.orgnr else "record"
            f.write("%s:%d:%d: %s rejected: %s\n" % (d.file, d.line, d.column, who, d.message))
    ids = [i for i, _ in hjtj.catalog()]
    with open(os.path.join(out, "catalog.txt"), "w", encoding="utf-8", newline="") as f:
        f.write("".join(i + "\n" for i in ids))
    os.makedirs(os.path.join(out, "tables"), exist_ok=True)
    for tid in ids:
        with reg.table(tid) as t:
            t.to_csv(os.path.join(out, "tables", tid + ".csv"))
EOF

cat >"$T/r.R" <<'EOF'
# r.R INPUT OUTDIR [RLIB]: the same files as py.py, from the R binding
args <- commandArgs(trailingOnly = TRUE)
src <- args[1]; out <- args[2]
lib <- if (length(args) >= 3 && nzchar(args[3])) args[3] else NULL
suppressPackageStartupMessages(library(hjtj, lib.loc = lib))
put <- function(lines, file) {
  con <- file(file, open = "wb")
  on.exit(close(con))
  if (length(lines)) writeBin(charToRaw(enc2utf8(paste0(paste(lines, collapse = "\n"), "\n"))), con)
}
reg <- hjtj_load(src)
cl <- hjtj_classify(reg)
cl[is.na(cl)] <- ""
rows <- if (nrow(cl)) do.call(paste, c(unname(as.list(cl)), sep = ",")) else character(0)
put(c(paste(names(cl), collapse = ","), rows), file.path(out, "classify.csv"))
rj <- hjtj_rejects(reg)
who <- ifelse(is.na(rj$orgnr), "record", paste("orgnr", rj$orgnr))
put(sprintf("%s:%d:%d: %s rejected: %s", rj$file, rj$line, rj$column, who, rj$message),
    file.path(out, "rejects.txt"))
ids <- hjtj_catalog()$id
put(ids, file.path(out, "catalog.txt"))
dir.create(file.path(out, "tables"), showWarnings = FALSE)
for (id in ids) hjtj_table_csv(reg, id, file = file.path(out, "tables", paste0(id, ".csv")))
EOF

# the C programs' view of one input
run_c() {
    mkdir -p "$2/tables"
    "$CLASSIFY" "$1" >"$2/classify.csv" 2>"$2/stderr"
    rc=$?
    [ $rc -le 1 ] || return 1
    grep ' rejected: ' "$2/stderr" >"$2/rejects.txt"
    "$REPORT" --list | cut -f1 >"$2/catalog.txt" || return 1
    while IFS= read -r id; do
        "$REPORT" --table "$id" "$1" >"$2/tables/$id.csv" 2>/dev/null
        [ $? -le 1 ] || return 1  # 1: some record rejected
    done <"$2/catalog.txt"
    return 0
}

# compare the outputs of $2 against C's for input $1
compare() {
    name=$1 lang=$2 dir=$3
    cmp -s "$T/c/classify.csv" "$dir/classify.csv" \
        && ok "$lang classify = hjtj-classify: $name ($(($(wc -l <"$dir/classify.csv") - 1)) rows)" \
        || { fail "$lang classify differs: $name"; diff "$T/c/classify.csv" "$dir/classify.csv" | head -5; }
    cmp -s "$T/c/rejects.txt" "$dir/rejects.txt" \
        && ok "$lang rejects = hjtj-classify: $name ($(wc -l <"$dir/rejects.txt") rejected)" \
        || { fail "$lang rejects differ: $name"; diff "$T/c/rejects.txt" "$dir/rejects.txt" | head -5; }
    cmp -s "$T/c/catalog.txt" "$dir/catalog.txt" \
        || fail "$lang catalogue differs from hjtj-report --list"
    nt=0 bad=0
    while IFS= read -r id; do
        nt=$((nt + 1))
        if ! cmp -s "$T/c/tables/$id.csv" "$dir/tables/$id.csv"; then
            bad=$((bad + 1))
            fail "$lang table $id differs: $name"
            diff "$T/c/tables/$id.csv" "$dir/tables/$id.csv" | head -5
        fi
    done <"$T/c/catalog.txt"
    [ $bad -eq 0 ] && ok "$lang tables = hjtj-report: $name ($nt tables)"
}

# ---------------------------------------------------------------- R setup
use_r=1
if [ "${HJTJ_SKIP_R:-0}" = 1 ]; then
    echo "skip: R part (HJTJ_SKIP_R=1)"
    use_r=0
elif ! command -v "$RSCRIPT" >/dev/null 2>&1; then
    echo "skip: R part ($RSCRIPT not found; install R to run it)"
    use_r=0
elif [ -z "$RLIB" ]; then
    RLIB=$T/rlib
    mkdir -p "$RLIB" "$T/rsrc"
    cp -R "$S/bindings/R/." "$T/rsrc/"
    (
        cd "$T/rsrc" && sh ./cleanup
        if [ -n "$R_LIBS_FLAGS" ]; then
            HJTJ_CFLAGS=$R_CFLAGS HJTJ_LIBS=$R_LIBS_FLAGS
            export HJTJ_CFLAGS HJTJ_LIBS
        fi
        R CMD INSTALL --no-test-load -l "$RLIB" . >"$T/rinstall.log" 2>&1
    ) && ok "R package installed into a temporary library" \
      || { fail "R package does not install"; tail -20 "$T/rinstall.log"; use_r=0; }
fi
if [ $use_r = 1 ]; then
    "$RSCRIPT" -e "library(hjtj, lib.loc = '$RLIB')" >/dev/null 2>&1 \
        || { fail "R package hjtj cannot be loaded from $RLIB"; use_r=0; }
fi

# ---------------------------------------------------------------- inputs
inputs="$HJTJ_DATADIR/eksempel.xml"
[ -f "$inputs" ] || inputs=$S/data/eksempel.xml
for seed in $SEEDS; do
    "$PYTHON" "$S/tests/oracle/hjtj_oracle.py" gen --seed "$seed" --n "$N" --bad 25 \
        --out-prefix "$T/r$seed" >/dev/null \
        || { fail "cannot generate register (seed $seed)"; continue; }
    inputs="$inputs $T/r$seed.xml $T/r$seed-list.csv $T/r$seed-wide.csv"
done

for f in $inputs; do
    name=$(basename "$f")
    rm -rf "$T/c" "$T/py" "$T/r"
    mkdir -p "$T/c" "$T/py" "$T/r"
    run_c "$f" "$T/c" || { fail "C programs fail on $name"; continue; }
    if "$PYTHON" "$T/py.py" "$f" "$T/py" 2>"$T/py.err"; then
        compare "$name" Python "$T/py"
    else
        fail "Python binding fails on $name"
        tail -5 "$T/py.err"
    fi
    if [ $use_r = 1 ]; then
        if "$RSCRIPT" "$T/r.R" "$f" "$T/r" "$RLIB" 2>"$T/r.err"; then
            compare "$name" R "$T/r"
        else
            fail "R binding fails on $name"
            tail -5 "$T/r.err"
        fi
    fi
done

if [ $fails -gt 0 ]; then
    echo "cross_language_test: $fails failure(s)"
    exit 1
fi
echo "cross_language_test: all agree"
exit 0
