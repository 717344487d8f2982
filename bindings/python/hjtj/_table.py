"""Tables of the report, built from a register."""

import collections
import ctypes
import decimal
import enum
import math
import os

from . import _lib
from ._core import LANG_EN, LANG_NB, Status, _Handle, _check_new, _error_from, _lang
from ._lib import enc, s


class CellKind(enum.IntEnum):
    """hjtj_cell_kind."""
    EMPTY = 0
    TEXT = 1
    COUNT = 2
    SHARE = 3
    SUM = 4
    MEDIAN = 5
    MEAN = 6      # custom tables: a mean (or a linked median), printed to one decimal
    DECIMAL = 7   # custom tables: an exact decimal sum of a linked variable


class Share:
    """A percentage ``100 * num / den`` with its printed text.

    ``text`` is what the CSV prints (rounded half up to one decimal from the
    exact fraction; "" for an empty base).  ``float(share)`` is the exact,
    unrounded value (NaN for an empty base); ``share.rounded`` the printed
    value as a float (None for an empty base)."""

    __slots__ = ("num", "den", "text")

    def __init__(self, num, den, text):
        self.num = num
        self.den = den
        self.text = text

    @property
    def value(self):
        """The exact percentage as a float, or None for an empty base."""
        return 100.0 * self.num / self.den if self.den > 0 else None

    @property
    def rounded(self):
        """The printed percentage as a float, or None for an empty base."""
        return float(self.text) if self.text else None

    def __float__(self):
        v = self.value
        return math.nan if v is None else v

    def __str__(self):
        return self.text

    def __repr__(self):
        return "Share(%d/%d = %s)" % (self.num, self.den, self.text or "empty")

    def __eq__(self, other):
        if isinstance(other, Share):
            return (self.num, self.den, self.text) == (other.num, other.den, other.text)
        return NotImplemented

    def __hash__(self):
        return hash((self.num, self.den, self.text))


Column = collections.namedtuple("Column", "code label label_en stub")
Column.__doc__ = "A table column: CSV header code, Norwegian and English label, stub?"

Row = collections.namedtuple("Row", "code label label_en cells texts kinds")
Row.__doc__ = ("A table row: code ('totalt', class codes, ...), labels, the typed cells, "
               "the printed texts and the cell kinds (all including the label columns).")


def _cell(L, t, i, j, kind):
    if kind == CellKind.TEXT:
        return s(L.hjtj_table_cell_text(t, i, j)) or ""
    if kind in (CellKind.COUNT, CellKind.SUM):
        return L.hjtj_table_cell_int(t, i, j)
    if kind == CellKind.SHARE:
        return Share(L.hjtj_table_cell_int(t, i, j), L.hjtj_table_cell_den(t, i, j),
                     s(L.hjtj_table_cell_text(t, i, j)) or "")
    if kind == CellKind.MEDIAN:
        return L.hjtj_table_cell_int(t, i, j) / 2.0
    if kind == CellKind.DECIMAL:  # exact: num / 10^k
        num, den = L.hjtj_table_cell_int(t, i, j), L.hjtj_table_cell_den(t, i, j)
        return decimal.Decimal(num).scaleb(-(len(str(den)) - 1))
    if kind == CellKind.MEAN:  # as printed: rounded half up to one decimal
        txt = s(L.hjtj_table_cell_text(t, i, j)) or ""
        return decimal.Decimal(txt) if txt else None
    return None


class Suppression(enum.IntEnum):
    """hjtj_suppression: why a cell of a protected table is suppressed."""
    NONE = 0
    PRIMARY = 1
    SECONDARY = 2


def _protect_level(protect):
    if isinstance(protect, bool) or not isinstance(protect, int):
        raise TypeError("protect must be an int >= 1 (the largest count suppressed), not %r"
                        % (protect,))
    if protect < 1:
        raise ValueError("protect must be >= 1 (the largest count suppressed), not %d"
                         % protect)
    return protect


def _kind(v):
    try:
        return CellKind(v)
    except ValueError:  # a kind appended after this binding: treat as text
        return CellKind.TEXT


