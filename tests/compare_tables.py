#!/usr/bin/python3
"""compare_tables.py — compare every cell of every table of libhjtj
(examples/hjtj-report --all) with the independent Python oracle
(tests/oracle/hjtj_oracle.py report --all) on the same register files.

Usage:
    compare_tables.py [options] FILE...
      --gen SEED:N       also generate a random register with the oracle's
                         generator (SEED and N records) and compare its three
                         layouts (may be repeated)
      --c1               also build the oracle self-check's register rebuilt
                         from the published tables (Table C1 etc.; selfcheck.py)
      --kommuner K       municipality table for both sides
      --reference DIR    also check every table's header (and, where the rows
                         are fixed, its row labels) against DIR/tabell_*.csv
                         for the first register (the --c1 one if given)
      --verbose          list every differing cell (default: the first 10)

Cells are equal when the texts are equal, or both are numbers with the same
value (100 == 100.0).  Prints a summary line per register and a total; the
exit status is 1 on any difference (or a failed run), else 0.
Standard library only.
"""

import csv
import io
import os
import subprocess
import sys
import tempfile
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
ORACLE = os.path.join(HERE, 'oracle', 'hjtj_oracle.py')
REPORT = os.path.join(os.environ.get('HJTJ_BUILDDIR', TOP), 'examples', 'hjtj-report')
PY = '/usr/bin/python3' if os.path.exists('/usr/bin/python3') else sys.executable

# Tables whose rows depend on the data (only the header is compared with the
# reference).
DATA_ROWS = {'1.10', '2.2', '3.13', '3.14', '3.15', '4.7', 'C1'}


def number(s):
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def same_cell(a, b):
    if a == b:
        return True
    x, y = number(a), number(b)
    return x is not None and y is not None and x == y


def parse_c_all(text):
    """Split hjtj-report --all output into {id: rows}."""
    tables, cur, buf = {}, None, []

    def flush():
        if cur is not None:
            tables[cur] = list(csv.reader(io.StringIO(''.join(buf))))
    for line in text.splitlines(keepends=True):
        if line.startswith('# Tabell '):
            flush()
            cur, buf = line[len('# Tabell '):].strip(), []
        elif cur is not None:
            buf.append(line)
    flush()
    # the blank separator line gives an empty last row
    for tid, rows in tables.items():
        while rows and rows[-1] == []:
            rows.pop()
    return tables


def run_c(path, kommuner):
    env = dict(os.environ)
    env.setdefault('HJTJ_DATADIR', os.path.join(TOP, 'data'))
    cmd = [REPORT, '--all'] + (['--kommuner', kommuner] if kommuner else []) + [path]
    try:
        p = subprocess.run(cmd, capture_output=True, env=env)
    except OSError as e:
        raise RuntimeError('cannot run %s: %s' % (REPORT, e))
    if p.returncode not in (0, 1):  # 1: some record rejected
        raise RuntimeError('hjtj-report exit %d: %s' % (p.returncode, p.stderr.decode()[:500]))
    return parse_c_all(p.stdout.decode('utf-8'))


def run_oracle(path, kommuner, tmp):
    out = tempfile.mkdtemp(dir=tmp)
    cmd = [PY, ORACLE, 'report', '--all', '--dir', out] + \
          (['--kommuner', kommuner] if kommuner else []) + [path]
    p = subprocess.run(cmd, capture_output=True)
    if p.returncode not in (0, 1):
        raise RuntimeError('oracle exit %d: %s' % (p.returncode, p.stderr.decode()[:500]))
    tables = {}
    for name in os.listdir(out):
        if name.startswith('tabell_') and name.endswith('.csv'):
            tid = name[len('tabell_'):-len('.csv')].replace('_', '.')
            with open(os.path.join(out, name), encoding='utf-8', newline='') as f:
                tables[tid] = list(csv.reader(f))
    return tables


def diff_table(a, b):
    """Differences between two tables (lists of rows) as strings."""
    out = []
    if len(a) != len(b):
        out.append('row count: C %d, oracle %d' % (len(a), len(b)))
    for i, (ra, rb) in enumerate(zip(a, b)):
        if len(ra) != len(rb):
            out.append('row %d (%s): width C %d, oracle %d' % (i, ra[:1], len(ra), len(rb)))
            continue
        for j, (x, y) in enumerate(zip(ra, rb)):
            if not same_cell(x, y):
                out.append('row %d (%s) col %d (%s): C %r, oracle %r'
                           % (i, ra[0] if ra else '', j, a[0][j] if a and j < len(a[0]) else '',
                              x, y))
    return out


