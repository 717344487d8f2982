#!/usr/bin/python3
"""gen_register.py -- synthetic registers of any size for the libhjtj benchmark.

    gen_register.py --n N [--seed S] --out-prefix P      writes P.xml and P.csv
    gen_register.py --n N [--seed S] --xml F.xml --csv F.csv

Python 3 standard library only; the output is a function of (--n, --seed).
Both files hold the same records in the same order: P.xml in the XML format
of hjtj-formats(5), P.csv in the CSV *list* layout (`,` separated, LF, RFC
4180 quoting where a value needs it, no BOM).

SYNTHETIC DATA: every enterprise and orgnr is invented.  The orgnr come from
the range 100000000-199999999, which Enhetsregisteret never assigns; they are
spread over the whole range in ascending order (8-digit prefix 10000000 +
i * (10^7 // N), moved one up where the mod-11 remainder is 1, which has no
valid check digit), so 10^6 records use the whole range.

The mix follows the published tables of SSB's report (Rapporter 2026/5, data
year 2024, /work/shared/reference/tabell_*.csv); the figures are copied
below so that the script needs nothing but the municipality table:

  status (Table 2.3 and the text of ch. 2.3): 3611 of 4067 active; of the
      451 others ~50 % opphort, 10 % midlertidig-opphort, 40 %
      ikke-hjemmetjeneste; 5 ikke-innrapportert (=> ~11 % not active).
      0.25 % of the active records are given only non-home-care types (they
      classify as `utenfor`, as records before SSB's manual editing might).
  category (Tables 3.3/3.5): 1529 kun boligbase, 161/57/314 ambulatory,
      79 BPA, 141 enetiltak, 277 two / 469 three+ HT types, 527 combined, 57
      administration.  Type pairs from Table 3.4, combined enterprises' HT
      and AT parts from Tables 3.7 and 3.6, ADM composition from 3.8, ADM
      ticks per category from 3.9.  Enetiltak: 60 % given as `enetiltak`,
      30 % as boligbase with 1 boenhet (rule 4.1.1), 10 % as enetiltak plus
      other types (rule 4.1.4).
  eierskap per category (Table 3.10).
  municipality: size class from Table 3.18 (1007 / 1165 / 465 / 463 / 511),
      within the class a real municipality of data/kommuner-2025.csv
      weighted by its inhabitants.
  målgrupper: samlemålgruppe per category group (pure boligbase Table 4.16,
      pure ambulatory 4.17, the rest 4.6 minus those), then the exact
      combination inside the cluster weighted by Table C1.  A quarter of
      the `ingen` records leave målgrupper empty (rule 4.1.2).
  boenheter (records with boligbase): 1.8 % none (Table 5.1: 28 of 1529;
      half missing, half "0"), otherwise the size band from Table 5.5's
      column for the record's samlemålgruppe, uniform inside the band,
      51+ as 51 + an exponential tail with the mean of Table 5.3 (72).
      2 % of other active records carry boenheter (rule 4.1.5).
  personnel exchange (Tables 3.11, 3.12, 3.14, 3.15): 27.9 % of kommunal
      non-enetiltak enterprises; both/provide/receive 234/224/438; codes
      with the multiple-response rates of 3.14/3.15.
  andre-kommuner (Tables 3.16, 3.17): kommunal 0.6 %, private 48 %.
  næringskode (Table 2.2): SN2007 codes following the type (boligbase ->
      the 87.xxx bofellesskap codes in 2.2's proportions, amb-helse ->
      86.901, amb-praktisk -> 88.101, ...), 3 % without a code.
"""

import bisect
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_KOMMUNER = os.path.join(HERE, '..', 'data', 'kommuner-2025.csv')

ASSS = ['0301', '4601', '5001', '1103', '3201', '4204', '3301', '3203', '3205',
        '3107', '1108', '5501']


class Sampler:
    """Weighted choice by bisection on cumulative weights."""
    __slots__ = ('items', 'cum', 'total')

    def __init__(self, pairs):
        pairs = [(v, w) for v, w in pairs if w > 0]
        self.items = [v for v, _ in pairs]
        self.cum = []
        t = 0.0
        for _, w in pairs:
            t += w
            self.cum.append(t)
        self.total = t

    def __call__(self, rng):
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


