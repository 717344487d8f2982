"""protect_audit.py — audit small-count protection (SPEC §11) by linear
programming, on random registers.

Random registers are drawn over the real municipalities of the municipality
table, skewed (a few municipalities hold most enterprises, most hold one or
two, the categories are unequal) so that many cells are 1 or 2.  The records
are classified by the independent Python oracle (tests/oracle), and from its
classes this script counts, on its own:

  * tables by municipality and by county (kategori, samlemålgruppe,
    målgruppe — multiple response —, and municipalities alone), protected by
    the library's core through tests/protect_driver;
  * the report's tables by municipality size class (3.18, 3.21–3.23, 4.9,
    4.19–4.22, 5.6), protected by `hjtj-report --protect K`.

For every table it checks that every count 1..K is suppressed, that every
published cell equals the true value (the oracle's unprotected table), and,
with scipy.optimize.linprog (tests/protect_lp.py), that every suppressed
count's feasible interval under the published cells, the sums and
non-negativity spans at least two integers.  With --stats it prints the
number of cells suppressed, and what suppressing whole rows would hide.

usage: protect_audit.py --driver D --report R --oracle DIR --kommuner CSV
                        [--seeds N] [--n RECORDS] [--stats] [--tmp DIR]
"""
import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile

import protect_lp as lp

# ---------------------------------------------------------------------------
# Random registers

TYPE_PATTERNS = [  # (types, weight): the categories are far from equal
    (('boligbase',), 40), (('amb-helse',), 5), (('amb-praktisk',), 2),
    (('amb-helse', 'amb-praktisk'), 8), (('bpa',), 3), (('enetiltak',), 4),
    (('annen-hjemmetjeneste',), 1), (('boligbase', 'amb-helse'), 18),
    (('boligbase', 'sykehjem'), 12), (('amb-praktisk', 'dagaktivitet'), 3),
    (('administrasjon',), 2), (('ressursenhet', 'bestillerkontor'), 1),
]
MG_POOL = ['demens', 'bevegelse-0-66', 'bevegelse-67', 'utviklingshemning',
           'psykiske-lidelser', 'rusproblemer', 'annen']


def orgnr(n):
    """The first valid organisation number from the eight digits n on, and
    the eight digits to start the next search from."""
    w = [3, 2, 7, 6, 5, 4, 3, 2]
    while True:
        d = '%08d' % n
        r = sum(int(c) * x for c, x in zip(d, w)) % 11
        if r != 1:
            return d + str(0 if r == 0 else 11 - r), n + 1
        n += 1


def gen_register(seed, n, kommuner, path):
    rng = random.Random(seed)
    komm = sorted(kommuner)
    rng.shuffle(komm)
    # Zipf weights over a random order of the municipalities
    weights = [1.0 / (rank + 1) ** 1.15 for rank in range(len(komm))]
    pats = [p for p, _ in TYPE_PATTERNS]
    pw = [w for _, w in TYPE_PATTERNS]
    nxt = 10000000
    with open(path, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f)
        w.writerow(['orgnr', 'kommunenr', 'eierskap', 'status', 'virksomhetstyper',
                    'malgrupper', 'boenheter'])
        for _ in range(n):
            o, nxt = orgnr(nxt)
            types = rng.choices(pats, pw)[0]
            k = rng.choices(komm, weights)[0]
            mg = rng.sample(MG_POOL, rng.choice([1, 1, 1, 2, 2, 3]))
            if rng.random() < 0.03:
                mg = []  # no målgruppe: `ingen` by rule 4.1.2
            bo = str(rng.choice([2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30])) \
                if 'boligbase' in types else ''
            st = 'aktiv' if rng.random() < 0.95 else 'opphort'
            w.writerow([o, k, 'kommunal' if rng.random() < 0.88 else 'privat', st,
                        ' '.join(types), ' '.join(mg), bo])


# ---------------------------------------------------------------------------
# Tables by municipality and county, protected by the core


def count_grid(items, row_keys, col_keys, row_of, cols_of, partition):
    """Counts with a total row (last) and a total column (last, the units):
    cols_of(item) is the list of column classes (several: multiple response)."""
    ri = {k: i for i, k in enumerate(row_keys)}
    ci = {k: j for j, k in enumerate(col_keys)}
    nr, nc = len(row_keys), len(col_keys)
    g = [[0] * (nc + 1) for _ in range(nr + 1)]
    for x in items:
        r = ri[row_of(x)]
        for k in cols_of(x):
            g[r][ci[k]] += 1
            g[nr][ci[k]] += 1
        g[r][nc] += 1
        g[nr][nc] += 1
    return {'v': g, 'tr': nr, 'tc': nc, 'col_eqs': True, 'row_eqs': partition}


