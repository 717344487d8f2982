"""Loading libhjtj with ctypes and declaring the C prototypes.

The library is looked up, in this order:

1. ``$HJTJ_LIBRARY`` -- the full path of the shared library;
2. the directory ``make install`` put the library in, when the module was
   installed by it (``_config.LIBDIR``);
3. ``pkg-config --variable=libdir hjemmetjeneste`` -- ``libhjtj.so.0`` (or
   ``libhjtj.so``) in that directory;
4. :func:`ctypes.util.find_library` ``("hjtj")``, then the soname
   ``libhjtj.so.0`` through the dynamic loader's usual search.

Every function the binding calls has its ``argtypes`` and ``restype``
declared here, with the integer widths of ``hjtj.h`` (``size_t``,
``int32_t``, ``uint32_t``, ``int64_t``, ``uint64_t``; enums are ``int``).
Nothing is loaded until the first call that needs the library.
"""

import ctypes
import ctypes.util
import os
import subprocess
import sys
import threading

from ctypes import (
    CFUNCTYPE, POINTER, Structure, c_char, c_char_p, c_double, c_int, c_int32, c_int64,
    c_size_t, c_uint32, c_uint64, c_void_p,
)

# The C API this binding was written against ("MAJOR.MINOR").
API_MAJOR = 0
API_MINOR = 1


class LibraryNotFound(ImportError):
    """libhjtj could not be found or loaded."""


# Opaque C types: distinct pointer types so that a handle of one kind can
# never be passed where another is expected.
class _Register(Structure):
    pass


class _Record(Structure):
    pass


class _Diag(Structure):
    pass


class _Error(Structure):
    pass


class _Kommuner(Structure):
    pass


class _Scheme(Structure):
    pass


class _Table(Structure):
    pass


class _Html(Structure):
    pass


class _Crosstab(Structure):
    pass


class _Link(Structure):
    pass


class _Checks(Structure):
    pass


RegisterP = POINTER(_Register)
RecordP = POINTER(_Record)
DiagP = POINTER(_Diag)
ErrorP = POINTER(_Error)
KommunerP = POINTER(_Kommuner)
SchemeP = POINTER(_Scheme)
TableP = POINTER(_Table)
HtmlP = POINTER(_Html)
ChecksP = POINTER(_Checks)
CrosstabP = POINTER(_Crosstab)
LinkP = POINTER(_Link)

status_t = c_int  # hjtj_status
enum_t = c_int    # hjtj_field, hjtj_lang, hjtj_cell_kind, hjtj_reason, hjtj_format, hjtj_limit

# int64_t (*hjtj_read_fn)(char *buf, size_t len, void *userdata)
READ_FN = CFUNCTYPE(c_int64, POINTER(c_char), c_size_t, c_void_p)

