#!/usr/bin/python3
"""hjtj_oracle — independent Python reference implementation ("oracle") of libhjtj.

Written from /work/shared/SPEC.md (plus the project's policy decisions listed in
README.md), standard library only, Python 3.11.  It never reads the reference
tables to compute values: labels and headers are hard-coded below.

Command line:
    hjtj_oracle.py classify [--kommuner K] FILE
    hjtj_oracle.py report --table ID [--kommuner K] FILE
    hjtj_oracle.py report --all --dir OUTDIR [--kommuner K] FILE
    hjtj_oracle.py gen --seed S --n N --out-prefix P [--bad K]

Module API:
    load(path, kommuner_path=None) -> (records, rejects, kommuner)
    classify(record, kommuner=None) -> dict
    build_table(table_id, records, kommuner) -> [header, row, row, ...]
"""

import csv
import io
import os
import random
import re
import sys
import xml.parsers.expat
from xml.sax.saxutils import escape as _xml_escape, quoteattr as _xml_quoteattr

# ---------------------------------------------------------------------------
# Codes (SPEC §2, §6)

TYPES = ['boligbase', 'amb-helse', 'amb-praktisk', 'bpa', 'annen-hjemmetjeneste',
         'enetiltak', 'barnebolig-avlastning', 'sykehjem', 'dagaktivitet',
         'annen-virksomhet', 'ressursenhet', 'bestillerkontor', 'administrasjon']
HT = {'boligbase', 'amb-helse', 'amb-praktisk', 'bpa', 'annen-hjemmetjeneste', 'enetiltak'}
AT = {'barnebolig-avlastning', 'sykehjem', 'dagaktivitet', 'annen-virksomhet'}
ADM = {'ressursenhet', 'bestillerkontor', 'administrasjon'}
HT_STAR = {'boligbase', 'amb-helse', 'amb-praktisk', 'bpa', 'enetiltak'}
AT_PRIME = {'barnebolig-avlastning', 'sykehjem', 'dagaktivitet'}

MALGRUPPER = ['demens', 'bevegelse-0-66', 'bevegelse-67', 'utviklingshemning',
              'psykiske-lidelser', 'rusproblemer', 'ingen', 'annen']
MAIN6 = MALGRUPPER[:6]
MOTTAR = ['sykehjem', 'boligbase', 'ambulerende', 'annen']
LEVERER = ['sykehjem', 'dagsenter', 'barnebolig-avlastning', 'annen']
STATUSES = ['aktiv', 'opphort', 'midlertidig-opphort', 'ikke-hjemmetjeneste',
            'ikke-innrapportert']
EIERSKAP = ['kommunal', 'privat']
STANDARDS = ['SN2007', 'SN2025']

ASSS = ['0301', '4601', '5001', '1103', '3201', '4204', '3301', '3203', '3205',
        '3107', '1108', '5501']
SIZE_ORDER = ['asss', '20000+', '10000-19999', '5000-9999', 'under-5000']

NS = 'urn:hjtj:kartlegging:1'
MAX_BOENHETER = 100000

# samlemålgruppe sets (SPEC §4.4), D B0 B67 U P R
_D, _B0, _B67, _U, _P, _R = MAIN6
SAMLE_SETS = {
    'utviklingshemning': [{_U}, {_U, _B0}, {_U, _P}, {_U, _B0, _P}, {_U, _B0, _B67},
                          {_U, _B67}, {_U, _D}, {_U, _R}],
    'eldre-demens': [{_D}, {_B67}, {_D, _B67}, {_D, _B0, _B67}, {_D, _B0, _B67, _P}],
    'psykisk-rus': [{_P}, {_R}, {_P, _R}, {_U, _P, _R}],
    'bevegelseshemning': [{_B0}, {_B0, _B67}],
}
SAMLE_LOOKUP = {}
for _k, _sets in SAMLE_SETS.items():
    for _s in _sets:
        SAMLE_LOOKUP[frozenset(_s)] = _k
SAMLE_ORDER = ['utviklingshemning', 'eldre-demens', 'psykisk-rus', 'bevegelseshemning', 'utenfor']

# ---------------------------------------------------------------------------
# Labels

CAT_LABEL = {
    'kun-boligbase': 'Kun boligbase',
    'kun-amb-helse': 'Kun ambulerende virksomhet - helsetjenester',
    'kun-amb-praktisk': 'Kun ambulerende virksomhet - praktisk bistand',
    'kun-amb-begge': 'Kun ambulerende virksomhet - både helsetjenester og praktisk bistand',
    'kun-bpa': 'Brukerstyrt personlig assistanse',
    'kun-annen-hjemmetjeneste': 'Kun annen hjemmetjeneste',
    'enetiltak': 'Enetiltak',
    'to-eller-flere-ht': 'To eller flere virksomhetstyper innen hjemmetjenesten',
    'kombinert-annen': 'Hjemmetjeneste kombinert med annen tjenestetype',
    'administrasjon': 'Administrasjon med videre',
    'to-typer': 'To virksomhetstyper innen hjemmetjenesten',
    'tre-eller-flere': 'Tre eller flere virksomhetstyper innen hjemmetjenesten',
}
CAT_ORDER = ['kun-boligbase', 'kun-amb-helse', 'kun-amb-praktisk', 'kun-amb-begge', 'kun-bpa',
             'kun-annen-hjemmetjeneste', 'enetiltak', 'to-eller-flere-ht', 'kombinert-annen',
             'administrasjon']
PURE_AMB = ['kun-amb-helse', 'kun-amb-praktisk', 'kun-amb-begge']

SIZE_LABEL_19 = ['ASSS-kommuner', '20 000 eller flere innbyggere', '10 000 - 19 999 innbyggere',
                 '5 000 - 9 999 innbyggere', 'Færre enn 5 000 innbyggere']
SIZE_LABEL_3 = ['ASSS-kommuner', 'Flere enn 20 000 innbyggere', '10 000 - 19 999 innbyggere',
                '5 000 - 9 999 innbyggere', 'Færre enn 5 000 innbyggere']
SIZE_LABEL_48 = ['ASSS-kommuner', 'Over 20 000 innbyggere', '10 000 - 20 000 innbyggere',
                 '5 000 - 10 000 innbyggere', 'Færre enn 5 000 innbyggere']

MAL_LABEL = {
    'demens': 'Demens', 'bevegelse-0-66': 'Bevegelseshemning 0–66',
    'bevegelse-67': 'Bevegelseshemning 67+', 'utviklingshemning': 'Utviklingshemning mv.',
    'psykiske-lidelser': 'Psykiske lidelser', 'rusproblemer': 'Rusproblemer',
    'ingen': 'Ingen målgruppe', 'annen': 'Annen målgruppe',
}
SAMLE_LABEL = {'utviklingshemning': 'Utviklingshemning mv.', 'eldre-demens': 'Eldre og/eller demens',
               'psykisk-rus': 'Psykisk og/eller rus', 'bevegelseshemning': 'Bevegelseshemning',
               'utenfor': 'Utenfor samlemålgruppene'}
SAMLE_LABEL_5 = {'utviklingshemning': 'Utviklingshemning', 'eldre-demens': 'Eldre og demens',
                 'psykisk-rus': 'Psykisk og rus', 'bevegelseshemning': 'Bevegelseshemning',
                 'utenfor': 'Utenfor samlemålgruppene'}
SAMLE_SHARE_COLS = ['andel_utviklingshemning_mv', 'andel_eldre_og_eller_demens',
                    'andel_psykisk_og_eller_rus', 'andel_bevegelseshemning',
                    'andel_utenfor_samlemalgruppene']

SN2007_LABELS = {
    '86.901': 'Hjemmesykepleie',
    '87.202': 'Omsorgsinstitusjoner for rusmiddelmisbrukere',
    '87.203': 'Bofellesskap for psykisk utviklingshemmede',
    '87.302': 'Bofellesskap for eldre og funksjonshemmede med fast tilknyttet personell hele døgnet',
    '87.303': 'Bofellesskap for eldre og funksjonshemmede med fast tilknyttet personell deler av døgnet',
    '87.304': 'Avlastningsboliger/-institusjoner',
    '87.305': 'Barneboliger',
    '88.101': 'Hjemmehjelp',
}

BANDS = [(2, 5), (6, 10), (11, 15), (16, 20), (21, 25), (26, 30), (31, 35), (36, 40),
         (41, 45), (46, 50), (51, None)]
BAND_LABEL_53 = ['2-5 boenheter', '6-10 boenheter', '11–15 boenheter', '16–20 boenheter',
                 '21–25 boenheter', '26–30 boenheter', '31–35 boenheter', '36–40 boenheter',
                 '41–45 boenheter', '46-50 boenheter', '51 eller flere boenheter']
BAND_LABEL_55 = ['2–5 boenheter', '6–10 boenheter', '11–15 boenheter', '16–20 boenheter',
                 '21–25 boenheter', '26–30 boenheter', '31–35 boenheter', '36–40 boenheter',
                 '41–45 boenheter', '46–50 boenheter', '51 eller flere boenheter']

TABLE_IDS = ['1.9', '1.10', '2.2', '2.3'] + ['3.%d' % i for i in range(2, 24)] + \
            ['4.%d' % i for i in range(3, 24)] + ['5.%d' % i for i in range(1, 7)] + ['C1']


class FileError(Exception):
    """The file as a whole cannot be read (exit status 2)."""

    def __init__(self, msg, line=0, col=0):
        super().__init__(msg)
        self.msg, self.line, self.col = msg, line, col


# ---------------------------------------------------------------------------
# Small helpers

def orgnr_valid(s):
    if not re.fullmatch(r'[0-9]{9}', s or ''):
        return False
    w = [3, 2, 7, 6, 5, 4, 3, 2]
    r = sum(int(s[i]) * w[i] for i in range(8)) % 11
    if r == 1:
        return False
    check = 0 if r == 0 else 11 - r
    return int(s[8]) == check


def orgnr_check_digit(first8):
    """Check digit for 8 digits, or None if r == 1 (no valid orgnr)."""
    w = [3, 2, 7, 6, 5, 4, 3, 2]
    r = sum(int(first8[i]) * w[i] for i in range(8)) % 11
    if r == 1:
        return None
    return 0 if r == 0 else 11 - r


