"""The data-quality checks of the editing round (SPEC 12)."""

import ctypes

from . import _lib
from ._core import Status, _check_new, _error_from, _lang
from ._lib import enc, s

#: The columns of ``hjtj-check``'s CSV, in order.
CHECK_COLUMNS = ("fil", "linje", "orgnr", "kontroll", "melding")


def check_codes():
    """The codes of the checks, in their order (``"en-boenhet"``, ...)."""
    L = _lib.lib()
    return [s(L.hjtj_check_code(i)) for i in range(L.hjtj_check_kinds())]


def _selected(only):
    codes = check_codes()
    if only is None:
        return codes
    if isinstance(only, str):
        only = only.split(",")
    wanted = [c.strip() for c in only if c.strip()]
    unknown = [c for c in wanted if c not in codes]
    if unknown:
        raise ValueError("unknown check %r; valid checks: %s" % (unknown[0], ", ".join(codes)))
    return [c for c in codes if c in wanted]


class Checks(list):
    """The hits, one dict per record and check, in input order, with
    ``summary`` (check code -> number of records, for the checks selected)
    and :meth:`to_pandas`."""

    def __init__(self, rows=(), summary=None):
        super().__init__(rows)
        self.summary = dict(summary or {})

    @classmethod
    def _run(cls, register, only, lang):
        L = _lib.lib()
        codes = _selected(only)
        lg = _lang(lang)
        p = _lib.ChecksP()
        _check_new(L.hjtj_checks_new(ctypes.byref(p)), "checks")
        try:
            st = L.hjtj_checks_run(p, register._handle())
            if st != Status.OK:
                raise _error_from(L.hjtj_checks_error(p), st)
            rows = []
            for i in range(L.hjtj_checks_count(p)):
                code = s(L.hjtj_check_code(L.hjtj_checks_check(p, i)))
                if code not in codes:
                    continue
                rows.append({
                    "fil": s(L.hjtj_checks_file(p, i)),
                    "linje": L.hjtj_checks_line(p, i),
                    "orgnr": s(L.hjtj_checks_orgnr(p, i)),
                    "kontroll": code,
                    "melding": s(L.hjtj_checks_message(p, i, lg)),
                    "record_index": L.hjtj_checks_record_index(p, i),
                })
            summary = {c: L.hjtj_checks_total(p, L.hjtj_check_parse(enc(c))) for c in codes}
        finally:
            L.hjtj_checks_free(p)
        return cls(rows, summary)

    def to_pandas(self):
        """The hits as a pandas DataFrame with the columns of ``hjtj-check``."""
        import pandas as pd
        return pd.DataFrame([{k: r[k] for k in CHECK_COLUMNS} for r in self],
                            columns=list(CHECK_COLUMNS))

    def __repr__(self):
        return "<hjtj.Checks %d hits>" % len(self)
