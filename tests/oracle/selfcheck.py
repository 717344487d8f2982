#!/usr/bin/python3
"""Self-check of hjtj_oracle against the report's published tables.

1. Builds a register of 4 067 records: the 3 611 active enterprises of Table C1
   (one record per enterprise counted, målgrupper from C1), with enterprise types,
   admin ticks and ownership chosen per category so that the chapter-3 category
   tables hold, plus 456 records outside the population (Table 2.3), and
   næringskoder as in Table 2.2.  Writes it as XML, list-CSV and wide-CSV and checks
   that the oracle reproduces Tables 1.9, 1.10, 2.2, 2.3, 3.2-3.10, 4.3-4.7 and C1
   (numerically; the documented report misprints are expected to differ: 2.3 88.9 -> 88.8).
2. Generates random registers (hjtj_oracle.py gen) and checks that the three layouts
   give identical classify output, the same rejected orgnr and identical tables.
3. A few whole-file error cases (exit status 2).

Reads /work/shared/reference/*.csv only to compare.  Usage: selfcheck.py [--keep DIR]
"""

import csv
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import hjtj_oracle as O  # noqa: E402

REF = '/work/shared/reference'
PY = sys.executable or '/usr/bin/python3'
failures = []


def ref_rows(tid):
    with open(os.path.join(REF, 'tabell_%s.csv' % tid.replace('.', '_')), encoding='utf-8') as f:
        return list(csv.reader(f))


def same_cell(a, b):
    if a == b:
        return True
    try:
        return float(a) == float(b)
    except ValueError:
        return False


def compare(tid, got, expected_overrides=None):
    exp = ref_rows(tid)
    if expected_overrides:
        for (r, c), v in expected_overrides.items():
            exp[r][c] = v
    bad = []
    if len(got) != len(exp):
        bad.append('row count %d != %d' % (len(got), len(exp)))
    for i, (g, e) in enumerate(zip(got, exp)):
        if len(g) != len(e):
            bad.append('row %d: width %d != %d' % (i, len(g), len(e)))
            continue
        for j, (a, b) in enumerate(zip(g, e)):
            if not same_cell(a, b):
                bad.append('row %d col %d (%s / %s): got %r expected %r' % (i, j, g[0], e[j] if i == 0 else exp[0][j], a, b))
    if bad:
        failures.append((tid, bad))
        print('FAIL %s' % tid)
        for b in bad[:10]:
            print('     ' + b)
    else:
        print('ok   %s' % tid)


# ---------------------------------------------------------------------------
# 1. register from the published tables

def valid_orgnrs(rng, n):
    out, seen = [], set()
    while len(out) < n:
        first8 = str(rng.choice([8, 9])) + ''.join(str(rng.randrange(10)) for _ in range(7))
        cd = O.orgnr_check_digit(first8)
        if cd is None:
            continue
        o = first8 + str(cd)
        if o not in seen:
            seen.add(o)
            out.append(o)
    return out