def pct(a, b):
    """Percentage a/b rounded half up to one decimal, from exact integers."""
    if b == 0:
        return ''
    t = (2000 * a + b) // (2 * b)
    return '%d.%d' % (t // 10, t % 10)


def median(values):
    if not values:
        return ''
    v = sorted(values)
    n = len(v)
    if n % 2:
        return str(v[n // 2])
    s = v[n // 2 - 1] + v[n // 2]
    return str(s // 2) if s % 2 == 0 else '%d.5' % (s // 2)


def _split_tokens(s):
    return [t for t in re.split(r'[ \t\r\n]+', s) if t]


def _bad_text(s):
    for ch in s:
        o = ord(ch)
        if (o < 32 and ch not in '\t\n\r') or o == 127:
            return True
    return False


def size_class(innbyggere, kommunenr):
    if kommunenr in ASSS:
        return 'asss'
    if innbyggere >= 20000:
        return '20000+'
    if innbyggere >= 10000:
        return '10000-19999'
    if innbyggere >= 5000:
        return '5000-9999'
    return 'under-5000'


# ---------------------------------------------------------------------------
# CSV reading (RFC 4180, own parser so that line numbers and errors are exact)

def _decode(data, path):
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError as e:
        pre = data[:e.start]
        line = pre.count(b'\n') + 1
        col = e.start - (pre.rfind(b'\n') + 1) + 1
        raise FileError('invalid UTF-8', line, col)


def _detect_delim(text):
    first = text.split('\n', 1)[0]
    inq = False
    nc = ns = 0
    for ch in first:
        if ch == '"':
            inq = not inq
        elif not inq:
            if ch == ',':
                nc += 1
            elif ch == ';':
                ns += 1
    return ';' if ns > nc else ','


def parse_csv(text, delim):
    """Return list of (line_no, [fields]). Blank lines are skipped.
    Raises FileError on an unbalanced quote or a quote inside an unquoted field."""
    records = []
    i, n = 0, len(text)
    line = 1
    while i < n:
        start_line = line
        fields = []
        # parse one record
        while True:
            if i < n and text[i] == '"':
                # quoted field
                i += 1
                buf = []
                qline, qcol = line, 0
                while True:
                    if i >= n:
                        raise FileError('unbalanced quote (quoted field never closed)', qline, 1)
                    ch = text[i]
                    if ch == '"':
                        if i + 1 < n and text[i + 1] == '"':
                            buf.append('"')
                            i += 2
                            continue
                        i += 1
                        break
                    if ch == '\n':
                        line += 1
                    buf.append(ch)
                    i += 1
                fields.append(''.join(buf))
                if i < n and text[i] not in (delim, '\n', '\r'):
                    raise FileError('unexpected character after closing quote', line, 1)
            else:
                j = i
                while j < n and text[j] not in (delim, '\n', '\r'):
                    if text[j] == '"':
                        raise FileError('quote inside an unquoted field', line, 1)
                    j += 1
                fields.append(text[i:j])
                i = j
            if i < n and text[i] == delim:
                i += 1
                continue
            # end of record
            if i < n and text[i] == '\r':
                i += 1
                if i < n and text[i] == '\n':
                    i += 1
                line += 1
            elif i < n and text[i] == '\n':
                i += 1
                line += 1
            break
        if fields == ['']:
            continue  # blank line
        records.append((start_line, fields))
    return records


def _read_csv_table(text):
    delim = _detect_delim(text)
    rows = parse_csv(text, delim)
    if not rows:
        raise FileError('empty CSV (no header)', 1, 1)
    hline, header = rows[0]
    header = [h.strip() for h in header]
    seen = set()
    for h in header:
        if h in seen and h != '':
            raise FileError('duplicate column %r' % h, hline, 1)
        seen.add(h)
    return header, rows[1:]


# ---------------------------------------------------------------------------
# Municipality table

def default_kommuner_path():
    here = os.path.dirname(os.path.abspath(__file__))
    cands = [os.path.join(here, '..', '..', 'data', 'kommuner-2025.csv'),
             '/work/main/data/kommuner-2025.csv',
             '/work/shared/data/kommuner-2025.csv']
    for c in cands:
        if os.path.exists(c):
            return os.path.normpath(c)
    return cands[-1]


def load_kommuner(path):
    """Return dict kommunenr -> (navn, innbyggere), in file order."""
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError as e:
        raise FileError('cannot read municipality table %s: %s' % (path, e))
    text = _decode(data, path)
    if not text.strip():
        raise FileError('empty municipality table', 1, 1)
    header, rows = _read_csv_table(text)
    for c in ('kommunenr', 'navn', 'innbyggere'):
        if c not in header:
            raise FileError('municipality table lacks column %r' % c, 1, 1)
    ix = {h: k for k, h in enumerate(header)}
    out = {}
    for line, f in rows:
        if len(f) != len(header):
            raise FileError('municipality table: wrong number of fields', line, 1)
        nr, navn, inn = f[ix['kommunenr']], f[ix['navn']], f[ix['innbyggere']].strip()
        if not re.fullmatch(r'[0-9]{4}', nr) or not re.fullmatch(r'[0-9]+', inn):
            raise FileError('municipality table: bad kommunenr/innbyggere', line, 1)
        if nr in out:
            raise FileError('municipality table: duplicate kommunenr %s' % nr, line, 1)
        out[nr] = (navn, int(inn))
    return out


# ---------------------------------------------------------------------------
# Register loading

def _new_raw(line):
    return {'line': line, 'orgnr': None, 'kommunenr': None, 'eierskap': None, 'status': None,
            'types': [], 'malgrupper': [], 'mottar': [], 'leverer': [], 'boenheter': None,
            'andre': None, 'naeringskode': None, 'standard': None, 'navn': None,
            'merknad': None, 'errors': []}


def _validate(raw, kommuner, loaded_orgnr):
    """Turn a raw record into a record dict, or return (None, reason)."""
    if raw['errors']:
        return None, raw['errors'][0]
    orgnr = raw['orgnr']
    if orgnr is None or orgnr == '':
        return None, 'missing orgnr'
    if not re.fullmatch(r'[0-9]{9}', orgnr):
        return None, 'orgnr must be 9 digits'
    if not orgnr_valid(orgnr):
        return None, 'orgnr has an invalid check digit'
    k = raw['kommunenr']
    if k is None or k == '':
        return None, 'missing kommunenr'
    if not re.fullmatch(r'[0-9]{4}', k):
        return None, 'kommunenr must be 4 digits'
    if k not in kommuner:
        return None, 'unknown kommunenr %s' % k
    e = raw['eierskap']
    if e is None or e == '':
        return None, 'missing eierskap'
    e = _ascii_lower(e)  # codes are matched with ASCII case folded
    if e not in EIERSKAP:
        return None, 'unknown eierskap %r' % e
    st = raw['status']
    if st is None:
        st = 'aktiv'
    st = _ascii_lower(st)
    if st not in STATUSES:
        return None, 'unknown status %r' % st
    for name, toks, allowed in (('virksomhetstype', raw['types'], TYPES),
                                ('malgruppe', raw['malgrupper'], MALGRUPPER),
                                ('mottar-fra', raw['mottar'], MOTTAR),
                                ('leverer-til', raw['leverer'], LEVERER)):
        for t in toks:
            if _ascii_lower(t) not in allowed:
                return None, 'unknown %s code %r' % (name, t)
    b = raw['boenheter']
    boenheter = None
    if b is not None:
        bs = b.strip(' \t\r\n')
        if bs != '':
            if not re.fullmatch(r'[0-9]+', bs):
                return None, 'boenheter is not a non-negative integer: %r' % b
            boenheter = int(bs)
            if boenheter > MAX_BOENHETER:
                return None, 'boenheter out of range: %d' % boenheter
    nk = raw['naeringskode']
    std = raw['standard']
    if std is not None and std != '' and std not in STANDARDS:
        return None, 'unknown naeringskode standard %r' % std
    if nk is not None and nk != '':
        if not re.fullmatch(r'[0-9]{2}\.[0-9]{3}', nk):
            return None, 'naeringskode must be NN.NNN: %r' % nk
    else:
        nk = None
    std = std if std else 'SN2007'
    andre = raw['andre']
    if andre is None:
        andre = False
    for fld in ('navn', 'merknad'):
        v = raw[fld]
        if v is not None and _bad_text(v):
            return None, 'control character in %s' % fld
    types = frozenset(map(_ascii_lower, raw['types']))
    mal = frozenset(map(_ascii_lower, raw['malgrupper']))
    if st == 'aktiv':
        if 'ingen' in mal and len(mal) > 1:
            return None, "malgruppe 'ingen' together with another malgruppe"
        if not types:
            return None, 'no virksomhetstype'
    if orgnr in loaded_orgnr:
        return None, 'duplicate orgnr (first at line %d)' % loaded_orgnr[orgnr]
    innb = kommuner[k][1]
    rec = {'line': raw['line'], 'orgnr': orgnr, 'kommunenr': k, 'eierskap': e, 'status': st,
           'types': types, 'malgrupper': mal, 'mottar': frozenset(map(_ascii_lower, raw['mottar'])),
           'leverer': frozenset(map(_ascii_lower, raw['leverer'])), 'boenheter': boenheter, 'andre': andre,
           'naeringskode': nk, 'standard': std, 'navn': raw['navn'], 'merknad': raw['merknad'],
           'innbyggere': innb, 'storrelse': size_class(innb, k)}
    return rec, None


def _parse_xml(data):
    """Parse bytes; return (root_node, kommuner_block or None).
    Node = dict(tag, attrs, children, text, line, col)."""
    if b'<!DOCTYPE' in data:
        pos = data.find(b'<!DOCTYPE')
        pre = data[:pos]
        line = pre.count(b'\n') + 1
        col = pos - (pre.rfind(b'\n') + 1) + 1
        raise FileError('DOCTYPE is not allowed', line, col)
    p = xml.parsers.expat.ParserCreate(encoding='UTF-8', namespace_separator=' ')
    stack = []
    root = [None]

    def start(name, attrs):
        node = {'tag': name, 'attrs': attrs, 'children': [], 'text': [],
                'line': p.CurrentLineNumber, 'col': p.CurrentColumnNumber + 1}
        if stack:
            stack[-1]['children'].append(node)
        else:
            root[0] = node
        stack.append(node)

    def end(name):
        node = stack.pop()
        node['text'] = ''.join(node['text'])

    def chars(s):
        if stack:
            stack[-1]['text'].append(s)

    def doctype(*a):
        raise FileError('DOCTYPE is not allowed', p.CurrentLineNumber, p.CurrentColumnNumber + 1)

    def entitydecl(*a):
        raise FileError('entity declarations are not allowed', p.CurrentLineNumber,
                        p.CurrentColumnNumber + 1)

    p.StartElementHandler = start
    p.EndElementHandler = end
    p.CharacterDataHandler = chars
    p.StartDoctypeDeclHandler = doctype
    p.EntityDeclHandler = entitydecl
    try:
        p.Parse(data, True)
    except xml.parsers.expat.ExpatError as e:
        raise FileError('malformed XML: %s' % xml.parsers.expat.ErrorString(e.code),
                        e.lineno, e.offset + 1)
    return root[0]


def _xml_records(root, path):
    """Yield raw records and return kommuner override (or None)."""
    if root is None or root['tag'] != NS + ' kartlegging':
        raise FileError('wrong root element (expected kartlegging in %s)' % NS,
                        root['line'] if root else 1, 1)
    raws = []
    komm = None
    for ch in root['children']:
        tag = ch['tag']
        if tag == NS + ' kommuner':
            if komm is not None:
                raise FileError('more than one <kommuner> block', ch['line'], ch['col'])
            komm = {}
            for kn in ch['children']:
                if kn['tag'] != NS + ' kommune':
                    raise FileError('unexpected element in <kommuner>', kn['line'], kn['col'])
                a = kn['attrs']
                nr, navn, inn = a.get('nr'), a.get('navn'), a.get('innbyggere')
                if nr is None or navn is None or inn is None or \
                        not re.fullmatch(r'[0-9]{4}', nr) or not re.fullmatch(r'[0-9]+', inn.strip()):
                    raise FileError('bad <kommune> element', kn['line'], kn['col'])
                if nr in komm:
                    raise FileError('duplicate kommune %s' % nr, kn['line'], kn['col'])
                komm[nr] = (navn, int(inn.strip()))
        elif tag == NS + ' virksomhet':
            raws.append(_xml_virksomhet(ch))
        else:
            raise FileError('unexpected element %s' % tag.split(' ')[-1], ch['line'], ch['col'])
    return raws, komm


_XML_CHILDREN = ['navn', 'naeringskode', 'virksomhetstyper', 'malgrupper', 'boenheter',
                 'personellutveksling', 'andre-kommuner', 'merknad']


def _xml_virksomhet(node):
    raw = _new_raw(node['line'])
    a = node['attrs']
    for k in a:
        if k not in ('orgnr', 'kommunenr', 'eierskap', 'status'):
            raw['errors'].append('unknown attribute %r' % k)
    raw['orgnr'] = a.get('orgnr')
    raw['kommunenr'] = a.get('kommunenr')
    raw['eierskap'] = a.get('eierskap')
    raw['status'] = a.get('status')
    seen = set()
    for ch in node['children']:
        tag = ch['tag']
        local = tag[len(NS) + 1:] if tag.startswith(NS + ' ') else None
        if local not in _XML_CHILDREN:
            raw['errors'].append('unexpected element %s' % tag.split(' ')[-1])
            continue
        if local in seen:
            raw['errors'].append('element <%s> given twice' % local)
            continue
        seen.add(local)
        txt = ch['text']
        if local == 'navn':
            raw['navn'] = txt
        elif local == 'merknad':
            raw['merknad'] = txt
        elif local == 'naeringskode':
            raw['naeringskode'] = txt.strip(' \t\r\n')
            std = ch['attrs'].get('standard')
            raw['standard'] = std if std is not None else 'SN2007'
            if std == '':
                raw['errors'].append("unknown naeringskode standard ''")
        elif local == 'virksomhetstyper':
            raw['types'] = _split_tokens(txt)
        elif local == 'malgrupper':
            raw['malgrupper'] = _split_tokens(txt)
        elif local == 'boenheter':
            raw['boenheter'] = txt
        elif local == 'personellutveksling':
            at = ch['attrs']
            for k in at:
                if k not in ('mottar-fra', 'leverer-til'):
                    raw['errors'].append('unknown attribute %r' % k)
            raw['mottar'] = _split_tokens(at.get('mottar-fra', ''))
            raw['leverer'] = _split_tokens(at.get('leverer-til', ''))
        elif local == 'andre-kommuner':
            v = txt.strip(' \t\r\n')
            if v in ('true', '1'):
                raw['andre'] = True
            elif v in ('false', '0'):
                raw['andre'] = False
            else:
                raw['errors'].append('andre-kommuner must be true/false/1/0: %r' % txt)
    return raw


_CSV_SCALARS = ['orgnr', 'kommunenr', 'eierskap', 'status', 'boenheter', 'navn', 'merknad',
                'naeringskode', 'naeringskode_standard', 'andre_kommuner']
_CSV_LISTS = {'virksomhetstyper': 'types', 'malgrupper': 'malgrupper', 'mottar_fra': 'mottar',
              'leverer_til': 'leverer'}


def _wide_columns():
    cols = {}
    for t in TYPES:
        cols[t] = ('types', t)
    for m in MALGRUPPER:
        cols[m] = ('malgrupper', m)
    for m in MOTTAR:
        cols['mottar-fra:' + m] = ('mottar', m)
    for l in LEVERER:
        cols['leverer-til:' + l] = ('leverer', l)
    return cols


WIDE_COLUMNS = _wide_columns()


def _canon(name):
    """A column name's spelling-independent form (the issue-19 rule: case,
    å/æ/ø and their aa/oe spellings, '-'/' ' for '_')."""
    out = []
    for ch in name:
        if ch in 'åÅ':
            out.append('a')
        elif ch in 'æÆ':
            out.append('ae')
        elif ch in 'øØ':
            out.append('o')
        elif ch in '- ':
            out.append('_')
        elif 'A' <= ch <= 'Z':
            out.append(chr(ord(ch) + 32))
        else:
            out.append(ch)
    return re.sub('aa|oe', lambda m: m.group(0)[0], ''.join(out))


def _ascii_lower(s):
    return ''.join(chr(ord(c) + 32) if 'A' <= c <= 'Z' else c for c in s)


def _csv_records(text, path, warn):
    header, rows = _read_csv_table(text)
    known = {_canon(c): c for c in list(_CSV_SCALARS) + list(_CSV_LISTS) + list(WIDE_COLUMNS)}
    header = [known.get(_canon(h.strip(' \t')), h) for h in header]
    for c in ('orgnr', 'kommunenr', 'eierskap'):
        if c not in header:
            raise FileError('CSV lacks required column %r' % c, 1, 1)
    roles = []
    for h in header:
        if h in _CSV_SCALARS:
            roles.append(('scalar', h))
        elif h in _CSV_LISTS:
            roles.append(('list', _CSV_LISTS[h]))
        elif h in WIDE_COLUMNS:
            roles.append(('wide',) + WIDE_COLUMNS[h])
        else:
            roles.append(('unknown', h))
            warn('%s:1: warning: unknown column %r ignored' % (path, h))
    raws = []
    for line, f in rows:
        raw = _new_raw(line)
        if len(f) != len(header):
            raw['errors'].append('wrong number of fields (%d, header has %d)' % (len(f), len(header)))
            if 'orgnr' in header and header.index('orgnr') < len(f):
                raw['orgnr'] = f[header.index('orgnr')]
            raws.append(raw)
            continue
        sets = {'types': [], 'malgrupper': [], 'mottar': [], 'leverer': []}
        for role, val in zip(roles, f):
            if role[0] == 'scalar':
                h = role[1]
                if h == 'status':
                    raw['status'] = val if val != '' else None
                elif h == 'boenheter':
                    raw['boenheter'] = val
                elif h == 'naeringskode':
                    raw['naeringskode'] = val
                elif h == 'naeringskode_standard':
                    raw['standard'] = val
                elif h == 'andre_kommuner':
                    val = val.strip(' \t')  # project policy: blanks around a flag are ignored
                    if val in ('', '0'):
                        raw['andre'] = False
                    elif val == '1':
                        raw['andre'] = True
                    else:
                        raw['errors'].append('andre_kommuner must be 0/1: %r' % val)
                else:
                    raw[h] = val
            elif role[0] == 'list':
                sets[role[1]].extend(_split_tokens(val))
            elif role[0] == 'wide':
                val = val.strip(' \t')  # project policy: blanks around a 0/1 cell are ignored
                if val == '1':
                    sets[role[1]].append(role[2])
                elif val not in ('', '0'):
                    raw['errors'].append('column %s must be 0/1: %r'
                                         % (header[roles.index(role)], val))
        for k, v in sets.items():
            raw[k] = v
        raws.append(raw)
    return raws


def load(path, kommuner_path=None, warn=None):
    """Load a register.  Returns (records, rejects, kommuner).
    records: list of dicts (loaded, all statuses, input order);
    rejects: list of (line, orgnr, reason); kommuner: dict nr -> (navn, innbyggere).
    Raises FileError if the file as a whole is unreadable."""
    if warn is None:
        def warn(msg):
            pass
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError as e:
        raise FileError('cannot read %s: %s' % (path, e))
    text = _decode(data, path)
    if text.strip(' \t\r\n') == '':
        raise FileError('empty file', 1, 1)
    kommuner = load_kommuner(kommuner_path or default_kommuner_path())
    first = text.lstrip(' \t\r\n')[:1]
    if first == '<':
        body = data[3:] if data.startswith(b'\xef\xbb\xbf') else data
        root = _parse_xml(body)
        raws, komm = _xml_records(root, path)
        if komm is not None:
            kommuner = komm
    else:
        raws = _csv_records(text, path, warn)
    records, rejects = [], []
    loaded = {}
    for raw in raws:
        rec, why = _validate(raw, kommuner, loaded)
        if rec is None:
            rejects.append((raw['line'], raw['orgnr'] or '', why))
        else:
            loaded[rec['orgnr']] = rec['line']
            records.append(rec)
    return records, rejects, kommuner


def make_record(orgnr, kommunenr, kommuner, eierskap='kommunal', status='aktiv', types=(),
                malgrupper=(), boenheter=None, mottar=(), leverer=(), andre=False,
                naeringskode=None, standard='SN2007', line=0):
    """Build a loaded record directly (for tests; no validation)."""
    innb = kommuner[kommunenr][1]
    return {'line': line, 'orgnr': orgnr, 'kommunenr': kommunenr, 'eierskap': eierskap,
            'status': status, 'types': frozenset(types), 'malgrupper': frozenset(malgrupper),
            'mottar': frozenset(mottar), 'leverer': frozenset(leverer), 'boenheter': boenheter,
            'andre': andre, 'naeringskode': naeringskode, 'standard': standard, 'navn': None,
            'merknad': None, 'innbyggere': innb, 'storrelse': size_class(innb, kommunenr)}


# ---------------------------------------------------------------------------
# Classification (SPEC §4)

def classify(rec, kommuner=None):
    """Classify one loaded record.  Returns a dict; for non-aktiv records only
    'aktiv': False and the size class."""
    if kommuner is not None:
        innb = kommuner[rec['kommunenr']][1]
        storrelse = size_class(innb, rec['kommunenr'])
    else:
        storrelse = rec['storrelse']
    c = {'aktiv': rec['status'] == 'aktiv', 'storrelse': storrelse}
    if not c['aktiv']:
        return c
    t = set(rec['types'])
    if 'boligbase' in t and rec['boenheter'] == 1:          # rule 4.1.1
        t.discard('boligbase')
        t.add('enetiltak')
    if 'enetiltak' in t:                                     # rule 4.1.4
        t = {'enetiltak'}
    m = set(rec['malgrupper']) or {'ingen'}                  # rule 4.1.2
    boenheter = rec['boenheter'] if rec['boenheter'] is not None else 0   # rule 4.1.5
    # hovedvirksomhetstype
    if (t & ADM) and not (t & HT_STAR) and not (t & AT_PRIME):
        hoved = 'administrasjon'
    elif (t & HT) and (t & AT):
        hoved = 'kombinert-annen'
    elif t & HT:
        hoved = 'rene-brukerrettede'
    else:
        hoved = 'utenfor'
    h = t & HT
    if 'enetiltak' in h:
        ht = 'enetiltak'
    elif len(h) == 0:
        ht = ''
    elif len(h) == 1:
        ht = {'boligbase': 'kun-boligbase', 'amb-helse': 'kun-amb-helse',
              'amb-praktisk': 'kun-amb-praktisk', 'bpa': 'kun-bpa',
              'annen-hjemmetjeneste': 'kun-annen-hjemmetjeneste'}[next(iter(h))]
    elif h == {'amb-helse', 'amb-praktisk'}:
        ht = 'kun-amb-begge'
    elif len(h) == 2:
        ht = 'to-typer'
    else:
        ht = 'tre-eller-flere'
    if hoved in ('administrasjon', 'utenfor'):
        ht = ''
    if hoved == 'rene-brukerrettede':
        kategori = 'to-eller-flere-ht' if ht in ('to-typer', 'tre-eller-flere') else ht
    elif hoved == 'kombinert-annen':
        kategori = 'kombinert-annen'
    elif hoved == 'administrasjon':
        kategori = 'administrasjon'
    else:
        kategori = ''
    # AT / ADM composition
    at = ''
    if hoved == 'kombinert-annen':
        a = t & AT
        if len(a) == 1:
            at = {'barnebolig-avlastning': 'kun-barnebolig-avlastning', 'sykehjem': 'kun-sykehjem',
                  'dagaktivitet': 'kun-dagaktivitet',
                  'annen-virksomhet': 'kun-annen-virksomhet'}[next(iter(a))]
        else:
            at = 'to-eller-flere-at'
    adm = ''
    if hoved == 'administrasjon':
        a = t & ADM
        if len(a) == 1:
            adm = {'ressursenhet': 'kun-ressursenhet', 'administrasjon': 'kun-administrasjon',
                   'bestillerkontor': 'kun-bestillerkontor'}[next(iter(a))]
        else:
            adm = 'to-eller-flere-adm'
    # målgrupper
    if 'ingen' in m:
        nmal, antall = 7, '3+'
    else:
        nmal = len(m)
        antall = '1' if nmal == 1 else '2' if nmal == 2 else '3+'
    s = m - {'annen'}
    if not s or 'ingen' in s:
        samle = 'utenfor'
    else:
        samle = SAMLE_LOOKUP.get(frozenset(s), 'utenfor')
    botilbud = 'boligbase' in t and boenheter >= 2
    mot, lev = rec['mottar'], rec['leverer']
    if mot and lev:
        pu = 'mottar-og-leverer'
    elif lev:
        pu = 'kun-leverer'
    elif mot:
        pu = 'kun-mottar'
    else:
        pu = 'ingen'
    band = ''
    if botilbud:
        for (lo, hi) in BANDS:
            if boenheter >= lo and (hi is None or boenheter <= hi):
                band = '%d-%d' % (lo, hi) if hi else '51+'
                break
    c.update({'types': frozenset(t), 'malgrupper': frozenset(m), 'hoved': hoved, 'ht': ht,
              'kategori': kategori, 'at': at, 'adm': adm, 'nmal': nmal, 'antall': antall,
              'samle': samle, 'botilbud': botilbud, 'boenheter': boenheter,
              'personellutveksling': pu, 'band': band, 'has_admin': bool(t & ADM),
              'in_pop': hoved != 'utenfor'})
    return c


CLASSIFY_HEADER = ['orgnr', 'hovedvirksomhetstype', 'ht_sammensetning', 'kategori',
                   'samlemalgruppe', 'antall_malgrupper', 'kommunestorrelse', 'botilbud']


def classify_row(rec):
    c = classify(rec)
    return [rec['orgnr'], c['hoved'], c['ht'], c['kategori'], c['samle'], c['antall'],
            c['storrelse'], '1' if c['botilbud'] else '0']


# ---------------------------------------------------------------------------
# Tables (SPEC §5)

def _pop(records):
    """(record, classification) for the chapters 3-5 population."""
    out = []
    for r in records:
        c = classify(r)
        if c['aktiv'] and c['in_pop']:
            out.append((r, c))
    return out


def _cats(present, keys=CAT_ORDER):
    """Category order with 'kun-annen-hjemmetjeneste' only when present."""
    return [k for k in keys if k != 'kun-annen-hjemmetjeneste' or present]


def _count(items, pred):
    return sum(1 for x in items if pred(x))


def _share_table(header, entries, total_label, total_fmt=None):
    """entries: list of (label, count); shares of their sum."""
    tot = sum(n for _, n in entries)
    rows = [header]
    for lab, n in entries:
        rows.append([lab, str(n), pct(n, tot)])
    rows.append([total_label, str(tot), pct(tot, tot)])
    return rows


def _t_1_9(records, kommuner):
    cnt = {s: 0 for s in SIZE_ORDER}
    inh = {s: 0 for s in SIZE_ORDER}
    for nr, (navn, n) in kommuner.items():
        s = size_class(n, nr)
        cnt[s] += 1
        inh[s] += n
    tk, ti = sum(cnt.values()), sum(inh.values())
    rows = [['kommunestorrelse', 'antall_kommuner', 'innbyggere', 'andel_kommuner',
             'andel_innbyggere']]
    for s, lab in zip(SIZE_ORDER, SIZE_LABEL_19):
        rows.append([lab, str(cnt[s]), str(inh[s]), pct(cnt[s], tk), pct(inh[s], ti)])
    rows.append(['Hele landet', str(tk), str(ti), pct(tk, tk), pct(ti, ti)])
    return rows


def _t_1_10(records, kommuner):
    lst = [(nr, kommuner[nr]) for nr in ASSS if nr in kommuner]
    lst.sort(key=lambda x: (-x[1][1], x[0]))
    rows = [['kommune', 'innbyggere']]
    for nr, (navn, n) in lst:
        rows.append([navn, str(n)])
    rows.append(['Totalt ASSS', str(sum(x[1][1] for x in lst))])
    return rows


def _t_2_2(records, kommuner):
    cnt = {}
    unk = 0
    for r in records:
        if r['naeringskode'] and r['standard'] == 'SN2007':
            cnt[r['naeringskode']] = cnt.get(r['naeringskode'], 0) + 1
        else:
            unk += 1
    rows = [['naringskode', 'betegnelse', 'antall_virksomheter']]
    for code in sorted(cnt):
        rows.append([code, SN2007_LABELS.get(code, ''), str(cnt[code])])
    if unk:
        rows.append(['Uoppgitt', '', str(unk)])
    rows.append(['Totalt', '', str(len(records))])
    return rows


def _t_2_3(records, kommuner):
    n = len(records)
    inn = _count(records, lambda r: r['status'] != 'ikke-innrapportert')
    fin = len(_pop(records))
    return [['populasjon', 'antall_virksomheter', 'andel_av_utgangspopulasjon'],
            ['Utgangspopulasjon', str(n), pct(n, n)],
            ['Innrapportert', str(inn), pct(inn, n)],
            ['Endelig populasjon (aktive hjemmetjenestevirksomheter)', str(fin), pct(fin, n)]]


def _t_3_2(records, kommuner):
    P = _pop(records)
    e = [('Rene brukerrettede hjemmetjenester', _count(P, lambda x: x[1]['hoved'] == 'rene-brukerrettede')),
         ('Hjemmetjeneste kombinert med annen tjenestetype', _count(P, lambda x: x[1]['hoved'] == 'kombinert-annen')),
         ('Administrasjon med videre', _count(P, lambda x: x[1]['hoved'] == 'administrasjon'))]
    return _share_table(['hovedvirksomhetstype', 'antall', 'andel_av_alle_i_drift'], e, 'Totalt')


def _t_3_3(records, kommuner):
    P = [x for x in _pop(records) if x[1]['hoved'] == 'rene-brukerrettede']
    keys = ['kun-boligbase', 'kun-amb-helse', 'kun-amb-praktisk', 'kun-amb-begge', 'kun-bpa',
            'kun-annen-hjemmetjeneste', 'enetiltak', 'to-typer', 'tre-eller-flere']
    present = any(x[1]['ht'] == 'kun-annen-hjemmetjeneste' for x in P)
    e = [(CAT_LABEL[k], _count(P, lambda x, k=k: x[1]['ht'] == k)) for k in _cats(present, keys)]
    return _share_table(['virksomhetskategori', 'antall', 'andel'], e, 'Totalt')


HT_PAIR_CODES = ['boligbase', 'amb-helse', 'amb-praktisk', 'bpa', 'annen-hjemmetjeneste', 'enetiltak']
HT_PAIR_LABELS = ['Boligbase', 'Amb. helsetjenester', 'Amb. praktisk bistand', 'BPA',
                  'Annen hjemmetjeneste', 'Enetiltak']


def _t_3_4(records, kommuner):
    P = [x for x in _pop(records) if x[1]['hoved'] == 'rene-brukerrettede']
    cnt = {}
    for r, c in P:
        h = frozenset(c['types'] & HT)
        if 1 <= len(h) <= 2:
            cnt[h] = cnt.get(h, 0) + 1
    rows = [['row_label', 'col_label', 'value']]
    for i, a in enumerate(HT_PAIR_CODES):
        for j in range(i + 1):
            b = HT_PAIR_CODES[j]
            rows.append([HT_PAIR_LABELS[i], HT_PAIR_LABELS[j], str(cnt.get(frozenset({a, b}), 0))])
    return rows


def _t_3_5(records, kommuner):
    P = _pop(records)
    present = any(x[1]['kategori'] == 'kun-annen-hjemmetjeneste' for x in P)
    e = [(CAT_LABEL[k], _count(P, lambda x, k=k: x[1]['kategori'] == k)) for k in _cats(present)]
    return _share_table(['virksomhetskategori', 'antall', 'andel'], e, 'Totalt')


def _t_3_6(records, kommuner):
    P = [x for x in _pop(records) if x[1]['hoved'] == 'kombinert-annen']
    keys = [('kun-barnebolig-avlastning', 'Hjemmetjeneste + Kun barnebolig'),
            ('kun-sykehjem', 'Hjemmetjeneste + Kun sykehjem'),
            ('kun-dagaktivitet', 'Hjemmetjeneste + Kun dagaktivitetstilbud'),
            ('kun-annen-virksomhet', 'Hjemmetjeneste + Kun annen'),
            ('to-eller-flere-at', 'Hjemmetjeneste + To eller flere andre virksomhetstyper')]
    e = [(lab, _count(P, lambda x, k=k: x[1]['at'] == k)) for k, lab in keys]
    return _share_table(['virksomhetskategori', 'antall', 'andel'], e, 'Totalt')


def _t_3_7(records, kommuner):
    P = [x for x in _pop(records) if x[1]['hoved'] == 'kombinert-annen']
    keys = [(('kun-boligbase',), 'Annen tjenestetype + Kun boligbase'),
            (('kun-amb-helse',), 'Annen tjenestetype + Kun ambulerende virksomhet - helsetjenester'),
            (('kun-amb-praktisk',), 'Annen tjenestetype + Kun ambulerende virksomhet - praktisk bistand'),
            (('kun-amb-begge',), 'Annen tjenestetype + Kun ambulerende virksomhet - både helsetjenester og praktisk bistand'),
            (('kun-bpa',), 'Annen tjenestetype + Brukerstyrt personlig assistanse'),
            (('kun-annen-hjemmetjeneste',), 'Annen tjenestetype + Kun annen hjemmetjeneste'),
            (('to-typer', 'tre-eller-flere'), 'Annen tjenestetype + To eller flere virksomhetstyper i hjemmetjenesten')]
    e = [(lab, _count(P, lambda x, k=k: x[1]['ht'] in k)) for k, lab in keys]
    return _share_table(['virksomhetskategori', 'antall', 'andel'], e, 'Totalt')


def _t_3_8(records, kommuner):
    P = [x for x in _pop(records) if x[1]['hoved'] == 'administrasjon']
    keys = [('kun-ressursenhet', 'Kun ressursenhet'), ('kun-administrasjon', 'Kun administrasjon'),
            ('kun-bestillerkontor', 'Kun bestillerkontor'),
            ('to-eller-flere-adm', 'To eller flere virksomhetstyper innen administrasjon mv.')]
    e = [(lab, _count(P, lambda x, k=k: x[1]['adm'] == k)) for k, lab in keys]
    return _share_table(['virksomhetskategori', 'antall', 'andel'], e, 'Totalt')


def _t_3_9(records, kommuner):
    P = [x for x in _pop(records) if x[1]['kategori'] != 'enetiltak']
    present = any(x[1]['kategori'] == 'kun-annen-hjemmetjeneste' for x in P)
    rows = [['virksomhetskategori', 'antall_virksomheter', 'antall_med_admin', 'antall_uten_admin',
             'andel_med_admin', 'andel_uten_admin']]
    T = [0, 0]
    for k in _cats(present):
        if k == 'enetiltak':
            continue
        sub = [x for x in P if x[1]['kategori'] == k]
        med = _count(sub, lambda x: x[1]['has_admin'])
        n = len(sub)
        rows.append([CAT_LABEL[k], str(n), str(med), str(n - med), pct(med, n), pct(n - med, n)])
        T[0] += n
        T[1] += med
    n, med = T
    rows.append(['Totalt', str(n), str(med), str(n - med), pct(med, n), pct(n - med, n)])
    return rows


def _t_3_10(records, kommuner):
    P = _pop(records)
    present = any(x[1]['kategori'] == 'kun-annen-hjemmetjeneste' for x in P)
    rows = [['virksomhetskategori', 'antall', 'antall_kommunale', 'antall_private',
             'andel_kommunale', 'andel_private']]

    def row(lab, sub):
        n = len(sub)
        k = _count(sub, lambda x: x[0]['eierskap'] == 'kommunal')
        return [lab, str(n), str(k), str(n - k), pct(k, n), pct(n - k, n)]
    for k in _cats(present):
        rows.append(row(CAT_LABEL[k], [x for x in P if x[1]['kategori'] == k]))
    rows.append(row('Totalt', P))
    return rows


def _komm_noneneti(records):
    return [x for x in _pop(records)
            if x[0]['eierskap'] == 'kommunal' and x[1]['kategori'] != 'enetiltak']


def _t_3_11(records, kommuner):
    K = _komm_noneneti(records)
    med = _count(K, lambda x: x[1]['personellutveksling'] != 'ingen')
    return _share_table(['utveksling_av_personell', 'antall', 'andel'],
                        [('Med utveksling av personell', med),
                         ('Uten utveksling av personell', len(K) - med)], 'Totalt')


def _t_3_12(records, kommuner):
    K = _komm_noneneti(records)
    e = [('Både mottar og leverer personellbistand', _count(K, lambda x: x[1]['personellutveksling'] == 'mottar-og-leverer')),
         ('Kun leverer personellbistand', _count(K, lambda x: x[1]['personellutveksling'] == 'kun-leverer')),
         ('Kun mottar personellbistand', _count(K, lambda x: x[1]['personellutveksling'] == 'kun-mottar'))]
    return _share_table(['personellbistand', 'antall', 'andel'], e, 'Totalt')


def _t_3_13(records, kommuner):
    P = _pop(records)
    X = [x for x in _komm_noneneti(records) if x[1]['personellutveksling'] != 'ingen']
    present = any(x[1]['kategori'] == 'kun-annen-hjemmetjeneste' for x in X)
    rows = [['virksomhetskategori', 'antall', 'andel']]
    for k in _cats(present):
        if k == 'enetiltak':
            continue
        n = _count(X, lambda x: x[1]['kategori'] == k)
        base = _count(P, lambda x: x[1]['kategori'] == k)
        rows.append([CAT_LABEL[k], str(n), pct(n, base)])
    rows.append(['Totalt', str(len(X)), pct(len(X), len(P))])
    return rows


def _blank0(n):
    return '' if n == 0 else str(n)


def _t_3_14_15(records, kommuner, field, codes, header):
    X = [x for x in _komm_noneneti(records) if x[0][field]]
    rows = [header]
    tot = [0] * (1 + len(codes))
    for k in CAT_ORDER:
        if k == 'enetiltak':
            continue
        sub = [x for x in X if x[1]['kategori'] == k]
        if not sub:
            continue
        vals = [len(sub)] + [_count(sub, lambda x, c=c: c in x[0][field]) for c in codes]
        tot = [a + b for a, b in zip(tot, vals)]
        rows.append([CAT_LABEL[k]] + [_blank0(v) for v in vals])
    rows.append(['Totalt'] + [_blank0(v) for v in tot])
    return rows


def _t_3_14(records, kommuner):
    return _t_3_14_15(records, kommuner, 'mottar', MOTTAR,
                      ['virksomhetskategori', 'totalt', 'sykehjem', 'boligbase', 'amb_hjtj', 'annen'])


def _t_3_15(records, kommuner):
    return _t_3_14_15(records, kommuner, 'leverer', LEVERER,
                      ['virksomhetskategori', 'totalt', 'sykehjem', 'dagsenter',
                       'barnebolig_avlastningsbolig', 'annen'])


def _t_3_16(records, kommuner):
    K = _komm_noneneti(records)
    med = _count(K, lambda x: x[0]['andre'])
    return _share_table(['kommunalt_samarbeid', 'antall', 'andel'],
                        [('Har kommunalt samarbeid', med),
                         ('Har ikke kommunalt samarbeid', len(K) - med)], 'Totalt')


def _t_3_17(records, kommuner):
    K = [x for x in _pop(records) if x[0]['eierskap'] == 'privat' and x[1]['kategori'] != 'enetiltak']
    med = _count(K, lambda x: x[0]['andre'])
    return _share_table(['salg_til_andre_kommuner_enn_lokaliseringskommunen', 'antall', 'andel'],
                        [('Med', med), ('Uten', len(K) - med)], 'Totalt')


def _kommuner_by_size(kommuner):
    out = {s: [] for s in SIZE_ORDER}
    for nr, (navn, n) in kommuner.items():
        out[size_class(n, nr)].append(nr)
    return out


def _t_3_18(records, kommuner):
    P = _pop(records)
    ks = _kommuner_by_size(kommuner)
    rows = [['kommunestorrelse', 'kommuner', 'antall', 'andel']]
    for s, lab in zip(SIZE_ORDER, SIZE_LABEL_3):
        n = _count(P, lambda x: x[1]['storrelse'] == s)
        rows.append([lab, str(len(ks[s])), str(n), pct(n, len(P))])
    rows.append(['Totalt', str(len(kommuner)), str(len(P)), pct(len(P), len(P))])
    return rows


def _t_3_19_20(records, kommuner, preds, header):
    P = [x for x in _pop(records) if x[0]['eierskap'] == 'kommunal']
    ks = _kommuner_by_size(kommuner)
    have = [set(x[0]['kommunenr'] for x in P if p(x[1])) for p in preds]
    rows = [header]
    for s, lab in zip(SIZE_ORDER, SIZE_LABEL_3):
        nk = len(ks[s])
        rows.append([lab, str(nk)] + [pct(len(h & set(ks[s])), nk) for h in have])
    nk = len(kommuner)
    rows.append(['Totalt', str(nk)] + [pct(len(h & set(kommuner)), nk) for h in have])
    return rows


def _t_3_19(records, kommuner):
    preds = [lambda c: 'boligbase' in c['types'], lambda c: 'amb-helse' in c['types'],
             lambda c: 'amb-praktisk' in c['types']]
    return _t_3_19_20(records, kommuner, preds,
                      ['kommunestorrelse', 'kommuner_totalt', 'andel_boligbase',
                       'andel_amb_helsetjenester', 'andel_amb_praktisk_bistand'])


def _t_3_20(records, kommuner):
    preds = [lambda c, k=k: c['kategori'] == k for k in
             ['kun-boligbase', 'kun-amb-helse', 'kun-amb-praktisk', 'kun-amb-begge']]
    return _t_3_19_20(records, kommuner, preds,
                      ['kommunestorrelse', 'kommuner_totalt', 'andel_kun_boligbase',
                       'andel_kun_amb_helsetjenester', 'andel_kun_amb_praktisk_bistand',
                       'andel_kun_amb_helsetjenester_og_praktisk_bistand'])


def _by_size_count(sub):
    e = [(lab, _count(sub, lambda x, s=s: x[1]['storrelse'] == s))
         for s, lab in zip(SIZE_ORDER, SIZE_LABEL_3)]
    return _share_table(['kommunestorrelse', 'antall', 'andel'], e, 'Totalt')


def _t_3_21(records, kommuner):
    return _by_size_count([x for x in _pop(records) if x[1]['kategori'] == 'kun-boligbase'])


def _t_3_22(records, kommuner):
    return _by_size_count([x for x in _pop(records) if x[1]['kategori'] in PURE_AMB])


def _t_3_23(records, kommuner):
    P = _pop(records)
    present = any(x[1]['kategori'] == 'kun-annen-hjemmetjeneste' for x in P)
    colname = {'kun-boligbase': 'andel_kun_boligbase', 'kun-amb-helse': 'andel_kun_amb_helsetjenester',
               'kun-amb-praktisk': 'andel_kun_amb_praktisk_bistand',
               'kun-amb-begge': 'andel_kun_amb_helsetjenester_og_praktisk_bistand',
               'kun-bpa': 'andel_kun_bpa', 'kun-annen-hjemmetjeneste': 'andel_kun_annen_hjemmetjeneste',
               'enetiltak': 'andel_enetiltak', 'to-eller-flere-ht': 'andel_kun_hjtj_2pluss_virksomhetstyper',
               'kombinert-annen': 'andel_hjemmetjeneste_kombinert_med_annen_tjenestetype',
               'administrasjon': 'andel_administrasjon_og_service_mv'}
    cats = _cats(present)
    rows = [['kommunestorrelse', 'totalt'] + [colname[k] for k in cats]]
    for s, lab in list(zip(SIZE_ORDER, SIZE_LABEL_3)) + [(None, 'Totalt')]:
        sub = [x for x in P if s is None or x[1]['storrelse'] == s]
        rows.append([lab, str(len(sub))] +
                    [pct(_count(sub, lambda x, k=k: x[1]['kategori'] == k), len(sub)) for k in cats])
    return rows


# --- chapter 4

MAL_ROWS_43 = ['demens', 'bevegelse-0-66', 'bevegelse-67', 'utviklingshemning',
               'psykiske-lidelser', 'rusproblemer', 'annen', 'ingen']


def _antall_table(sub, first_col):
    rows = [['malgruppe', first_col, 'antall_en_malgruppe', 'antall_to_malgrupper',
             'antall_tre_eller_flere_malgrupper', 'andel_en_malgruppe', 'andel_to_malgrupper',
             'andel_tre_eller_flere_malgrupper']]

    def row(lab, s):
        n = len(s)
        a = [_count(s, lambda x, k=k: x[1]['antall'] == k) for k in ('1', '2', '3+')]
        return [lab, str(n)] + [str(v) for v in a] + [pct(v, n) for v in a]
    for m in MAL_ROWS_43:
        rows.append(row(MAL_LABEL[m], [x for x in sub if m in x[1]['malgrupper']]))
    rows.append(row('Totalt', sub))
    return rows


PAIR_MAL = ['demens', 'bevegelse-0-66', 'bevegelse-67', 'utviklingshemning',
            'psykiske-lidelser', 'rusproblemer', 'annen']


def _pair_table(sub, share):
    cnt = {}
    for r, c in sub:
        m = c['malgrupper']
        if 'ingen' not in m and 1 <= len(m) <= 2:
            cnt[m] = cnt.get(m, 0) + 1
    rows = [['row_label', 'col_label', 'value']]
    for i, a in enumerate(PAIR_MAL):
        for j in range(i + 1):
            b = PAIR_MAL[j]
            n = cnt.get(frozenset({a, b}), 0)
            rows.append([MAL_LABEL[a], MAL_LABEL[b], pct(n, len(sub)) if share else str(n)])
    return rows


def _pure_bolig(records):
    return [x for x in _pop(records) if x[1]['kategori'] == 'kun-boligbase']


def _pure_amb(records):
    return [x for x in _pop(records) if x[1]['kategori'] in PURE_AMB]


def _t_4_3(records, kommuner):
    return _antall_table(_pop(records), 'virksomheter_totalt')


def _t_4_4(records, kommuner):
    return _pair_table(_pop(records), False)


def _t_4_5(records, kommuner):
    return _pair_table(_pop(records), True)


def _samle_count(sub):
    e = [(SAMLE_LABEL[k], _count(sub, lambda x, k=k: x[1]['samle'] == k)) for k in SAMLE_ORDER]
    return e


def _t_4_6(records, kommuner):
    return _share_table(['samlemalgruppe', 'antall_virksomheter', 'andel_av_alle'],
                        _samle_count(_pop(records)), 'Totalt')


def _combos(P):
    cnt = {}
    for r, c in P:
        key = (c['samle'], c['malgrupper'])
        cnt[key] = cnt.get(key, 0) + 1
    out = []
    for (samle, m), n in cnt.items():
        nmal = 7 if 'ingen' in m else len(m)
        marks = tuple(0 if g in m else 1 for g in MALGRUPPER)
        out.append((SAMLE_ORDER.index(samle), -n, nmal, marks, samle, m, n))
    out.sort()
    return out


def _t_4_7(records, kommuner):
    rows = [['kombinasjon', 'antall_enheter', 'demens', 'bevegelseshemning_0_66',
             'bevegelseshemning_67pluss', 'utviklingshemning_mv', 'psykiske_lidelser',
             'rusproblemer', 'ingen_malgruppe', 'annen_malgruppe', 'malgrupper',
             'antall_avkryssede_malgrupper']]
    ut = [x for x in _combos(_pop(records)) if x[4] == 'utenfor'][:10]
    for i, (_, _, nmal, marks, samle, m, n) in enumerate(ut):
        rows.append(['K%d' % (i + 1), str(n)] + ['x' if g in m else '' for g in MALGRUPPER] +
                    ['; '.join(MAL_LABEL[g] for g in MALGRUPPER if g in m), str(len(m))])
    return rows


def _t_4_8(records, kommuner):
    P = _pop(records)
    rows = [['kommunestorrelse', 'totalt_antall_virksomheter', 'antall_en_malgruppe',
             'antall_to_malgrupper', 'antall_tre_eller_flere_malgrupper', 'andel_en_malgruppe',
             'andel_to_malgrupper', 'andel_tre_eller_flere_malgrupper']]
    for s, lab in list(zip(SIZE_ORDER, SIZE_LABEL_48)) + [(None, 'Hele landet')]:
        sub = [x for x in P if s is None or x[1]['storrelse'] == s]
        a = [_count(sub, lambda x, k=k: x[1]['antall'] == k) for k in ('1', '2', '3+')]
        rows.append([lab, str(len(sub))] + [str(v) for v in a] + [pct(v, len(sub)) for v in a])
    return rows


def _samle_by(groups, first_col, second_col):
    rows = [[first_col, second_col] + SAMLE_SHARE_COLS]
    for lab, sub in groups:
        rows.append([lab, str(len(sub))] +
                    [pct(_count(sub, lambda x, k=k: x[1]['samle'] == k), len(sub)) for k in SAMLE_ORDER])
    return rows


def _size_groups(P, labels, total_label):
    g = [(lab, [x for x in P if x[1]['storrelse'] == s]) for s, lab in zip(SIZE_ORDER, labels)]
    g.append((total_label, P))
    return g


def _t_4_9(records, kommuner):
    return _samle_by(_size_groups(_pop(records), SIZE_LABEL_48, 'Hele landet'),
                     'kommunestorrelse', 'totalt_antall_virksomheter')


def _t_4_10(records, kommuner):
    return _antall_table(_pure_bolig(records), 'totalt_antall_virksomheter')


def _t_4_11(records, kommuner):
    return _antall_table(_pure_amb(records), 'totalt_antall_virksomheter')


def _t_4_12(records, kommuner):
    return _pair_table(_pure_bolig(records), False)


def _t_4_13(records, kommuner):
    return _pair_table(_pure_bolig(records), True)


def _t_4_14(records, kommuner):
    return _pair_table(_pure_amb(records), False)


def _t_4_15(records, kommuner):
    return _pair_table(_pure_amb(records), True)


def _t_4_16(records, kommuner):
    return _share_table(['samlemalgruppe', 'antall', 'andel'], _samle_count(_pure_bolig(records)), 'Totalt')


def _t_4_17(records, kommuner):
    return _share_table(['samlemalgruppe', 'antall', 'andel'], _samle_count(_pure_amb(records)), 'Totalt')


def _t_4_18(records, kommuner):
    A = _pure_amb(records)
    labs = {'kun-amb-helse': 'Kun amb hjtj - helsetjenester',
            'kun-amb-praktisk': 'Kun amb hjtj - praktisk bistand',
            'kun-amb-begge': 'Kun amb hjtj - både helsetjenester og praktisk bistand'}
    groups = [(labs[k], [x for x in A if x[1]['kategori'] == k]) for k in PURE_AMB]
    groups.append(('Totalt', A))
    return _samle_by(groups, 'virksomhetskategori', 'totalt_antall_virksomheter')


def _t_4_19(records, kommuner):
    return _samle_by(_size_groups(_pure_bolig(records), SIZE_LABEL_3, 'Hele landet'),
                     'kommunestorrelse', 'totalt_antall_virksomheter')


def _t_4_20(records, kommuner):
    return _samle_by(_size_groups(_pure_amb(records), SIZE_LABEL_3, 'Hele landet'),
                     'kommunestorrelse', 'totalt')


def _mal_by_size(sub):
    rows = [['kommunestorrelse', 'totalt_antall_virksomheter', 'andel_demens',
             'andel_bevegelseshemning_0_66', 'andel_bevegelseshemning_67pluss',
             'andel_utviklingshemning_mv', 'andel_psykiske_lidelser', 'andel_rusproblemer',
             'andel_ingen_malgruppe', 'andel_annen_malgruppe']]
    for lab, g in _size_groups(sub, SIZE_LABEL_3, 'Hele landet'):
        rows.append([lab, str(len(g))] +
                    [pct(_count(g, lambda x, m=m: m in x[1]['malgrupper']), len(g)) for m in MALGRUPPER])
    return rows


def _t_4_21(records, kommuner):
    return _mal_by_size(_pure_bolig(records))


def _t_4_22(records, kommuner):
    return _mal_by_size(_pure_amb(records))


def _t_4_23(records, kommuner):
    P = _pop(records)
    labs = [('kun-boligbase', 'Kun boligbase'), ('kun-amb-helse', 'Kun amb hjtj - helsetjenester'),
            ('kun-amb-praktisk', 'Kun amb hjtj - praktisk bistand'),
            ('kun-amb-begge', 'Kun amb hjtj - både helsetjenester og praktisk bistand'),
            ('kun-bpa', 'Brukerstyrt personlig assistanse'),
            ('kun-annen-hjemmetjeneste', 'Kun annen hjemmetjeneste'),
            ('to-typer', 'To virksomhetstyper innen hjemmetjenesten'),
            ('tre-eller-flere', 'Tre eller flere virksomhetstyper innen hjemmetjenesten'),
            ('kombinert-annen', 'Hjemmetjeneste kombinert med annen tjenestetype'),
            ('enetiltak', 'Enetiltak'), ('administrasjon', 'Administrasjon med videre')]

    def key(c):
        if c['hoved'] == 'rene-brukerrettede':
            return c['ht']
        return c['kategori']
    present = any(key(x[1]) == 'kun-annen-hjemmetjeneste' for x in P)
    groups = [(lab, [x for x in P if key(x[1]) == k]) for k, lab in labs
              if k != 'kun-annen-hjemmetjeneste' or present]
    groups.append(('Totalt', P))
    return _samle_by(groups, 'virksomhetskategori', 'totalt_antall_virksomheter')


# --- chapter 5

CH5_CATS = [('kun-boligbase', 'Kun boligbase'),
            ('to-eller-flere-ht', 'To eller flere virksomhetstyper innen hjemmetjenesten'),
            ('kombinert-annen', 'Hjemmetjeneste kombinert med annen tjenestetype')]


def _bot(records):
    return [x for x in _pop(records) if x[1]['botilbud']]


def _t_5_1(records, kommuner):
    P = _pop(records)
    rows = [['virksomhetskategori', 'virksomheter_totalt', 'antall_med_boenheter',
             'antall_uten_boenheter', 'andel_med_boenheter', 'andel_uten_boenheter']]
    T = [0, 0]
    for k, lab in CH5_CATS:
        sub = [x for x in P if x[1]['kategori'] == k]
        n, med = len(sub), _count(sub, lambda x: x[1]['botilbud'])
        rows.append([lab, str(n), str(med), str(n - med), pct(med, n), pct(n - med, n)])
        T[0] += n
        T[1] += med
    n, med = T
    rows.append(['Totalt', str(n), str(med), str(n - med), pct(med, n), pct(n - med, n)])
    return rows


def _t_5_2(records, kommuner):
    B = _bot(records)
    rows = [['virksomhetskategori', 'boenheter', 'virksomheter', 'boenheter_per_virksomhet_median']]
    for lab, sub in [(lab, [x for x in B if x[1]['kategori'] == k]) for k, lab in CH5_CATS] + [('Totalt', B)]:
        v = [x[1]['boenheter'] for x in sub]
        rows.append([lab, str(sum(v)), str(len(v)), median(v)])
    return rows


def _band_index(n):
    for i, (lo, hi) in enumerate(BANDS):
        if n >= lo and (hi is None or n <= hi):
            return i
    return None


def _t_5_3(records, kommuner):
    B = _bot(records)
    cnt = [0] * len(BANDS)
    be = [0] * len(BANDS)
    for r, c in B:
        i = _band_index(c['boenheter'])
        cnt[i] += 1
        be[i] += c['boenheter']
    tn, tb = sum(cnt), sum(be)
    rows = [['virksomhetens_storrelse', 'antall_virksomheter', 'andel_virksomheter',
             'antall_boenheter', 'andel_boenheter']]
    for i, lab in enumerate(BAND_LABEL_53):
        rows.append([lab, str(cnt[i]), pct(cnt[i], tn), str(be[i]), pct(be[i], tb)])
    rows.append(['Totalt', str(tn), pct(tn, tn), str(tb), pct(tb, tb)])
    return rows


def _t_5_4(records, kommuner):
    B = _bot(records)
    tb = sum(x[1]['boenheter'] for x in B)
    tn = len(B)
    rows = [['samlemalgruppe', 'antall_boenheter', 'antall_virksomheter', 'andel_boenheter',
             'andel_virksomheter', 'boenheter_per_virksomhet_median']]
    for k in SAMLE_ORDER:
        v = [x[1]['boenheter'] for x in B if x[1]['samle'] == k]
        rows.append([SAMLE_LABEL_5[k], str(sum(v)), str(len(v)), pct(sum(v), tb), pct(len(v), tn),
                     median(v)])
    v = [x[1]['boenheter'] for x in B]
    rows.append(['Totalt', str(tb), str(tn), pct(tb, tb), pct(tn, tn), median(v)])
    return rows


def _t_5_5(records, kommuner):
    B = _bot(records)
    rows = [['virksomhetens_storrelse', 'utviklingshemning', 'eldre_og_demens', 'psykisk_og_rus',
             'bevegelseshemning', 'utenfor_samlemalgruppene']]
    for i, lab in enumerate(BAND_LABEL_55):
        rows.append([lab] + [_blank0(_count(B, lambda x, k=k: x[1]['samle'] == k and
                                            _band_index(x[1]['boenheter']) == i)) for k in SAMLE_ORDER])
    rows.append(['Totalt'] + [_blank0(_count(B, lambda x, k=k: x[1]['samle'] == k)) for k in SAMLE_ORDER])
    return rows


def _t_5_6(records, kommuner):
    B = _bot(records)
    rows = [['kommunestorrelse', 'boenheter', 'virksomheter', 'boenheter_per_virksomhet_median']]
    for s, lab in list(zip(SIZE_ORDER, SIZE_LABEL_3)) + [(None, 'Totalt')]:
        v = [x[1]['boenheter'] for x in B if s is None or x[1]['storrelse'] == s]
        rows.append([lab, str(sum(v)), str(len(v)), median(v)])
    return rows


def _t_C1(records, kommuner):
    rows = [['samlemalgruppe', 'demens', 'bevegelseshemning_0_66', 'bevegelseshemning_67pluss',
             'utviklingshemning_mv', 'psykiske_lidelser', 'rusproblemer', 'ingen_malgruppe',
             'annen_malgruppe', 'antall_malgrupper', 'virksomheter']]
    for (_, _, nmal, marks, samle, m, n) in _combos(_pop(records)):
        rows.append([SAMLE_LABEL[samle]] + ['x' if g in m else '' for g in MALGRUPPER] +
                    [str(nmal), str(n)])
    return rows


_BUILDERS = {tid: globals()['_t_' + tid.replace('.', '_')] for tid in TABLE_IDS}


def build_table(table_id, records, kommuner):
    """Rows (header first) of one table, all cells as strings."""
    if table_id not in _BUILDERS:
        raise KeyError('unknown table id %r' % table_id)
    return _BUILDERS[table_id](records, kommuner)


def table_csv(rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator='\n')
    for r in rows:
        w.writerow(r)
    return out.getvalue()


# ---------------------------------------------------------------------------
# Generator

_NAME_PARTS = ['Bofellesskap', 'Omsorgsbolig', 'Hjemmetjenesten', 'Sone', 'Ambulerende team',
               'Bjørkåsen', 'Ærfuglveien', 'Østre', 'Åsgård', 'Søndre', 'Tromsø', 'Fløyen',
               'Nærmiljø', 'Rus & psykiatri', 'Dag/aktivitet']
_NAME_SPICE = [', avd. 2', '; nord', ' "Solsikken"', '\nnattpatrulje', ' – BPA', '\tvest',
               ' <gamle> & nye', ' AS', ', "A", B;C', ' \'apostrof\'', ' ]]> test']


def _gen_orgnr(rng, used, r_zero=False, bad=False):
    while True:
        first8 = str(rng.choice([8, 9])) + ''.join(str(rng.randrange(10)) for _ in range(7))
        cd = orgnr_check_digit(first8)
        if bad:
            if cd is None:
                o = first8 + str(rng.randrange(10))      # r == 1: no digit is valid
            else:
                o = first8 + str((cd + rng.randrange(1, 10)) % 10)
            if not orgnr_valid(o) and o not in used:
                used.add(o)
                return o
            continue
        if cd is None:
            continue
        if r_zero and cd != 0:
            continue
        o = first8 + str(cd)
        if o not in used:
            used.add(o)
            return o


_TYPE_PATTERNS = [
    (30, lambda rng: ['boligbase']),
    (6, lambda rng: ['amb-helse']), (3, lambda rng: ['amb-praktisk']),
    (6, lambda rng: ['amb-helse', 'amb-praktisk']), (3, lambda rng: ['bpa']),
    (2, lambda rng: ['annen-hjemmetjeneste']),
    (4, lambda rng: ['enetiltak']),
    (2, lambda rng: ['enetiltak'] + rng.sample(TYPES, rng.randrange(1, 4))),
    (6, lambda rng: rng.sample(sorted(HT - {'enetiltak'}), 2)),
    (6, lambda rng: rng.sample(sorted(HT - {'enetiltak'}), rng.randrange(3, 6))),
    (6, lambda rng: rng.sample(sorted(HT - {'enetiltak'}), rng.randrange(1, 4)) +
        rng.sample(sorted(AT), rng.randrange(1, 4))),
    (4, lambda rng: rng.sample(sorted(HT - {'enetiltak'}), rng.randrange(1, 3)) +
        rng.sample(sorted(ADM), rng.randrange(1, 3))),
    (3, lambda rng: rng.sample(sorted(ADM), rng.randrange(1, 4))),
    (2, lambda rng: rng.sample(sorted(ADM), rng.randrange(1, 3)) +
        rng.choice([['annen-hjemmetjeneste'], ['annen-virksomhet'],
                    ['annen-hjemmetjeneste', 'annen-virksomhet']])),
    (1, lambda rng: rng.sample(sorted(ADM), 1) + rng.sample(sorted(AT_PRIME), 1)),   # utenfor
    (1, lambda rng: ['annen-virksomhet']),                                          # utenfor
    (1, lambda rng: rng.sample(sorted(AT), rng.randrange(1, 3))),                   # utenfor
    (1, lambda rng: ['annen-hjemmetjeneste', 'annen-virksomhet']),
    (1, lambda rng: ['boligbase', 'enetiltak']),
    (3, lambda rng: rng.sample(TYPES, rng.randrange(1, 8))),
]

_NEVER = [{_D, _R}, {_D, _B0, _P}, {_D, _U, _R}, {_D, _P, _R}, {_B0, _B67, _R}, {_B0, _U, _R},
          {_B67, _U, _R}, {_D, _B0, _U, _R}, {_D, _B67, _U, _R}, {_B0, _B67, _U, _R}]
_ALL_SAMLE_SETS = [s for v in SAMLE_SETS.values() for s in v]


def _gen_malgrupper(rng, aktiv):
    x = rng.random()
    if x < 0.40:
        m = set(rng.choice(_ALL_SAMLE_SETS))
        if rng.random() < 0.1:
            m.add('annen')
    elif x < 0.50:
        m = set(rng.choice(_NEVER))
    elif x < 0.56:
        m = set()
    elif x < 0.62:
        m = {'ingen'}
    elif x < 0.66:
        m = {'annen'}
    elif x < 0.72:
        m = set(MAIN6)
    else:
        m = set(rng.sample(MALGRUPPER[:6] + ['annen'], rng.randrange(1, 8)))
    if not aktiv and rng.random() < 0.15:
        m |= {'ingen', 'demens'}          # allowed for non-active records
    return sorted(m, key=MALGRUPPER.index)


def _weighted(rng, patterns):
    tot = sum(w for w, _ in patterns)
    x = rng.uniform(0, tot)
    for w, f in patterns:
        x -= w
        if x <= 0:
            return f(rng)
    return patterns[-1][1](rng)


def _gen_good(rng, used, kommuner, komm_list, boundary):
    status = 'aktiv' if rng.random() < 0.82 else rng.choice(STATUSES[1:])
    aktiv = status == 'aktiv'
    types = sorted(set(_weighted(rng, _TYPE_PATTERNS)), key=TYPES.index)
    if not aktiv and rng.random() < 0.2:
        types = []
    bo = None
    if 'boligbase' in types:
        bo = rng.choice([None, '0', '1', '2', '3', '5', '6', '10', '11', '15', '16', '20', '21',
                         '25', '30', '35', '40', '45', '46', '50', '51', '77',
                         str(rng.randrange(2, 60)), str(rng.randrange(2, 60)), ' 8 ', '007'])
        if rng.random() < 0.01:
            bo = '100000'
    elif rng.random() < 0.05:
        bo = str(rng.randrange(0, 20))
    k = rng.choice(boundary) if rng.random() < 0.3 else rng.choice(komm_list)
    nk = None
    x = rng.random()
    if x < 0.45:
        nk = (rng.choice(sorted(SN2007_LABELS)), rng.choice([None, 'SN2007']))
    elif x < 0.65:
        nk = ('%02d.%03d' % (rng.choice([86, 87, 88]), rng.randrange(1000)), 'SN2025')
    navn = None
    if rng.random() < 0.8:
        navn = rng.choice(_NAME_PARTS) + ' ' + rng.choice(_NAME_PARTS)
        if rng.random() < 0.5:
            navn += rng.choice(_NAME_SPICE)
    merknad = None
    if rng.random() < 0.2:
        merknad = rng.choice(['fritekst', 'Enetiltak for én bruker, jf. vedtak', 'linje 1\nlinje 2',
                              'komma, semikolon; "sitat"', 'æøå ÆØÅ'])
    return {'orgnr': _gen_orgnr(rng, used, r_zero=rng.random() < 0.05), 'kommunenr': k,
            'eierskap': 'kommunal' if rng.random() < 0.85 else 'privat',
            'status': status, 'types': types, 'malgrupper': _gen_malgrupper(rng, aktiv),
            'boenheter': bo,
            'mottar': sorted(rng.sample(MOTTAR, rng.randrange(0, 5)) if rng.random() < 0.35 else [],
                             key=MOTTAR.index),
            'leverer': sorted(rng.sample(LEVERER, rng.randrange(0, 5)) if rng.random() < 0.3 else [],
                              key=LEVERER.index),
            'andre': (True if rng.random() < 0.15 else rng.choice([False, None])),
            'naeringskode': nk, 'navn': navn, 'merknad': merknad, 'wide_bad': None,
            'bad': None}


BAD_CLASSES = ['check-digit', 'unknown-type', 'unknown-malgruppe', 'ingen-with-other',
               'negative-boenheter', 'non-numeric-boenheter', 'unknown-kommunenr',
               'duplicate-orgnr', 'missing-eierskap', 'missing-kommunenr', 'no-type',
               # extra edge classes
               'boenheter-too-large', 'bad-naeringskode', 'bad-standard', 'bad-andre-kommuner',
               'unknown-status', 'unknown-eierskap', 'del-in-navn', 'orgnr-length']


def _make_bad(rng, cls, used, good, kommuner, komm_list, boundary):
    r = _gen_good(rng, used, kommuner, komm_list, boundary)
    r['bad'] = cls
    if cls in ('ingen-with-other', 'no-type'):
        r['status'] = rng.choice(['aktiv', None])
        if not r['types']:
            r['types'] = ['boligbase']
    if cls == 'check-digit':
        r['orgnr'] = _gen_orgnr(rng, used, bad=True)
    elif cls == 'orgnr-length':
        r['orgnr'] = r['orgnr'][:8]
    elif cls == 'unknown-type':
        r['types'] = r['types'] + ['hjemmesykepleie']
        r['wide_bad'] = (rng.choice(TYPES), rng.choice(['2', 'x', 'ja', '1 1']))
    elif cls == 'unknown-malgruppe':
        r['malgrupper'] = [m for m in r['malgrupper'] if m != 'ingen'] + ['eldre']
        r['wide_bad'] = (rng.choice(MALGRUPPER[:6]), rng.choice(['2', 'X', '-1']))
    elif cls == 'ingen-with-other':
        r['malgrupper'] = ['ingen', rng.choice(MAIN6 + ['annen'])]
    elif cls == 'negative-boenheter':
        r['boenheter'] = rng.choice(['-1', '-12', ' -3'])
    elif cls == 'non-numeric-boenheter':
        r['boenheter'] = rng.choice(['åtte', '8.5', '12a', '1e3', '+4', '0x10'])
    elif cls == 'boenheter-too-large':
        r['boenheter'] = rng.choice(['100001', '999999999999'])
    elif cls == 'unknown-kommunenr':
        while True:
            k = '%04d' % rng.randrange(10000)
            if k not in kommuner:
                break
        r['kommunenr'] = k
    elif cls == 'duplicate-orgnr':
        r['orgnr'] = rng.choice(good)['orgnr']
    elif cls == 'missing-eierskap':
        r['eierskap'] = None
    elif cls == 'missing-kommunenr':
        r['kommunenr'] = None
    elif cls == 'no-type':
        r['types'] = []
        if 'ingen' in r['malgrupper'] and len(r['malgrupper']) > 1:
            r['malgrupper'] = ['ingen']
    elif cls == 'bad-naeringskode':
        r['naeringskode'] = (rng.choice(['8690.1', '86901', '86.9011', 'ab.cde']), None)
    elif cls == 'bad-standard':
        r['naeringskode'] = ('86.901', rng.choice(['SN2002', 'sn2007', 'NACE']))
    elif cls == 'bad-andre-kommuner':
        r['andre'] = rng.choice(['ja', '2', 'yes'])
    elif cls == 'unknown-status':
        r['status'] = rng.choice(['nedlagt', 'Aktiv', 'inaktiv'])
    elif cls == 'unknown-eierskap':
        r['eierskap'] = rng.choice(['statlig', 'Kommunal', 'offentlig'])
    elif cls == 'del-in-navn':
        r['navn'] = (r['navn'] or 'Navn') + '\x7f'
    if r['status'] == 'aktiv' or r['status'] is None:
        # keep the other aktiv rules satisfied so only the intended error applies
        if cls != 'no-type' and not r['types']:
            r['types'] = ['amb-helse']
        if cls not in ('ingen-with-other', 'unknown-malgruppe') and 'ingen' in r['malgrupper'] \
                and len(r['malgrupper']) > 1:
            r['malgrupper'] = ['ingen']
    return r


def _tok_list(rng, toks):
    """Space separated tokens, sometimes with a duplicate and irregular spacing."""
    t = list(toks)
    rng.shuffle(t)
    if t and rng.random() < 0.15:
        t.append(rng.choice(t))
    sep = ' ' if rng.random() < 0.8 else '  '
    s = sep.join(t)
    if t and rng.random() < 0.1:
        s = ' ' + s + ' '
    return s


def _write_xml(rng, recs, path):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           '<kartlegging xmlns="%s" aargang="2024">\n' % NS]
    for r in recs:
        attrs = [('orgnr', r['orgnr'])]
        if r['kommunenr'] is not None:
            attrs.append(('kommunenr', r['kommunenr']))
        if r['eierskap'] is not None:
            attrs.append(('eierskap', r['eierskap']))
        st = r['status']
        if st is not None and not (st == 'aktiv' and rng.random() < 0.3):
            attrs.append(('status', st))
        rng.shuffle(attrs)
        out.append('  <virksomhet %s>\n' % ' '.join('%s=%s' % (k, _xml_quoteattr(v)) for k, v in attrs))
        ch = []
        if r['navn'] is not None:
            ch.append('<navn>%s</navn>' % _xml_escape(r['navn']))
        if r['naeringskode'] is not None:
            code, std = r['naeringskode']
            sa = '' if std is None else ' standard=%s' % _xml_quoteattr(std)
            ch.append('<naeringskode%s>%s</naeringskode>' % (sa, _xml_escape(code)))
        if r['types'] or rng.random() < 0.5:
            ch.append('<virksomhetstyper>%s</virksomhetstyper>' % _tok_list(rng, r['types']))
        if r['malgrupper'] or rng.random() < 0.5:
            ch.append('<malgrupper>%s</malgrupper>' % _tok_list(rng, r['malgrupper']))
        if r['boenheter'] is not None:
            ch.append('<boenheter>%s</boenheter>' % _xml_escape(r['boenheter']))
        if r['mottar'] or r['leverer'] or rng.random() < 0.2:
            pa = []
            if r['mottar'] or rng.random() < 0.3:
                pa.append('mottar-fra=%s' % _xml_quoteattr(_tok_list(rng, r['mottar'])))
            if r['leverer'] or rng.random() < 0.3:
                pa.append('leverer-til=%s' % _xml_quoteattr(_tok_list(rng, r['leverer'])))
            ch.append('<personellutveksling %s/>' % ' '.join(pa) if pa else '<personellutveksling/>')
        a = r['andre']
        if a is True:
            ch.append('<andre-kommuner>%s</andre-kommuner>' % rng.choice(['true', '1']))
        elif a is False:
            ch.append('<andre-kommuner>%s</andre-kommuner>' % rng.choice(['false', '0']))
        elif isinstance(a, str):
            ch.append('<andre-kommuner>%s</andre-kommuner>' % _xml_escape(a))
        if r['merknad'] is not None:
            ch.append('<merknad>%s</merknad>' % _xml_escape(r['merknad']))
        rng.shuffle(ch)
        for c in ch:
            out.append('    %s\n' % c)
        out.append('  </virksomhet>\n')
    out.append('</kartlegging>\n')
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(''.join(out))


def _csv_field(rng, v, delim):
    if v == '' and rng.random() < 0.9:
        return ''
    need = any(c in v for c in (delim, '"', '\n', '\r'))
    if need or rng.random() < 0.1:
        return '"' + v.replace('"', '""') + '"'
    return v


def _write_csv(rng, recs, path, wide):
    delim = rng.choice([',', ';'])
    eol = rng.choice(['\n', '\r\n'])
    bom = rng.random() < 0.3
    cols = ['orgnr', 'kommunenr', 'eierskap', 'status', 'boenheter', 'navn', 'merknad',
            'naeringskode', 'naeringskode_standard', 'andre_kommuner']
    if wide:
        cols += list(WIDE_COLUMNS)
    else:
        cols += ['virksomhetstyper', 'malgrupper', 'mottar_fra', 'leverer_til']
    if rng.random() < 0.3:
        cols.append('intern_kommentar')        # unknown column: ignored with a warning
    rng.shuffle(cols)
    lines = [delim.join(_csv_field(rng, c, delim) for c in cols)]
    for r in recs:
        vals = {}
        vals['orgnr'] = r['orgnr']
        vals['kommunenr'] = r['kommunenr'] or ''
        vals['eierskap'] = r['eierskap'] or ''
        st = r['status']
        vals['status'] = '' if st is None or (st == 'aktiv' and rng.random() < 0.3) else st
        vals['boenheter'] = r['boenheter'] if r['boenheter'] is not None else ''
        vals['navn'] = r['navn'] or ''
        vals['merknad'] = r['merknad'] or ''
        if r['naeringskode'] is not None:
            vals['naeringskode'] = r['naeringskode'][0]
            vals['naeringskode_standard'] = r['naeringskode'][1] or ''
        a = r['andre']
        vals['andre_kommuner'] = '1' if a is True else ('0' if rng.random() < 0.5 else '') \
            if a in (False, None) else a
        vals['intern_kommentar'] = rng.choice(['', 'x', 'sjekk, igjen'])
        if wide:
            for col, (kind, code) in WIDE_COLUMNS.items():
                on = code in r[kind]
                vals[col] = '1' if on else rng.choice(['0', ''])
            if r['wide_bad'] is not None:
                vals[r['wide_bad'][0]] = r['wide_bad'][1]
        else:
            vals['virksomhetstyper'] = _tok_list(rng, r['types'])
            vals['malgrupper'] = _tok_list(rng, r['malgrupper'])
            vals['mottar_fra'] = _tok_list(rng, r['mottar'])
            vals['leverer_til'] = _tok_list(rng, r['leverer'])
        lines.append(delim.join(_csv_field(rng, vals.get(c, ''), delim) for c in cols))
    text = eol.join(lines) + eol
    with open(path, 'wb') as f:
        f.write((b'\xef\xbb\xbf' if bom else b'') + text.encode('utf-8'))


def generate(seed, n, prefix, bad=0, kommuner_path=None):
    rng = random.Random(seed)
    kommuner = load_kommuner(kommuner_path or default_kommuner_path())
    komm_list = list(kommuner)
    boundary = [k for k in ['3216', '1119', '5054', '5605', '3414', '3324'] + ASSS if k in kommuner]
    if not boundary:
        boundary = komm_list
    used = set()
    recs = [_gen_good(rng, used, kommuner, komm_list, boundary) for _ in range(n)]
    for i in range(bad):
        cls = BAD_CLASSES[i % len(BAD_CLASSES)] if i < len(BAD_CLASSES) else rng.choice(BAD_CLASSES)
        if cls == 'duplicate-orgnr' and not recs:
            cls = 'check-digit'
        goods = [r for r in recs if r['bad'] is None]
        if cls == 'duplicate-orgnr' and not goods:
            cls = 'check-digit'
        b = _make_bad(rng, cls, used, goods, kommuner, komm_list, boundary)
        if cls == 'duplicate-orgnr':
            pos = next(j for j, r in enumerate(recs) if r['orgnr'] == b['orgnr']) + 1
            recs.insert(rng.randrange(pos, len(recs) + 1), b)
        else:
            recs.insert(rng.randrange(len(recs) + 1), b)
    _write_xml(rng, recs, prefix + '.xml')
    _write_csv(rng, recs, prefix + '-list.csv', wide=False)
    _write_csv(rng, recs, prefix + '-wide.csv', wide=True)
    return recs


# ---------------------------------------------------------------------------
# Command line

USAGE = """usage:
  hjtj_oracle.py classify [--kommuner K] FILE
  hjtj_oracle.py report --table ID [--kommuner K] FILE
  hjtj_oracle.py report --all --dir OUTDIR [--kommuner K] FILE
  hjtj_oracle.py gen --seed S --n N --out-prefix P [--bad K]
"""


def _parse_opts(argv, flags, valued):
    opts, pos = {}, []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ('-h', '--help'):
            sys.stdout.write(USAGE)
            sys.exit(0)
        if a in flags:
            opts[a] = True
        elif a in valued:
            if i + 1 >= len(argv):
                raise SystemExit('hjtj_oracle: %s needs a value\n%s' % (a, USAGE))
            opts[a] = argv[i + 1]
            i += 1
        elif a.startswith('--') and '=' in a and a.split('=', 1)[0] in valued:
            k, v = a.split('=', 1)
            opts[k] = v
        elif a.startswith('-') and a != '-':
            sys.stderr.write('hjtj_oracle: unknown option %s\n%s' % (a, USAGE))
            sys.exit(2)
        else:
            pos.append(a)
        i += 1
    return opts, pos


def _load_or_die(path, kpath):
    def warn(msg):
        sys.stderr.write(msg + '\n')
    try:
        return load(path, kpath, warn)
    except FileError as e:
        sys.stderr.write('%s:%d:%d: error: %s\n' % (path, e.line, e.col, e.msg))
        sys.exit(2)


def _print_rejects(path, rejects):
    for line, orgnr, why in rejects:
        sys.stderr.write('%s:%d: orgnr %s: %s\n' % (path, line, orgnr, why))


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ('-h', '--help'):
        sys.stdout.write(USAGE)
        return 0 if argv else 2
    cmd, rest = argv[0], argv[1:]
    if cmd == 'classify':
        opts, pos = _parse_opts(rest, set(), {'--kommuner'})
        if len(pos) != 1:
            sys.stderr.write(USAGE)
            return 2
        records, rejects, kommuner = _load_or_die(pos[0], opts.get('--kommuner'))
        rows = [CLASSIFY_HEADER] + [classify_row(r) for r in records if r['status'] == 'aktiv']
        sys.stdout.write(table_csv(rows))
        _print_rejects(pos[0], rejects)
        return 1 if rejects else 0
    if cmd == 'report':
        opts, pos = _parse_opts(rest, {'--all'}, {'--kommuner', '--table', '--dir', '--format'})
        if len(pos) != 1 or (('--table' in opts) == ('--all' in opts)):
            sys.stderr.write(USAGE)
            return 2
        if opts.get('--format', 'csv') != 'csv':
            sys.stderr.write('hjtj_oracle: only --format csv is supported\n')
            return 2
        if '--table' in opts and opts['--table'] not in _BUILDERS:
            sys.stderr.write('hjtj_oracle: unknown table id %r\n' % opts['--table'])
            return 2
        if '--all' in opts and '--dir' not in opts:
            sys.stderr.write('hjtj_oracle: --all needs --dir OUTDIR\n')
            return 2
        records, rejects, kommuner = _load_or_die(pos[0], opts.get('--kommuner'))
        if '--table' in opts:
            sys.stdout.write(table_csv(build_table(opts['--table'], records, kommuner)))
        else:
            os.makedirs(opts['--dir'], exist_ok=True)
            for tid in TABLE_IDS:
                fn = os.path.join(opts['--dir'], 'tabell_%s.csv' % tid.replace('.', '_'))
                with open(fn, 'w', encoding='utf-8', newline='') as f:
                    f.write(table_csv(build_table(tid, records, kommuner)))
        _print_rejects(pos[0], rejects)
        return 1 if rejects else 0
    if cmd == 'gen':
        opts, pos = _parse_opts(rest, set(), {'--seed', '--n', '--out-prefix', '--bad', '--kommuner'})
        if pos or not all(k in opts for k in ('--seed', '--n', '--out-prefix')):
            sys.stderr.write(USAGE)
            return 2
        try:
            seed, n, bad = int(opts['--seed']), int(opts['--n']), int(opts.get('--bad', '0'))
        except ValueError:
            sys.stderr.write('hjtj_oracle: --seed, --n and --bad take integers\n')
            return 2
        generate(seed, n, opts['--out-prefix'], bad, opts.get('--kommuner'))
        return 0
    sys.stderr.write('hjtj_oracle: unknown command %r\n%s' % (cmd, USAGE))
    return 2


if __name__ == '__main__':
    sys.exit(main())