# ---------------------------------------------------------------------------
# Distributions (figures from the report's tables, see the module docstring)

STATUS = Sampler([('aktiv', 3611), ('opphort', 225.5), ('midlertidig-opphort', 45.1),
                  ('ikke-hjemmetjeneste', 180.4), ('ikke-innrapportert', 5)])

# Table 3.5 with «to eller flere» split as in Table 3.3, plus the few `utenfor`
CATEGORY = Sampler([('kun-boligbase', 1529), ('kun-amb-helse', 161), ('kun-amb-praktisk', 57),
                    ('kun-amb-begge', 314), ('kun-bpa', 79), ('enetiltak', 141),
                    ('to-typer', 277), ('tre-eller-flere', 469), ('kombinert', 527),
                    ('administrasjon', 57), ('utenfor', 3611 * 0.0025)])

P_KOMMUNAL = {'kun-boligbase': 1421 / 1529, 'kun-amb-helse': 160 / 161,
              'kun-amb-praktisk': 42 / 57, 'kun-amb-begge': 310 / 314, 'kun-bpa': 19 / 79,
              'enetiltak': 64 / 141, 'to-typer': 706 / 746, 'tre-eller-flere': 706 / 746,
              'kombinert': 504 / 527, 'administrasjon': 52 / 57, 'utenfor': 3278 / 3611}
P_ADMIN = {'kun-boligbase': 17 / 1529, 'kun-amb-helse': 3 / 161, 'kun-amb-praktisk': 2 / 57,
           'kun-amb-begge': 12 / 314, 'kun-bpa': 2 / 79, 'to-typer': 37 / 746,
           'tre-eller-flere': 37 / 746, 'kombinert': 104 / 527}

HT5 = ['boligbase', 'amb-helse', 'amb-praktisk', 'bpa', 'annen-hjemmetjeneste']
TYPE_ORDER = ['boligbase', 'amb-helse', 'amb-praktisk', 'bpa', 'annen-hjemmetjeneste',
              'enetiltak', 'barnebolig-avlastning', 'sykehjem', 'dagaktivitet',
              'annen-virksomhet', 'ressursenhet', 'bestillerkontor', 'administrasjon']
TYPE_RANK = {t: i for i, t in enumerate(TYPE_ORDER)}

# Table 3.4 off-diagonal pairs except {amb-helse, amb-praktisk} (that is «begge»)
PAIRS = Sampler([(('boligbase', 'amb-helse'), 102), (('boligbase', 'amb-praktisk'), 92),
                 (('boligbase', 'bpa'), 12), (('amb-helse', 'bpa'), 6),
                 (('amb-praktisk', 'bpa'), 12), (('boligbase', 'annen-hjemmetjeneste'), 13),
                 (('amb-helse', 'annen-hjemmetjeneste'), 19),
                 (('amb-praktisk', 'annen-hjemmetjeneste'), 12),
                 (('bpa', 'annen-hjemmetjeneste'), 9)])


def _subsets_3plus():
    w_item = {'boligbase': 5.0, 'amb-helse': 5.0, 'amb-praktisk': 4.0, 'bpa': 1.5,
              'annen-hjemmetjeneste': 1.2}
    w_size = {3: 0.70, 4: 0.25, 5: 0.05}
    out = []
    for mask in range(32):
        s = [HT5[i] for i in range(5) if mask >> i & 1]
        if len(s) < 3:
            continue
        w = 1.0
        for t in s:
            w *= w_item[t]
        out.append((tuple(s), w))
    # normalise inside each size so that the size shares hold
    by_size = {}
    for s, w in out:
        by_size[len(s)] = by_size.get(len(s), 0.0) + w
    return Sampler([(s, w / by_size[len(s)] * w_size[len(s)]) for s, w in out])


TRIPLES = _subsets_3plus()