def run_driver(driver, grids):
    """Protect every grid ({'v', 'tr', 'tc', 'col_eqs', 'row_eqs', 'k'}) with
    the core; set grid['state'] and grid['check']."""
    lines = []
    for g in grids:
        v = g['v']
        lines.append('%d %d %d %d %d %d %d' % (g['k'], len(v), len(v[0]), g['tr'], g['tc'],
                                               int(g['col_eqs']), int(g['row_eqs'])))
        lines.append(' '.join(str(x) for row in v for x in row))
    out = subprocess.run([driver], input='\n'.join(lines) + '\n', capture_output=True,
                         text=True, check=True).stdout.split('\n')
    pos = 0
    for g in grids:
        nr = len(g['v'])
        if out[pos].startswith('error'):
            raise AssertionError('driver: %s' % out[pos])
        g['state'] = [list(map(int, out[pos + i].split())) for i in range(nr)]
        g['check'] = out[pos + nr]
        pos += nr + 1


def row_suppression(v, primary, tc):
    """Cells (beyond the primary ones) that hiding every non-zero cell of each
    row with a primary cell would hide."""
    extra = 0
    for i, row in enumerate(v):
        if any((i, j) in primary for j in range(len(row))):
            extra += sum(1 for j, x in enumerate(row) if x > 0 and (i, j) not in primary)
    return extra


def audit_grid(g, what, stats):
    v, st = g['v'], g['state']
    nr, nc = len(v), len(v[0])
    cells = {(i, j): v[i][j] for i in range(nr) for j in range(nc)}
    supp = {c for c in cells if st[c[0]][c[1]] != 0}
    fails = [] if g['check'] == 'check 1' else ['%s: library check says %s' % (what, g['check'])]
    for c in supp:
        if cells[c] == 0:
            fails.append('%s: zero suppressed at %r' % (what, c))
    eqs = lp.equations(nr, nc, g['tr'], g['tc'], g['col_eqs'], g['row_eqs'])
    fails += lp.audit(cells, supp, g['k'], eqs, what)
    prim = {c for c in supp if st[c[0]][c[1]] == 1}
    stats.append((what, len(prim), len(supp) - len(prim), row_suppression(v, prim, g['tc']),
                  nr * nc))
    return fails


def region_tables(P, kommuner, seed):
    """The grids by municipality and by county of the population P
    [(record, classes)]."""
    rng = random.Random(seed)
    knr = sorted(kommuner)
    fylker = sorted({k[:2] for k in knr})
    kat = ['kun-boligbase', 'kun-amb-helse', 'kun-amb-praktisk', 'kun-amb-begge', 'kun-bpa',
           'enetiltak', 'kun-annen-hjemmetjeneste', 'to-eller-flere-ht', 'kombinert-annen',
           'administrasjon']
    samle = ['utviklingshemning', 'eldre-demens', 'psykisk-rus', 'bevegelseshemning', 'utenfor']
    mg = ['demens', 'bevegelse-0-66', 'bevegelse-67', 'utviklingshemning', 'psykiske-lidelser',
          'rusproblemer', 'ingen', 'annen']
    kommune = lambda x: x[0]['kommunenr']
    fylke = lambda x: x[0]['kommunenr'][:2]
    specs = [
        ('kommune x kategori', knr, kat, kommune, lambda x: [x[1]['kategori']], True),
        ('fylke x kategori', fylker, kat, fylke, lambda x: [x[1]['kategori']], True),
        ('kommune', knr, [], kommune, lambda x: [], True),
        ('kommune x samlemalgruppe', knr, samle, kommune, lambda x: [x[1]['samle']], True),
        ('fylke x malgruppe (multiple response)', fylker, mg, fylke,
         lambda x: sorted(x[1]['malgrupper']), False),
        ('fylke x eierskap', fylker, ['kommunal', 'privat'], fylke,
         lambda x: [x[0]['eierskap']], True),
    ]
    grids = []
    for name, rows, cols, row_of, cols_of, part in specs:
        g = count_grid(P, rows, cols, row_of, cols_of, part)
        if not cols:  # one column: the units, with the total row
            g = {'v': [[r[-1]] for r in g['v']], 'tr': g['tr'], 'tc': -1, 'col_eqs': True,
                 'row_eqs': False}
        g['k'] = rng.choice([2, 3, 3, 4])
        g['name'] = name
        grids.append(g)
    return grids


