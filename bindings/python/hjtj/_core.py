"""Registers, records, municipality tables, schemes and errors."""

import collections
import ctypes
import enum
import os

from . import _lib
from ._lib import enc, s

# ---------------------------------------------------------------------------
# Enumerations of hjtj.h (values are stable and only ever appended)
# ---------------------------------------------------------------------------


class Status(enum.IntEnum):
    """hjtj_status."""
    OK = 0
    NOMEM = 1
    INVALID_ARG = 2
    IO = 3
    SYNTAX = 4
    ENCODING = 5
    DOCTYPE = 6
    SCHEMA = 7
    EMPTY = 8
    NOT_FOUND = 9
    ABORTED = 10
    LIMIT = 11
    STATE = 12
    KOMMUNER = 13
    RANGE = 14
    UNSUPPORTED = 16
    NO_COUNTS = 17


class Field(enum.IntEnum):
    """hjtj_field."""
    VIRKSOMHETSTYPE = 0
    MALGRUPPE = 1
    EIERSKAP = 2
    STATUS = 3
    MOTTAR_FRA = 4
    LEVERER_TIL = 5
    HOVEDVIRKSOMHETSTYPE = 6
    HT_SAMMENSETNING = 7
    KATEGORI = 8
    SAMLEMALGRUPPE = 9
    ANTALL_MALGRUPPER = 10
    KOMMUNESTORRELSE = 11
    BOTILBUD = 12
    AT_SAMMENSETNING = 13
    ADM_SAMMENSETNING = 14
    PERSONELLUTVEKSLING = 15
    STORRELSE = 16
    EDIT = 17
    ANDRE_KOMMUNER = 18   # custom-table dimensions (libhjtj 2:0:2)
    NAERINGSKODE = 19
    KOMMUNE = 20
    FYLKE = 21
    LANDET = 22


class Limit(enum.IntEnum):
    """hjtj_limit."""
    MAX_RECORDS = 0
    MAX_TEXT = 1
    MAX_RECORD = 2
    MAX_BOENHETER = 3
    MAX_COLUMNS = 4
    MAX_DEPTH = 5
    MAX_ATTRIBUTES = 6


LANG_NB = 0
LANG_EN = 1
STATUS_AKTIV = 0

# The columns of `hjtj-classify` (SPEC §7), in order.
CLASSIFY_COLUMNS = (
    "orgnr", "hovedvirksomhetstype", "ht_sammensetning", "kategori", "samlemalgruppe",
    "antall_malgrupper", "kommunestorrelse", "botilbud",
)
_CLASS_FIELDS = (
    ("hovedvirksomhetstype", Field.HOVEDVIRKSOMHETSTYPE),
    ("ht_sammensetning", Field.HT_SAMMENSETNING),
    ("kategori", Field.KATEGORI),
    ("samlemalgruppe", Field.SAMLEMALGRUPPE),
    ("antall_malgrupper", Field.ANTALL_MALGRUPPER),
    ("kommunestorrelse", Field.KOMMUNESTORRELSE),
    ("botilbud", Field.BOTILBUD),
)
_EXTRA_CLASS_FIELDS = (
    ("at_sammensetning", Field.AT_SAMMENSETNING),
    ("adm_sammensetning", Field.ADM_SAMMENSETNING),
    ("personellutveksling", Field.PERSONELLUTVEKSLING),
)


def _lang(lang):
    if lang in (LANG_EN, "en", "EN", "english"):
        return LANG_EN
    if lang in (LANG_NB, "nb", "NB", "no", "norsk"):
        return LANG_NB
    raise ValueError("lang must be 'nb' or 'en', not %r" % (lang,))


def _field(field):
    if isinstance(field, str):
        name = field.strip().upper().replace("-", "_")
        try:
            return Field[name]
        except KeyError:
            raise ValueError("unknown field %r" % (field,)) from None
    return Field(field)


_code_cache = {}