# Table 3.7: the HT part of combined enterprises
COMB_HT = Sampler([(('boligbase',), 135), (('amb-helse',), 17), (('amb-praktisk',), 5),
                   (('amb-helse', 'amb-praktisk'), 64), (('bpa',), 3),
                   (('annen-hjemmetjeneste',), 12), ('two+', 291)])
# Table 3.6: the AT part
AT4 = ['barnebolig-avlastning', 'sykehjem', 'dagaktivitet', 'annen-virksomhet']
COMB_AT = Sampler([(('barnebolig-avlastning',), 84), (('sykehjem',), 23),
                   (('dagaktivitet',), 211), (('annen-virksomhet',), 113), ('two+', 96)])
# Table 3.8: ADM composition
ADM3 = ['ressursenhet', 'bestillerkontor', 'administrasjon']
ADM_COMP = Sampler([(('ressursenhet',), 3), (('administrasjon',), 22),
                    (('bestillerkontor',), 25), ('two+', 7)])
UTENFOR_TYPES = Sampler([(('annen-virksomhet',), 4), (('sykehjem',), 2),
                         (('dagaktivitet', 'annen-virksomhet'), 2),
                         (('sykehjem', 'administrasjon'), 1)])

# Table 3.18
SIZE_CLASS = Sampler([('asss', 1007), ('20000+', 1165), ('10000-19999', 465),
                      ('5000-9999', 463), ('under-5000', 511)])

