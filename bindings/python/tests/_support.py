"""Shared helpers for the binding's tests (not a test module)."""

import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# bindings/python/tests -> the source tree's top directory
TOP = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

CSV_HEADER = "orgnr,kommunenr,eierskap,status,virksomhetstyper,malgrupper,boenheter\n"

# Small inline registers (valid orgnr check digits, municipalities of 2025).
GOOD_CSV = CSV_HEADER + (
    "100000008,0301,kommunal,aktiv,boligbase,utviklingshemning psykiske-lidelser,8\n"
    "100000016,4601,kommunal,aktiv,amb-helse amb-praktisk,demens bevegelse-67,\n"
    "100000024,3101,privat,aktiv,bpa,bevegelse-0-66,\n"
    "100000032,1520,kommunal,aktiv,boligbase,utviklingshemning,1\n"
    "100000083,1103,kommunal,opphort,,,\n"
)
BAD_CSV = CSV_HEADER + (
    "100000008,0301,kommunal,aktiv,boligbase,demens,3\n"
    "100000009,0301,kommunal,aktiv,bpa,demens,\n"           # bad check digit
    "100000016,0301,kommunal,aktiv,bpa,ingen demens,\n"     # ingen with another
    "100000024,0301,kommunal,aktiv,bolig,demens,\n"         # unknown code
)
KOMMUNER_CSV = "kommunenr;navn;innbyggere\n0301;Oslo;100\n3101;Halden;30000\n"


def datadir():
    d = os.environ.get("HJTJ_DATADIR")
    if d and os.path.isdir(d):
        return d
    d = os.path.join(TOP, "data")
    return d if os.path.isdir(d) else None


def example_path():
    """data/eksempel.xml (via $HJTJ_DATADIR or the source tree), or None."""
    for d in (os.environ.get("HJTJ_DATADIR"), os.path.join(TOP, "data")):
        if d:
            p = os.path.join(d, "eksempel.xml")
            if os.path.isfile(p):
                return p
    return None


def classify_program():
    """The hjtj-classify program: $HJTJ_CLASSIFY, else examples/ of a build
    directory or bin/ of a prefix ($HJTJ_BUILDDIR, then the source tree)."""
    p = os.environ.get("HJTJ_CLASSIFY")
    if p:
        return p
    for d in (os.environ.get("HJTJ_BUILDDIR"), TOP):
        if not d:
            continue
        for sub in ("examples", "bin"):
            p = os.path.join(d, sub, "hjtj-classify")
            if os.path.isfile(p) and os.access(p, os.X_OK):
                return p
    return None


def generate(seed, n, bad=0):
    """A random register from tests/oracle (XML path, list-CSV path), or None."""
    gen = os.path.join(TOP, "tests", "oracle", "hjtj_oracle.py")
    if not os.path.isfile(gen):
        return None
    tmp = tempfile.mkdtemp(prefix="hjtj-py-")
    prefix = os.path.join(tmp, "r%d" % seed)
    cmd = [sys.executable, gen, "gen", "--seed", str(seed), "--n", str(n),
           "--out-prefix", prefix]
    if bad:
        cmd += ["--bad", str(bad)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return prefix + ".xml", prefix + "-list.csv", prefix + "-wide.csv"


def csv_field(s):
    """A field quoted as the library's CSV writer does (RFC 4180, minimal)."""
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def csv_from_texts(header, rows):
    out = [",".join(csv_field(h) for h in header)]
    out += [",".join(csv_field(c) for c in r) for r in rows]
    return "\n".join(out) + "\n"


def share_text(num, den):
    """100*num/den rounded half up to one decimal, from the exact fraction."""
    if den <= 0:
        return ""
    q = (2000 * num + den) // (2 * den)  # tenths of a percent, half up
    return "%d.%d" % (q // 10, q % 10)