def _codes(field):
    """The codes of a field as a tuple indexed by value (cached)."""
    t = _code_cache.get(field)
    if t is None:
        L = _lib.lib()
        t = tuple(s(L.hjtj_code(field, i)) for i in range(L.hjtj_field_size(field)))
        _code_cache[field] = t
    return t


def _bits(mask, codes):
    return [c for i, c in enumerate(codes) if mask >> i & 1]


# ---------------------------------------------------------------------------
# Module-level functions
# ---------------------------------------------------------------------------


def version():
    """The run-time version of libhjtj ("0.1.0")."""
    return s(_lib.lib().hjtj_version())


def strerror(status):
    """The English description of a status code."""
    return s(_lib.lib().hjtj_strerror(int(status)))


def catalog(lang="nb"):
    """The tables the library builds, in report order: a list of (id, title)."""
    L = _lib.lib()
    lg = _lang(lang)
    return [(s(L.hjtj_catalog_id(i)), s(L.hjtj_catalog_title(i, lg)))
            for i in range(L.hjtj_catalog_count())]


def codes(field, lang="nb"):
    """The values of a code list or class field as a list of (code, label).

    ``field`` is a :class:`Field` or its name ("kategori", "malgruppe", ...)."""
    L = _lib.lib()
    f = _field(field)
    lg = _lang(lang)
    return [(s(L.hjtj_code(f, i)), s(L.hjtj_label(f, i, lg)))
            for i in range(L.hjtj_field_size(f))]


def label(field, code, lang="nb"):
    """The display label of a code of a field, or None if it is not a code."""
    L = _lib.lib()
    f = _field(field)
    v = L.hjtj_code_parse(f, enc(code))
    return None if v < 0 else s(L.hjtj_label(f, v, _lang(lang)))


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------


class Error(Exception):
    """A failed libhjtj call, with the detail kept on the object that failed.

    Attributes: ``status`` (a :class:`Status`, or an int for a status this
    binding does not know), ``message``, ``file`` (path or name of the input;
    "" if none), ``line`` and ``column`` (1-based; 0 when not known)."""

    def __init__(self, status, message="", file="", line=0, column=0):
        super().__init__(status, message, file, line, column)
        try:
            self.status = Status(status)
        except ValueError:
            self.status = int(status)
        self.message = message or ""
        self.file = file or ""
        self.line = int(line or 0)
        self.column = int(column or 0)

    @property
    def status_name(self):
        """The status as a lower-case name ("syntax", "not_found", ...)."""
        return self.status.name.lower() if isinstance(self.status, Status) else str(self.status)

    def __str__(self):
        where = ""
        if self.file:
            where = self.file
            if self.line:
                where += ":%d" % self.line
                if self.column:
                    where += ":%d" % self.column
            where += ": "
        if self.message:  # the message says it all; the status is .status
            return where + self.message
        try:
            return where + strerror(self.status)
        except _lib.LibraryNotFound:
            return where + self.status_name


def _error_from(err_ptr, status):
    L = _lib.lib()
    if not err_ptr:
        return Error(status, strerror(status))
    st = L.hjtj_error_status(err_ptr) or status
    return Error(st, s(L.hjtj_error_message(err_ptr)) or strerror(st),
                 s(L.hjtj_error_file(err_ptr)) or "", L.hjtj_error_line(err_ptr),
                 L.hjtj_error_column(err_ptr))


def _check_new(status, what):
    if status != Status.OK:
        if status == Status.NOMEM:
            raise MemoryError("libhjtj: out of memory creating a %s" % what)
        raise Error(status, "cannot create a %s" % what)


# ---------------------------------------------------------------------------
# Loading helpers (file, memory, file-like object)
# ---------------------------------------------------------------------------


def _looks_like_data(text):
    t = text.lstrip("\ufeff \t")
    return "\n" in text or "\r" in text or t.startswith("<")