# name: (restype, [argtypes])
_PROTOTYPES = {
    "hjtj_version": (c_char_p, []),
    "hjtj_strerror": (c_char_p, [status_t]),
    # errors
    "hjtj_error_status": (status_t, [ErrorP]),
    "hjtj_error_message": (c_char_p, [ErrorP]),
    "hjtj_error_file": (c_char_p, [ErrorP]),
    "hjtj_error_line": (c_uint64, [ErrorP]),
    "hjtj_error_column": (c_uint64, [ErrorP]),
    "hjtj_free": (None, [c_void_p]),
    # codes
    "hjtj_field_size": (c_int32, [enum_t]),
    "hjtj_field_name": (c_char_p, [enum_t]),
    "hjtj_code": (c_char_p, [enum_t, c_int32]),
    "hjtj_label": (c_char_p, [enum_t, c_int32, enum_t]),
    "hjtj_code_parse": (c_int32, [enum_t, c_char_p]),
    # scheme
    "hjtj_scheme_new": (status_t, [POINTER(SchemeP)]),
    "hjtj_scheme_free": (None, [SchemeP]),
    "hjtj_scheme_load_file": (status_t, [SchemeP, c_char_p]),
    "hjtj_scheme_load_memory": (status_t, [SchemeP, c_char_p, c_size_t, c_char_p]),
    "hjtj_scheme_error": (ErrorP, [SchemeP]),
    "hjtj_scheme_name": (c_char_p, [SchemeP]),
    "hjtj_scheme_band_count": (c_int32, [SchemeP]),
    "hjtj_scheme_band_lower": (c_int64, [SchemeP, c_int32]),
    "hjtj_scheme_enetiltak": (c_int32, [SchemeP]),
    "hjtj_scheme_administrasjon": (c_int32, [SchemeP]),
    "hjtj_scheme_set_enetiltak": (status_t, [SchemeP, c_int32]),
    "hjtj_scheme_set_administrasjon": (status_t, [SchemeP, c_int32]),
    # checks (SPEC 12)
    "hjtj_check_kinds": (c_int32, []),
    "hjtj_check_code": (c_char_p, [enum_t]),
    "hjtj_check_description": (c_char_p, [enum_t, enum_t]),
    "hjtj_check_parse": (c_int32, [c_char_p]),
    "hjtj_checks_new": (status_t, [POINTER(ChecksP)]),
    "hjtj_checks_free": (None, [ChecksP]),
    "hjtj_checks_run": (status_t, [ChecksP, RegisterP]),
    "hjtj_checks_error": (ErrorP, [ChecksP]),
    "hjtj_checks_count": (c_size_t, [ChecksP]),
    "hjtj_checks_total": (c_size_t, [ChecksP, enum_t]),
    "hjtj_checks_check": (c_int32, [ChecksP, c_size_t]),
    "hjtj_checks_record_index": (c_size_t, [ChecksP, c_size_t]),
    "hjtj_checks_file": (c_char_p, [ChecksP, c_size_t]),
    "hjtj_checks_line": (c_uint64, [ChecksP, c_size_t]),
    "hjtj_checks_orgnr": (c_char_p, [ChecksP, c_size_t]),
    "hjtj_checks_message": (c_char_p, [ChecksP, c_size_t, enum_t]),
    # kommuner
    "hjtj_kommuner_new": (status_t, [POINTER(KommunerP)]),
    "hjtj_kommuner_free": (None, [KommunerP]),
    "hjtj_kommuner_load_default": (status_t, [KommunerP]),
    "hjtj_kommuner_load_file": (status_t, [KommunerP, c_char_p]),
    "hjtj_kommuner_load_memory": (status_t, [KommunerP, c_char_p, c_size_t, c_char_p]),
    "hjtj_kommuner_error": (ErrorP, [KommunerP]),
    "hjtj_kommuner_count": (c_size_t, [KommunerP]),
    "hjtj_kommuner_nr": (c_char_p, [KommunerP, c_size_t]),
    "hjtj_kommuner_navn": (c_char_p, [KommunerP, c_size_t]),
    "hjtj_kommuner_innbyggere": (c_int64, [KommunerP, c_size_t]),
    "hjtj_kommuner_find": (c_int64, [KommunerP, c_char_p]),
    "hjtj_kommuner_storrelse": (c_int32, [KommunerP, c_size_t, SchemeP]),
    # register
    "hjtj_register_new": (status_t, [POINTER(RegisterP)]),
    "hjtj_register_free": (None, [RegisterP]),
    "hjtj_register_set_kommuner": (status_t, [RegisterP, KommunerP]),
    "hjtj_register_set_scheme": (status_t, [RegisterP, SchemeP]),
    "hjtj_register_set_limit": (status_t, [RegisterP, enum_t, c_uint64]),
    "hjtj_register_set_encoding": (status_t, [RegisterP, enum_t]),
    "hjtj_register_encoding": (enum_t, [RegisterP]),
    "hjtj_encoding_parse": (c_int32, [c_char_p]),
    "hjtj_encoding_name": (c_char_p, [enum_t]),
    "hjtj_register_limit": (c_uint64, [RegisterP, enum_t]),
    "hjtj_register_load_file": (status_t, [RegisterP, c_char_p]),
    "hjtj_register_load_memory": (status_t, [RegisterP, c_char_p, c_size_t, c_char_p]),
    "hjtj_register_load_callback": (status_t, [RegisterP, READ_FN, c_void_p, c_char_p]),
    "hjtj_register_error": (ErrorP, [RegisterP]),
    "hjtj_register_read_count": (c_size_t, [RegisterP]),
    "hjtj_register_count": (c_size_t, [RegisterP]),
    "hjtj_register_reject_count": (c_size_t, [RegisterP]),
    "hjtj_register_warning_count": (c_size_t, [RegisterP]),
    "hjtj_register_record": (RecordP, [RegisterP, c_size_t]),
    "hjtj_register_find": (RecordP, [RegisterP, c_char_p]),
    "hjtj_register_reject": (DiagP, [RegisterP, c_size_t]),
    "hjtj_register_warning": (DiagP, [RegisterP, c_size_t]),
    "hjtj_register_kommuner": (KommunerP, [RegisterP]),
    "hjtj_register_scheme": (SchemeP, [RegisterP]),
    "hjtj_register_aargang": (c_int32, [RegisterP]),
    # diagnostics
    "hjtj_reason_code": (c_char_p, [enum_t]),
    "hjtj_diag_reason": (enum_t, [DiagP]),
    "hjtj_diag_message": (c_char_p, [DiagP]),
    "hjtj_diag_file": (c_char_p, [DiagP]),
    "hjtj_diag_line": (c_uint64, [DiagP]),
    "hjtj_diag_column": (c_uint64, [DiagP]),
    "hjtj_diag_orgnr": (c_char_p, [DiagP]),
    # records
    "hjtj_record_orgnr": (c_char_p, [RecordP]),
    "hjtj_record_kommunenr": (c_char_p, [RecordP]),
    "hjtj_record_navn": (c_char_p, [RecordP]),
    "hjtj_record_merknad": (c_char_p, [RecordP]),
    "hjtj_record_naeringskode": (c_char_p, [RecordP]),
    "hjtj_record_naeringskode_standard": (c_char_p, [RecordP]),
    "hjtj_record_line": (c_uint64, [RecordP]),
    "hjtj_record_file": (c_char_p, [RecordP]),
    "hjtj_record_eierskap": (c_int32, [RecordP]),
    "hjtj_record_status": (c_int32, [RecordP]),
    "hjtj_record_andre_kommuner": (c_int32, [RecordP]),
    "hjtj_record_types": (c_uint32, [RecordP]),
    "hjtj_record_types_given": (c_uint32, [RecordP]),
    "hjtj_record_malgrupper": (c_uint32, [RecordP]),
    "hjtj_record_malgrupper_given": (c_uint32, [RecordP]),
    "hjtj_record_mottar_fra": (c_uint32, [RecordP]),
    "hjtj_record_leverer_til": (c_uint32, [RecordP]),
    "hjtj_record_boenheter": (c_int64, [RecordP]),
    "hjtj_record_boenheter_counted": (c_int64, [RecordP]),
    "hjtj_record_edits": (c_uint32, [RecordP]),
    "hjtj_record_class": (c_int32, [RecordP, enum_t]),
    "hjtj_record_in_population": (c_int32, [RecordP]),
    # tables
    "hjtj_catalog_count": (c_size_t, []),
    "hjtj_catalog_id": (c_char_p, [c_size_t]),
    "hjtj_catalog_title": (c_char_p, [c_size_t, enum_t]),
    "hjtj_format_parse": (c_int32, [c_char_p]),
    "hjtj_table_new": (status_t, [POINTER(TableP)]),
    "hjtj_table_free": (None, [TableP]),
    "hjtj_table_build": (status_t, [TableP, RegisterP, c_char_p]),
    "hjtj_table_error": (ErrorP, [TableP]),
    "hjtj_table_id": (c_char_p, [TableP]),
    "hjtj_table_title": (c_char_p, [TableP, enum_t]),
    "hjtj_table_n": (c_int64, [TableP]),
    "hjtj_table_population": (c_char_p, [TableP]),
    "hjtj_table_rows": (c_size_t, [TableP]),
    "hjtj_table_cols": (c_size_t, [TableP]),
    "hjtj_table_stub_count": (c_size_t, [TableP]),
    "hjtj_table_row_code": (c_char_p, [TableP, c_size_t]),
    "hjtj_table_row_label": (c_char_p, [TableP, c_size_t, enum_t]),
    "hjtj_table_col_code": (c_char_p, [TableP, c_size_t]),
    "hjtj_table_col_label": (c_char_p, [TableP, c_size_t, enum_t]),
    "hjtj_table_cell_kind": (enum_t, [TableP, c_size_t, c_size_t]),
    "hjtj_table_cell_int": (c_int64, [TableP, c_size_t, c_size_t]),
    "hjtj_table_cell_den": (c_int64, [TableP, c_size_t, c_size_t]),
    "hjtj_table_cell_value": (c_double, [TableP, c_size_t, c_size_t]),
    "hjtj_table_cell_text": (c_char_p, [TableP, c_size_t, c_size_t]),
    "hjtj_table_write_path": (status_t, [TableP, enum_t, c_char_p]),
    "hjtj_table_to_string": (status_t, [TableP, enum_t, POINTER(c_void_p), POINTER(c_size_t)]),
    "hjtj_table_set_protect": (status_t, [TableP, c_int64]),
    "hjtj_table_protect": (c_int64, [TableP]),
    "hjtj_table_cell_suppressed": (enum_t, [TableP, c_size_t, c_size_t]),
    "hjtj_table_suppressed_count": (c_size_t, [TableP, enum_t]),
    "hjtj_format_from_path": (c_int32, [c_char_p]),
    "hjtj_table_write_path_lang": (status_t, [TableP, enum_t, enum_t, c_char_p]),
    "hjtj_table_to_string_lang": (status_t, [TableP, enum_t, enum_t, POINTER(c_void_p),
                                             POINTER(c_size_t)]),
    # figures and pages
    "hjtj_figure_count": (c_size_t, []),
    "hjtj_figure_id": (c_char_p, [c_size_t]),
    "hjtj_figure_title": (c_char_p, [c_size_t, enum_t]),
    "hjtj_figure_table": (c_char_p, [c_size_t]),
    "hjtj_figure_to_string": (status_t, [TableP, c_char_p, enum_t, POINTER(c_void_p),
                                         POINTER(c_size_t)]),
    "hjtj_html_new": (status_t, [POINTER(HtmlP), enum_t]),
    "hjtj_html_free": (None, [HtmlP]),
    "hjtj_html_add_table": (status_t, [HtmlP, TableP, c_int32]),
    "hjtj_html_table_count": (c_size_t, [HtmlP]),
    "hjtj_html_to_string": (status_t, [HtmlP, POINTER(c_void_p), POINTER(c_size_t)]),
    "hjtj_html_error": (ErrorP, [HtmlP]),
    # custom tables and linked variables (libhjtj 2:0:2)
    "hjtj_crosstab_new": (status_t, [POINTER(CrosstabP)]),
    "hjtj_crosstab_free": (None, [CrosstabP]),
    "hjtj_crosstab_error": (ErrorP, [CrosstabP]),
    "hjtj_crosstab_set_rows": (status_t, [CrosstabP, c_char_p]),
    "hjtj_crosstab_set_cols": (status_t, [CrosstabP, c_char_p]),
    "hjtj_crosstab_dimension_name": (c_char_p, [c_size_t]),
    "hjtj_crosstab_add_where": (status_t, [CrosstabP, c_char_p, c_char_p]),
    "hjtj_crosstab_set_population": (status_t, [CrosstabP, c_char_p]),
    "hjtj_crosstab_set_measure": (status_t, [CrosstabP, c_char_p]),
    "hjtj_crosstab_set_link": (status_t, [CrosstabP, LinkP]),
    "hjtj_table_build_crosstab": (status_t, [TableP, RegisterP, CrosstabP]),
    "hjtj_table_build_profile": (status_t, [TableP, RegisterP, c_char_p]),
    "hjtj_link_new": (status_t, [POINTER(LinkP)]),
    "hjtj_link_free": (None, [LinkP]),
    "hjtj_link_load_file": (status_t, [LinkP, c_char_p]),
    "hjtj_link_set_encoding": (status_t, [LinkP, enum_t]),
    "hjtj_link_encoding": (enum_t, [LinkP]),
    "hjtj_link_load_memory": (status_t, [LinkP, c_char_p, c_size_t, c_char_p]),
    "hjtj_link_error": (ErrorP, [LinkP]),
    "hjtj_link_var_count": (c_size_t, [LinkP]),
    "hjtj_link_var_name": (c_char_p, [LinkP, c_size_t]),
    "hjtj_link_match": (status_t, [LinkP, RegisterP]),
    "hjtj_link_read_count": (c_size_t, [LinkP]),
    "hjtj_link_used_count": (c_size_t, [LinkP]),
    "hjtj_link_problem_count": (c_size_t, [LinkP]),
    "hjtj_link_problem": (DiagP, [LinkP, c_size_t]),
}

