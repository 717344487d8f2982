# tests/cli_env.sh — sourced by the command-line tests (cli.sh,
# cli_contract.sh): where the programs and data are, a scratch directory,
# and ok/fail counting.
B=${HJTJ_BUILDDIR:-.}
S=${HJTJ_SRCDIR:-.}
export HJTJ_DATADIR=${HJTJ_DATADIR:-$S/data}
CLASSIFY="$B/examples/hjtj-classify"
REPORT="$B/examples/hjtj-report"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }
# The programs read the bundled register when standard input is /dev/null
# (recognised by identity, so also where a sandbox made it a regular file);
# where there is no /dev/null at all, the cases that rely on it are skipped.
have_devnull() {
    [ -e /dev/null ] && return 0
    echo "SKIP: there is no /dev/null here: $*"
    return 1
}
