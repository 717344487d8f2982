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
# The programs read the bundled register when standard input is a device
# such as /dev/null; where /dev/null is not one (a broken sandbox), the
# cases that rely on it are skipped rather than failed.
have_devnull() {
    [ -c /dev/null ] && return 0
    echo "SKIP: /dev/null is not a character device here: $*"
    return 1
}
