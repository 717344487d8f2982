#!/bin/sh
# tests/render.sh — headless Chromium renders the HTML page of every table
# and each of the report's figures to PNG, and tests/png_check.py checks the
# images are not blank (and that the figures' bars are drawn).  Skipped (77)
# without chromium; CI installs it (.ci/run).
set -u
B=${HJTJ_BUILDDIR:-.}
S=${HJTJ_SRCDIR:-.}
export HJTJ_DATADIR=${HJTJ_DATADIR:-$S/data}
REPORT="$B/examples/hjtj-report"
# the bundled register, named: without FILE a program reads standard input
# when it is a pipe or a file (SPEC §7)
REG="$HJTJ_DATADIR/register-2024-syntetisk.xml"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "SKIP: chromium is not installed"
    exit 77
fi
# shot FILE PNG WxH
shot() {
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$T/profile" --screenshot="$2" --window-size="$3" "$1" \
        >"$T/chromium.log" 2>&1
}

"$REPORT" "$REG" --all --format html -o "$T/rapport.html" 2>/dev/null || fail "html page"
"$REPORT" "$REG" --all --format html --lang en -o "$T/report.html" 2>/dev/null || fail "html page (en)"
for p in rapport report; do
    if shot "$T/$p.html" "$T/$p.png" 1200,2000 && [ -s "$T/$p.png" ]; then
        python3 "$S/tests/png_check.py" "$T/$p.png" 0.02 && ok "$p.html rendered, not blank" \
            || fail "$p.html blank"
    else
        fail "$p.html: chromium: $(tail -3 "$T/chromium.log")"
    fi
done
# a page of the tables with figures, so that the figures are on the screenshot
"$REPORT" "$REG" --table 3.5 --table 5.3 --format html -o "$T/fig.html" 2>/dev/null
if shot "$T/fig.html" "$T/fig.png" 1400,1800 && [ -s "$T/fig.png" ]; then
    python3 "$S/tests/png_check.py" "$T/fig.png" 0.02 "#1f5c99" && ok "page with figures 3.3 and 5.1" \
        || fail "page with figures"
else
    fail "fig.html: chromium"
fi
for fig in 3.3 3.4 4.1 4.2 5.1; do
    "$REPORT" "$REG" --figure "$fig" -o "$T/f$fig.svg" 2>/dev/null || { fail "figure $fig"; continue; }
    if shot "$T/f$fig.svg" "$T/f$fig.png" 820,760 && [ -s "$T/f$fig.png" ]; then
        python3 "$S/tests/png_check.py" "$T/f$fig.png" 0.02 "#1f5c99" && ok "figure $fig rendered" \
            || fail "figure $fig blank"
    else
        fail "figure $fig: chromium"
    fi
done
echo "$fails failure(s)"
[ "$fails" -eq 0 ]
