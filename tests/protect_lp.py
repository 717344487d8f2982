"""protect_lp.py — the linear-programming audit of small-count protection
(SPEC §11), shared by tests/protect_audit.py.

A table is audited as a grid of true counts with its additive structure: the
total row `tr` (or None), the total column `tc` (or None), and whether the
rows add up to the total row (`col_eqs`) and the columns to the total column
(`row_eqs`).  Given which cells are suppressed, every suppressed cell's
feasible interval is computed with scipy.optimize.linprog: min and max of the
cell over all non-negative real tables that have the published cells' values
and satisfy the sums.  The guarantee holds when that interval contains at
least two integers.  Written from the SPEC, independently of lib/protect.c.
"""
import math

import numpy as np
from scipy.optimize import linprog


def equations(nr, nc, tr, tc, col_eqs, row_eqs):
    """The structure's equations as lists of (cell, coefficient)."""
    eqs = []
    if row_eqs and tc is not None:
        for i in range(nr):
            eqs.append([((i, j), 1) for j in range(nc) if j != tc] + [((i, tc), -1)])
    if col_eqs and tr is not None:
        for j in range(nc):
            eqs.append([((i, j), 1) for i in range(nr) if i != tr] + [((tr, j), -1)])
    return eqs


def intervals(v, supp, eqs, only=None):
    """{cell: (lo, hi)} for every suppressed cell, or those of `only` (hi =
    inf when unbounded).  v: {cell: true count}; supp: the set of cells not
    published (the LP's variables)."""
    # link suppressed cells that share an equation: each component is one LP
    parent = {c: c for c in supp}

    def find(c):
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for eq in eqs:
        s = [c for c, _ in eq if c in supp]
        for c in s[1:]:
            parent[find(c)] = find(s[0])
    comps = {}
    for c in supp:
        comps.setdefault(find(c), []).append(c)
    out = {}
    for cells in comps.values():
        idx = {c: k for k, c in enumerate(cells)}
        rows, rhs = [], []
        for eq in eqs:
            if not any(c in idx for c, _ in eq):
                continue
            a = np.zeros(len(cells))
            b = 0.0
            for c, coef in eq:
                if c in idx:
                    a[idx[c]] += coef
                else:
                    b -= coef * v[c]
            rows.append(a)
            rhs.append(b)
        A = np.array(rows) if rows else None
        b = np.array(rhs) if rows else None
        for c in cells:
            if only is not None and c not in only:
                continue
            obj = np.zeros(len(cells))
            obj[idx[c]] = 1.0
            lo = linprog(obj, A_eq=A, b_eq=b, bounds=(0, None), method='highs')
            hi = linprog(-obj, A_eq=A, b_eq=b, bounds=(0, None), method='highs')
            if lo.status != 0:
                raise AssertionError('LP infeasible at %r: %s' % (c, lo.message))
            top = math.inf if hi.status == 3 else -hi.fun
            if hi.status not in (0, 3):
                raise AssertionError('LP failed at %r: %s' % (c, hi.message))
            out[c] = (lo.fun, top)
    return out


def spans_two_integers(lo, hi, eps=1e-7):
    if math.isinf(hi):
        return True
    return math.floor(hi + eps) - math.ceil(lo - eps) >= 1


def audit(v, supp, k, eqs, what):
    """Check that no count 1..k is published and that every suppressed count
    (a zero that is not published is unknown, but needs no interval) spans
    two integers; return a list of failure messages."""
    fails = []
    for c, x in v.items():
        if 1 <= x <= k and c not in supp:
            fails.append('%s: count %d at %r published' % (what, x, c))
    for c, (lo, hi) in intervals(v, supp, eqs, {c for c in supp if v[c] > 0}).items():
        if not spans_two_integers(lo, hi):
            fails.append('%s: suppressed %r (true %d) pinned to [%g, %g]'
                         % (what, c, v[c], lo, hi))
    return fails