class Table(_Handle):
    """One table of the report (``register.table("4.6")``).

    Attributes: ``id``, ``title`` (Norwegian), ``title_en``, ``n`` (the
    table's N; None when it is a suppressed count), ``protect`` (the level
    K of small-count protection, or None), ``population``, ``stub_count`` (label columns at the left),
    ``columns`` (:class:`Column`), ``rows`` (:class:`Row`).  Cells are typed:
    int for counts and sums, :class:`Share` for shares, float for medians,
    str for text and None for empty cells and for cells suppressed by
    protection (their text is ":"; see :meth:`suppressed`).  The C table is kept for
    :meth:`to_csv` / :meth:`to_text` until :meth:`close` (or garbage
    collection); the Python attributes stay usable after that."""

    _kind = "table"

    @classmethod
    def _build(cls, register, table_id, builder=None, protect=None):
        L = _lib.lib()
        k = 0 if protect is None else _protect_level(protect)
        self = cls.__new__(cls)
        p = _lib.TableP()
        _check_new(L.hjtj_table_new(ctypes.byref(p)), self._kind)
        self._set(p, L.hjtj_table_free)
        st = L.hjtj_table_set_protect(p, k)
        if st != Status.OK:
            pass
        elif builder is not None:  # a custom table or a profile
            st = builder(L, p, register._handle())
        else:
            st = L.hjtj_table_build(p, register._handle(), enc(table_id))
        if st != Status.OK:
            err = _error_from(L.hjtj_table_error(p), st)
            self.close()
            raise err
        self._read(L, p)
        return self

    def _read(self, L, t):
        self.id = s(L.hjtj_table_id(t))
        self.title = s(L.hjtj_table_title(t, LANG_NB))
        self.title_en = s(L.hjtj_table_title(t, LANG_EN))
        n = L.hjtj_table_n(t)
        self.n = None if n < 0 else n  # None: N is a suppressed count
        self.protect = L.hjtj_table_protect(t) or None
        self.population = s(L.hjtj_table_population(t))
        nr, nc = L.hjtj_table_rows(t), L.hjtj_table_cols(t)
        self.stub_count = L.hjtj_table_stub_count(t)
        self.columns = [Column(s(L.hjtj_table_col_code(t, j)) or "",
                               s(L.hjtj_table_col_label(t, j, LANG_NB)),
                               s(L.hjtj_table_col_label(t, j, LANG_EN)), j < self.stub_count)
                        for j in range(nc)]
        rows = []
        self._suppressed = []
        for i in range(nr):
            kinds = [_kind(L.hjtj_table_cell_kind(t, i, j)) for j in range(nc)]
            supp = [Suppression(L.hjtj_table_cell_suppressed(t, i, j)) for j in range(nc)]
            cells = [None if supp[j] else _cell(L, t, i, j, kinds[j]) for j in range(nc)]
            self._suppressed.append(supp)
            texts = [s(L.hjtj_table_cell_text(t, i, j)) or "" for j in range(nc)]
            rows.append(Row(s(L.hjtj_table_row_code(t, i)),
                            s(L.hjtj_table_row_label(t, i, LANG_NB)),
                            s(L.hjtj_table_row_label(t, i, LANG_EN)), cells, texts, kinds))
        self.rows = rows
        self._supp_counts = {"primary": L.hjtj_table_suppressed_count(t, Suppression.PRIMARY),
                             "secondary": L.hjtj_table_suppressed_count(t, Suppression.SECONDARY)}

    # -- access ------------------------------------------------------------
    @property
    def shape(self):
        """(rows, columns), label columns included."""
        return (len(self.rows), len(self.columns))

    def _col(self, col):
        if isinstance(col, str):
            for j, c in enumerate(self.columns):
                if c.code == col:
                    return j
            raise KeyError(col)
        return col

    def cell(self, row, col):
        """The typed cell at (row, col); col may be a column code."""
        return self.rows[row].cells[self._col(col)]

    def text(self, row, col):
        """The cell as printed in CSV."""
        return self.rows[row].texts[self._col(col)]

    def kind(self, row, col):
        """The :class:`CellKind` of a cell."""
        return self.rows[row].kinds[self._col(col)]

    def suppressed(self, row, col):
        """The :class:`Suppression` of a cell (NONE when published)."""
        return self._suppressed[row][self._col(col)]

    def suppressed_counts(self):
        """How many cells are suppressed: {"primary": n, "secondary": m}
        (both 0 without protection)."""
        return dict(self._supp_counts)

    def row(self, code):
        """The first row with this code ('totalt', 'kun-boligbase', ...)."""
        for r in self.rows:
            if r.code == code:
                return r
        raise KeyError(code)

    # -- output ------------------------------------------------------------
    @staticmethod
    def _format(L, fmt):
        f = L.hjtj_format_parse(enc(fmt)) if isinstance(fmt, str) else int(fmt)
        if f < 0:
            raise ValueError("unknown format %r (csv, text, json-stat, px, xlsx)" % (fmt,))
        return f

    def to_bytes(self, fmt="csv", lang="nb"):
        """The table as the library writes it in a format ('csv', 'text',
        'json-stat', 'px', 'xlsx') and language ('nb', 'en'), as bytes."""
        L = _lib.lib()
        f = self._format(L, fmt)
        out = ctypes.c_void_p()
        n = ctypes.c_size_t()
        h = self._handle()
        st = L.hjtj_table_to_string_lang(h, f, _lang(lang), ctypes.byref(out), ctypes.byref(n))
        if st != Status.OK:
            raise _error_from(L.hjtj_table_error(h), st)
        try:
            return ctypes.string_at(out.value, n.value)
        finally:
            L.hjtj_free(out)

    def to_string(self, fmt="csv", lang="nb"):
        """The table as text: 'csv', 'text', 'json-stat' or 'px' (XLSX is
        binary: use :meth:`to_bytes` or :meth:`write`)."""
        if fmt == "xlsx":
            raise ValueError("xlsx is binary: use to_bytes() or write()")
        return self.to_bytes(fmt, lang).decode("utf-8")

    def write(self, path, format=None, lang="nb"):
        """Write the table to a file: ``format`` is 'csv', 'text',
        'json-stat', 'px' or 'xlsx', by default taken from the extension
        (.csv .txt .json .px .xlsx); ``lang`` 'nb' or 'en' for titles,
        labels and notes.  Raises :class:`hjtj.Error` (status UNSUPPORTED
        for xlsx when the library was built without libxlsxwriter)."""
        L = _lib.lib()
        p = os.fspath(path)
        if format is None:
            f = L.hjtj_format_from_path(enc(p))
            if f < 0:
                raise ValueError("no format given and none known for %r" % (p,))
        else:
            f = self._format(L, format)
        h = self._handle()
        st = L.hjtj_table_write_path_lang(h, f, _lang(lang), enc(p))
        if st != Status.OK:
            raise _error_from(L.hjtj_table_error(h), st)
        return p

    def to_csv(self, path=None):
        """The CSV text (the report's header and row labels).  With a path,
        the text is also written to that file (UTF-8)."""
        text = self.to_string("csv")
        if path is not None:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
        return text

    def to_text(self):
        """Aligned text for a terminal."""
        return self.to_string("text")

    def figure(self, figure_id=None, path=None, lang="nb"):
        """The SVG of a report figure drawn from this table (``"3.3"`` for
        table 3.5), or with no figure_id a bar chart of the table."""
        from ._figure import table_svg
        return table_svg(self, figure_id, lang=lang, path=path)

    def to_pandas(self, exact=False):
        """A pandas DataFrame with the CSV's columns; numbers are numeric.

        Counts and sums are integers (nullable Int64), medians, means and
        decimal sums of custom tables floats, shares
        the printed (rounded) percentages as in the CSV -- or with
        ``exact=True`` the unrounded 100*num/den.  Empty cells are missing;
        label columns (and any column holding text) are strings.  The row
        codes are in ``df.attrs["row_codes"]``."""
        import pandas as pd
        cols = [c.code for c in self.columns]
        series = []
        for j, code in enumerate(cols):
            kinds = [r.kinds[j] for r in self.rows]
            numeric = [k for k in kinds if k not in (CellKind.EMPTY, CellKind.TEXT)]
            texty = CellKind.TEXT in kinds
            values = []
            for r in self.rows:
                k, c = r.kinds[j], r.cells[j]
                if k == CellKind.EMPTY or r.texts[j] == ":":  # ":" suppressed
                    values.append(None)
                elif k == CellKind.SHARE:
                    values.append(c.value if exact else c.rounded)
                else:
                    values.append(c)
            if not texty and (numeric or j >= self.stub_count):
                if numeric and all(k in (CellKind.COUNT, CellKind.SUM) for k in numeric):
                    dt = "Int64"
                else:
                    dt = "float64"
                    values = [math.nan if v is None else float(v) for v in values]
            else:
                dt = "object"
            series.append(pd.Series(values, dtype=dt, name=code))
        if series:
            df = pd.concat(series, axis=1)
            df.columns = cols  # duplicate codes kept, as in the CSV
        else:
            df = pd.DataFrame()
        df.attrs["id"] = self.id
        df.attrs["title"] = self.title
        df.attrs["n"] = self.n
        df.attrs["row_codes"] = [r.code for r in self.rows]
        return df

    def __repr__(self):
        return "<hjtj.Table %s %r: %d rows x %d columns, N=%s>" % (
            self.id, self.title, len(self.rows), len(self.columns),
            ":" if self.n is None else self.n)