# Table C1: (samlemålgruppe, målgrupper in code order, count)
C1 = [
    ('utv', 'utviklingshemning', 1123), ('utv', 'bevegelse-0-66 utviklingshemning', 170),
    ('utv', 'utviklingshemning psykiske-lidelser', 135),
    ('utv', 'bevegelse-0-66 utviklingshemning psykiske-lidelser', 98),
    ('utv', 'bevegelse-0-66 bevegelse-67 utviklingshemning', 58),
    ('utv', 'bevegelse-67 utviklingshemning', 11), ('utv', 'demens utviklingshemning', 7),
    ('utv', 'utviklingshemning annen', 5), ('utv', 'utviklingshemning rusproblemer', 4),
    ('utv', 'utviklingshemning psykiske-lidelser annen', 4),
    ('utv', 'bevegelse-0-66 bevegelse-67 utviklingshemning annen', 1),
    ('utv', 'bevegelse-0-66 utviklingshemning psykiske-lidelser annen', 1),
    ('eld', 'demens bevegelse-0-66 bevegelse-67', 155), ('eld', 'demens bevegelse-67', 89),
    ('eld', 'bevegelse-67', 78), ('eld', 'demens', 63),
    ('eld', 'demens bevegelse-0-66 bevegelse-67 psykiske-lidelser', 60),
    ('eld', 'demens bevegelse-67 annen', 6), ('eld', 'demens bevegelse-0-66 bevegelse-67 annen', 4),
    ('eld', 'demens annen', 1), ('eld', 'bevegelse-67 annen', 1),
    ('eld', 'demens bevegelse-0-66 bevegelse-67 psykiske-lidelser annen', 1),
    ('psy', 'psykiske-lidelser rusproblemer', 226), ('psy', 'psykiske-lidelser', 121),
    ('psy', 'utviklingshemning psykiske-lidelser rusproblemer', 82), ('psy', 'rusproblemer', 12),
    ('psy', 'psykiske-lidelser rusproblemer annen', 3),
    ('psy', 'utviklingshemning psykiske-lidelser rusproblemer annen', 1),
    ('bev', 'bevegelse-0-66 bevegelse-67', 71), ('bev', 'bevegelse-0-66', 52),
    ('bev', 'bevegelse-0-66 bevegelse-67 annen', 1),
    ('ute', 'demens bevegelse-0-66 bevegelse-67 utviklingshemning psykiske-lidelser rusproblemer', 312),
    ('ute', 'ingen', 212),
    ('ute', 'demens bevegelse-0-66 bevegelse-67 psykiske-lidelser rusproblemer', 182),
    ('ute', 'demens bevegelse-0-66 bevegelse-67 utviklingshemning psykiske-lidelser', 31),
    ('ute', 'bevegelse-0-66 bevegelse-67 utviklingshemning psykiske-lidelser', 29),
    ('ute', 'bevegelse-0-66 utviklingshemning psykiske-lidelser rusproblemer', 21),
    ('ute', 'bevegelse-0-66 bevegelse-67 utviklingshemning psykiske-lidelser rusproblemer', 20),
    ('ute', 'demens bevegelse-0-66 bevegelse-67 utviklingshemning', 18),
    ('ute', 'demens bevegelse-67 psykiske-lidelser rusproblemer', 16),
    ('ute', 'demens bevegelse-0-66 bevegelse-67 utviklingshemning psykiske-lidelser rusproblemer annen', 12),
    ('ute', 'demens bevegelse-67 psykiske-lidelser', 10),
    ('ute', 'demens bevegelse-67 utviklingshemning psykiske-lidelser rusproblemer', 10),
    ('ute', 'bevegelse-0-66 bevegelse-67 psykiske-lidelser rusproblemer', 9),
    ('ute', 'bevegelse-67 psykiske-lidelser', 8), ('ute', 'annen', 5),
    ('ute', 'bevegelse-0-66 psykiske-lidelser', 5),
    ('ute', 'demens bevegelse-0-66 utviklingshemning', 5),
    ('ute', 'bevegelse-0-66 bevegelse-67 psykiske-lidelser', 5),
    ('ute', 'bevegelse-0-66 psykiske-lidelser rusproblemer', 5),
    ('ute', 'demens bevegelse-0-66 psykiske-lidelser rusproblemer', 5),
    ('ute', 'demens bevegelse-67 utviklingshemning', 4),
    ('ute', 'bevegelse-67 psykiske-lidelser rusproblemer', 4),
    ('ute', 'demens bevegelse-0-66 bevegelse-67 rusproblemer', 4),
    ('ute', 'demens bevegelse-0-66 utviklingshemning psykiske-lidelser', 4),
    ('ute', 'demens bevegelse-0-66', 3), ('ute', 'demens utviklingshemning psykiske-lidelser', 3),
    ('ute', 'bevegelse-67 utviklingshemning psykiske-lidelser rusproblemer', 3),
    ('ute', 'demens psykiske-lidelser', 2), ('ute', 'bevegelse-67 psykiske-lidelser annen', 2),
    ('ute', 'demens utviklingshemning psykiske-lidelser rusproblemer', 2),
    ('ute', 'demens bevegelse-0-66 utviklingshemning psykiske-lidelser rusproblemer', 2),
    ('ute', 'bevegelse-0-66 bevegelse-67 utviklingshemning psykiske-lidelser rusproblemer annen', 2),
    ('ute', 'bevegelse-0-66 rusproblemer', 1), ('ute', 'bevegelse-67 rusproblemer', 1),
    ('ute', 'demens bevegelse-0-66 rusproblemer', 1), ('ute', 'demens bevegelse-67 rusproblemer', 1),
    ('ute', 'bevegelse-67 utviklingshemning psykiske-lidelser', 1),
    ('ute', 'demens utviklingshemning psykiske-lidelser annen', 1),
    ('ute', 'bevegelse-0-66 bevegelse-67 psykiske-lidelser annen', 1),
    ('ute', 'demens bevegelse-0-66 bevegelse-67 utviklingshemning rusproblemer', 1),
    ('ute', 'demens bevegelse-0-66 bevegelse-67 utviklingshemning annen', 1),
    ('ute', 'demens bevegelse-67 utviklingshemning psykiske-lidelser annen', 1),
    ('ute', 'bevegelse-0-66 utviklingshemning psykiske-lidelser rusproblemer annen', 1),
    ('ute', 'demens bevegelse-0-66 bevegelse-67 psykiske-lidelser rusproblemer annen', 1),
]
COMBO = {s: Sampler([(m, n) for s2, m, n in C1 if s2 == s])
         for s in ('utv', 'eld', 'psy', 'bev', 'ute')}