def _load(obj, source, name, load_file, load_memory, load_callback=None):
    """Load `source` into the C object `obj` with the given functions.

    Returns the status; re-raises an exception raised by a file-like
    object's read() after the C call has returned."""
    cname = enc(name) if name is not None else None
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        return load_memory(obj, data, len(data), cname)
    if isinstance(source, os.PathLike):
        return load_file(obj, os.fsencode(source))
    if isinstance(source, str):
        if _looks_like_data(source):
            data = source.encode("utf-8")
            return load_memory(obj, data, len(data), cname)
        return load_file(obj, os.fsencode(source))
    if hasattr(source, "read"):
        if cname is None:
            nm = getattr(source, "name", None)
            cname = enc(nm) if isinstance(nm, (str, bytes)) else b"<stream>"
        if load_callback is None:
            data = source.read()
            if isinstance(data, str):
                data = data.encode("utf-8")
            return load_memory(obj, data, len(data), cname)
        return _load_stream(obj, source, cname, load_callback)
    raise TypeError("expected a path, bytes, str data or a file-like object, not %s"
                    % type(source).__name__)


def _load_stream(obj, fobj, cname, load_callback):
    pending = bytearray()
    failure = []

    def read(buf, n, _userdata):
        try:
            if not pending:
                chunk = fobj.read(n)
                if not chunk:
                    return 0
                if isinstance(chunk, str):
                    chunk = chunk.encode("utf-8")
                pending.extend(chunk)
            k = min(n, len(pending))
            ctypes.memmove(buf, bytes(pending[:k]), k)
            del pending[:k]
            return k
        except BaseException as e:  # never let an exception cross the C frames
            failure.append(e)
            return -1

    cb = _lib.READ_FN(read)
    st = load_callback(obj, cb, None, cname)
    if failure:
        raise failure[0]
    return st


# ---------------------------------------------------------------------------
# Handle base: owns one C object, freed once (close(), `with`, or GC)
# ---------------------------------------------------------------------------


class _Handle:
    _h = None
    _free = None
    _kind = "object"

    def _set(self, handle, free):
        self._h = handle
        self._free = free  # kept on the instance: usable during interpreter exit

    def _handle(self):
        if not self._h:
            raise ValueError("this %s is closed" % self._kind)
        return self._h

    @property
    def closed(self):
        return not self._h

    def close(self):
        """Release the C object now (idempotent)."""
        h, self._h = self._h, None
        if h and self._free is not None:
            self._free(h)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __del__(self):
        try:
            self.close()
        except Exception:  # pragma: no cover - interpreter shutdown
            pass


# ---------------------------------------------------------------------------
# Municipality table and scheme
# ---------------------------------------------------------------------------

Kommune = collections.namedtuple("Kommune", "nr navn innbyggere kommunestorrelse")


class Kommuner(_Handle):
    """A municipality table (``kommunenr;navn;innbyggere``).

    ``Kommuner()`` is the bundled table for 1.1.2025; ``Kommuner(source)``
    reads a path, bytes, str data or a file-like object."""

    _kind = "municipality table"

    def __init__(self, source=None, name=None):
        L = _lib.lib()
        p = _lib.KommunerP()
        _check_new(L.hjtj_kommuner_new(ctypes.byref(p)), self._kind)
        self._set(p, L.hjtj_kommuner_free)
        if source is None:
            st = L.hjtj_kommuner_load_default(p)
        else:
            st = _load(p, source, name, L.hjtj_kommuner_load_file,
                       L.hjtj_kommuner_load_memory)
        if st != Status.OK:
            err = _error_from(L.hjtj_kommuner_error(p), st)
            self.close()
            raise err

    def __len__(self):
        return _lib.lib().hjtj_kommuner_count(self._handle())

    def _get(self, i):
        L = _lib.lib()
        h = self._handle()
        ks = L.hjtj_kommuner_storrelse(h, i, None)
        return Kommune(s(L.hjtj_kommuner_nr(h, i)), s(L.hjtj_kommuner_navn(h, i)),
                       L.hjtj_kommuner_innbyggere(h, i),
                       _codes(Field.KOMMUNESTORRELSE)[ks] if ks >= 0 else None)

    def __getitem__(self, i):
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("municipality index out of range")
        return self._get(i)

    def __iter__(self):
        for i in range(len(self)):
            yield self._get(i)

    def find(self, kommunenr):
        """The municipality with this number, or None."""
        i = _lib.lib().hjtj_kommuner_find(self._handle(), enc(kommunenr))
        return None if i < 0 else self._get(i)

    def __repr__(self):
        return "<hjtj.Kommuner %s>" % ("closed" if self.closed else "%d municipalities" % len(self))


