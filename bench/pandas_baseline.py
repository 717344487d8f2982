#!/usr/bin/python3
"""pandas_baseline.py -- what a statistician would write instead of libhjtj.

    pandas_baseline.py [--style competent|plain] [--repeat R] [--label L]
                       [--tsv RESULTS.tsv] [--classify HJTJ-CLASSIFY]
                       [--report HJTJ-REPORT] [--kommuner data/kommuner-2025.csv]
                       FILE.csv

Reads a register in the CSV *list* layout with pandas (Debian python3-pandas),
applies the classification of SPEC §4 -- the editing rules of §4.1,
hovedvirksomhetstype, virksomhetskategori, samlemålgruppe with its 19 sets,
number of målgrupper, kommunestørrelse, botilbud -- and builds Tables 3.5,
4.6 and 5.4, vectorised as a competent pandas user would: the code-list
columns are read as categoricals and decoded to bit masks once per distinct
value, everything else is numpy on whole columns, the tables are groupby
counts/sums/medians.  It also does the cheap whole-column checks such a
user would add (orgnr check digit, known codes and kommunenr, unique orgnr,
boenheter an integer >= 0); it does not do libhjtj's record-by-record
rejection with line numbers, nor the other 51 tables.

--style competent (the default) is the version above.  --style plain is the
other common way: every column read as text (no usecols, no dtypes), the
code sets decoded with one `.str.contains` per code, boenheter with
`.str.strip` + `pd.to_numeric`; the classification and tables are shared.

Timed (best of R runs in this process, after `import pandas`): read_csv +
checks + classification + the three tables as CSV text.  Not timed: writing
the hjtj-classify rows, which is done once afterwards and compared byte for
byte with `hjtj-classify FILE`; the tables are compared with
`hjtj-report --table 3.5/4.6/5.4 FILE`.  With --tsv, the libhjtj figures
of the same label (from bench/bench) are read back and pandas/libhjtj printed.
"""

import csv
import io
import os
import resource
import subprocess
import sys
import time

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))

TYPES = ['boligbase', 'amb-helse', 'amb-praktisk', 'bpa', 'annen-hjemmetjeneste',
         'enetiltak', 'barnebolig-avlastning', 'sykehjem', 'dagaktivitet',
         'annen-virksomhet', 'ressursenhet', 'bestillerkontor', 'administrasjon']
MALGRUPPER = ['demens', 'bevegelse-0-66', 'bevegelse-67', 'utviklingshemning',
              'psykiske-lidelser', 'rusproblemer', 'ingen', 'annen']
STATUSES = ['aktiv', 'opphort', 'midlertidig-opphort', 'ikke-hjemmetjeneste',
            'ikke-innrapportert']
T = {c: 1 << i for i, c in enumerate(TYPES)}
M = {c: 1 << i for i, c in enumerate(MALGRUPPER)}
BOLIG, ENET = T['boligbase'], T['enetiltak']
HT = sum(T[c] for c in TYPES[:6])
AT = sum(T[c] for c in TYPES[6:10])
ADM = sum(T[c] for c in TYPES[10:])
HT_STAR = HT & ~T['annen-hjemmetjeneste']
AT_PRIME = AT & ~T['annen-virksomhet']
INGEN, ANNEN = M['ingen'], M['annen']

ASSS = ['0301', '4601', '5001', '1103', '3201', '4204', '3301', '3203', '3205', '3107',
        '1108', '5501']

# codes (SPEC §6), in the order of the library's enums
HOVED = np.array(['rene-brukerrettede', 'kombinert-annen', 'administrasjon', 'utenfor'],
                 dtype=object)
HTC = np.array(['kun-boligbase', 'kun-amb-helse', 'kun-amb-praktisk', 'kun-amb-begge',
                'kun-bpa', 'enetiltak', 'kun-annen-hjemmetjeneste', 'to-typer',
                'tre-eller-flere', ''], dtype=object)            # 9 = none
KAT = np.array(['kun-boligbase', 'kun-amb-helse', 'kun-amb-praktisk', 'kun-amb-begge',
                'kun-bpa', 'enetiltak', 'kun-annen-hjemmetjeneste', 'to-eller-flere-ht',
                'kombinert-annen', 'administrasjon', ''], dtype=object)  # 10 = none
SAMLE = np.array(['utviklingshemning', 'eldre-demens', 'psykisk-rus', 'bevegelseshemning',
                  'utenfor'], dtype=object)
ANTALL = np.array(['1', '2', '3+'], dtype=object)
KSTR = np.array(['asss', '20000+', '10000-19999', '5000-9999', 'under-5000'], dtype=object)

