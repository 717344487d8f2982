#!/usr/bin/env python3
"""check_reference.py — every table the library computes from the bundled
synthetic register, compared cell by cell with the report's published tables
(tests/reference/tabell_*.csv).

The only cells allowed to differ are the report's documented misprints
(tests/reference/misprints.csv, from KNOWN_ISSUES.md section A); for those the
library must give the value the rules give.  Prints a summary; exits 1 on any
other difference.

usage: check_reference.py HJTJ_REPORT REGISTER REFERENCE_DIR
"""
import csv
import io
import subprocess
import sys


def num(s):
    try:
        return float(s)
    except ValueError:
        return None


def same(a, b):
    if a == b:
        return True
    x, y = num(a), num(b)
    return x is not None and y is not None and abs(x - y) < 1e-9


def read_blocks(text):
    """Split `hjtj-report --all` output into {id: rows}."""
    blocks, cur, lines = {}, None, []
    for line in text.splitlines(keepends=True):
        if line.startswith('# Tabell '):
            if cur:
                blocks[cur] = list(csv.reader(io.StringIO(''.join(lines))))
            cur, lines = line[len('# Tabell '):].strip(), []
        elif line.strip() or lines:
            lines.append(line)
    if cur:
        blocks[cur] = list(csv.reader(io.StringIO(''.join(lines))))
    for k in blocks:
        blocks[k] = [r for r in blocks[k] if r]
    return blocks


def main(argv):
    report, register, refdir = argv[1], argv[2], argv[3]
    out = subprocess.run([report, '--all', register], capture_output=True, text=True)
    if out.returncode != 0:
        print('hjtj-report failed:', out.stderr)
        return 1
    ours = read_blocks(out.stdout)
    misprints = list(csv.DictReader(open(f'{refdir}/misprints.csv', encoding='utf-8')))

    def misprint(tid, row, col):
        for m in misprints:
            if m['table'] == tid and m['row_label'] in ('*', row) and m['column'] in ('*', col):
                return m
        return None

    tables = cells = matched = documented = 0
    bad = []
    for tid in ours:
        ref_path = f'{refdir}/tabell_{tid.replace(".", "_")}.csv'
        ref = [r for r in csv.reader(open(ref_path, encoding='utf-8')) if r]
        got = ours[tid]
        tables += 1
        if ref[0] != got[0]:
            bad.append(f'{tid}: header {got[0]} != {ref[0]}')
            continue
        if len(ref) != len(got):
            bad.append(f'{tid}: {len(got) - 1} rows, the report has {len(ref) - 1}')
            continue
        header = ref[0]
        for rr, gr in zip(ref[1:], got[1:]):
            for j, col in enumerate(header):
                cells += 1
                if same(rr[j], gr[j]):
                    matched += 1
                    continue
                m = misprint(tid, rr[0], col)
                if m is None:
                    bad.append(f'{tid} [{rr[0]} / {col}]: {gr[j]!r}, the report prints {rr[j]!r}')
                    continue
                want = m['intended']
                if want.startswith('='):
                    want = rr[header.index(want[1:])]
                if want != '?' and not same(want, gr[j]):
                    bad.append(f'{tid} [{rr[0]} / {col}]: {gr[j]!r}, the rules give {want!r}')
                    continue
                documented += 1
    print(f'{tables} tables, {cells} cells: {matched} equal to the report, '
          f'{documented} documented misprints where the library follows the rules, '
          f'{len(bad)} other differences')
    for b in bad[:50]:
        print('  DIFF', b)
    return 1 if bad or tables < 54 else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