def type_sets(rng):
    """List of (types, boenheter, category-key) for the 3 611 active enterprises,
    category counts from Tables 3.3-3.10 (admin ticks from 3.9, ownership from 3.10)."""
    out = []

    def add(cat, tlist, admin_n, komm_n):
        # tlist: list of (types, boenheter) of the category's length
        adm_choices = [['administrasjon'], ['bestillerkontor'], ['ressursenhet'],
                       ['administrasjon', 'ressursenhet']]
        for i, (t, b) in enumerate(tlist):
            t = list(t)
            if i < admin_n:
                t += adm_choices[i % len(adm_choices)]
            out.append({'cat': cat, 'types': t, 'boenheter': b,
                        'eierskap': 'kommunal' if i >= len(tlist) - komm_n else 'privat'})

    def bo():
        return rng.choice([None, 0, 2, 5, 8, 12, 30])
    add('kun-boligbase', [(['boligbase'], bo()) for _ in range(1529)], 17, 1421)
    add('kun-amb-helse', [(['amb-helse'], None)] * 161, 3, 160)
    add('kun-amb-praktisk', [(['amb-praktisk'], None)] * 57, 2, 42)
    add('kun-amb-begge', [(['amb-helse', 'amb-praktisk'], None)] * 314, 12, 310)
    add('kun-bpa', [(['bpa'], None)] * 79, 2, 19)
    ene = [(['enetiltak'], None)] * 100 + [(['boligbase'], 1)] * 30 + \
          [(['enetiltak', 'boligbase', 'administrasjon'], 6)] * 11
    add('enetiltak', ene, 0, 64)
    pairs = [(('amb-helse', 'boligbase'), 102), (('amb-praktisk', 'boligbase'), 92),
             (('bpa', 'boligbase'), 12), (('bpa', 'amb-helse'), 6), (('bpa', 'amb-praktisk'), 12),
             (('annen-hjemmetjeneste', 'boligbase'), 13), (('annen-hjemmetjeneste', 'amb-helse'), 19),
             (('annen-hjemmetjeneste', 'amb-praktisk'), 12), (('annen-hjemmetjeneste', 'bpa'), 9)]
    two = []
    for p, n in pairs:
        two += [(list(p), bo() if 'boligbase' in p else None)] * n
    three = [(['boligbase', 'amb-helse', 'amb-praktisk'], bo())] * 300 + \
            [(['amb-helse', 'amb-praktisk', 'bpa'], None)] * 100 + \
            [(['boligbase', 'amb-helse', 'amb-praktisk', 'bpa', 'annen-hjemmetjeneste'], bo())] * 69
    add('to-eller-flere-ht', two + three, 37, 706)
    # combined: HT composition (3.7) x AT composition (3.6)
    ht = [['annen-hjemmetjeneste']] * 12 + [['boligbase']] * 135 + [['amb-helse']] * 17 + \
         [['amb-praktisk']] * 5 + [['amb-helse', 'amb-praktisk']] * 64 + [['bpa']] * 3 + \
         [['boligbase', 'amb-helse']] * 150 + [['boligbase', 'amb-helse', 'amb-praktisk']] * 141
    at = [['dagaktivitet']] * 211 + [['barnebolig-avlastning']] * 84 + [['sykehjem']] * 23 + \
         [['annen-virksomhet']] * 113 + [['sykehjem', 'dagaktivitet']] * 96
    comb = [(h + a, bo() if 'boligbase' in h else None) for h, a in zip(ht, at)]
    add('kombinert-annen', comb, 104, 504)
    adm = [['ressursenhet']] * 3 + [['administrasjon']] * 20 + \
          [['administrasjon', 'annen-hjemmetjeneste', 'annen-virksomhet']] * 2 + \
          [['bestillerkontor']] * 25 + [['administrasjon', 'bestillerkontor']] * 7
    add('administrasjon', [(t, None) for t in adm], 0, 52)
    assert len(out) == 3611, len(out)
    return out


def build_register(rng, kommuner):
    c1 = ref_rows('C1')[1:]
    mals = []
    for row in c1:
        m = [O.MALGRUPPER[i] for i in range(8) if row[1 + i] == 'x']
        mals += [m] * int(row[10])
    assert len(mals) == 3611
    rng.shuffle(mals)
    ts = type_sets(rng)
    rng.shuffle(ts)
    komm = list(kommuner)
    orgs = valid_orgnrs(rng, 4067)
    recs = []
    for i in range(3611):
        t = ts[i]
        mp = mals[i]
        if mp == ['ingen'] and rng.random() < 0.5:
            mp = []                                  # empty -> ingen (rule 4.1.2)
        recs.append({'orgnr': orgs[i], 'kommunenr': rng.choice(komm), 'eierskap': t['eierskap'],
                     'status': 'aktiv', 'types': t['types'], 'malgrupper': mp,
                     'boenheter': t['boenheter'], 'cat': t['cat']})
    # 456 outside the population: 5 not reporting, 11 active but not home care, rest other statuses
    extra_status = ['ikke-innrapportert'] * 5 + ['aktiv'] * 11 + \
        [rng.choice(['opphort', 'midlertidig-opphort', 'ikke-hjemmetjeneste']) for _ in range(440)]
    utenfor_types = [['sykehjem'], ['annen-virksomhet'], ['administrasjon', 'dagaktivitet']]
    for j, st in enumerate(extra_status):
        recs.append({'orgnr': orgs[3611 + j], 'kommunenr': rng.choice(komm),
                     'eierskap': rng.choice(['kommunal', 'privat']), 'status': st,
                     'types': rng.choice(utenfor_types) if st == 'aktiv' else rng.choice([[], ['boligbase']]),
                     'malgrupper': rng.choice([[], ['demens'], ['ingen', 'demens']]) if st != 'aktiv' else ['demens'],
                     'boenheter': None, 'cat': None})
    # næringskoder (Table 2.2)
    codes = []
    for row in ref_rows('2.2')[1:-1]:
        codes += [row[0]] * int(row[2])
    assert len(codes) == 4067
    rng.shuffle(codes)
    rng.shuffle(recs)
    for r, c in zip(recs, codes):
        r['naeringskode'] = c
    return recs