# ---------------------------------------------------------------------------
# Custom tables (SPEC §9, hjtj_crosstab(3))

def dimensions():
    """The dimension names of custom tables ('kategori', 'fylke', ...)."""
    L = _lib.lib()
    out, i = [], 0
    while True:
        name = L.hjtj_crosstab_dimension_name(i)
        if name is None:
            return out
        out.append(s(name))
        i += 1


class Link(_Handle):
    """Linked variables: a CSV with a column ``orgnr`` and numeric columns
    (``,`` or ``;``; with ``;`` a decimal comma is allowed), joined to the
    records by orgnr.  ``source`` is a path, bytes or str data; ``encoding``
    ``"utf-8"`` (default), ``"windows-1252"`` (what Norwegian Excel saves) or
    ``"iso-8859-1"``.  Problem rows are left out and listed in
    :attr:`problems` (after :meth:`match`, also the rows whose orgnr is not
    in a register); read = used + problems."""

    _kind = "link"

    def __init__(self, source, name=None, encoding=None):
        from ._core import _load
        L = _lib.lib()
        p = _lib.LinkP()
        _check_new(L.hjtj_link_new(ctypes.byref(p)), self._kind)
        self._set(p, L.hjtj_link_free)
        if encoding is not None:
            v = L.hjtj_encoding_parse(encoding.encode("utf-8"))
            if v < 0:
                self.close()
                raise ValueError("unknown encoding %r; the encodings are utf-8, windows-1252 "
                                 "and iso-8859-1" % (encoding,))
            L.hjtj_link_set_encoding(p, v)
        st = _load(p, source, name, L.hjtj_link_load_file, L.hjtj_link_load_memory)
        if st != Status.OK:
            err = _error_from(L.hjtj_link_error(p), st)
            self.close()
            raise err

    @property
    def variables(self):
        L = _lib.lib()
        h = self._handle()
        return [s(L.hjtj_link_var_name(h, i)) for i in range(L.hjtj_link_var_count(h))]

    def match(self, register):
        """List the rows whose orgnr is not in the register.  Returns self."""
        L = _lib.lib()
        st = L.hjtj_link_match(self._handle(), register._handle())
        if st != Status.OK:
            raise _error_from(L.hjtj_link_error(self._handle()), st)
        return self

    @property
    def read_count(self):
        return _lib.lib().hjtj_link_read_count(self._handle())

    @property
    def used_count(self):
        return _lib.lib().hjtj_link_used_count(self._handle())

    @property
    def problems(self):
        """The problem rows as :class:`Diagnostic` (file, line, orgnr, reason)."""
        from ._core import _diag
        L = _lib.lib()
        h = self._handle()
        return [_diag(L.hjtj_link_problem(h, i)) for i in range(L.hjtj_link_problem_count(h))]

    def __repr__(self):
        return "<hjtj.Link %s: %d rows used>" % (self.variables, self.used_count)