# samlemålgruppe per category group: Table 4.16, 4.17, and 4.6 minus both
SAMLE_BOLIG = Sampler([('utv', 958), ('eld', 167), ('psy', 227), ('bev', 38), ('ute', 139)])
SAMLE_AMB = Sampler([('utv', 31), ('eld', 106), ('psy', 57), ('bev', 26), ('ute', 312)])
SAMLE_REST = Sampler([('utv', 1617 - 958 - 31), ('eld', 458 - 167 - 106),
                      ('psy', 445 - 227 - 57), ('bev', 124 - 38 - 26), ('ute', 967 - 139 - 312)])

# Table 5.5: size band per samlemålgruppe (2-5, 6-10, ..., 46-50, 51+)
BANDS = [(2, 5), (6, 10), (11, 15), (16, 20), (21, 25), (26, 30), (31, 35), (36, 40),
         (41, 45), (46, 50), (51, None)]
_T55 = {'utv': [470, 613, 188, 64, 16, 14, 5, 4, 0, 0, 2],
        'eld': [7, 52, 41, 54, 43, 26, 17, 13, 11, 12, 16],
        'psy': [73, 139, 61, 38, 17, 6, 4, 5, 1, 1, 0],
        'bev': [19, 17, 6, 4, 4, 2, 2, 2, 3, 3, 1],
        'ute': [37, 80, 61, 45, 38, 13, 12, 16, 9, 14, 24]}
BAND = {s: Sampler(list(zip(BANDS, w))) for s, w in _T55.items()}
TAIL_MEAN = 3107 / 43 - 51          # Table 5.3: mean boenheter of the 51+ band, minus 51

# Tables 3.12, 3.14, 3.15
EXCHANGE = Sampler([('both', 234), ('lev', 224), ('mot', 438)])
MOTTAR = [('sykehjem', 229 / 672), ('boligbase', 142 / 672), ('ambulerende', 297 / 672),
          ('annen', 191 / 672)]
LEVERER = [('sykehjem', 144 / 458), ('dagsenter', 167 / 458),
           ('barnebolig-avlastning', 74 / 458), ('annen', 158 / 458)]

# Table 2.2, split by type
NK_BOLIG = Sampler([('87.203', 1179), ('87.302', 1332), ('87.303', 211), ('87.202', 13),
                    ('87.304', 18), ('87.305', 6)])
NK_ALL = Sampler([('86.901', 801), ('87.202', 13), ('87.203', 1179), ('87.302', 1332),
                  ('87.303', 211), ('87.304', 18), ('87.305', 6), ('88.101', 507)])

NAME_HEAD = {
    'boligbase': ['Bofellesskap', 'Omsorgsboliger', 'Boligtjenesten', 'Bo- og aktivitetssenter',
                  'Samlokaliserte boliger'],
    'amb-helse': ['Hjemmesykepleien', 'Hjemmetjenesten', 'Helsetjenester i hjemmet'],
    'amb-praktisk': ['Praktisk bistand', 'Hjemmehjelpstjenesten'],
    'bpa': ['BPA-tjenester', 'Assistanse i hjemmet'],
    'enetiltak': ['Enetiltak', 'Tiltak for én bruker'],
    'other': ['Helse og omsorg', 'Rus & psykisk helse', 'Tjenestekontoret', 'Dag- og botilbud',
              'Avlastning og bolig'],
}
NAME_TAIL = ['', '', ' sone nord', ' sone sør', ', avd. øst', ' AS', ' vest', ' sentrum',
             ' – team 2', ' "Solsikken"']
MERKNAD = ['Driftes sammen med nabokommunen', 'Ny enhet fra 1.3.2024', 'Døgnbemanning',
           'Tidligere del av hjemmetjenesten, skilt ut', 'Personale deles med dagsenteret; se vedtak',
           'Avdeling nedlagt høsten 2024']


def load_kommuner(path):
    out = []
    with open(path, encoding='utf-8-sig') as f:
        head = f.readline()
        delim = ';' if head.count(';') > head.count(',') else ','
        for line in f:
            line = line.strip()
            if not line:
                continue
            nr, navn, inn = line.split(delim)[:3]
            out.append((nr, navn, int(inn)))
    return out


