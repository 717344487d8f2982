"""The report's figures as SVG, bar charts of tables, and HTML pages."""

import ctypes

from . import _lib
from ._core import Status, _check_new, _error_from, _lang
from ._lib import enc, s


def figures(lang="nb"):
    """The report's figures the library draws: a list of (id, title, table id)."""
    L = _lib.lib()
    lg = _lang(lang)
    return [(s(L.hjtj_figure_id(i)), s(L.hjtj_figure_title(i, lg)), s(L.hjtj_figure_table(i)))
            for i in range(L.hjtj_figure_count())]


def _taken(L, out, n):
    try:
        return ctypes.string_at(out.value, n.value).decode("utf-8")
    finally:
        L.hjtj_free(out)


def _write(text, path):
    if path is not None:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    return text


def table_svg(table, figure_id=None, lang="nb", path=None):
    """The SVG of a built :class:`Table`: a report figure drawn from it, or
    (figure_id None) a bar chart of the table."""
    L = _lib.lib()
    out, n = ctypes.c_void_p(), ctypes.c_size_t()
    h = table._handle()
    st = L.hjtj_figure_to_string(h, enc(figure_id), _lang(lang), ctypes.byref(out),
                                 ctypes.byref(n))
    if st != Status.OK:
        raise _error_from(L.hjtj_table_error(h), st)
    return _write(_taken(L, out, n), path)


def register_figure(register, figure_id, path=None, lang="nb"):
    """A report figure ("3.3", "3.4", "4.1", "4.2", "5.1") of the register,
    or for any other id a bar chart of that table, as an SVG string."""
    table_id, fig = figure_id, None
    for fid, _title, tid in figures():
        if fid == figure_id:
            table_id, fig = tid, fid
    with register.table(table_id) as t:
        return table_svg(t, fig, lang=lang, path=path)


def register_html(register, path=None, ids=None, lang="nb", charts=False):
    """One self-contained HTML page with the tables `ids` (default: every
    table of the catalogue) and the report's figures beside them."""
    from ._core import catalog
    L = _lib.lib()
    p = _lib.HtmlP()
    _check_new(L.hjtj_html_new(ctypes.byref(p), _lang(lang)), "html page")
    try:
        for tid in (ids if ids is not None else [i for i, _ in catalog()]):
            with register.table(tid) as t:
                st = L.hjtj_html_add_table(p, t._handle(), 1 if charts else 0)
                if st != Status.OK:
                    raise _error_from(L.hjtj_html_error(p), st)
        out, n = ctypes.c_void_p(), ctypes.c_size_t()
        st = L.hjtj_html_to_string(p, ctypes.byref(out), ctypes.byref(n))
        if st != Status.OK:
            raise _error_from(L.hjtj_html_error(p), st)
        return _write(_taken(L, out, n), path)
    finally:
        L.hjtj_html_free(p)