def _where_items(where):
    if where is None:
        return []
    items = where.items() if isinstance(where, dict) else where
    out = []
    for field, codes in items:
        if isinstance(codes, (list, tuple, set, frozenset)):
            codes = ",".join(str(c) for c in codes)
        out.append((str(field), str(codes)))
    return out


def build_crosstab(register, rows, cols=None, where=None, measure="antall",
                   population="populasjon", link=None, protect=None):
    """The custom table as a :class:`Table` (see ``Register.crosstab``)."""
    L = _lib.lib()
    own_link = None
    if link is not None and not isinstance(link, Link):
        own_link = link = Link(link)
    if link is not None:
        link.match(register)
    ct = _lib.CrosstabP()
    _check_new(L.hjtj_crosstab_new(ctypes.byref(ct)), "crosstab")
    try:
        def call(fn, *args):
            st = fn(ct, *args)
            if st != Status.OK:
                raise _error_from(L.hjtj_crosstab_error(ct), st)
        call(L.hjtj_crosstab_set_rows, enc(rows))
        call(L.hjtj_crosstab_set_cols, enc(cols))
        for field, codes in _where_items(where):
            call(L.hjtj_crosstab_add_where, enc(field), enc(codes))
        call(L.hjtj_crosstab_set_population, enc(population))
        if link is not None:
            call(L.hjtj_crosstab_set_link, link._handle())
        call(L.hjtj_crosstab_set_measure, enc(measure))
        t = Table._build(register, None,
                         lambda L_, p, reg: L_.hjtj_table_build_crosstab(p, reg, ct),
                         protect)
        t.link_problems = link.problems if link is not None else []
        return t
    finally:
        L.hjtj_crosstab_free(ct)
        if own_link is not None:
            own_link.close()


def build_profile(register, kommunenr):
    """A municipality's profile as a :class:`Table`."""
    return Table._build(register, None,
                        lambda L, p, reg: L.hjtj_table_build_profile(p, reg, enc(kommunenr)))
