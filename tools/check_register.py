#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""check_register.py -- the generator's own check of the synthetic register.

Classifies records by the rules of SPEC.md §4 (written independently of the
generator's internal groups), computes every table of the report that the
library produces, and compares each cell with tests/reference/tabell_*.csv.
Two comparisons are reported:

  * against the *intended* values (the printed values with the misprints of
    KNOWN_ISSUES section A corrected as SPEC §5 says) -- this must be 100 %;
  * against the *printed* values -- the cells that differ must be exactly the
    documented misprint cells.

Usage:  /usr/bin/python3 tools/check_register.py [REGISTER.xml]
        /usr/bin/python3 tools/check_register.py --tables DIR   (e.g. the oracle's
        «report --all --dir DIR» output: compare those tables instead)
"""

import csv
import os
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

MG = ["demens", "bevegelse-0-66", "bevegelse-67", "utviklingshemning",
      "psykiske-lidelser", "rusproblemer", "ingen", "annen"]
MG_LAB = ["Demens", "Bevegelseshemning 0–66", "Bevegelseshemning 67+", "Utviklingshemning mv.",
          "Psykiske lidelser", "Rusproblemer", "Ingen målgruppe", "Annen målgruppe"]
HT = {"boligbase", "amb-helse", "amb-praktisk", "bpa", "annen-hjemmetjeneste", "enetiltak"}
HT_STAR = {"boligbase", "amb-helse", "amb-praktisk", "bpa", "enetiltak"}
AT = {"barnebolig-avlastning", "sykehjem", "dagaktivitet", "annen-virksomhet"}
AT_PRIME = {"barnebolig-avlastning", "sykehjem", "dagaktivitet"}
ADM = {"ressursenhet", "bestillerkontor", "administrasjon"}
ASSS = ["0301", "4601", "5001", "1103", "3201", "4204", "3301", "3203", "3205", "3107", "1108", "5501"]
SAMLE_SETS = [
    [{"utviklingshemning"}, {"utviklingshemning", "bevegelse-0-66"}, {"utviklingshemning", "psykiske-lidelser"},
     {"utviklingshemning", "bevegelse-0-66", "psykiske-lidelser"},
     {"utviklingshemning", "bevegelse-0-66", "bevegelse-67"}, {"utviklingshemning", "bevegelse-67"},
     {"utviklingshemning", "demens"}, {"utviklingshemning", "rusproblemer"}],
    [{"demens"}, {"bevegelse-67"}, {"demens", "bevegelse-67"}, {"demens", "bevegelse-0-66", "bevegelse-67"},
     {"demens", "bevegelse-0-66", "bevegelse-67", "psykiske-lidelser"}],
    [{"psykiske-lidelser"}, {"rusproblemer"}, {"psykiske-lidelser", "rusproblemer"},
     {"utviklingshemning", "psykiske-lidelser", "rusproblemer"}],
    [{"bevegelse-0-66"}, {"bevegelse-0-66", "bevegelse-67"}],
]
BANDS = [(2, 5), (6, 10), (11, 15), (16, 20), (21, 25), (26, 30), (31, 35), (36, 40),
         (41, 45), (46, 50), (51, 10 ** 9)]
# 3.5 categories
CATS = ["kun-boligbase", "kun-amb-helse", "kun-amb-praktisk", "kun-amb-begge", "kun-bpa",
        "enetiltak", "to-eller-flere-ht", "kombinert-annen", "administrasjon"]


def share10(c, n):
    return (2000 * c + n) // (2 * n)


def sh(c, n):
    if n == 0:
        return ""
    v = share10(c, n)
    return "%d.%d" % (v // 10, v % 10)


def median(vals):
    v = sorted(vals)
    n = len(v)
    if n == 0:
        return ""
    if n % 2:
        return str(v[n // 2])
    s = v[n // 2 - 1] + v[n // 2]
    return str(s // 2) if s % 2 == 0 else "%d.5" % (s // 2)


def samle(mgs):
    s = set(mgs) - {"annen"}
    if not s or "ingen" in s:
        return 4
    for i, sets in enumerate(SAMLE_SETS):
        if s in sets:
            return i
    return 4


def nclass(mgs):
    if "ingen" in mgs:
        return 2
    return min(len(mgs), 3) - 1


def size_class(nr, innb):
    if nr in ASSS:
        return 0
    if innb >= 20000:
        return 1
    if innb >= 10000:
        return 2
    if innb >= 5000:
        return 3
    return 4


class C:
    """A classified active record."""

    def __init__(self, r, kom):
        t = set(r["types"])
        bo = r["boenheter"]
        if "boligbase" in t and bo == 1:          # rule 4.1.1
            t.discard("boligbase")
            t.add("enetiltak")
        if "enetiltak" in t:                         # rule 4.1.4
            t = {"enetiltak"}
        self.types = t
        self.mgs = set(r["mgs"]) or {"ingen"}
        adm, hts, atp = t & ADM, t & HT_STAR, t & AT_PRIME
        if adm and not hts and not atp:
            self.hoved = "administrasjon"
        elif t & HT and t & AT:
            self.hoved = "kombinert-annen"
        elif t & HT:
            self.hoved = "rene-brukerrettede"
        else:
            self.hoved = "utenfor"
        ht = t & HT
        self.htset = frozenset(ht)
        if self.hoved == "administrasjon":
            self.htc = ""
        elif "enetiltak" in ht:
            self.htc = "enetiltak"
        elif len(ht) == 1:
            self.htc = {"boligbase": "kun-boligbase", "amb-helse": "kun-amb-helse",
                        "amb-praktisk": "kun-amb-praktisk", "bpa": "kun-bpa",
                        "annen-hjemmetjeneste": "kun-annen-hjemmetjeneste"}[next(iter(ht))]
        elif ht == {"amb-helse", "amb-praktisk"}:
            self.htc = "kun-amb-begge"
        elif len(ht) == 2:
            self.htc = "to-typer"
        else:
            self.htc = "tre-eller-flere"
        if self.hoved == "rene-brukerrettede":
            self.cat = "to-eller-flere-ht" if self.htc in ("to-typer", "tre-eller-flere") else self.htc
        else:
            self.cat = self.hoved
        self.ene = self.cat == "enetiltak"
        self.has_adm = bool(t & ADM)
        self.s = samle(self.mgs)
        self.nc = nclass(self.mgs)
        self.z = size_class(r["kommunenr"], kom[r["kommunenr"]][1])
        self.kommunenr = r["kommunenr"]
        self.kommunal = r["eierskap"] == "kommunal"
        self.bo = bo or 0
        self.botilbud = "boligbase" in t and self.bo >= 2
        self.mottar, self.leverer = r["mottar"], r["leverer"]
        self.exch = bool(self.mottar or self.leverer)
        self.andre = r["andre"]
        self.at = t & AT
        self.adm = t & ADM


def compute(recs, kommuner, ref):
    """Every table in the reference layout: {tid: [rows]} (rows without header)."""
    kom = {nr: (navn, innb) for nr, navn, innb in kommuner}
    T = {}
    act = [C(r, kom) for r in recs if r["status"] == "aktiv"]
    pop = [c for c in act if c.hoved != "utenfor"]
    N = len(pop)
    labs = lambda tid: [r[0] for r in ref.rows(tid)]

    # 1.9, 1.10
    zc = Counter(size_class(nr, i) for nr, _, i in kommuner)
    zi = Counter()
    for nr, _, i in kommuner:
        zi[size_class(nr, i)] += i
    nk, ni = len(kommuner), sum(i for _, _, i in kommuner)
    T["1.9"] = [[l, zc[z], zi[z], sh(zc[z], nk), sh(zi[z], ni)] for z, l in enumerate(labs("1.9")[:5])]
    T["1.9"].append(["Hele landet", nk, ni, "100.0", "100.0"])
    asss = sorted([(i, navn) for nr, navn, i in kommuner if nr in ASSS], reverse=True)
    T["1.10"] = [[n, i] for i, n in asss] + [["Totalt ASSS", sum(i for i, _ in asss)]]
    # 2.2
    nace = Counter(r["nace"] for r in recs)
    lab22 = {r[0]: r[1] for r in ref.rows("2.2")}
    T["2.2"] = [[k, lab22.get(k, "?"), nace[k]] for k in sorted(k for k in nace if k)]
    if nace.get(None):
        T["2.2"].append(["Uoppgitt", "", nace[None]])
    T["2.2"].append(["Totalt", "", len(recs)])
    # 2.3
    inn = sum(1 for r in recs if r["status"] != "ikke-innrapportert")
    T["2.3"] = [[labs("2.3")[0], len(recs), "100.0"], [labs("2.3")[1], inn, sh(inn, len(recs))],
                [labs("2.3")[2], N, sh(N, len(recs))]]
    # 3.2
    hv = Counter(c.hoved for c in pop)
    T["3.2"] = [[l, hv[h], sh(hv[h], N)] for l, h in zip(labs("3.2"), ["rene-brukerrettede", "kombinert-annen", "administrasjon"])]
    T["3.2"].append(["Totalt", N, "100"])
    # 3.3
    pure = [c for c in pop if c.hoved == "rene-brukerrettede"]
    hc = Counter(c.htc for c in pure)
    order33 = ["kun-boligbase", "kun-amb-helse", "kun-amb-praktisk", "kun-amb-begge", "kun-bpa", "enetiltak",
               "to-typer", "tre-eller-flere"]
    T["3.3"] = [[l, hc[h], sh(hc[h], len(pure))] for l, h in zip(labs("3.3"), order33)]
    T["3.3"].append(["Totalt", len(pure), "100"])
    # 3.4
    L34 = [("Boligbase", "boligbase"), ("Amb. helsetjenester", "amb-helse"), ("Amb. praktisk bistand", "amb-praktisk"),
           ("BPA", "bpa"), ("Annen hjemmetjeneste", "annen-hjemmetjeneste"), ("Enetiltak", "enetiltak")]
    hs = Counter(c.htset for c in pure if len(c.htset) <= 2)
    T["3.4"] = []
    for i, (la, a) in enumerate(L34):
        for j, (lb, b) in enumerate(L34[:i + 1]):
            T["3.4"].append([la, lb, hs[frozenset({a, b})]])
    # 3.5
    cc = Counter(c.cat for c in pop)
    T["3.5"] = [[l, cc[k], sh(cc[k], N)] for l, k in zip(labs("3.5"), CATS)] + [["Totalt", N, "100"]]
    # 3.6
    ko = [c for c in pop if c.cat == "kombinert-annen"]

    def atc(c):
        if len(c.at) >= 2:
            return 4
        return ["barnebolig-avlastning", "sykehjem", "dagaktivitet", "annen-virksomhet"].index(next(iter(c.at)))
    a6 = Counter(atc(c) for c in ko)
    T["3.6"] = [[l, a6[i], sh(a6[i], len(ko))] for i, l in enumerate(labs("3.6")[:5])] + [["Totalt", len(ko), "100.0"]]
    # 3.7
    o37 = ["kun-boligbase", "kun-amb-helse", "kun-amb-praktisk", "kun-amb-begge", "kun-bpa",
           "kun-annen-hjemmetjeneste", "2+"]
    h7 = Counter(c.htc if c.htc not in ("to-typer", "tre-eller-flere") else "2+" for c in ko)
    T["3.7"] = [[l, h7[k], sh(h7[k], len(ko))] for l, k in zip(labs("3.7"), o37)] + [["Totalt", len(ko), "100"]]
    # 3.8
    ad = [c for c in pop if c.cat == "administrasjon"]

    def admc(c):
        if len(c.adm) >= 2:
            return 3
        return ["ressursenhet", "administrasjon", "bestillerkontor"].index(next(iter(c.adm)))
    a8 = Counter(admc(c) for c in ad)
    T["3.8"] = [[l, a8[i], sh(a8[i], len(ad))] for i, l in enumerate(labs("3.8")[:4])] + [["Totalt", len(ad), "100"]]
    # 3.9
    cats9 = [k for k in CATS if k != "enetiltak"]
    ne = [c for c in pop if not c.ene]
    T["3.9"] = []
    for l, k in zip(labs("3.9"), cats9):
        g = [c for c in ne if c.cat == k]
        a = sum(c.has_adm for c in g)
        T["3.9"].append([l, len(g), a, len(g) - a, sh(a, len(g)), sh(len(g) - a, len(g))])
    a = sum(c.has_adm for c in ne)
    T["3.9"].append(["Totalt", len(ne), a, len(ne) - a, sh(a, len(ne)), sh(len(ne) - a, len(ne))])
    # 3.10
    T["3.10"] = []
    for l, k in zip(labs("3.10"), CATS + [None]):
        g = [c for c in pop if k is None or c.cat == k]
        kk = sum(c.kommunal for c in g)
        T["3.10"].append([l, len(g), kk, len(g) - kk, sh(kk, len(g)), sh(len(g) - kk, len(g))])
    # 3.11 - 3.17
    kne = [c for c in pop if c.kommunal and not c.ene]
    ex = [c for c in kne if c.exch]
    T["3.11"] = [[labs("3.11")[0], len(ex), sh(len(ex), len(kne))],
                 [labs("3.11")[1], len(kne) - len(ex), sh(len(kne) - len(ex), len(kne))],
                 ["Totalt", len(kne), "100.0"]]
    both = sum(1 for c in ex if c.mottar and c.leverer)
    lev = sum(1 for c in ex if c.leverer and not c.mottar)
    mot = sum(1 for c in ex if c.mottar and not c.leverer)
    T["3.12"] = [[labs("3.12")[0], both, sh(both, len(ex))], [labs("3.12")[1], lev, sh(lev, len(ex))],
                 [labs("3.12")[2], mot, sh(mot, len(ex))], ["Totalt", len(ex), "100.0"]]
    T["3.13"] = []
    for l, k in zip(labs("3.13"), cats9):
        e = sum(1 for c in ex if c.cat == k)
        T["3.13"].append([l, e, sh(e, cc[k])])
    T["3.13"].append(["Totalt", len(ex), sh(len(ex), N)])
    labcat = dict(zip(labs("3.10"), CATS))
    for tid, attr, codes in (("3.14", "mottar", ["sykehjem", "boligbase", "ambulerende", "annen"]),
                             ("3.15", "leverer", ["sykehjem", "dagsenter", "barnebolig-avlastning", "annen"])):
        rows = []
        allg = [c for c in kne if getattr(c, attr)]
        for l in labs("3.10")[:9]:
            g = [c for c in allg if c.cat == labcat[l]]
            if not g:
                continue
            rows.append([l, len(g)] + [sum(1 for c in g if x in getattr(c, attr)) or "" for x in codes])
        rows.append(["Totalt", len(allg)] + [sum(1 for c in allg if x in getattr(c, attr)) or "" for x in codes])
        T[tid] = rows
    a = sum(c.andre for c in kne)
    T["3.16"] = [[labs("3.16")[0], a, sh(a, len(kne))], [labs("3.16")[1], len(kne) - a, sh(len(kne) - a, len(kne))],
                 ["Totalt", len(kne), "100.0"]]
    pne = [c for c in pop if not c.kommunal and not c.ene]
    a = sum(c.andre for c in pne)
    T["3.17"] = [["Med", a, sh(a, len(pne))], ["Uten", len(pne) - a, sh(len(pne) - a, len(pne))],
                 ["Totalt", len(pne), "100.0"]]
    # 3.18 - 3.23
    zn = Counter(c.z for c in pop)
    T["3.18"] = [[l, zc[z], zn[z], sh(zn[z], N)] for z, l in enumerate(labs("3.18")[:5])] + \
        [["Totalt", nk, N, "100.0"]]
    munz = {nr: size_class(nr, i) for nr, _, i in kommuner}
    kompop = [c for c in pop if c.kommunal]
    for tid, preds in (("3.19", [lambda c: "boligbase" in c.types, lambda c: "amb-helse" in c.types,
                                 lambda c: "amb-praktisk" in c.types]),
                       ("3.20", [lambda c: c.cat == "kun-boligbase", lambda c: c.cat == "kun-amb-helse",
                                 lambda c: c.cat == "kun-amb-praktisk", lambda c: c.cat == "kun-amb-begge"])):
        covered = [set(c.kommunenr for c in kompop if p(c)) for p in preds]
        rows = []
        for z, l in enumerate(labs(tid)[:5]):
            rows.append([l, zc[z]] + [sh(sum(1 for m in cv if munz[m] == z), zc[z]) for cv in covered])
        rows.append(["Totalt", nk] + [sh(len(cv), nk) for cv in covered])
        T[tid] = rows
    for tid, pred in (("3.21", lambda c: c.cat == "kun-boligbase"),
                      ("3.22", lambda c: c.cat in ("kun-amb-helse", "kun-amb-praktisk", "kun-amb-begge"))):
        g = [c for c in pop if pred(c)]
        zz = Counter(c.z for c in g)
        T[tid] = [[l, zz[z], sh(zz[z], len(g))] for z, l in enumerate(labs(tid)[:5])] + [["Totalt", len(g), "100.0"]]
    T["3.23"] = []
    for z, l in enumerate(labs("3.23")[:5] + ["Totalt"]):
        g = [c for c in pop if z == 5 or c.z == z]
        k = Counter(c.cat for c in g)
        T["3.23"].append([l, len(g)] + [sh(k[x], len(g)) for x in CATS])

    # chapter 4
    def mg_table(g, labels):
        rows = []
        for l in labels[:-1]:
            mg = MG[MG_LAB.index(l)]
            s = [c for c in g if mg in c.mgs]
            n3 = [sum(1 for c in s if c.nc == i) for i in range(3)]
            rows.append([l, len(s)] + n3 + [sh(x, len(s)) for x in n3])
        n3 = [sum(1 for c in g if c.nc == i) for i in range(3)]
        rows.append(["Totalt", len(g)] + n3 + [sh(x, len(g)) for x in n3])
        return rows

    L7 = MG_LAB[:6] + ["Annen målgruppe"]

    def pairs(g, pct_base=None):
        cnt = Counter(frozenset(c.mgs) for c in g if c.nc <= 1 and "ingen" not in c.mgs)
        rows = []
        for i, la in enumerate(L7):
            for lb in L7[:i + 1]:
                key = frozenset({MG[MG_LAB.index(la)], MG[MG_LAB.index(lb)]})
                v = cnt[key]
                rows.append([la, lb, v if pct_base is None else sh(v, pct_base)])
        return rows

    def samle_tab(g, labels, tot="100"):
        k = Counter(c.s for c in g)
        return [[l, k[i], sh(k[i], len(g))] for i, l in enumerate(labels[:5])] + [["Totalt", len(g), tot]]

    def samle_by(groups, labels):
        rows = []
        for l, g in zip(labels, groups):
            k = Counter(c.s for c in g)
            rows.append([l, len(g)] + [sh(k[i], len(g)) for i in range(5)])
        return rows

    T["4.3"] = mg_table(pop, labs("4.3"))
    T["4.4"] = pairs(pop)
    T["4.5"] = pairs(pop, N)
    T["4.6"] = samle_tab(pop, labs("4.6"), "100.0")
    combos = Counter(frozenset(c.mgs) for c in pop)
    c1 = []
    for s in range(5):
        block = [(ms, n) for ms, n in combos.items() if samle(ms) == s]

        def nm(ms):
            return 7 if "ingen" in ms else len(ms)
        block.sort(key=lambda t: (-t[1], nm(t[0]), tuple(0 if m in t[0] else 1 for m in MG)))
        for ms, n in block:
            c1.append((s, ms, nm(ms), n))
    C1LAB = ["Utviklingshemning mv.", "Eldre og/eller demens", "Psykisk og/eller rus", "Bevegelseshemning",
             "Utenfor samlemålgruppene"]
    T["C1"] = [[C1LAB[s]] + ["x" if m in ms else "" for m in MG] + [nm_, n] for s, ms, nm_, n in c1]
    T["4.7"] = []
    for i, (s, ms, nm_, n) in enumerate([t for t in c1 if t[0] == 4][:10]):
        T["4.7"].append(["K%d" % (i + 1), n] + ["x" if m in ms else "" for m in MG] +
                        ["; ".join(MG_LAB[j] for j, m in enumerate(MG) if m in ms), len(ms)])
    T["4.8"] = []
    for z, l in enumerate(labs("4.8")[:5] + ["Hele landet"]):
        g = [c for c in pop if z == 5 or c.z == z]
        n3 = [sum(1 for c in g if c.nc == i) for i in range(3)]
        T["4.8"].append([l, len(g)] + n3 + [sh(x, len(g)) for x in n3])
    zgroups = lambda g: [[c for c in g if c.z == z] for z in range(5)] + [g]
    T["4.9"] = samle_by(zgroups(pop), labs("4.9"))
    kb = [c for c in pop if c.cat == "kun-boligbase"]
    amb = [c for c in pop if c.cat in ("kun-amb-helse", "kun-amb-praktisk", "kun-amb-begge")]
    T["4.10"] = mg_table(kb, labs("4.10"))
    T["4.11"] = mg_table(amb, labs("4.11"))
    T["4.12"] = pairs(kb)
    T["4.13"] = pairs(kb, len(kb))
    T["4.14"] = pairs(amb)
    T["4.15"] = pairs(amb, len(amb))
    T["4.16"] = samle_tab(kb, labs("4.16"))
    T["4.17"] = samle_tab(amb, labs("4.17"))
    T["4.18"] = samle_by([[c for c in amb if c.cat == k] for k in ("kun-amb-helse", "kun-amb-praktisk", "kun-amb-begge")]
                         + [amb], labs("4.18"))
    T["4.19"] = samle_by(zgroups(kb), labs("4.19"))
    T["4.20"] = samle_by(zgroups(amb), labs("4.20"))
    for tid, g0 in (("4.21", kb), ("4.22", amb)):
        rows = []
        for l, g in zip(labs(tid), zgroups(g0)):
            rows.append([l, len(g)] + [sh(sum(1 for c in g if m in c.mgs), len(g)) for m in MG])
        T[tid] = rows
    o423 = [lambda c: c.cat == "kun-boligbase", lambda c: c.cat == "kun-amb-helse",
            lambda c: c.cat == "kun-amb-praktisk", lambda c: c.cat == "kun-amb-begge",
            lambda c: c.cat == "kun-bpa", lambda c: c.htc == "to-typer" and c.hoved == "rene-brukerrettede",
            lambda c: c.htc == "tre-eller-flere" and c.hoved == "rene-brukerrettede",
            lambda c: c.cat == "kombinert-annen", lambda c: c.cat == "enetiltak",
            lambda c: c.cat == "administrasjon", lambda c: True]
    T["4.23"] = samle_by([[c for c in pop if p(c)] for p in o423], labs("4.23"))
    # chapter 5
    bt = [c for c in pop if c.botilbud]
    T["5.1"] = []
    tot = [0, 0]
    for l, k in zip(labs("5.1"), ["kun-boligbase", "to-eller-flere-ht", "kombinert-annen"]):
        g = [c for c in pop if c.cat == k]
        w = sum(c.botilbud for c in g)
        tot[0] += len(g)
        tot[1] += w
        T["5.1"].append([l, len(g), w, len(g) - w, sh(w, len(g)), sh(len(g) - w, len(g))])
    T["5.1"].append(["Totalt", tot[0], tot[1], tot[0] - tot[1], sh(tot[1], tot[0]), sh(tot[0] - tot[1], tot[0])])
    T["5.2"] = []
    for l, k in zip(labs("5.2"), ["kun-boligbase", "to-eller-flere-ht", "kombinert-annen", None]):
        g = [c.bo for c in bt if k is None or c.cat == k]
        T["5.2"].append([l, sum(g), len(g), median(g)])
    sb = sum(c.bo for c in bt)
    T["5.3"] = []
    for l, (lo, hi) in zip(labs("5.3"), BANDS):
        g = [c.bo for c in bt if lo <= c.bo <= hi]
        T["5.3"].append([l, len(g), sh(len(g), len(bt)), sum(g), sh(sum(g), sb)])
    T["5.3"].append(["Totalt", len(bt), "100.0", sb, "100.0"])
    T["5.4"] = []
    for i, l in enumerate(labs("5.4")[:5]):
        g = [c.bo for c in bt if c.s == i]
        T["5.4"].append([l, sum(g), len(g), sh(sum(g), sb), sh(len(g), len(bt)), median(g)])
    T["5.4"].append(["Totalt", sb, len(bt), "100.0", "100.0", median([c.bo for c in bt])])
    T["5.5"] = []
    for l, (lo, hi) in zip(labs("5.5"), BANDS):
        T["5.5"].append([l] + [sum(1 for c in bt if c.s == i and lo <= c.bo <= hi) or "" for i in range(5)])
    T["5.5"].append(["Totalt"] + [sum(1 for c in bt if c.s == i) for i in range(5)])
    T["5.6"] = []
    for z, l in enumerate(labs("5.6")):
        g = [c.bo for c in bt if z == 5 or c.z == z]
        T["5.6"].append([l, sum(g), len(g), median(g)])
    return T


class Ref:
    def __init__(self, refdir):
        self.dir = refdir
        self.t = {}

    def __getitem__(self, tid):
        if tid not in self.t:
            path = os.path.join(self.dir, "tabell_%s.csv" % tid.replace(".", "_"))
            with open(path, encoding="utf-8", newline="") as f:
                self.t[tid] = list(csv.reader(f))
        return self.t[tid]

    def rows(self, tid):
        return self[tid][1:]

    def tables(self):
        out = []
        for fn in sorted(os.listdir(self.dir)):
            if fn.startswith("tabell_") and fn.endswith(".csv"):
                out.append(fn[7:-4].replace("_", "."))
        return out


def intended(ref):
    """The printed tables with the misprints of KNOWN_ISSUES A corrected (SPEC §5).
    Returns ({tid: rows}, {(tid, row, col): why}) -- cells marked None are not compared."""
    out, why = {}, {}
    for tid in ref.tables():
        out[tid] = [list(r) for r in ref.rows(tid)]
    # A6: 3611/4067 = 88.8
    out["2.3"][2][2] = "88.8"
    why["2.3", 2, 2] = "A6: 3611/4067 rounds to 88.8 (print 88.9 = share of respondents)"
    # A7: 17/80 = 21.25 -> 21.3
    out["4.20"][3][3] = "21.3"
    why["4.20", 3, 3] = "A7: 17/80 = 21.25 rounds half up to 21.3"
    # A4: Ingen / Annen swapped back
    for tid in ("4.21", "4.22"):
        for i, r in enumerate(out[tid]):
            r[8], r[9] = r[9], r[8]
            if r[8] != r[9]:
                why[tid, i, 8] = "A4: Ingen/Annen columns swapped in the print"
                why[tid, i, 9] = "A4: Ingen/Annen columns swapped in the print"
    # A2: 281 -> 28
    out["5.1"][0][3] = "28"
    why["5.1", 0, 3] = "A2: 28 with footnote marker 1"
    # A1: 4.23 combined/administration by the chapter-3 rules: 527 and 57
    for i, r in enumerate(out["4.23"]):
        if r[0] == "Hjemmetjeneste kombinert med annen tjenestetype":
            r[1] = "527"
        elif r[0] == "Administrasjon med videre":
            r[1] = "57"
        else:
            continue
        why["4.23", i, 1] = "A1: chapter-3 count (print 529/55)"
        for j in range(2, 7):
            r[j] = None
            why["4.23", i, j] = "A1: share of the chapter-3 base (print uses 529/55)"
    return out, why


def same(a, b):
    a, b = str(a).strip(), str(b).strip()
    if a == b:
        return True
    try:
        return Decimal(a) == Decimal(b)
    except Exception:
        return False


def read_dir(d, ref):
    """Tables written by another program (e.g. the oracle's report --all --dir)."""
    T = {}
    for tid in ref.tables():
        path = os.path.join(d, "tabell_%s.csv" % tid.replace(".", "_"))
        if os.path.exists(path):
            with open(path, encoding="utf-8", newline="") as f:
                rows = list(csv.reader(f))
            if rows and rows[0] != ref[tid][0]:
                print("  table %s: header differs: %s" % (tid, rows[0]))
            T[tid] = rows[1:]
    return T


def check(recs, kommuner, ref, verbose=True, tables=None):
    T = tables if tables is not None else compute(recs, kommuner, ref)
    want, why = intended(ref)
    n_tab = n_cells = n_ok = 0
    bad = []
    print_diff = []
    for tid in ref.tables():
        if tid not in T:
            if verbose:
                print("  table %s: not computed" % tid)
            continue
        n_tab += 1
        got, w, printed = T[tid], want[tid], ref.rows(tid)
        if len(got) != len(w):
            bad.append((tid, -1, -1, "%d rows" % len(got), "%d rows" % len(w)))
        for i, (gr, wr, pr) in enumerate(zip(got, w, printed)):
            for j, (gv, wv, pv) in enumerate(zip(gr, wr, pr)):
                n_cells += 1
                if wv is not None and not same(gv, wv):
                    bad.append((tid, i, j, gv, wv))
                else:
                    n_ok += 1
                if not same(gv, pv):
                    print_diff.append((tid, i, j, gv, pv, why.get((tid, i, j), "UNEXPECTED")))
    if verbose:
        print("check: %d tables, %d cells; %d match the intended values, %d do not"
              % (n_tab, n_cells, n_ok, len(bad)))
        for b in bad[:80]:
            print("  MISMATCH table %s row %d col %d: register %s, intended %s" % b)
        exp = [d for d in print_diff if d[5] != "UNEXPECTED"]
        print("  %d cells differ from the print, all at documented misprints:" % len(exp)
              if len(exp) == len(print_diff) else "  cells that differ from the print:")
        for d in print_diff:
            print("    %s row %d col %d: register %s, printed %s  [%s]" % d)
    return 0 if not bad else 1


def read_xml(path):
    ns = "{urn:hjtj:kartlegging:1}"
    recs = []
    for v in ET.parse(path).getroot().iter(ns + "virksomhet"):
        def txt(tag):
            e = v.find(ns + tag)
            return None if e is None else (e.text or "")
        pe = v.find(ns + "personellutveksling")
        bo = txt("boenheter")
        recs.append({"orgnr": v.get("orgnr"), "kommunenr": v.get("kommunenr"), "eierskap": v.get("eierskap"),
                     "status": v.get("status", "aktiv"), "nace": txt("naeringskode"),
                     "types": set((txt("virksomhetstyper") or "").split()),
                     "mgs": set((txt("malgrupper") or "").split()),
                     "boenheter": int(bo) if bo is not None else None,
                     "mottar": set((pe.get("mottar-fra", "") if pe is not None else "").split()),
                     "leverer": set((pe.get("leverer-til", "") if pe is not None else "").split()),
                     "andre": (txt("andre-kommuner") or "false").strip() == "true"})
    return recs


def orgnr_ok(s):
    w = [3, 2, 7, 6, 5, 4, 3, 2]
    if len(s) != 9 or not s.isdigit():
        return False
    r = sum(int(a) * b for a, b in zip(s[:8], w)) % 11
    return r != 1 and int(s[8]) == (0 if r == 0 else 11 - r)


def main(argv):
    refdir = os.path.join(ROOT, "tests", "reference")
    if len(argv) > 2 and argv[1] == "--tables":
        # compare a directory of computed tables (reference layout) with the reference
        print("tables in %s:" % argv[2])
        return check(None, None, Ref(refdir), tables=read_dir(argv[2], Ref(refdir)))
    path = argv[1] if len(argv) > 1 else os.path.join(ROOT, "data", "register-2024-syntetisk.xml")
    kpath = os.path.join(ROOT, "data", "kommuner-2025.csv")
    if not os.path.exists(kpath):
        kpath = os.path.join(refdir, "kommuner-2025.csv")
    kommuner = []
    with open(kpath, encoding="utf-8") as f:
        rd = csv.reader(f, delimiter=";")
        next(rd)
        kommuner = [(a, b, int(c)) for a, b, c in rd]
    recs = read_xml(path)
    bad = [r["orgnr"] for r in recs if not orgnr_ok(r["orgnr"]) or not "100000000" <= r["orgnr"] <= "199999999"]
    dup = len(recs) - len({r["orgnr"] for r in recs})
    kset = {k for k, _, _ in kommuner}
    nok = sum(1 for r in recs if r["kommunenr"] not in kset)
    print("%s: %d records, %d bad orgnr, %d duplicate orgnr, %d unknown kommunenr"
          % (path, len(recs), len(bad), dup, nok))
    return check(recs, kommuner, Ref(refdir)) or (1 if bad or dup or nok else 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
