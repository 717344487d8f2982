#!/usr/bin/python3
"""compare_crosstab.py — custom tables of hjtj-report (--rows/--cols/--where/
--population/--measure) against tables made here from the independent
Python implementation of SPEC (tests/oracle/hjtj_oracle.py: its loader and
classification), on a random register in its three layouts.

Usage: compare_crosstab.py SEED N
Prints one line per table compared and a summary; exit status 1 on any
difference.  Standard library only.
"""

import csv
import io
import os
import statistics
import subprocess
import sys
import tempfile
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(HERE, 'oracle'))
import hjtj_oracle as O  # noqa: E402

REPORT = os.path.join(os.environ.get('HJTJ_BUILDDIR', TOP), 'examples', 'hjtj-report')

CLOSED = {
    'hovedvirksomhetstype': ['rene-brukerrettede', 'kombinert-annen', 'administrasjon', 'utenfor'],
    'kategori': ['kun-boligbase', 'kun-amb-helse', 'kun-amb-praktisk', 'kun-amb-begge', 'kun-bpa',
                 'enetiltak', 'kun-annen-hjemmetjeneste', 'to-eller-flere-ht', 'kombinert-annen',
                 'administrasjon'],
    'samlemalgruppe': ['utviklingshemning', 'eldre-demens', 'psykisk-rus', 'bevegelseshemning',
                       'utenfor'],
    'antall_malgrupper': ['1', '2', '3+'],
    'kommunestorrelse': ['asss', '20000+', '10000-19999', '5000-9999', 'under-5000'],
    'botilbud': ['0', '1'],
    'eierskap': ['kommunal', 'privat'],
    'andre_kommuner': ['0', '1'],
    'personellutveksling': ['mottar-og-leverer', 'kun-leverer', 'kun-mottar', 'ingen'],
    'malgruppe': ['demens', 'bevegelse-0-66', 'bevegelse-67', 'utviklingshemning',
                  'psykiske-lidelser', 'rusproblemer', 'ingen', 'annen'],
    'virksomhetstype': ['boligbase', 'amb-helse', 'amb-praktisk', 'bpa', 'annen-hjemmetjeneste',
                        'enetiltak', 'barnebolig-avlastning', 'sykehjem', 'dagaktivitet',
                        'annen-virksomhet', 'ressursenhet', 'bestillerkontor', 'administrasjon'],
    'status': ['aktiv', 'opphort', 'midlertidig-opphort', 'ikke-hjemmetjeneste',
               'ikke-innrapportert'],
    'mottar_fra': ['sykehjem', 'boligbase', 'ambulerende', 'annen'],
    'leverer_til': ['sykehjem', 'dagsenter', 'barnebolig-avlastning', 'annen'],
    'fylke': ['03', '11', '15', '18', '31', '32', '33', '34', '39', '40', '42', '46', '50', '55',
              '56'],
}


def codes(rec, c, dim):
    """The record's codes in a dimension (a list; [] = no class)."""
    aktiv = rec['status'] == 'aktiv'
    if dim == 'fylke':
        return [rec['kommunenr'][:2]]
    if dim == 'kommune':
        return [rec['kommunenr']]
    if dim == 'landet':
        return ['hele-landet']
    if dim == 'eierskap':
        return [rec['eierskap']]
    if dim == 'status':
        return [rec['status']]
    if dim == 'andre_kommuner':
        return ['1' if rec['andre'] else '0']
    if dim == 'naeringskode':
        nk = rec['naeringskode']
        return [nk if nk and rec['standard'] == 'SN2007' else 'uoppgitt']
    if dim == 'virksomhetstype':
        return sorted(c['types'] if aktiv else rec['types'])
    if dim == 'malgruppe':
        return sorted(c['malgrupper'] if aktiv else rec['malgrupper'])
    if dim == 'mottar_fra':
        return sorted(rec['mottar'])
    if dim == 'leverer_til':
        return sorted(rec['leverer'])
    if not aktiv:
        return []
    key = {'hovedvirksomhetstype': 'hoved', 'kategori': 'kategori', 'samlemalgruppe': 'samle',
           'antall_malgrupper': 'antall', 'kommunestorrelse': 'storrelse',
           'personellutveksling': 'personellutveksling'}.get(dim)
    if dim == 'botilbud':
        return ['1' if c['botilbud'] else '0']
    if dim == 'personellutveksling' and not c['in_pop']:
        return []
    v = c[key]
    return [v] if v else []


def pct(n, d):
    if d == 0:
        return ''
    return str((Decimal(100 * n) / Decimal(d)).quantize(Decimal('0.1'), ROUND_HALF_UP))


