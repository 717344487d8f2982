#!/usr/bin/python3
"""summary.py RESULTS.tsv -- the table of `make bench`: every case per size,
the ratios against the targets, and the streaming peak memory across sizes.

RESULTS.tsv is written by bench/bench --tsv and bench/pandas_baseline.py --tsv:
label, case, bytes, records, best s, cpu s, load s, tables s, peak KiB (max),
peak KiB (min), runs."""

import sys

ORDER = ['noop', 'bare-xml', 'bare-xml-mem', 'bare-sax', 'xmllint-stream', 'xsd-xml', 'lib-xml',
         'lib-xml-xsd', 'lib3-xml', 'stream-xml', 'scan-csv', 'wc-l', 'lib-csv', 'lib3-csv',
         'libxtab-csv', 'stream-csv', 'pandas-competent', 'pandas-plain']
WHAT = {
    'noop': 'empty child process',
    'bare-xml': 'libxml2 xmlTextReader pass over the file',
    'bare-xml-mem': 'the same, file read into memory first',
    'bare-sax': 'libxml2 SAX2 push pass, no work',
    'xsd-xml': 'libxml2 reader pass + XSD validation',
    'lib-xml': 'libhjtj XML: load+classify+all tables',
    'lib-xml-xsd': 'the same with HJTJ_XSD_ALWAYS',
    'lib3-xml': 'libhjtj XML: load+classify+3.5,4.6,5.4',
    'stream-xml': 'libhjtj XML streaming + all tables',
    'scan-csv': 'read CSV + count lines (I/O floor)',
    'lib-csv': 'libhjtj CSV: load+classify+all tables',
    'lib3-csv': 'libhjtj CSV: load+classify+3.5,4.6,5.4',
    'libxtab-csv': 'libhjtj CSV: load+classify+3 custom tables',
    'stream-csv': 'libhjtj CSV streaming + all tables',
    'pandas-competent': 'pandas, typed/categorical read_csv',
    'pandas-plain': 'pandas, text columns + .str ops',
    'wc-l': 'wc -l (fork+exec+wait)',
    'xmllint-stream': 'xmllint --stream --noout (fork+exec+wait)',
}

# issue 21's targets: (case, yardstick, target, goal or None, digits)
TARGETS = [('lib3-csv', 'wc-l', 12.0, 5.0, 1),
           ('lib3-xml', 'xmllint-stream', 1.3, None, 2),
           ('lib-xml', 'xmllint-stream', 1.3, None, 2)]


def load(path):
    data = {}
    labels = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            p = line.rstrip('\n').split('\t')
            if len(p) < 10:
                continue
            label, case = p[0], p[1]
            if label not in data:
                data[label] = {}
                labels.append(label)
            data[label][case] = {
                'bytes': int(p[2]), 'records': int(p[3]), 'best': float(p[4]),
                'cpu': float(p[5]), 'load': float(p[6]), 'tables': float(p[7]),
                'rss': int(p[8]) / 1024.0, 'extra': p[10] if len(p) > 10 else ''}
    return labels, data


def file_bytes(d, cases):
    """The size of the file the first of cases that ran read."""
    return next((d[c]['bytes'] for c in cases if c in d), 0)


XML_CASES = ('bare-xml', 'lib-xml', 'lib3-xml', 'stream-xml', 'xmllint-stream')
CSV_CASES = ('lib-csv', 'lib3-csv', 'scan-csv', 'stream-csv', 'wc-l')


def ratio(d, a, b, key_a='best'):
    if a in d and b in d and d[b]['best'] > 0:
        return d[a][key_a] / d[b]['best']
    return None


def fmt(x, spec='%.2f'):
    return '-' if x is None else spec % x


def met(r, limit):
    return 'MET' if r <= limit else 'NOT MET'


def targets(d):
    """The ratios issue 21 sets as targets, each marked MET / NOT MET (a
    measurement: a target not met does not fail `make bench`)."""
    print('targets (issue 21):')
    for case, base, target, goal, digits in TARGETS:
        name = '%s / %s' % (case, base)
        r = ratio(d, case, base)
        if r is None:
            missing = base if base not in d else case
            print('  %-27s = -      not measured (%s did not run%s)' % (
                name, missing, '; Debian package libxml2-utils'
                if missing == 'xmllint-stream' else ''))
            continue
        spec = '%%.%dfx' % digits
        limits = 'target %gx' % target + (', goal %gx' % goal if goal else '')
        verdict = met(r, target) + ('; goal %s' % met(r, goal) if goal else '')
        print('  %-27s = %-6s (%s)  %s' % (name, spec % r, limits, verdict))