# the 19 sets of SPEC §4.4 over the six main målgrupper (D B0 B67 U P R)
_D, _B0, _B67, _U, _P, _R = (M[c] for c in MALGRUPPER[:6])
SAMLE_SETS = [
    (0, [_U, _U | _B0, _U | _P, _U | _B0 | _P, _U | _B0 | _B67, _U | _B67, _U | _D, _U | _R]),
    (1, [_D, _B67, _D | _B67, _D | _B0 | _B67, _D | _B0 | _B67 | _P]),
    (2, [_P, _R, _P | _R, _U | _P | _R]),
    (3, [_B0, _B0 | _B67]),
]
SAMLE_OF_MAIN = np.full(64, 4, dtype=np.int8)
for _k, _sets in SAMLE_SETS:
    for _s in _sets:
        SAMLE_OF_MAIN[_s] = _k

# labels of the three tables (the report's, as in shared/reference)
CAT_LABEL = ['Kun boligbase', 'Kun ambulerende virksomhet - helsetjenester',
             'Kun ambulerende virksomhet - praktisk bistand',
             'Kun ambulerende virksomhet - både helsetjenester og praktisk bistand',
             'Brukerstyrt personlig assistanse', 'Enetiltak', 'Kun annen hjemmetjeneste',
             'To eller flere virksomhetstyper innen hjemmetjenesten',
             'Hjemmetjeneste kombinert med annen tjenestetype', 'Administrasjon med videre']
SAMLE_LABEL = ['Utviklingshemning mv.', 'Eldre og/eller demens', 'Psykisk og/eller rus',
               'Bevegelseshemning', 'Utenfor samlemålgruppene']
SAMLE_LABEL_5 = ['Utviklingshemning', 'Eldre og demens', 'Psykisk og rus', 'Bevegelseshemning',
                 'Utenfor samlemålgruppene']