class Scheme(_Handle):
    """A classification scheme: ``Scheme()`` is the built-in 2024 scheme,
    ``Scheme(source)`` reads an XML scheme file (path, bytes or str data)."""

    _kind = "scheme"

    def __init__(self, source=None, name=None):
        L = _lib.lib()
        p = _lib.SchemeP()
        _check_new(L.hjtj_scheme_new(ctypes.byref(p)), self._kind)
        self._set(p, L.hjtj_scheme_free)
        if source is not None:
            st = _load(p, source, name, L.hjtj_scheme_load_file, L.hjtj_scheme_load_memory)
            if st != Status.OK:
                err = _error_from(L.hjtj_scheme_error(p), st)
                self.close()
                raise err

    @property
    def name(self):
        return s(_lib.lib().hjtj_scheme_name(self._handle()))

    @property
    def bands(self):
        """The size bands' lower bounds (Table 5.3)."""
        return _bands(self._handle())

    # The rule switches (SPEC 4.7), as the scheme file writes them.
    _ENETILTAK = ("med", "uten")
    _ADMINISTRASJON = ("2024", "2020")

    def _switch(self, getter, values):
        v = getter(self._handle())
        return values[v] if 0 <= v < len(values) else None

    def _set_switch(self, setter, values, what, value):
        value = str(value)
        if value not in values:
            raise ValueError("%s must be one of %s, not %r" % (what, values, value))
        st = setter(self._handle(), values.index(value))
        if st != Status.OK:
            raise Error(st, "cannot set %s" % what)

    @property
    def enetiltak(self):
        """``"med"`` (2024: enetiltak are home care) or ``"uten"`` (2020:
        an enetiltak is outside the population)."""
        return self._switch(_lib.lib().hjtj_scheme_enetiltak, self._ENETILTAK)

    @enetiltak.setter
    def enetiltak(self, value):
        self._set_switch(_lib.lib().hjtj_scheme_set_enetiltak, self._ENETILTAK, "enetiltak",
                         value)

    @property
    def administrasjon(self):
        """``"2024"`` or ``"2020"`` (an ADM type and no barnebolig-avlastning,
        sykehjem or dagaktivitet is administration whatever the HT types)."""
        return self._switch(_lib.lib().hjtj_scheme_administrasjon, self._ADMINISTRASJON)

    @administrasjon.setter
    def administrasjon(self, value):
        self._set_switch(_lib.lib().hjtj_scheme_set_administrasjon, self._ADMINISTRASJON,
                         "administrasjon", value)

    def __repr__(self):
        return "<hjtj.Scheme %s>" % ("closed" if self.closed else repr(self.name))


def _bands(scheme_ptr):
    L = _lib.lib()
    return [L.hjtj_scheme_band_lower(scheme_ptr, i)
            for i in range(L.hjtj_scheme_band_count(scheme_ptr))]


def _band_codes(lowers):
    out = []
    for i, lo in enumerate(lowers):
        out.append("%d-%d" % (lo, lowers[i + 1] - 1) if i + 1 < len(lowers) else "%d+" % lo)
    return out


# ---------------------------------------------------------------------------
# Register
# ---------------------------------------------------------------------------

Diagnostic = collections.namedtuple(
    "Diagnostic", "file line column orgnr reason message reason_value")