def main(argv):
    if len(argv) != 1:
        raise SystemExit('usage: summary.py RESULTS.tsv')
    labels, data = load(argv[0])
    print('\n' + '=' * 100)
    print('libhjtj benchmark: wall time = best of the repeated runs, each case in a fresh '
          'process;\npeak = ru_maxrss of that process (MB = 2^20 bytes); MB/s = 10^6 bytes/s')
    for label in labels:
        d = data[label]
        n = max((c['records'] for c in d.values()), default=0)
        xb, cb = file_bytes(d, XML_CASES), file_bytes(d, CSV_CASES)
        print('\n--- %s records (XML %.1f MB, CSV %.1f MB) ---' % (label, xb / 1e6, cb / 1e6))
        print('%-17s %-42s %9s %11s %8s %9s' % ('case', '', 'best s', 'records/s', 'MB/s',
                                                 'peak MB'))
        for case in ORDER:
            if case not in d:
                continue
            c = d[case]
            noop = case == 'noop'
            rps = '' if noop or c['best'] <= 0 else '%.0f' % (n / c['best'])
            mbs = '' if noop or c['best'] <= 0 else '%.1f' % (c['bytes'] / 1e6 / c['best'])
            print('%-17s %-42s %9.4f %11s %8s %9.1f%s' % (
                case, WHAT.get(case, ''), c['best'], rps, mbs, c['rss'],
                '' if c['extra'] in ('', 'ok') or not case.startswith('pandas')
                else '  CHECK ' + c['extra']))
        print('ratios:')
        print('  libhjtj XML (load+classify+all tables) / bare libxml2 pass   %6s  (target <= 1.3)'
              % fmt(ratio(d, 'lib-xml', 'bare-xml')))
        print('  libhjtj XML load+classify only / bare libxml2 pass            %6s'
              % fmt(ratio(d, 'lib-xml', 'bare-xml', 'load')))
        print('  libhjtj XML (load+classify+all tables) / bare SAX2 pass       %6s'
              % fmt(ratio(d, 'lib-xml', 'bare-sax')))
        print('  libhjtj XML with HJTJ_XSD_ALWAYS / bare libxml2 pass          %6s'
              % fmt(ratio(d, 'lib-xml-xsd', 'bare-xml')))
        print('  libxml2 XSD-validating pass / bare libxml2 pass               %6s'
              % fmt(ratio(d, 'xsd-xml', 'bare-xml')))
        print('  libhjtj CSV / libhjtj XML (load+classify+all tables)          %6s  (target < 1)'
              % fmt(ratio(d, 'lib-csv', 'lib-xml')))
        xt, l3 = d.get('libxtab-csv'), d.get('lib3-csv')
        print('  3 custom tables / 3 report tables (tables time, CSV)        %6s  (target <= 1)'
              % fmt(xt['tables'] / l3['tables'] if xt and l3 and l3['tables'] > 0 else None))
        for style in ('competent', 'plain'):
            print('  pandas (%-9s) / libhjtj CSV, same 3 tables              %6s  (target >= 30)'
                  % (style, fmt(ratio(d, 'pandas-' + style, 'lib3-csv'), '%.1f')))
            print('  pandas (%-9s) / libhjtj CSV, all tables                 %6s'
                  % (style, fmt(ratio(d, 'pandas-' + style, 'lib-csv'), '%.1f')))
        targets(d)
    print('\n--- streaming peak memory (target: independent of N) ---')
    print('%-12s %14s %14s %14s %14s' % ('records', 'stream-xml MB', 'stream-csv MB',
                                         'XML file MB', 'CSV file MB'))
    for label in labels:
        d = data[label]
        print('%-12s %14s %14s %14.1f %14.1f' % (
            label, fmt(d.get('stream-xml', {}).get('rss'), '%.1f'),
            fmt(d.get('stream-csv', {}).get('rss'), '%.1f'),
            file_bytes(d, XML_CASES) / 2**20, file_bytes(d, CSV_CASES) / 2**20))
    if len(labels) >= 2:
        # the growth between consecutive sizes, per added record: memory that
        # is independent of N shows as a slope that falls towards 0
        for case in ('stream-xml', 'stream-csv'):
            steps = []
            for la, lb in zip(labels, labels[1:]):
                a, b = data[la].get(case), data[lb].get(case)
                if a and b and b['records'] > a['records']:
                    slope = (b['rss'] - a['rss']) * 2**20 / (b['records'] - a['records'])
                    steps.append('%.1f -> %.1f MB from %s to %s records (%.1f bytes per added '
                                 'record)' % (a['rss'], b['rss'], la, lb, slope))
            if steps:
                print('  %s: %s' % (case, '; '.join(steps)))
    try:
        with open('/proc/loadavg', encoding='ascii') as f:
            print('load average at the end (other jobs share the 2 cores): ' +
                  ' '.join(f.read().split()[:3]))
    except OSError:
        pass
    print('=' * 100)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