def write_layouts(recs, prefix):
    """Write the register in the three layouts (the generator's writers)."""
    rng = random.Random(7)
    gr = []
    for r in recs:
        gr.append({'orgnr': r['orgnr'], 'kommunenr': r['kommunenr'], 'eierskap': r['eierskap'],
                   'status': r['status'], 'types': r['types'], 'malgrupper': r['malgrupper'],
                   'boenheter': None if r['boenheter'] is None else str(r['boenheter']),
                   'mottar': [], 'leverer': [], 'andre': None,
                   'naeringskode': (r['naeringskode'], None), 'navn': 'Virksomhet, "%s"' % r['orgnr'],
                   'merknad': None, 'wide_bad': None, 'bad': None})
    O._write_xml(rng, gr, prefix + '.xml')
    O._write_csv(rng, gr, prefix + '-list.csv', wide=False)
    O._write_csv(rng, gr, prefix + '-wide.csv', wide=True)


def check_published(tmp):
    print('== register rebuilt from the published tables')
    rng = random.Random(2024)
    kommuner = O.load_kommuner(O.default_kommuner_path())
    recs = build_register(rng, kommuner)
    prefix = os.path.join(tmp, 'pub')
    write_layouts(recs, prefix)
    results = {}
    for lay in ('.xml', '-list.csv', '-wide.csv'):
        records, rejects, km = O.load(prefix + lay)
        if rejects:
            failures.append(('load' + lay, rejects[:5]))
            print('FAIL load %s: %d rejects' % (lay, len(rejects)))
        results[lay] = {tid: O.build_table(tid, records, km) for tid in O.TABLE_IDS}
        # category of every record as intended
        want = {r['orgnr']: r['cat'] for r in recs}
        for rec in records:
            c = O.classify(rec)
            if c['aktiv'] and want[rec['orgnr']] is not None and c['kategori'] != want[rec['orgnr']]:
                failures.append(('category', rec['orgnr']))
                print('FAIL category %s: %s != %s' % (rec['orgnr'], c['kategori'], want[rec['orgnr']]))
                break
    if results['.xml'] != results['-list.csv'] or results['.xml'] != results['-wide.csv']:
        failures.append(('layouts', 'published register: tables differ between layouts'))
        print('FAIL tables differ between layouts')
    T = results['.xml']
    for tid in ['1.9', '1.10', '2.2', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9',
                '3.10', '4.3', '4.4', '4.5', '4.6', '4.7', 'C1']:
        compare(tid, T[tid])
    compare('2.3', T['2.3'], {(3, 2): '88.8'})     # KNOWN_ISSUES A6
    # layout of every other table: header and first column
    for tid in O.TABLE_IDS:
        exp = ref_rows(tid)
        got = T[tid]
        if got[0] != exp[0]:
            failures.append((tid, 'header'))
            print('FAIL header %s: %r' % (tid, got[0]))
        if tid not in ('2.2', '3.14', '3.15', '4.7', 'C1', '1.10', '3.13'):
            if [r[0] for r in got] != [r[0] for r in exp]:
                failures.append((tid, 'row labels'))
                print('FAIL row labels %s' % tid)
        if tid in ('3.4', '4.4', '4.5', '4.12', '4.13', '4.14', '4.15'):
            if [r[:2] for r in got] != [r[:2] for r in exp]:
                failures.append((tid, 'long-format labels'))
                print('FAIL long labels %s' % tid)
    # 3.13: rows = categories without enetiltak (no exchange in this register -> all 0)
    if [r[0] for r in T['3.13']] != [r[0] for r in ref_rows('3.13')]:
        failures.append(('3.13', 'row labels'))
        print('FAIL row labels 3.13')
    return T