Diagnostic.__doc__ = ("A rejected record or a warning: file, line, column, orgnr (None if "
                      "none), reason (code such as 'unknown-code'), message, reason_value "
                      "(the hjtj_reason number).")


def _diag(d):
    L = _lib.lib()
    rv = L.hjtj_diag_reason(d)
    return Diagnostic(s(L.hjtj_diag_file(d)) or "", L.hjtj_diag_line(d), L.hjtj_diag_column(d),
                      s(L.hjtj_diag_orgnr(d)) or None, s(L.hjtj_reason_code(rv)),
                      s(L.hjtj_diag_message(d)) or "", rv)


class Register(_Handle):
    """Classified enterprise records loaded from one or more inputs.

    Iterating gives the records with status ``aktiv`` (those
    ``hjtj-classify`` prints) as dicts, in input order; ``len()`` counts
    them.  ``records(all_statuses=True)`` gives every loaded record."""

    _kind = "register"

    def __init__(self, kommuner=None, scheme=None, limits=None, encoding=None):
        L = _lib.lib()
        p = _lib.RegisterP()
        _check_new(L.hjtj_register_new(ctypes.byref(p)), self._kind)
        self._set(p, L.hjtj_register_free)
        self._band_codes = None
        try:
            if kommuner is not None:
                if isinstance(kommuner, Kommuner):
                    self._call(L.hjtj_register_set_kommuner, kommuner._handle())
                else:
                    with Kommuner(kommuner) as k:
                        self._call(L.hjtj_register_set_kommuner, k._handle())
            if scheme is not None:
                if isinstance(scheme, Scheme):
                    self._call(L.hjtj_register_set_scheme, scheme._handle())
                else:
                    with Scheme(scheme) as sc:
                        self._call(L.hjtj_register_set_scheme, sc._handle())
            for key, value in (limits or {}).items():
                lim = Limit[key.upper()] if isinstance(key, str) else Limit(key)
                self._call(L.hjtj_register_set_limit, int(lim), int(value))
            if encoding is not None:
                self.encoding = encoding
        except BaseException:
            self.close()
            raise

    def _call(self, fn, *args):
        h = self._handle()
        st = fn(h, *args)
        if st != Status.OK:
            raise _error_from(_lib.lib().hjtj_register_error(h), st)

    def load(self, source, name=None):
        """Append the records of an input (path, bytes, str data or a
        file-like object; XML or CSV, detected from the content).

        Bad records are rejected (see :attr:`rejects`); a bad file raises
        :class:`Error` and loads nothing.  Returns the register."""
        L = _lib.lib()
        h = self._handle()
        st = _load(h, source, name, L.hjtj_register_load_file, L.hjtj_register_load_memory,
                   L.hjtj_register_load_callback)
        if st != Status.OK:
            raise _error_from(L.hjtj_register_error(h), st)
        return self

    @property
    def encoding(self):
        """The encoding of CSV input: ``"utf-8"`` (default),
        ``"windows-1252"`` (what Norwegian Excel saves) or ``"iso-8859-1"``.
        Lines and columns in messages are those of the original file."""
        L = _lib.lib()
        return s(L.hjtj_encoding_name(L.hjtj_register_encoding(self._handle())))

    @encoding.setter
    def encoding(self, name):
        v = _lib.lib().hjtj_encoding_parse(enc(name))
        if v < 0:
            raise ValueError("unknown encoding %r; the encodings are utf-8, windows-1252 and "
                             "iso-8859-1" % (name,))
        self._call(_lib.lib().hjtj_register_set_encoding, v)

    # -- counts ------------------------------------------------------------
    @property
    def read_count(self):
        """Records read: ``read_count == count + reject_count``."""
        return _lib.lib().hjtj_register_read_count(self._handle())

    @property
    def count(self):
        """Records loaded (every status)."""
        return _lib.lib().hjtj_register_count(self._handle())

    @property
    def reject_count(self):
        return _lib.lib().hjtj_register_reject_count(self._handle())

    @property
    def warning_count(self):
        return _lib.lib().hjtj_register_warning_count(self._handle())

    @property
    def aargang(self):
        """The data year (2024 unless the XML says otherwise)."""
        return _lib.lib().hjtj_register_aargang(self._handle())

    @property
    def rejects(self):
        """The rejected records, in input order, as :class:`Diagnostic`."""
        L = _lib.lib()
        h = self._handle()
        return [_diag(L.hjtj_register_reject(h, i))
                for i in range(L.hjtj_register_reject_count(h))]

    @property
    def warnings(self):
        """Warnings (e.g. unknown CSV columns) as :class:`Diagnostic`."""
        L = _lib.lib()
        h = self._handle()
        return [_diag(L.hjtj_register_warning(h, i))
                for i in range(L.hjtj_register_warning_count(h))]

    @property
    def kommuner(self):
        """The municipality table in use, as a list of :class:`Kommune`."""
        L = _lib.lib()
        k = L.hjtj_register_kommuner(self._handle())
        sc = L.hjtj_register_scheme(self._handle())
        out = []
        for i in range(L.hjtj_kommuner_count(k)):
            ks = L.hjtj_kommuner_storrelse(k, i, sc)
            out.append(Kommune(s(L.hjtj_kommuner_nr(k, i)), s(L.hjtj_kommuner_navn(k, i)),
                               L.hjtj_kommuner_innbyggere(k, i),
                               _codes(Field.KOMMUNESTORRELSE)[ks] if ks >= 0 else None))
        return out

    # -- records -----------------------------------------------------------
    def _storrelse_codes(self):
        if self._band_codes is None:
            sc = _lib.lib().hjtj_register_scheme(self._handle())
            self._band_codes = _band_codes(_bands(sc))
        return self._band_codes

    def _record(self, r):
        L = _lib.lib()
        rec = {"orgnr": s(L.hjtj_record_orgnr(r))}
        for key, f in _CLASS_FIELDS:
            v = L.hjtj_record_class(r, f)
            rec[key] = _codes(f)[v] if 0 <= v < len(_codes(f)) else None
        rec["kommunenr"] = s(L.hjtj_record_kommunenr(r))
        v = L.hjtj_record_eierskap(r)
        rec["eierskap"] = _codes(Field.EIERSKAP)[v] if v >= 0 else None
        v = L.hjtj_record_status(r)
        rec["status"] = _codes(Field.STATUS)[v] if v >= 0 else None
        rec["navn"] = s(L.hjtj_record_navn(r)) or None
        rec["merknad"] = s(L.hjtj_record_merknad(r)) or None
        rec["naeringskode"] = s(L.hjtj_record_naeringskode(r)) or None
        rec["naeringskode_standard"] = (s(L.hjtj_record_naeringskode_standard(r)) or None
                                        if rec["naeringskode"] else None)
        rec["andre_kommuner"] = bool(L.hjtj_record_andre_kommuner(r))
        types = _codes(Field.VIRKSOMHETSTYPE)
        mg = _codes(Field.MALGRUPPE)
        rec["virksomhetstyper"] = _bits(L.hjtj_record_types(r), types)
        rec["virksomhetstyper_given"] = _bits(L.hjtj_record_types_given(r), types)
        rec["malgrupper"] = _bits(L.hjtj_record_malgrupper(r), mg)
        rec["malgrupper_given"] = _bits(L.hjtj_record_malgrupper_given(r), mg)
        rec["mottar_fra"] = _bits(L.hjtj_record_mottar_fra(r), _codes(Field.MOTTAR_FRA))
        rec["leverer_til"] = _bits(L.hjtj_record_leverer_til(r), _codes(Field.LEVERER_TIL))
        b = L.hjtj_record_boenheter(r)
        rec["boenheter"] = None if b < 0 else b
        rec["boenheter_counted"] = L.hjtj_record_boenheter_counted(r)
        for key, f in _EXTRA_CLASS_FIELDS:
            v = L.hjtj_record_class(r, f)
            rec[key] = _codes(f)[v] if 0 <= v < len(_codes(f)) else None
        v = L.hjtj_record_class(r, Field.STORRELSE)
        bc = self._storrelse_codes()
        rec["storrelse"] = bc[v] if 0 <= v < len(bc) else None
        rec["in_population"] = bool(L.hjtj_record_in_population(r))
        rec["edits"] = _bits(L.hjtj_record_edits(r), _codes(Field.EDIT))
        rec["file"] = s(L.hjtj_record_file(r))
        rec["line"] = L.hjtj_record_line(r)
        return rec

    def records(self, all_statuses=False):
        """Iterate over the loaded records as dicts (see the module doc).

        By default only records with status ``aktiv`` (as ``hjtj-classify``);
        with ``all_statuses=True`` every loaded record."""
        L = _lib.lib()
        i = 0
        while True:
            h = self._handle()
            if i >= L.hjtj_register_count(h):
                return
            r = L.hjtj_register_record(h, i)
            i += 1
            if not r:
                continue
            if all_statuses or L.hjtj_record_status(r) == STATUS_AKTIV:
                yield self._record(r)

    def __iter__(self):
        return self.records()

    def __len__(self):
        L = _lib.lib()
        h = self._handle()
        n = 0
        for i in range(L.hjtj_register_count(h)):
            r = L.hjtj_register_record(h, i)
            if r and L.hjtj_record_status(r) == STATUS_AKTIV:
                n += 1
        return n

    def find(self, orgnr):
        """The loaded record with this orgnr (any status) as a dict, or None."""
        r = _lib.lib().hjtj_register_find(self._handle(), enc(orgnr))
        return self._record(r) if r else None

    # -- tables ------------------------------------------------------------
    def table(self, table_id, protect=None):
        """Build a table of the report (``"3.5"``, ``"4.6"``, ``"C1"``).

        ``protect=K`` (an int >= 1) suppresses every count of 1..K
        enterprises, what is computed from it, and enough other cells that
        none can be worked out from the sums (hjtj_protect(3)); suppressed
        cells are None, their text ":".  A table that counts no enterprises
        (1.9, 1.10, 3.19, 3.20) raises :class:`Error` (status NO_COUNTS)."""
        from ._table import Table
        return Table._build(self, table_id, None, protect)

    def crosstab(self, rows, cols=None, where=None, measure="antall", population="populasjon",
                 link=None, protect=None):
        """A custom table (SPEC §9) as a :class:`Table` with ``to_pandas()``.

        ``rows`` / ``cols``: dimension names (``hjtj.dimensions()``);
        ``where``: a dict (or pairs) field -> code or list of codes (AND
        across fields, OR within); ``measure``: ``antall``, ``andel-rad``,
        ``andel-kolonne``, ``andel-total``, ``sum:VAR``, ``gjennomsnitt:VAR``
        or ``median:VAR`` (VAR ``boenheter`` or a linked column);
        ``population``: ``populasjon``, ``aktiv`` or ``alle``; ``link``: a
        :class:`Link`, or a path / CSV data to load as one.  The link's
        problem rows are in the table's ``link_problems``.  ``protect=K``:
        small-count protection as in :meth:`table`.  An unknown name
        raises :class:`Error` (status NOT_FOUND) listing the valid ones."""
        from ._table import build_crosstab
        return build_crosstab(self, rows, cols, where, measure, population, link, protect)

    def profile(self, kommunenr):
        """A municipality's profile beside its size class and the country."""
        from ._table import build_profile
        return build_profile(self, kommunenr)

    def tables(self):
        """Every table of the catalogue, as a dict id -> :class:`Table`."""
        return {tid: self.table(tid) for tid, _ in catalog()}

    def figure(self, figure_id, path=None, lang="nb"):
        """A figure of the report ("3.3", "3.4", "4.1", "4.2", "5.1") as an
        SVG string, drawn from the table holding its data; any other id is a
        table, drawn as a bar chart.  With a path, also written there."""
        from ._figure import register_figure
        return register_figure(self, figure_id, path=path, lang=lang)

    def report_html(self, path=None, ids=None, lang="nb", charts=False):
        """One self-contained HTML page (string; also written to path) with
        the tables ``ids`` (default: all), the report's figures beside their
        tables, a table of contents, population sentences and notes.
        ``charts=True`` adds a bar chart to every table without a figure."""
        from ._figure import register_html
        return register_html(self, path=path, ids=ids, lang=lang, charts=charts)
    def checks(self, only=None, lang="nb"):
        """The data-quality checks of the editing round (SPEC 12) that the
        records trip, in input order: a :class:`Checks` list of dicts with
        the keys of ``hjtj-check``'s CSV (``fil``, ``linje``, ``orgnr``,
        ``kontroll``, ``melding``) and ``record_index``.  ``only`` limits
        them to some checks (codes, a list or comma-separated)."""
        from ._checks import Checks
        return Checks._run(self, only, lang)

    def to_pandas(self, all_statuses=False):
        """The records as a pandas DataFrame (code lists space-separated).

        Every class column (hovedvirksomhetstype ... botilbud, the
        at/adm-sammensetning, personellutveksling, storrelse) and eierskap
        and status are ordered ``Categorical`` with the categories in
        code-list order (``hjtj_code(field, 0..n-1)``), so sorting and
        ``groupby`` follow the report's order and empty classes still show;
        a class that does not apply is missing.  ``line``, ``boenheter``
        (missing when not given) and ``boenheter_counted`` are nullable
        ``Int64``."""
        import pandas as pd
        rows = []
        for rec in self.records(all_statuses=all_statuses):
            rows.append({k: (" ".join(v) if isinstance(v, list) else v)
                         for k, v in rec.items()})
        df = pd.DataFrame(rows) if rows else pd.DataFrame(columns=list(CLASSIFY_COLUMNS))
        cats = [(key, _codes(f)) for key, f in _CLASS_FIELDS + _EXTRA_CLASS_FIELDS]
        cats += [("eierskap", _codes(Field.EIERSKAP)), ("status", _codes(Field.STATUS)),
                 ("storrelse", self._storrelse_codes())]
        for key, codes_ in cats:
            if key in df.columns or not rows:
                df[key] = pd.Categorical(df[key] if key in df.columns else [],
                                         categories=list(codes_), ordered=True)
        for key in ("line", "boenheter", "boenheter_counted"):
            if key in df.columns:
                df[key] = pd.array(list(df[key]) if rows else [], dtype="Int64")
        return df

    def __repr__(self):
        if self.closed:
            return "<hjtj.Register closed>"
        return "<hjtj.Register read=%d loaded=%d rejected=%d>" % (
            self.read_count, self.count, self.reject_count)


def load(source, kommuner=None, name=None, scheme=None, limits=None, encoding=None):
    """Load a register and classify its records.

    ``source`` is a path (str or os.PathLike), the data itself (bytes, or a
    str holding a line break or starting with ``<``), or a file-like object.
    ``kommuner`` is a municipality table (a path, data, or :class:`Kommuner`)
    replacing the bundled one; ``name`` labels in-memory data in diagnostics;
    ``scheme`` a classification scheme (path, data or :class:`Scheme`);
    ``encoding`` that of CSV input (``"utf-8"``, ``"windows-1252"``,
    ``"iso-8859-1"``).  Raises :class:`Error` when the input cannot be read
    as a whole."""
    reg = Register(kommuner=kommuner, scheme=scheme, limits=limits, encoding=encoding)
    try:
        reg.load(source, name=name)
    except BaseException:
        reg.close()
        raise
    return reg


def loads(data, kommuner=None, name=None, scheme=None, limits=None, encoding=None):
    """Load a register from data (str or bytes), never from a path."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return load(bytes(data), kommuner=kommuner, name=name, scheme=scheme, limits=limits,
                encoding=encoding)
