#!/bin/sh
# tests/abi/header-names.sh — the public names of a header, one per line,
# sorted: used by tests/check-exports.sh, tests/check-docs.sh and
# `make abi-baseline`.
#
#   sh tests/abi/header-names.sh functions include/hjtj.h
#       the functions declared with HJTJ_API
#   sh tests/abi/header-names.sh all include/hjtj.h
#       every hjtj_* / HJTJ_* identifier outside comments (functions, types,
#       enumeration constants, macros), except the include guard HJTJ_H
#
# Comments are removed first, so a name that is only mentioned in a comment
# does not count.
set -eu
what=$1
header=$2
[ -r "$header" ] || { echo "header-names.sh: cannot read $header" >&2; exit 2; }
LC_ALL=C
export LC_ALL
awk -v what="$what" '
{ text = text $0 "\n" }
END {
    out = ""
    while ((i = index(text, "/*")) > 0) {
        out = out substr(text, 1, i - 1) " "
        text = substr(text, i + 2)
        j = index(text, "*/")
        if (j == 0) { text = ""; break }
        text = substr(text, j + 2)
    }
    out = out text
    if (what == "all") {
        while (match(out, /[A-Za-z0-9_]*(hjtj|HJTJ)_[A-Za-z0-9_]*/)) {
            name = substr(out, RSTART, RLENGTH)
            out = substr(out, RSTART + RLENGTH)
            if (name ~ /^(hjtj|HJTJ)_/ && name != "HJTJ_H")
                print name
        }
        exit
    }
    # functions: drop preprocessor lines, split into declarations at ";",
    # and take the name before the first "(" after the last HJTJ_API
    n = split(out, lines, "\n")
    body = ""
    for (k = 1; k <= n; k++)
        if (lines[k] !~ /^[ \t]*#/)
            body = body " " lines[k]
    n = split(body, decl, ";")
    for (k = 1; k <= n; k++) {
        d = decl[k]
        p = 0
        while ((q = index(substr(d, p + 1), "HJTJ_API")) > 0)
            p += q
        if (p == 0)
            continue
        d = substr(d, p + 8)
        if (match(d, /[A-Za-z_][A-Za-z0-9_]*[ \t]*\(/)) {
            name = substr(d, RSTART, RLENGTH)
            sub(/[ \t]*\($/, "", name)
            print name
        }
    }
}' "$header" | sort -u