# ---------------------------------------------------------------------------
# 2. random registers: three layouts agree

def run(args):
    p = subprocess.run([PY, os.path.join(HERE, 'hjtj_oracle.py')] + args, capture_output=True)
    return p.returncode, p.stdout.decode('utf-8'), p.stderr.decode('utf-8')


def rejected_orgnr(stderr):
    out = []
    for line in stderr.splitlines():
        if ': warning: ' in line:
            continue
        parts = line.split(': orgnr ', 1)
        if len(parts) == 2:
            out.append(parts[1].split(':', 1)[0])
    return out


def check_layouts(tmp):
    print('== random registers, three layouts')
    for seed, n, bad in [(1, 200, 25), (2, 500, 40), (3, 50, 0), (4, 1000, 60), (5, 5, 19)]:
        prefix = os.path.join(tmp, 'g%d' % seed)
        rc, _, err = run(['gen', '--seed', str(seed), '--n', str(n), '--out-prefix', prefix,
                          '--bad', str(bad)])
        assert rc == 0, err
        outs = {}
        for lay in ('.xml', '-list.csv', '-wide.csv'):
            rc, out, err = run(['classify', prefix + lay])
            rj = rejected_orgnr(err)
            recs, rejects, km = O.load(prefix + lay)
            tables = {tid: O.build_table(tid, recs, km) for tid in O.TABLE_IDS}
            outs[lay] = (rc, out, rj, tables)
            if len(rj) != bad:
                failures.append(('gen%d%s' % (seed, lay), 'rejects %d != %d' % (len(rj), bad)))
                print('FAIL seed %d %s: %d rejects, expected %d' % (seed, lay, len(rj), bad))
        a = outs['.xml']
        for lay in ('-list.csv', '-wide.csv'):
            b = outs[lay]
            if a[0] != b[0] or a[1] != b[1] or a[2] != b[2] or a[3] != b[3]:
                failures.append(('gen%d' % seed, lay))
                print('FAIL seed %d: %s differs from XML' % (seed, lay))
        nrows = a[1].count('\n') - 1
        print('ok   seed %d: %d records + %d bad, %d classified rows, exit %d, layouts agree'
              % (seed, n, bad, nrows, a[0]))


# ---------------------------------------------------------------------------
# 3. whole-file errors

def check_file_errors(tmp):
    print('== whole-file errors (exit 2)')
    cases = {
        'doctype.xml': b'<?xml version="1.0"?>\n<!DOCTYPE kartlegging [<!ENTITY x "y">]>\n'
                       b'<kartlegging xmlns="urn:hjtj:kartlegging:1"/>\n',
        'wrongroot.xml': b'<register xmlns="urn:hjtj:kartlegging:1"/>\n',
        'wrongns.xml': b'<kartlegging xmlns="urn:other"/>\n',
        'malformed.xml': b'<kartlegging xmlns="urn:hjtj:kartlegging:1"><virksomhet>\n',
        'empty.csv': b'',
        'bom-only.csv': b'\xef\xbb\xbf  \n',
        'badutf8.csv': b'orgnr,kommunenr,eierskap\n974778874,0301,kommunal\xff\n',
        'nocols.csv': b'orgnr;kommunenr\n974778874;0301\n',
        'quote.csv': b'orgnr,kommunenr,eierskap,navn\n974778874,0301,kommunal,"open\n',
    }
    for name, data in cases.items():
        p = os.path.join(tmp, name)
        with open(p, 'wb') as f:
            f.write(data)
        rc, out, err = run(['classify', p])
        if rc != 2 or out:
            failures.append(('file-error', name))
            print('FAIL %s: exit %d, stdout %r' % (name, rc, out))
        else:
            print('ok   %s: %s' % (name, err.strip()))


def main():
    keep = None
    if len(sys.argv) == 3 and sys.argv[1] == '--keep':
        keep = sys.argv[2]
        os.makedirs(keep, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        d = keep or tmp
        check_published(d)
        check_layouts(d)
        check_file_errors(d)
    print('\n%s' % ('ALL OK' if not failures else '%d FAILURES' % len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
