#!/bin/sh
# tests/consumer.sh — build a program against an *installed* libhjtj the way
# a user does, through pkg-config, and run it.  For CI after `make install`:
#
#   sh tests/consumer.sh /usr/local            # or any --prefix / DESTDIR root
#
# It builds examples/minimal.c
#   1. with `pkg-config --cflags --libs hjemmetjeneste` and runs it: it must
#      print "libhjtj VERSION" with the module's version, and classify the
#      installed example register;
#   2. with `pkg-config --static --cflags --libs hjemmetjeneste`, to check
#      that the private dependencies (Requires.private, Libs.private)
#      resolve; if the prefix has libhjtj.a (configure --enable-static), the
#      library itself is linked statically and the program run.
# CC and CFLAGS are honoured.  Exit status 0 on success, 1 on a failure.
set -eu
if [ $# -ne 1 ]; then
    echo "usage: $0 PREFIX" >&2
    exit 2
fi
PREFIX=$1
S=$(cd "$(dirname "$0")/.." && pwd)
CC=${CC:-cc}
CFLAGS=${CFLAGS:-}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

pc=$(find "$PREFIX" -name hjemmetjeneste.pc -path '*pkgconfig*' 2>/dev/null | head -n 1)
if [ -z "$pc" ]; then
    echo "FAIL: no hjemmetjeneste.pc under $PREFIX"
    exit 1
fi
PKG_CONFIG_PATH=$(dirname "$pc")${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
export PKG_CONFIG_PATH
echo "pkg-config module: $pc"

# When PREFIX is a staging root (make install DESTDIR=...), the paths in the
# .pc file are those of the final prefix: use a copy of it whose absolute
# directory variables point into the staging root (only our module moves;
# libxml2 is found where it is installed).
includedir=$(pkg-config --variable=includedir hjemmetjeneste)
if [ ! -f "$includedir/hjtj.h" ] && [ -f "$PREFIX$includedir/hjtj.h" ]; then
    mkdir "$T/pc"
    cp "$pc" "$T/pc/hjemmetjeneste.pc"
    for v in prefix exec_prefix libdir includedir datarootdir datadir pkgdatadir; do
        sed "s#^$v=/#$v=$PREFIX/#" "$T/pc/hjemmetjeneste.pc" >"$T/pc/tmp"
        mv "$T/pc/tmp" "$T/pc/hjemmetjeneste.pc"
    done
    PKG_CONFIG_PATH=$T/pc:$PKG_CONFIG_PATH
    echo "staged install: using a copy of the .pc relocated to $PREFIX"
fi
libdir=$(pkg-config --variable=libdir hjemmetjeneste)
includedir=$(pkg-config --variable=includedir hjemmetjeneste)
pkgdatadir=$(pkg-config --variable=pkgdatadir hjemmetjeneste)
if [ ! -f "$includedir/hjtj.h" ]; then
    echo "FAIL: hjtj.h is not in $includedir, where $pc says it is"
    exit 1
fi
version=$(pkg-config --modversion hjemmetjeneste)
echo "version $version, libdir $libdir"

# 1. the ordinary build
cflags=$(pkg-config --cflags hjemmetjeneste)
libs=$(pkg-config --libs hjemmetjeneste)
echo "+ $CC $CFLAGS $cflags minimal.c $libs"
# shellcheck disable=SC2086
$CC $CFLAGS $cflags -o "$T/minimal" "$S/examples/minimal.c" $libs -Wl,-rpath,"$libdir" ||
    { echo "FAIL: cannot build with pkg-config --cflags --libs"; exit 1; }
out=$("$T/minimal")
echo "$out"
if [ "$out" != "libhjtj $version" ]; then
    echo "FAIL: expected 'libhjtj $version'"
    exit 1
fi
if [ -f "$pkgdatadir/eksempel.xml" ]; then
    HJTJ_DATADIR=$pkgdatadir "$T/minimal" "$pkgdatadir/eksempel.xml" >"$T/out"
    grep -q '^read [0-9]*, loaded [0-9]*, rejected 0$' "$T/out" || {
        echo "FAIL: the installed example register did not load:"
        cat "$T/out"
        exit 1
    }
    echo "ok: $(tail -n 1 "$T/out") ($pkgdatadir/eksempel.xml)"
fi

# 2. the --static flags
scflags=$(pkg-config --static --cflags hjemmetjeneste)
slibs=$(pkg-config --static --libs hjemmetjeneste)
echo "+ pkg-config --static: $scflags $slibs"
if [ -f "$libdir/libhjtj.a" ]; then
    rest=$(echo " $slibs " | sed 's/ -lhjtj / /')
    # shellcheck disable=SC2086
    $CC $CFLAGS $scflags -o "$T/minimal-static" "$S/examples/minimal.c" \
        "$libdir/libhjtj.a" $rest ||
        { echo "FAIL: cannot link libhjtj.a with pkg-config --static --libs"; exit 1; }
    echo "ok: linked statically against $libdir/libhjtj.a"
else
    # no static archive (the default, LT_INIT([disable-static])): link with
    # the full static flag list anyway, so every private library must exist
    # shellcheck disable=SC2086
    $CC $CFLAGS $scflags -o "$T/minimal-static" "$S/examples/minimal.c" $slibs \
        -Wl,-rpath,"$libdir" ||
        { echo "FAIL: cannot link with pkg-config --static --libs"; exit 1; }
    echo "ok: the --static flags resolve (no libhjtj.a in $libdir, linked shared)"
fi
out=$("$T/minimal-static")
if [ "$out" != "libhjtj $version" ]; then
    echo "FAIL: static build printed '$out'"
    exit 1
fi
echo "$out"
echo "ok: consumer build against $PREFIX"
