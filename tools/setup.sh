#!/bin/sh
# tools/setup.sh — set up a fresh Debian machine for libhjtj: install the
# build dependencies, build, and install the library, the programs, the man
# pages, the bundled data and the Python module hjtj under /usr/local (or
# $PREFIX), and the R package hjtj when R is installed.
#
#   sh tools/setup.sh            # as root, or with sudo available
#
# Safe to run again.
set -eu
cd "$(dirname "$0")/.."
PREFIX=${PREFIX:-/usr/local}

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
fi
PKGS="build-essential autoconf automake libtool pkg-config libxml2-dev libxml2-utils check python3 libxlsxwriter-dev python3-openpyxl"
missing=""
for p in $PKGS; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

[ -x configure ] || autoreconf -fi
# The Python module goes where Debian's python3 imports from (another
# python3 first on PATH, e.g. pyenv's, would put it in its own site-packages).
PY=${PYTHON:-}
[ -z "$PY" ] && [ -x /usr/bin/python3 ] && PY=/usr/bin/python3
[ -f Makefile ] || ./configure --prefix="$PREFIX" --enable-werror ${PY:+PYTHON="$PY"}
make -j"$(nproc)"
$SUDO make install >/dev/null
$SUDO ldconfig 2>/dev/null || true

# The R package, when R is there (it links the library just installed,
# found through pkg-config); built from a copy so the checkout stays clean.
if command -v R >/dev/null 2>&1; then
    rtmp=$(mktemp -d)
    cp -R bindings/R "$rtmp/hjtj"
    if $SUDO env PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig" R CMD INSTALL "$rtmp/hjtj" >"$rtmp/install.log" 2>&1; then
        echo "setup: R package hjtj installed"
    else
        tail -20 "$rtmp/install.log"
        echo "setup: R CMD INSTALL bindings/R failed" >&2
        rm -rf "$rtmp"
        exit 1
    fi
    rm -rf "$rtmp"
fi