_lock = threading.Lock()
_lib = None
_path = None


def _candidates():
    """Library names or paths to try, in order, and the reason for each."""
    env = os.environ.get("HJTJ_LIBRARY")
    if env:
        # An explicit choice: nothing else is tried.
        return [(env, "HJTJ_LIBRARY")]
    out = []
    try:
        from . import _config  # written by make install
        libdir = _config.LIBDIR
    except ImportError:
        libdir = None
    if libdir:
        for name in ("libhjtj.so.0", "libhjtj.0.dylib"):
            p = os.path.join(libdir, name)
            if os.path.exists(p):
                out.append((p, "make install"))
                break
    try:
        res = subprocess.run(
            ["pkg-config", "--variable=libdir", "hjemmetjeneste"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=30, check=False)
        libdir = res.stdout.decode("utf-8", "replace").strip()
        if res.returncode == 0 and libdir:
            for name in ("libhjtj.so.0", "libhjtj.so", "libhjtj.0.dylib", "libhjtj.dylib"):
                p = os.path.join(libdir, name)
                if os.path.exists(p):
                    out.append((p, "pkg-config"))
                    break
    except (OSError, subprocess.SubprocessError):
        pass
    found = ctypes.util.find_library("hjtj")
    if found:
        out.append((found, "ctypes.util.find_library"))
    if sys.platform == "darwin":
        out.append(("libhjtj.0.dylib", "default name"))
    else:
        out.append(("libhjtj.so.0", "default name"))
    return out


def _declare(lib):
    for name, (restype, argtypes) in _PROTOTYPES.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes


def lib():
    """The loaded library (loaded and declared at the first call)."""
    global _lib, _path
    if _lib is not None:
        return _lib
    with _lock:
        if _lib is not None:
            return _lib
        tried = []
        for cand, why in _candidates():
            try:
                handle = ctypes.CDLL(cand)
            except OSError as e:
                tried.append("%s (%s): %s" % (cand, why, e))
                continue
            try:
                _declare(handle)
            except AttributeError as e:
                tried.append("%s (%s): not libhjtj or too old: %s" % (cand, why, e))
                continue
            ver = handle.hjtj_version().decode("ascii", "replace")
            parts = ver.split(".")
            try:
                major, minor = int(parts[0]), int(parts[1])
            except (IndexError, ValueError):
                major, minor = -1, -1
            if major != API_MAJOR or minor < API_MINOR:
                tried.append("%s (%s): version %s, this binding needs %d.%d or later 0.x"
                             % (cand, why, ver, API_MAJOR, API_MINOR))
                continue
            _lib, _path = handle, cand
            return _lib
        raise LibraryNotFound(
            "libhjtj not found; set HJTJ_LIBRARY to the full path of libhjtj.so, "
            "or make `pkg-config --variable=libdir hjemmetjeneste` work. Tried:\n  "
            + "\n  ".join(tried))


def library_path():
    """The path or name libhjtj was loaded from."""
    lib()
    return _path


def s(b):
    """A C string (bytes or None) as str or None."""
    return None if b is None else b.decode("utf-8", "replace")


def enc(x):
    """A str / bytes / os.PathLike argument as bytes for a const char *."""
    if x is None:
        return None
    if isinstance(x, bytes):
        return x
    if isinstance(x, os.PathLike):
        return os.fsencode(x)
    return str(x).encode("utf-8")


def fsenc(path):
    """A path argument (str, bytes or os.PathLike) in the file system encoding."""
    return os.fsencode(path)
