#!/usr/bin/env python3
"""tests/layout.py SRCDIR — the rules of lib/'s layout (README "Layout"),
checked on the sources so that they stay true as the library changes:

1. no function in lib/ is longer than 100 lines (from the line with its name
   to its closing brace);
2. the table definitions (catalog.c, tables_*.c, tables_common.h) cannot see
   a register's records: neither they nor any header they include,
   directly or not, includes register.h, and they call neither
   hjtj_register_record() nor anything that walks the records; a table reads
   records only through its declarations (crosstab.h), which a streaming
   register fills as the records load (check_streaming checks the result);
3. the loaders (load_xml.c, load_csv.c) feed the register through the sink
   (sink.h) and do not include register.h;
4. the one-of-each helpers of text.h are not written again: no other
   definition of a trim, an orgnr check, a control-character test or a hash
   function in lib/;
5. every file of lib/ is listed in Makefile.am's libhjtj_la_SOURCES.
"""
import glob
import os
import re
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else '.'
LIB = os.path.join(SRC, 'lib')
MAX_LINES = 100
fails = []


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def functions(text):
    """(name, first line, length) of every function definition: a line
    '{' at column 0 closes a header that starts at column 0."""
    lines = text.split('\n')
    out = []
    i = 0
    while i < len(lines):
        if lines[i] == '{' and i > 0:
            j = i - 1
            while j > 0 and lines[j - 1].strip() and not lines[j - 1].rstrip().endswith(
                    (';', '}', '*/')) and not lines[j - 1].startswith('#'):
                j -= 1
            m = re.search(r'(\w+)\s*\(', ' '.join(lines[j:i]))
            k = i + 1
            while k < len(lines) and lines[k] != '}':
                k += 1
            out.append((m.group(1) if m else '?', j + 1, k - j + 1))
            i = k
        i += 1
    return out


def includes(path):
    return re.findall(r'^#include "([^"]+)"', read(path), re.M)


def closure(path):
    seen, todo = set(), [os.path.basename(path)]
    while todo:
        h = todo.pop()
        for inc in includes(os.path.join(LIB, h)) if os.path.exists(os.path.join(LIB, h)) else []:
            if inc not in seen:
                seen.add(inc)
                todo.append(inc)
    return seen


def strip(text):
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    return re.sub(r'"(\\.|[^"\\])*"', '""', text)


cfiles = sorted(glob.glob(os.path.join(LIB, '*.c')))
hfiles = sorted(glob.glob(os.path.join(LIB, '*.h')))

# 1. function length
n = 0
for f in cfiles:
    for name, line, length in functions(read(f)):
        n += 1
        if length > MAX_LINES:
            fails.append('%s:%d: %s is %d lines (at most %d)' % (os.path.relpath(f, SRC), line,
                                                                name, length, MAX_LINES))
print('layout: %d functions in %d files of lib/' % (n, len(cfiles)))

# 2. the table definitions cannot see records
tables = [os.path.join(LIB, x) for x in ('catalog.c', 'tables_common.h')] + sorted(
    glob.glob(os.path.join(LIB, 'tables_*.c')))
for f in tables:
    if 'register.h' in closure(f):
        fails.append('%s: includes register.h (directly or through a header): a table '
                     'definition may not see a register\'s records' % os.path.relpath(f, SRC))
    for bad in ('hjtj_register_record', 'reg_rec', 'hjtj__reg_rec'):
        if re.search(r'\b%s\s*\(' % bad, strip(read(f))):
            fails.append('%s: calls %s(): a table reads records only through its declarations'
                         % (os.path.relpath(f, SRC), bad))

# 3. the loaders go through the sink
for name in ('load_xml.c', 'load_csv.c'):
    f = os.path.join(LIB, name)
    if os.path.exists(f):
        if 'register.h' in closure(f):
            fails.append('lib/%s: includes register.h; a loader hands records to the sink '
                         '(sink.h)' % name)
        if 'sink.h' not in closure(f):
            fails.append('lib/%s: does not use the sink (sink.h)' % name)

# 4. the one-of-each helpers
ONE = r'(\w*trim|orgnr_valid|has_control|\w*hash(?:64)?|is_space|is_blank)'
for f in cfiles:
    if os.path.basename(f) == 'text.c':
        continue
    for m in re.finditer(r'^(?:static\s+)?(?:inline\s+)?[\w ]+?\b%s\s*\([^;]*$' % ONE,
                         strip(read(f)), re.M):
        line = strip(read(f))[:m.start()].count('\n') + 1
        fails.append('%s:%d: defines %s(): use text.h\'s (hjtj__trim, hjtj__hash_u64, ...)'
                     % (os.path.relpath(f, SRC), line, m.group(1)))

# 5. every file is in the build
am = read(os.path.join(SRC, 'Makefile.am'))
for f in cfiles + hfiles:
    rel = 'lib/' + os.path.basename(f)
    if not re.search(r'(^|\s)%s(\s|$)' % re.escape(rel), am):
        fails.append('%s: not listed in Makefile.am (libhjtj_la_SOURCES)' % rel)

for msg in fails:
    print('FAIL: ' + msg)
if fails:
    sys.exit(1)
print('ok: functions at most %d lines; the tables cannot see records; the loaders use the '
      'sink; one trim, orgnr check and hash; every lib/ file built' % MAX_LINES)