def size_class(nr, inn):
    if nr in ASSS:
        return 'asss'
    if inn >= 20000:
        return '20000+'
    if inn >= 10000:
        return '10000-19999'
    if inn >= 5000:
        return '5000-9999'
    return 'under-5000'


def xml_escape(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def xml_attr(s):
    return xml_escape(s).replace('"', '&quot;')


def csv_field(s):
    if '"' in s or ',' in s or '\n' in s or '\r' in s:
        return '"' + s.replace('"', '""') + '"'
    return s


def orgnr_prefix_ok(p):
    s = str(p)
    r = (3 * int(s[0]) + 2 * int(s[1]) + 7 * int(s[2]) + 6 * int(s[3]) + 5 * int(s[4]) +
         4 * int(s[5]) + 3 * int(s[6]) + 2 * int(s[7])) % 11
    if r == 1:
        return None
    return s + str(0 if r == 0 else 11 - r)


def orgnrs(n):
    """n valid orgnr in ascending order, spread over 100000000-199999999."""
    stride = 10_000_000 // n if n else 1
    if stride >= 2:
        for i in range(n):
            p = 10_000_000 + i * stride
            o = orgnr_prefix_ok(p)
            yield o if o is not None else orgnr_prefix_ok(p + 1)
    else:
        p, k = 10_000_000, 0
        while k < n:
            if p > 19_999_999:
                raise SystemExit('gen_register: too many records for the synthetic orgnr range')
            o = orgnr_prefix_ok(p)
            p += 1
            if o is not None:
                k += 1
                yield o


def sort_types(ts):
    return sorted(set(ts), key=TYPE_RANK.__getitem__)


def admin_ticks(rng):
    a = ADM_COMP(rng)
    if a == 'two+':
        return rng.sample(ADM3, rng.choice((2, 2, 2, 3)))
    return list(a)


def draw_types(rng, cat):
    """The virksomhetstyper of an active record of category cat, and a boenheter override."""
    bo = None
    if cat == 'kun-boligbase':
        t = ['boligbase']
    elif cat == 'kun-amb-helse':
        t = ['amb-helse']
    elif cat == 'kun-amb-praktisk':
        t = ['amb-praktisk']
    elif cat == 'kun-amb-begge':
        t = ['amb-helse', 'amb-praktisk']
    elif cat == 'kun-bpa':
        t = ['bpa']
    elif cat == 'enetiltak':
        x = rng.random()
        if x < 0.6:
            t = ['enetiltak']
        elif x < 0.9:
            t, bo = ['boligbase'], '1'                  # rule 4.1.1
        else:
            t = ['enetiltak'] + rng.sample(['amb-helse', 'bpa', 'dagaktivitet', 'administrasjon'],
                                           rng.choice((1, 1, 2)))  # rule 4.1.4
        return t, bo
    elif cat == 'to-typer':
        t = list(PAIRS(rng))
    elif cat == 'tre-eller-flere':
        t = list(TRIPLES(rng))
    elif cat == 'kombinert':
        h = COMB_HT(rng)
        if h == 'two+':
            h = PAIRS(rng) if rng.random() < 277 / 746 else TRIPLES(rng)
        a = COMB_AT(rng)
        if a == 'two+':
            a = rng.sample(AT4, rng.choice((2, 2, 3)))
        t = list(h) + list(a)
        if rng.random() < P_ADMIN[cat] and not (
                set(h) == {'annen-hjemmetjeneste'} and set(a) == {'annen-virksomhet'}):
            t += admin_ticks(rng)
        return t, bo
    elif cat == 'administrasjon':
        t = admin_ticks(rng)
        if rng.random() < 2 / 57:
            t += rng.choice((['annen-hjemmetjeneste'], ['annen-virksomhet'],
                             ['annen-hjemmetjeneste', 'annen-virksomhet']))
        return t, bo
    else:                                               # utenfor
        return list(UTENFOR_TYPES(rng)), bo
    if rng.random() < P_ADMIN[cat]:
        t = t + admin_ticks(rng)
    return t, bo


def boenheter_for(rng, samle):
    if rng.random() < 28 / 1529:
        return None if rng.random() < 0.5 else '0'
    lo, hi = BAND[samle](rng)
    if hi is None:
        return str(51 + int(rng.expovariate(1.0 / TAIL_MEAN)))
    return str(rng.randint(lo, hi))


def generate(n, seed, xml_path, csv_path, kommuner_path=DEFAULT_KOMMUNER):
    rng = random.Random(seed)
    kommuner = load_kommuner(kommuner_path)
    by_class = {}
    for nr, navn, inn in kommuner:
        by_class.setdefault(size_class(nr, inn), []).append(((nr, navn), inn))
    komm = {c: Sampler(v) for c, v in by_class.items()}
    # escaped name pieces, computed once
    heads = {k: [(xml_escape(h), h) for h in v] for k, v in NAME_HEAD.items()}
    tails = [(xml_escape(t), t) for t in NAME_TAIL]
    merk = [(xml_escape(m), m) for m in MERKNAD]

    csv_cols = ['orgnr', 'kommunenr', 'eierskap', 'status', 'navn', 'naeringskode',
                'naeringskode_standard', 'virksomhetstyper', 'malgrupper', 'boenheter',
                'mottar_fra', 'leverer_til', 'andre_kommuner', 'merknad']
    fx = open(xml_path, 'w', encoding='utf-8', newline='\n')
    fc = open(csv_path, 'w', encoding='utf-8', newline='\n')
    fx.write('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<!-- SYNTHETIC register written by bench/gen_register.py (n=%d, seed=%d); '
             'not real data -->\n'
             '<kartlegging xmlns="urn:hjtj:kartlegging:1" aargang="2024">\n' % (n, seed))
    fc.write(','.join(csv_cols) + '\n')
    xo, co = [], []
    rnd = rng.random
    for i, orgnr in enumerate(orgnrs(n)):
        status = STATUS(rng)
        aktiv = status == 'aktiv'
        types, bo, mal, samle = [], None, '', 'ute'
        cat = 'utenfor'
        if aktiv or (status in ('opphort', 'midlertidig-opphort') and rnd() < 0.6):
            cat = CATEGORY(rng)
            types, bo = draw_types(rng, cat)
        elif status == 'ikke-hjemmetjeneste' and rnd() < 0.5:
            types = list(UTENFOR_TYPES(rng))
        if status != 'ikke-innrapportert' and (aktiv or types):
            if cat == 'kun-boligbase':
                samle = SAMLE_BOLIG(rng)
            elif cat in ('kun-amb-helse', 'kun-amb-praktisk', 'kun-amb-begge'):
                samle = SAMLE_AMB(rng)
            else:
                samle = SAMLE_REST(rng)
            mal = COMBO[samle](rng)
            if mal == 'ingen' and rnd() < 0.25:
                mal = ''                                # rule 4.1.2
        if bo is None:
            if 'boligbase' in types:
                bo = boenheter_for(rng, samle)
            elif aktiv and rnd() < 0.02:
                bo = str(rng.randint(0, 12))            # rule 4.1.5: counts nowhere
        kommunal = rnd() < P_KOMMUNAL[cat]
        knr, knavn = komm[SIZE_CLASS(rng)](rng)
        mot, lev = [], []
        enet = cat == 'enetiltak'
        if aktiv and kommunal and not enet and rnd() < 896 / 3214:
            mode = EXCHANGE(rng)
            if mode != 'lev':
                mot = [c for c, p in MOTTAR if rnd() < p] or [rng.choice(MOTTAR)[0]]
            if mode != 'mot':
                lev = [c for c, p in LEVERER if rnd() < p] or [rng.choice(LEVERER)[0]]
        andre = rnd() < (18 / 3214 if kommunal else 123 / 256)
        tset = sort_types(types)
        x = rnd()
        if x < 0.03:
            nk = ''
        elif 'boligbase' in tset and x < 0.9:
            nk = NK_BOLIG(rng)
        elif 'amb-helse' in tset and x < 0.9:
            nk = '86.901'
        elif 'amb-praktisk' in tset and x < 0.9:
            nk = '88.101'
        else:
            nk = NK_ALL(rng)
        first = tset[0] if tset else 'other'
        hx, hc = rng.choice(heads.get(first, heads['other']))
        tx, tc = tails[int(rnd() * len(tails))]
        num = ' %d' % (i % 997 + 1)
        navn_x = '%s %s%s%s' % (hx, knavn, num, tx)
        navn_c = '%s %s%s%s' % (hc, knavn, num, tc)
        merk_x = merk_c = None
        if rnd() < 0.08:
            merk_x, merk_c = merk[int(rnd() * len(merk))]
        eier = 'kommunal' if kommunal else 'privat'
        ts = ' '.join(tset)
        ms, ls = ' '.join(mot), ' '.join(lev)

        # XML
        xo.append('  <virksomhet orgnr="%s" kommunenr="%s" eierskap="%s" status="%s">\n'
                  '    <navn>%s</navn>\n' % (orgnr, knr, eier, status, navn_x))
        if nk:
            xo.append('    <naeringskode standard="SN2007">%s</naeringskode>\n' % nk)
        if ts:
            xo.append('    <virksomhetstyper>%s</virksomhetstyper>\n' % ts)
        if mal:
            xo.append('    <malgrupper>%s</malgrupper>\n' % mal)
        if bo is not None:
            xo.append('    <boenheter>%s</boenheter>\n' % bo)
        if mot or lev:
            xo.append('    <personellutveksling%s%s/>\n' % (
                ' mottar-fra="%s"' % ms if mot else '', ' leverer-til="%s"' % ls if lev else ''))
        xo.append('    <andre-kommuner>%s</andre-kommuner>\n' % ('true' if andre else 'false'))
        if merk_x is not None:
            xo.append('    <merknad>%s</merknad>\n' % merk_x)
        xo.append('  </virksomhet>\n')
        # CSV (list layout)
        co.append('%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n' % (
            orgnr, knr, eier, status, csv_field(navn_c), nk, 'SN2007' if nk else '', ts, mal,
            '' if bo is None else bo, ms, ls, '1' if andre else '0',
            csv_field(merk_c) if merk_c is not None else ''))
        if len(co) >= 20000:
            fx.write(''.join(xo))
            fc.write(''.join(co))
            xo.clear()
            co.clear()
    fx.write(''.join(xo))
    fx.write('</kartlegging>\n')
    fc.write(''.join(co))
    fx.close()
    fc.close()


def main(argv):
    n, seed, prefix, xml_path, csv_path = None, 2024, None, None, None
    kpath = DEFAULT_KOMMUNER
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ('-h', '--help'):
            print(__doc__.split('\n\n')[0])
            return 0
        if i + 1 >= len(argv):
            raise SystemExit('gen_register: %s needs a value' % a)
        v = argv[i + 1]
        if a == '--n':
            n = int(float(v))
        elif a == '--seed':
            seed = int(v)
        elif a == '--out-prefix':
            prefix = v
        elif a == '--xml':
            xml_path = v
        elif a == '--csv':
            csv_path = v
        elif a == '--kommuner':
            kpath = v
        else:
            raise SystemExit('gen_register: unknown option %s' % a)
        i += 2
    if n is None or n < 0 or (prefix is None and (xml_path is None or csv_path is None)):
        raise SystemExit('usage: gen_register.py --n N [--seed S] (--out-prefix P | '
                         '--xml F.xml --csv F.csv) [--kommuner K]')
    xml_path = xml_path or prefix + '.xml'
    csv_path = csv_path or prefix + '.csv'
    # write to temporaries and rename, so an interrupted run leaves no half file
    generate(n, seed, xml_path + '.part', csv_path + '.part', kpath)
    os.replace(xml_path + '.part', xml_path)
    os.replace(csv_path + '.part', csv_path)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