def pct(a, b):
    """Percentage rounded half up to one decimal from exact integers."""
    a, b = int(a), int(b)
    if b == 0:
        return ''
    t = (2000 * a + b) // (2 * b)
    return '%d.%d' % (t // 10, t % 10)


def fmt_median(x):
    if x is None or np.isnan(x):
        return ''
    return '%d' % x if x == int(x) else '%.1f' % x


def csv_text(rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator='\n')
    w.writerows(rows)
    return out.getvalue()


def masks_of(cat_series, bits, what):
    """Bit mask per row of a categorical column of space-separated codes."""
    cats = cat_series.cat.categories
    lut = np.zeros(len(cats) + 1, dtype=np.int64)     # last slot: code -1 (NaN)
    for i, v in enumerate(cats):
        m = 0
        for tok in str(v).split():
            b = bits.get(tok)
            if b is None:
                raise ValueError('unknown %s code %r' % (what, tok))
            m |= b
        lut[i] = m
    return lut[cat_series.cat.codes.to_numpy()]


def load_kommuner(path):
    k = pd.read_csv(path, sep=None, engine='python', dtype={'kommunenr': str})
    inn = k['innbyggere'].to_numpy()
    size = np.select([k['kommunenr'].isin(ASSS).to_numpy(), inn >= 20000, inn >= 10000,
                      inn >= 5000], [0, 1, 2, 3], 4)
    return dict(zip(k['kommunenr'], size))


def masks_plain(s, bits, what):
    """The same from a column of plain strings: one .str.contains per code."""
    s = s.fillna('')
    m = np.zeros(len(s), dtype=np.int64)
    for code, bit in bits.items():
        m |= np.where(s.str.contains(r'(?:^|\s)%s(?:\s|$)' % code, regex=True), bit, 0)
    rest = s.str.replace(r'(?:^|\s)(?:%s)(?=\s|$)' % '|'.join(bits), '', regex=True).str.strip()
    if (rest != '').any():
        raise ValueError('unknown %s code %r' % (what, rest[rest != ''].iloc[0]))
    return m


def read_competent(path, kommuner_size):
    """read_csv of the needed columns, typed: orgnr int64 (Norwegian orgnr
    have no leading zero), boenheter float (empty = NaN), codes categorical;
    then the code sets decoded once per distinct value."""
    df = pd.read_csv(path, sep=',', engine='c', keep_default_na=False, na_values=[''],
                     usecols=['orgnr', 'kommunenr', 'eierskap', 'status', 'virksomhetstyper',
                              'malgrupper', 'boenheter'],
                     dtype={'orgnr': 'int64', 'kommunenr': 'category', 'eierskap': 'category',
                            'status': 'category', 'virksomhetstyper': 'category',
                            'malgrupper': 'category', 'boenheter': 'float64'})
    t1 = time.perf_counter()
    o = df['orgnr'].to_numpy()
    kcat = df['kommunenr'].cat.categories
    klut = np.array([kommuner_size.get(k, -1) for k in kcat] + [-1], dtype=np.int8)
    kstr = klut[df['kommunenr'].cat.codes.to_numpy()]
    if df['eierskap'].isna().any() or \
            not set(df['eierskap'].cat.categories) <= {'kommunal', 'privat'}:
        raise ValueError('unknown eierskap')
    if not set(df['status'].cat.categories) <= set(STATUSES):
        raise ValueError('unknown status')
    st = df['status']
    aktiv = ((st == 'aktiv') | st.isna()).to_numpy()             # status defaults to aktiv
    t = masks_of(df['virksomhetstyper'], T, 'virksomhetstype')
    m = masks_of(df['malgrupper'], M, 'malgruppe')
    return t1, o, kstr, aktiv, t, m, df['boenheter'].to_numpy()


def read_plain(path, kommuner_size):
    """read_csv of every column as text, then pandas string methods."""
    df = pd.read_csv(path, sep=',', dtype=str, keep_default_na=False)
    t1 = time.perf_counter()
    if not df['orgnr'].str.fullmatch(r'[0-9]{9}').all():
        raise ValueError('orgnr not 9 digits')
    o = df['orgnr'].astype('int64').to_numpy()
    kstr = df['kommunenr'].map(kommuner_size)
    if kstr.isna().any():
        raise ValueError('unknown or missing kommunenr')
    kstr = kstr.to_numpy().astype(np.int8)
    if not df['eierskap'].isin(['kommunal', 'privat']).all():
        raise ValueError('unknown eierskap')
    if not df['status'].isin(STATUSES + ['']).all():
        raise ValueError('unknown status')
    aktiv = df['status'].isin(['aktiv', '']).to_numpy()
    t = masks_plain(df['virksomhetstyper'], T, 'virksomhetstype')
    m = masks_plain(df['malgrupper'], M, 'malgruppe')
    bo = pd.to_numeric(df['boenheter'].str.strip().replace('', np.nan)).to_numpy(np.float64)
    return t1, o, kstr, aktiv, t, m, bo


def run(path, kommuner_size, style='competent'):
    """Read + check + classify + tables; returns (timings, classes, tables)."""
    t0 = time.perf_counter()
    t1, o, kstr, aktiv, t, m, bo = (read_plain if style == 'plain' else read_competent)(
        path, kommuner_size)

    # --- checks a careful user adds (whole columns) ---
    if ((o < 100_000_000) | (o > 999_999_999)).any():
        raise ValueError('orgnr not 9 digits')
    d = (o[:, None] // 10 ** np.arange(8, -1, -1)) % 10
    r = (d[:, :8] @ np.array([3, 2, 7, 6, 5, 4, 3, 2])) % 11
    if ((r == 1) | (np.where(r == 0, 0, 11 - r) != d[:, 8])).any():
        raise ValueError('orgnr check digit')
    if pd.Series(o).duplicated().any():
        raise ValueError('duplicate orgnr')
    if (kstr < 0).any():
        raise ValueError('unknown or missing kommunenr')
    if (bo < 0).any() or (np.nan_to_num(bo) != np.round(np.nan_to_num(bo))).any():
        raise ValueError('boenheter not an integer >= 0')

    # --- classification (SPEC §4) ---
    if (aktiv & (t == 0)).any():
        raise ValueError('active record without virksomhetstype')
    if (aktiv & ((m & INGEN) != 0) & ((m & ~INGEN) != 0)).any():
        raise ValueError("'ingen' with another malgruppe")
    one = (t & BOLIG != 0) & (bo == 1)                       # 4.1.1
    t = np.where(one, (t & ~BOLIG) | ENET, t)
    t = np.where(t & ENET != 0, ENET, t)                     # 4.1.4
    m = np.where(m == 0, INGEN, m)                           # 4.1.2
    boen = np.nan_to_num(bo, nan=0.0).astype(np.int64)       # 4.1.5
    has = lambda mask: (t & mask) != 0                        # noqa: E731
    adm_rule = has(ADM) & ~has(HT_STAR) & ~has(AT_PRIME)
    hoved = np.select([adm_rule, has(HT) & has(AT), has(HT)], [2, 1, 0], 3).astype(np.int8)
    h = t & HT
    nh = np.zeros(len(h), dtype=np.int8)
    for c in TYPES[:6]:
        nh += (h & T[c]) != 0
    single = np.select([h == T['boligbase'], h == T['amb-helse'], h == T['amb-praktisk'],
                        h == T['bpa']], [0, 1, 2, 4], 6)
    ht = np.select([h & ENET != 0, nh == 1, h == T['amb-helse'] | T['amb-praktisk'], nh == 2,
                    nh >= 3], [5, single, 3, 7, 8], 9).astype(np.int8)
    ht = np.where(hoved >= 2, 9, ht).astype(np.int8)
    kat = np.select([hoved == 0, hoved == 1, hoved == 2], [np.where(ht >= 7, 7, ht), 8, 9],
                    10).astype(np.int8)
    ingen = (m & INGEN) != 0
    main6 = m & 63
    samle = np.where(ingen | (main6 == 0), 4, SAMLE_OF_MAIN[main6]).astype(np.int8)
    nm = np.zeros(len(m), dtype=np.int8)
    for c in MALGRUPPER:
        nm += (m & M[c]) != 0
    antall = np.where(ingen, 2, np.minimum(nm, 3) - 1).astype(np.int8)
    botilbud = has(BOLIG) & (boen >= 2)
    pop = aktiv & (hoved != 3)
    t2 = time.perf_counter()

    # --- Tables 3.5, 4.6, 5.4 ---
    kp = pd.Series(kat[pop])
    cnt = kp.value_counts().reindex(range(10), fill_value=0).to_numpy()
    tot = int(cnt.sum())
    rows = [['virksomhetskategori', 'antall', 'andel']]
    for k in range(10):
        if k == 6 and cnt[6] == 0:
            continue                     # «Kun annen hjemmetjeneste» only when present
        rows.append([CAT_LABEL[k], str(cnt[k]), pct(cnt[k], tot)])
    rows.append(['Totalt', str(tot), pct(tot, tot)])
    t35 = csv_text(rows)

    sc = pd.Series(samle[pop]).value_counts().reindex(range(5), fill_value=0).to_numpy()
    rows = [['samlemalgruppe', 'antall_virksomheter', 'andel_av_alle']]
    for k in range(5):
        rows.append([SAMLE_LABEL[k], str(sc[k]), pct(sc[k], tot)])
    rows.append(['Totalt', str(tot), pct(tot, tot)])
    t46 = csv_text(rows)

    b = pop & botilbud
    bd = pd.DataFrame({'samle': samle[b], 'boen': boen[b]})
    g = bd.groupby('samle')['boen'].agg(['sum', 'count', 'median']).reindex(range(5))
    tb, tn = int(bd['boen'].sum()), len(bd)
    rows = [['samlemalgruppe', 'antall_boenheter', 'antall_virksomheter', 'andel_boenheter',
             'andel_virksomheter', 'boenheter_per_virksomhet_median']]
    for k in range(5):
        s_, n_ = g['sum'].iloc[k], g['count'].iloc[k]
        s_ = 0 if np.isnan(s_) else int(s_)
        n_ = 0 if np.isnan(n_) else int(n_)
        rows.append([SAMLE_LABEL_5[k], str(s_), str(n_), pct(s_, tb), pct(n_, tn),
                     fmt_median(g['median'].iloc[k])])
    rows.append(['Totalt', str(tb), str(tn), pct(tb, tb), pct(tn, tn),
                 fmt_median(bd['boen'].median() if tn else np.nan)])
    t54 = csv_text(rows)
    t3 = time.perf_counter()

    classes = dict(orgnr=o, aktiv=aktiv, hoved=hoved, ht=ht, kat=kat,
                   samle=samle, antall=antall, kstr=kstr, botilbud=botilbud)
    return (t1 - t0, t2 - t1, t3 - t2), classes, {'3.5': t35, '4.6': t46, '5.4': t54}


def classify_csv(c):
    """The hjtj-classify rows (SPEC §7) for the active records, in input order."""
    a = c['aktiv']
    out = pd.DataFrame({
        'orgnr': c['orgnr'][a].astype(str),
        'hovedvirksomhetstype': HOVED[c['hoved'][a]],
        'ht_sammensetning': HTC[c['ht'][a]],
        'kategori': KAT[c['kat'][a]],
        'samlemalgruppe': SAMLE[c['samle'][a]],
        'antall_malgrupper': ANTALL[c['antall'][a]],
        'kommunestorrelse': KSTR[c['kstr'][a]],
        'botilbud': np.where(c['botilbud'][a], '1', '0'),
    })
    return out.to_csv(index=False, lineterminator='\n')


def read_tsv(path, label):
    res = {}
    try:
        with open(path, encoding='utf-8') as f:
            for line in f:
                p = line.rstrip('\n').split('\t')
                if len(p) >= 10 and p[0] == label:
                    res[p[1]] = p
    except OSError:
        pass
    return res


def main(argv):
    repeat, label, tsv, cls_bin, rep_bin, style = 3, '', None, None, None, 'competent'
    kpath = os.path.join(HERE, '..', 'data', 'kommuner-2025.csv')
    if os.environ.get('HJTJ_DATADIR'):
        kpath = os.path.join(os.environ['HJTJ_DATADIR'], 'kommuner-2025.csv')
    path = None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ('--repeat', '--label', '--tsv', '--classify', '--report', '--kommuner',
                 '--style'):
            if i + 1 >= len(argv):
                raise SystemExit('pandas_baseline: %s needs a value' % a)
            v = argv[i + 1]
            i += 2
            if a == '--repeat':
                repeat = int(v)
            elif a == '--label':
                label = v
            elif a == '--tsv':
                tsv = v
            elif a == '--classify':
                cls_bin = v
            elif a == '--report':
                rep_bin = v
            elif a == '--style':
                if v not in ('competent', 'plain'):
                    raise SystemExit('pandas_baseline: --style competent|plain')
                style = v
            else:
                kpath = v
        elif a.startswith('-'):
            raise SystemExit(__doc__)
        else:
            path = a
            i += 1
    if path is None:
        raise SystemExit(__doc__)
    ksize = load_kommuner(kpath)

    best, best_cpu = None, 0.0
    for _ in range(max(1, repeat)):
        c0 = time.process_time()
        times, classes, tables = run(path, ksize, style)
        cpu = time.process_time() - c0
        if best is None or sum(times) < sum(best):
            best, best_cpu = times, cpu
    total = sum(best)
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    nrec = len(classes['orgnr'])
    size = os.path.getsize(path)

    # --- the check against the library ---
    ok, notes = True, []
    if cls_bin:
        lib = subprocess.run([cls_bin, path], capture_output=True, check=False).stdout
        mine = classify_csv(classes).encode('utf-8')
        if lib != mine:
            ok = False
            la, ma = lib.decode().split('\n'), mine.decode().split('\n')
            bad = next((j for j in range(min(len(la), len(ma))) if la[j] != ma[j]), None)
            notes.append('hjtj-classify differs (%d vs %d lines; first at line %s: %r vs %r)'
                         % (len(la), len(ma), bad, la[bad] if bad is not None else '',
                            ma[bad] if bad is not None else ''))
        else:
            notes.append('hjtj-classify rows identical (%d active records)' %
                         (mine.count(b'\n') - 1))
    if rep_bin:
        for tid in ('3.5', '4.6', '5.4'):
            lib = subprocess.run([rep_bin, '--table', tid, path], capture_output=True,
                                 check=False).stdout.decode('utf-8')
            if lib != tables[tid]:
                ok = False
                notes.append('Table %s differs:\n--- libhjtj\n%s--- pandas\n%s' %
                             (tid, lib, tables[tid]))
            else:
                notes.append('Table %s identical' % tid)

    print('\npandas %s (numpy %s), style %s, %s: %s (%.1f MB), %d records' %
          (pd.__version__, np.__version__, style, label, path, size / 1e6, nrec))
    print('pandas (%s): best of %d: %.4f s (cpu %.4f s) = read_csv %.4f + checks+classify %.4f + '
          '3 tables %.4f; %.0f records/s, %.1f MB/s, peak %.1f MB' %
          (style, repeat, total, best_cpu, best[0], best[1], best[2], nrec / total,
           size / 1e6 / total, rss_kb / 1024))
    for n in notes:
        print('  check: ' + n)
    print('  check: %s' % ('OK' if ok else 'FAILED'))
    if tsv:
        lib = read_tsv(tsv, label)
        for case, what in (('lib3-csv', 'load+classify+Tables 3.5, 4.6, 5.4'),
                           ('lib-csv', 'load+classify+all tables')):
            if case in lib and float(lib[case][4]) > 0:
                print('  pandas / libhjtj CSV (%s) = %.1f (target >= 30)' %
                      (what, total / float(lib[case][4])))
        with open(tsv, 'a', encoding='utf-8') as f:
            f.write('%s\t%s\t%d\t%d\t%.6f\t%.6f\t%.6f\t%.6f\t%d\t%d\t%s\n' % (
                label, 'pandas-' + style, size, nrec, total, best_cpu, best[0],
                best[1] + best[2], rss_kb, rss_kb, 'ok' if ok else 'FAILED'))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