# ---------------------------------------------------------------------------
# The report's tables by size class, protected by hjtj-report

SIZE = ['asss', '20000+', '10000-19999', '5000-9999', 'under-5000']
KAT_COL = {
    'andel_kun_boligbase': 'kun-boligbase', 'andel_kun_amb_helsetjenester': 'kun-amb-helse',
    'andel_kun_amb_praktisk_bistand': 'kun-amb-praktisk',
    'andel_kun_amb_helsetjenester_og_praktisk_bistand': 'kun-amb-begge',
    'andel_kun_bpa': 'kun-bpa', 'andel_kun_annen_hjemmetjeneste': 'kun-annen-hjemmetjeneste',
    'andel_enetiltak': 'enetiltak', 'andel_kun_hjtj_2pluss_virksomhetstyper': 'to-eller-flere-ht',
    'andel_hjemmetjeneste_kombinert_med_annen_tjenestetype': 'kombinert-annen',
    'andel_administrasjon_og_service_mv': 'administrasjon'}
SAMLE_COL = {
    'andel_utviklingshemning_mv': 'utviklingshemning', 'andel_eldre_og_eller_demens': 'eldre-demens',
    'andel_psykisk_og_eller_rus': 'psykisk-rus', 'andel_bevegelseshemning': 'bevegelseshemning',
    'andel_utenfor_samlemalgruppene': 'utenfor'}
MG_COL = {
    'andel_demens': 'demens', 'andel_bevegelseshemning_0_66': 'bevegelse-0-66',
    'andel_bevegelseshemning_67pluss': 'bevegelse-67',
    'andel_utviklingshemning_mv': 'utviklingshemning', 'andel_psykiske_lidelser': 'psykiske-lidelser',
    'andel_rusproblemer': 'rusproblemer', 'andel_ingen_malgruppe': 'ingen',
    'andel_annen_malgruppe': 'annen'}

pure_bolig = lambda c: c['kategori'] == 'kun-boligbase'
pure_amb = lambda c: c['kategori'] in ('kun-amb-helse', 'kun-amb-praktisk', 'kun-amb-begge')
# id: (filter, column classes by header, key of a record's classes, partition)
REPORT = {
    '3.18': (lambda c: True, {}, None, True),
    '3.21': (pure_bolig, {}, None, True),
    '3.22': (pure_amb, {}, None, True),
    '3.23': (lambda c: True, KAT_COL, lambda c: [c['kategori']], True),
    '4.9': (lambda c: True, SAMLE_COL, lambda c: [c['samle']], True),
    '4.19': (pure_bolig, SAMLE_COL, lambda c: [c['samle']], True),
    '4.20': (pure_amb, SAMLE_COL, lambda c: [c['samle']], True),
    '4.21': (pure_bolig, MG_COL, lambda c: sorted(c['malgrupper']), False),
    '4.22': (pure_amb, MG_COL, lambda c: sorted(c['malgrupper']), False),
    '5.6': (lambda c: c['botilbud'], {}, None, True),
}


