"""hjtj — Python binding of libhjtj (ctypes, standard library only).

Statistics Norway's classification of home-care enterprises and the tables
of the report «Hjemmetjenestens målgrupper og organisering» (SSB Rapporter
2026/5)::

    import hjtj
    reg = hjtj.load("kartlegging.xml")          # or CSV, bytes, a file object
    for rec in reg:                             # active records, as dicts
        print(rec["orgnr"], rec["kategori"], rec["samlemalgruppe"])
    print(reg.table("4.6").to_csv())
    checks = reg.checks()                       # SPEC 12, rows as dicts
    checks.to_pandas()
    t = reg.crosstab(rows="fylke", where={"kategori": "kun-boligbase",
                                          "eierskap": "privat"},
                     measure="median:boenheter")
    print(t.to_pandas())

The C library is found through $HJTJ_LIBRARY (full path), else
``pkg-config --variable=libdir hjemmetjeneste``, else the dynamic loader.
"""

from ._lib import LibraryNotFound, library_path
from ._core import (
    CLASSIFY_COLUMNS, Diagnostic, Error, Field, Kommune, Kommuner, Limit, Register, Scheme,
    Status, catalog, codes, label, load, loads, strerror, version,
)
from ._table import CellKind, Column, Link, Row, Share, Suppression, Table, dimensions
from ._figure import figures
from ._checks import CHECK_COLUMNS, Checks, check_codes

__version__ = "0.1.0"

__all__ = [
    "CHECK_COLUMNS", "CLASSIFY_COLUMNS", "CellKind", "Checks", "Column", "Diagnostic",
    "Error", "Field", "Kommune", "Kommuner", "LibraryNotFound", "Limit", "Link", "Register",
    "Row", "Scheme", "Share", "Status", "Suppression", "Table", "catalog", "check_codes",
    "codes", "dimensions", "figures", "label", "library_path", "load", "loads", "strerror", "version",
]