def compare(path, kommuner, tmp, verbose):
    c = run_c(path, kommuner)
    o = run_oracle(path, kommuner, tmp)
    bad = 0
    ids = sorted(set(c) | set(o), key=sort_key)
    for tid in ids:
        if tid not in c or tid not in o:
            print('  %-5s only in %s' % (tid, 'C' if tid in c else 'oracle'))
            bad += 1
            continue
        d = diff_table(c[tid], o[tid])
        if d:
            bad += 1
            print('  %-5s %d difference(s)' % (tid, len(d)))
            for line in d if verbose else d[:10]:
                print('        ' + line)
    cells = sum(len(r) for t in c.values() for r in t)
    print('%s: %d/%d tables agree (%d cells)%s'
          % (os.path.basename(path), len(ids) - bad, len(ids), cells,
             '' if not bad else '  <-- DIFFERENCES'))
    return bad, len(ids), c


def sort_key(tid):
    if tid == 'C1':
        return (9, 0)
    a, b = tid.split('.')
    return (int(a), int(b))


def check_reference(tables, refdir):
    """Headers, and row labels of the fixed-row tables, as in the reference."""
    bad = 0
    for tid, rows in sorted(tables.items(), key=lambda x: sort_key(x[0])):
        ref = os.path.join(refdir, 'tabell_%s.csv' % tid.replace('.', '_'))
        if not os.path.exists(ref):
            continue
        with open(ref, encoding='utf-8', newline='') as f:
            exp = list(csv.reader(f))
        msgs = []
        if rows[0] != exp[0]:
            msgs.append('header %r != %r' % (rows[0], exp[0]))
        if tid not in DATA_ROWS:
            nstub = 2 if tid == '2.2' or exp[0][:2] == ['row_label', 'col_label'] else 1
            got = [r[:nstub] for r in rows[1:]]
            want = [r[:nstub] for r in exp[1:]]
            if got != want:
                msgs.append('row labels differ: %r' % [(g, w) for g, w in zip(got, want) if g != w][:3]
                            if len(got) == len(want) else
                            'row labels: %d rows, reference %d' % (len(got), len(want)))
        if msgs:
            bad += 1
            print('  layout %-5s %s' % (tid, '; '.join(msgs)))
    print('reference layouts: %d/%d tables match' % (len(tables) - bad, len(tables)))
    return bad


def main(argv):
    files, gens, c1, kommuner, refdir, verbose = [], [], False, None, None, False
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == '--gen':
            seed, n = argv[i + 1].split(':')
            gens.append((int(seed), int(n)))
            i += 1
        elif a == '--c1':
            c1 = True
        elif a == '--kommuner':
            kommuner = argv[i + 1]
            i += 1
        elif a == '--reference':
            refdir = argv[i + 1]
            i += 1
        elif a == '--verbose':
            verbose = True
        elif a in ('-h', '--help'):
            print(__doc__)
            return 0
        else:
            files.append(a)
        i += 1
    total_bad = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed, n in gens:
            prefix = os.path.join(tmp, 'gen-s%d-n%d' % (seed, n))
            subprocess.run([PY, ORACLE, 'gen', '--seed', str(seed), '--n', str(n),
                            '--out-prefix', prefix], check=True, capture_output=True)
            files += [prefix + '.xml', prefix + '-list.csv', prefix + '-wide.csv']
        if c1:
            sys.path.insert(0, os.path.join(HERE, 'oracle'))
            sys.dont_write_bytecode = True
            import random
            import hjtj_oracle as O
            import selfcheck as S
            recs = S.build_register(random.Random(2024), O.load_kommuner(O.default_kommuner_path()))
            prefix = os.path.join(tmp, 'c1-register')
            S.write_layouts(recs, prefix)
            files.insert(0, prefix + '.xml')
        first = None
        for f in files:
            try:
                bad, n, c = compare(f, kommuner, tmp, verbose)
            except RuntimeError as e:
                print('%s: FAILED: %s' % (f, e))
                total_bad += 1
                continue
            total_bad += bad
            total += n
            if first is None:
                first = c
        if refdir and first is not None:
            total_bad += check_reference(first, refdir)
    print('TOTAL: %d registers, %d table comparisons, %d with differences'
          % (len(files), total, total_bad))
    return 1 if total_bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