def audit_report_table(tid, oracle, records, kommuner, P, report, path, kpath, k, stats):
    keep, colmap, key, partition = REPORT[tid]
    out = subprocess.run([report, '--table', tid, '--protect', str(k), '--kommuner', kpath, path],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        return ['%s: hjtj-report exit %d: %s' % (tid, out.returncode, out.stderr)]
    got = list(csv.reader(out.stdout.splitlines()))
    want = oracle.build_table(tid, records, kommuner)
    want = [[str(x) for x in row] for row in want]
    what = '%s (K=%d)' % (tid, k)
    fails = []
    if got[0] != want[0] or len(got) != len(want) or len(got) != 7:
        return ['%s: layout differs: %r / %r' % (what, got[0], want[0])]
    # the counts behind the table: column 0 the units, then one per class
    header = got[0][1:]
    classes = []
    for h in header:
        if h in colmap and colmap[h] not in classes:
            classes.append(colmap[h])
    items = [x for x in P if keep(x[1])]
    g = count_grid(items, SIZE, classes, lambda x: x[1]['storrelse'],
                   (lambda x: key(x[1])) if key else (lambda x: []), partition)
    nr, nc = len(g['v']), len(g['v'][0])
    n_col = nc - 1
    deps = []  # per value column: grid columns (row's own) and whether b is the total row
    for h in header:
        if h in ('kommuner',):
            deps.append(None)  # municipalities: not a count of enterprises
        elif h in colmap:
            deps.append([(None, classes.index(colmap[h])), (None, n_col)])
        elif h.startswith('andel'):  # a share of the total (3.18, 3.21, 3.22)
            deps.append([(None, n_col), (nr - 1, n_col)])
        else:  # counts, sums and medians of the row's records
            deps.append([(None, n_col)])
    revealed = set()
    for r in range(1, 7):
        for j, h in enumerate(header):
            gv, wv = got[r][j + 1], want[r][j + 1]
            cell_deps = [(r - 1 if i is None else i, c) for i, c in deps[j]] if deps[j] else []
            if gv == ':':
                if not cell_deps:
                    fails.append('%s: %s row %d suppressed but no count' % (what, h, r))
                continue
            if gv != wv:
                fails.append('%s: %s row %d published %r, true %r' % (what, h, r, gv, wv))
            revealed.update(cell_deps)
            for c in cell_deps:
                if 1 <= g['v'][c[0]][c[1]] <= k:
                    fails.append('%s: %s row %d published, computed from a count %d'
                                 % (what, h, r, g['v'][c[0]][c[1]]))
    cells = {(i, j): g['v'][i][j] for i in range(nr) for j in range(nc)}
    supp = {c for c in cells if c not in revealed}
    eqs = lp.equations(nr, nc, g['tr'], g['tc'], True, partition and bool(classes))
    fails += lp.audit(cells, supp, k, eqs, what)
    prim = {c for c in supp if 1 <= cells[c] <= k}
    supp = {c for c in supp if cells[c] > 0}  # what is counted as suppressed
    stats.append((what, len(prim), len(supp) - len(prim), row_suppression(g['v'], prim, n_col),
                  nr * nc))
    return fails


# ---------------------------------------------------------------------------
# Custom tables by municipality and county (SPEC §9), protected by
# `hjtj-report --rows R --cols C --protect K`

# dimension: (the record's classes, multiple response?)
DIMS = {
    'kommune': (lambda x: [x[0]['kommunenr']], False),
    'fylke': (lambda x: [x[0]['kommunenr'][:2]], False),
    'kategori': (lambda x: [x[1]['kategori']], False),
    'samlemalgruppe': (lambda x: [x[1]['samle']], False),
    'eierskap': (lambda x: [x[0]['eierskap']], False),
    'malgruppe': (lambda x: sorted(x[1]['malgrupper']), True),
}
CUSTOM = [('kommune', 'kategori', 'antall'), ('fylke', 'kategori', 'antall'),
          ('kommune', None, 'antall'), ('kommune', 'samlemalgruppe', 'antall'),
          ('fylke', 'malgruppe', 'antall'), ('fylke', 'eierskap', 'andel-rad'),
          ('fylke', 'kategori', 'andel-kolonne')]


def has_custom_tables(report):
    out = subprocess.run([report, '--help'], capture_output=True, text=True)
    return '--rows' in out.stdout


def audit_custom_table(rows, cols, measure, oracle, P, report, path, kpath, k, stats):
    what = 'custom %s x %s %s (K=%d)' % (rows, cols or '-', measure, k)
    args = [report, '--rows', rows, '--protect', str(k), '--measure', measure,
            '--kommuner', kpath, path]
    if cols:
        args[3:3] = ['--cols', cols]
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        return ['%s: hjtj-report exit %d: %s' % (what, out.returncode, out.stderr)]
    got = list(csv.reader(out.stdout.splitlines()))
    header, body = got[0], got[1:]
    if header[0] != rows or header[-1] != 'totalt' or body[-1][0] != 'totalt':
        return ['%s: layout %r' % (what, header)]
    row_keys = [r[0] for r in body[:-1]]
    col_keys = header[1:-1]
    rof, rmulti = DIMS[rows]
    cof, cmulti = DIMS[cols] if cols else ((lambda x: []), False)
    # the true counts, from the oracle's classes: total column and row last
    g = count_grid([x for x in P if rof(x)[0] in row_keys], row_keys, col_keys,
                   lambda x: rof(x)[0], lambda x: [c for c in cof(x)], not cmulti)
    if not cols:
        g['v'] = [[r[-1]] for r in g['v']]
    v = g['v']
    nr, nc = len(v), len(v[0])
    fails = []
    if len(body) != nr or any(len(r) != nc + 1 for r in body):
        return ['%s: %d rows, expected %d' % (what, len(body), nr)]
    revealed = set()
    for i in range(nr):
        for j in range(nc):
            text = body[i][j + 1]
            base = {'antall': None, 'andel-rad': (i, nc - 1),
                    'andel-kolonne': (nr - 1, j), 'andel-total': (nr - 1, nc - 1)}[measure]
            deps = [(i, j)] + ([base] if base else [])
            if text == ':':
                continue
            true = str(v[i][j]) if base is None else oracle.pct(v[i][j], v[base[0]][base[1]])
            if text != true:
                fails.append('%s: %s/%s published %r, true %r'
                             % (what, body[i][0], header[j + 1], text, true))
            revealed.update(deps)
    cells = {(i, j): v[i][j] for i in range(nr) for j in range(nc)}
    supp = {c for c in cells if c not in revealed}
    eqs = lp.equations(nr, nc, nr - 1, nc - 1 if cols else None, not rmulti,
                       bool(cols) and not cmulti)
    fails += lp.audit(cells, supp, k, eqs, what)
    prim = {c for c in supp if 1 <= cells[c] <= k}
    supp = {c for c in supp if cells[c] > 0}
    stats.append((what, len(prim), len(supp) - len(prim), row_suppression(v, prim, nc - 1),
                  nr * nc))
    return fails


# ---------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--driver', required=True)
    ap.add_argument('--report', required=True)
    ap.add_argument('--oracle', required=True)
    ap.add_argument('--kommuner', required=True)
    ap.add_argument('--seeds', type=int, default=3)
    ap.add_argument('--n', type=int, default=1200)
    ap.add_argument('--stats', action='store_true')
    ap.add_argument('--tmp')
    a = ap.parse_args()
    sys.path.insert(0, a.oracle)
    import hjtj_oracle as oracle
    kommuner = oracle.load_kommuner(a.kommuner)
    tmp = a.tmp or tempfile.mkdtemp()
    fails, stats, ntables = [], [], 0
    custom = has_custom_tables(a.report)
    if not custom:
        print('note: this hjtj-report has no custom tables (--rows): tables by '
              'municipality and county are audited through the protection core only')
    for seed in range(1, a.seeds + 1):
        n = a.n if seed % 2 else a.n // 4  # small registers too: more small cells
        path = os.path.join(tmp, 'protect-%d.csv' % seed)
        gen_register(1700 + seed, n, kommuner, path)
        records, rejects, km = oracle.load(path, a.kommuner)
        if rejects:
            fails.append('seed %d: the generator wrote rejected records %r' % (seed, rejects[:3]))
        P = oracle._pop(records)
        grids = region_tables(P, km, seed)
        run_driver(a.driver, grids)
        for g in grids:
            fails += audit_grid(g, 'seed %d %s (K=%d)' % (seed, g['name'], g['k']), stats)
            ntables += 1
        rng = random.Random(seed)
        for rows, cols, measure in CUSTOM if custom else []:
            fails += audit_custom_table(rows, cols, measure, oracle, P, a.report, path,
                                        a.kommuner, rng.choice([2, 3, 4]), stats)
            ntables += 1
        for tid in REPORT:
            fails += audit_report_table(tid, oracle, records, km, P, a.report, path, a.kommuner,
                                        rng.choice([1, 2, 3, 4]), stats)
            ntables += 1
    nsupp = sum(s[1] + s[2] for s in stats)
    print('audited %d tables, %d suppressed counts (%d primary, %d secondary)'
          % (ntables, nsupp, sum(s[1] for s in stats), sum(s[2] for s in stats)))
    if a.stats:
        groups = {}
        for what, p, s, rows, cells in stats:
            name = what.split(' ', 2)[2] if what.startswith('seed') else what
            name = 'core: ' + name if what.startswith('seed') else name
            name = name.rsplit(' (K=', 1)[0]
            e = groups.setdefault(name, [0, 0, 0, 0, 0])
            e[0] += 1
            e[1] += p
            e[2] += s
            e[3] += rows
            e[4] += cells
        print('table | tables | cells | primary | secondary | whole rows (extra cells)')
        for name, (t, p, s, rows, cells) in sorted(groups.items()):
            print('%s | %d | %.1f | %.1f | %.1f | %.1f'
                  % (name, t, cells / t, p / t, s / t, rows / t))
    for f in fails[:40]:
        print('FAIL:', f)
    return 1 if fails else 0


if __name__ == '__main__':
    sys.exit(main())