def oracle_table(records, kommuner, rows, cols, where, pop, measure):
    cells = {}
    row_present = set()
    for rec in records:
        c = O.classify(rec)
        if pop == 'populasjon' and not (c['aktiv'] and c['in_pop']):
            continue
        if pop == 'aktiv' and not c['aktiv']:
            continue
        if any(not set(codes(rec, c, f)) & set(v.split(',')) for f, v in where):
            continue
        rc = codes(rec, c, rows)
        cc = codes(rec, c, cols) if cols else []
        if not rc or (cols and not cc):
            continue
        row_present.update(rc)
        val = c['boenheter'] if c.get('botilbud') else None
        for r in rc + ['totalt']:
            for k in set(cc + ['totalt']):
                cells.setdefault((r, k), []).append(val)
    if rows in CLOSED:
        rlist = CLOSED[rows]
    elif rows == 'kommune':
        rlist = sorted(kommuner)
    elif rows == 'naeringskode':
        rlist = sorted(x for x in row_present if x != 'uoppgitt') + ['uoppgitt']
    else:
        rlist = ['hele-landet']
    clist = (CLOSED[cols] if cols in CLOSED else sorted(kommuner)) if cols else []
    header = [rows] + clist + ['totalt']
    out = [header]
    grand = len(cells.get(('totalt', 'totalt'), []))
    for r in rlist + ['totalt']:
        line = [r]
        for k in clist + ['totalt']:
            vs = cells.get((r, k), [])
            n = len(vs)
            if measure == 'antall':
                line.append(str(n))
            elif measure == 'andel-rad':
                line.append(pct(n, len(cells.get((r, 'totalt'), []))))
            elif measure == 'andel-kolonne':
                line.append(pct(n, len(cells.get(('totalt', k), []))))
            elif measure == 'andel-total':
                line.append(pct(n, grand))
            else:
                have = [v for v in vs if v is not None]
                if measure.startswith('sum:'):
                    line.append(str(sum(have)))
                elif not have:
                    line.append('')
                elif measure.startswith('gjennomsnitt:'):
                    line.append(str((Decimal(sum(have)) / len(have)).quantize(
                        Decimal('0.1'), ROUND_HALF_UP)))
                else:
                    m = statistics.median(have)
                    line.append(str(int(m)) if m == int(m) else '%.1f' % m)
        out.append(line)
    return out


CASES = [
    ('kategori', 'fylke', [], 'populasjon', 'antall'),
    ('samlemalgruppe', 'kommunestorrelse', [], 'populasjon', 'andel-rad'),
    ('malgruppe', 'eierskap', [('status', 'aktiv')], 'alle', 'andel-kolonne'),
    ('virksomhetstype', 'malgruppe', [], 'aktiv', 'andel-total'),
    ('hovedvirksomhetstype', None, [], 'aktiv', 'antall'),
    ('fylke', None, [('kategori', 'kun-boligbase'), ('eierskap', 'privat')], 'populasjon',
     'median:boenheter'),
    ('fylke', None, [('kategori', 'kun-boligbase')], 'populasjon', 'gjennomsnitt:boenheter'),
    ('kommune', None, [], 'populasjon', 'sum:boenheter'),
    ('naeringskode', 'status', [], 'alle', 'antall'),
    ('botilbud', 'antall_malgrupper', [('malgruppe', 'demens,annen')], 'populasjon', 'antall'),
    ('personellutveksling', 'andre_kommuner', [('fylke', '03,46,50')], 'populasjon',
     'andel-rad'),
    ('mottar_fra', 'leverer_til', [], 'alle', 'antall'),
    ('landet', 'kategori', [('kommune', '0301,4601,5001')], 'populasjon', 'median:boenheter'),
]


def run_report(path, rows, cols, where, pop, measure):
    cmd = [REPORT, '--rows', rows, '--population', pop, '--measure', measure]
    if cols:
        cmd += ['--cols', cols]
    for f, v in where:
        cmd += ['--where', '%s=%s' % (f, v)]
    res = subprocess.run(cmd + [path], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         check=False)
    if res.returncode not in (0, 1):
        raise RuntimeError('%s: exit %d: %s' % (' '.join(cmd), res.returncode,
                                                  res.stderr.decode()))
    return list(csv.reader(io.StringIO(res.stdout.decode('utf-8'))))


def main(argv):
    seed, n = int(argv[1]), int(argv[2])
    tmp = tempfile.mkdtemp(prefix='hjtj-ct-')
    prefix = os.path.join(tmp, 'r')
    O.generate(seed, n, prefix, 20, None)
    fails = 0
    for path in (prefix + '.xml', prefix + '-list.csv', prefix + '-wide.csv'):
        records, _rejects, kommuner = O.load(path)
        for rows, cols, where, pop, measure in CASES:
            want = oracle_table(records, kommuner, rows, cols, where, pop, measure)
            got = run_report(path, rows, cols, where, pop, measure)
            name = '%s %s x %s %s %s %s' % (os.path.basename(path), rows, cols or '-', where,
                                            pop, measure)
            if got != want:
                fails += 1
                print('FAIL: %s' % name)
                for a, b in zip(want, got):
                    if a != b:
                        print('  want %s\n  got  %s' % (a[:30], b[:30]))
                        break
                if len(want) != len(got):
                    print('  %d rows wanted, %d got' % (len(want), len(got)))
            else:
                print('ok: %s (%d rows)' % (name, len(got) - 1))
    print('%d of %d custom tables differ' % (fails, 3 * len(CASES)))
    return 1 if fails else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
