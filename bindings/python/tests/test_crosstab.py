"""Custom tables (reg.crosstab) against counts made here from the record
dicts; linked variables with problem rows; to_pandas; errors."""

import decimal
import statistics
import unittest

import hjtj
from _support import example_path, generate, share_text

try:
    import pandas
except ImportError:  # pragma: no cover
    pandas = None


def source():
    g = generate(11, 600)
    return g[0] if g else example_path()


def half_up_tenths(x):
    """A Decimal / Fraction-like value rounded half up (away from 0) to 0.1."""
    d = decimal.Decimal(x).quantize(decimal.Decimal("0.1"), rounding=decimal.ROUND_HALF_UP)
    return str(d)


def codes_of(rec, dim):
    if dim in ("virksomhetstype", "malgruppe"):
        return rec["virksomhetstyper" if dim == "virksomhetstype" else "malgrupper"]
    if dim in ("mottar_fra", "leverer_til"):
        return rec[dim]
    if dim == "fylke":
        return [rec["kommunenr"][:2]]
    if dim == "kommune":
        return [rec["kommunenr"]]
    if dim == "landet":
        return ["hele-landet"]
    if dim == "andre_kommuner":
        return ["1" if rec["andre_kommuner"] else "0"]
    if dim == "naeringskode":
        ok = rec["naeringskode"] and rec["naeringskode_standard"] == "SN2007"
        return [rec["naeringskode"] if ok else "uoppgitt"]
    v = rec[dim]
    return [] if v is None else [v]


@unittest.skipIf(source() is None, "no register to test with")
class TestCrosstab(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.reg = hjtj.load(source())
        cls.recs = list(cls.reg.records(all_statuses=True))

    @classmethod
    def tearDownClass(cls):
        cls.reg.close()

    def oracle_counts(self, rows, cols, where, pop):
        cells = {}
        for rec in self.recs:
            if pop == "populasjon" and not rec["in_population"]:
                continue
            if pop == "aktiv" and rec["status"] != "aktiv":
                continue
            if any(not set(codes_of(rec, f)) & set(c) for f, c in where.items()):
                continue
            rc = codes_of(rec, rows)
            cc = codes_of(rec, cols) if cols else ["totalt"]
            if not rc or not cc:
                continue
            for r in list(rc) + ["totalt"]:
                for c in set(list(cc) + ["totalt"]):
                    cells.setdefault((r, c), []).append(rec)
        return cells

    def test_counts_and_shares(self):
        cases = [("kategori", "fylke", {}, "populasjon"),
                 ("malgruppe", "eierskap", {"status": ["aktiv"]}, "alle"),
                 ("samlemalgruppe", "virksomhetstype", {"eierskap": ["privat"]}, "aktiv"),
                 ("naeringskode", None, {}, "alle"),
                 ("kommunestorrelse", "andre_kommuner", {"malgruppe": ["demens", "annen"]},
                  "populasjon")]
        for rows, cols, where, pop in cases:
            cells = self.oracle_counts(rows, cols, where, pop)
            for measure in ("antall", "andel-rad", "andel-kolonne", "andel-total"):
                t = self.reg.crosstab(rows=rows, cols=cols, where=where, measure=measure,
                                      population=pop)
                self.assertEqual(t.columns[0].code, rows)
                self.assertEqual(t.columns[-1].code, "totalt")
                self.assertEqual(t.rows[-1].code, "totalt")
                grand = len(cells.get(("totalt", "totalt"), []))
                for row in t.rows:
                    for j, col in enumerate(t.columns[1:], 1):
                        n = len(cells.get((row.code, col.code), []))
                        if measure == "antall":
                            want = str(n)
                        elif measure == "andel-rad":
                            want = share_text(n, len(cells.get((row.code, "totalt"), [])))
                        elif measure == "andel-kolonne":
                            want = share_text(n, len(cells.get(("totalt", col.code), [])))
                        else:
                            want = share_text(n, grand)
                        self.assertEqual(row.texts[j], want,
                                         (rows, cols, measure, row.code, col.code))

    def test_boenheter_measures(self):
        where = {"kategori": "kun-boligbase", "eierskap": ["kommunal", "privat"]}
        cells = self.oracle_counts("fylke", None, {"kategori": ["kun-boligbase"]}, "populasjon")
        for measure in ("sum", "gjennomsnitt", "median"):
            t = self.reg.crosstab(rows="fylke", where=where, measure=measure + ":boenheter")
            for row in t.rows:
                vals = [r["boenheter_counted"] for r in cells.get((row.code, "totalt"), [])
                        if r["botilbud"] == "1"]
                if measure == "sum":
                    want = str(sum(vals))
                elif not vals:
                    want = ""
                elif measure == "gjennomsnitt":
                    want = half_up_tenths(decimal.Decimal(sum(vals)) / len(vals))
                else:
                    m = statistics.median(vals)
                    want = str(int(m)) if m == int(m) else "%.1f" % m
                self.assertEqual(row.texts[1], want, (measure, row.code))

    def test_linked(self):
        recs = [r for r in self.recs if r["in_population"]]
        lines = ["orgnr;ansatte"]
        values = {}
        for i, r in enumerate(recs):
            if i % 5 == 4:
                continue  # no row: missing
            v = decimal.Decimal(i % 37) / 4 + decimal.Decimal("0.05")
            values[r["orgnr"]] = v
            lines.append("%s;%s" % (r["orgnr"], str(v).replace(".", ",")))
        lines.append("999999999;1")               # not in the register
        lines.append("%s;2" % recs[0]["orgnr"])   # duplicate
        lines.append("%s;x" % recs[4]["orgnr"])   # not a number (it has no other row)
        data = "\n".join(lines) + "\n"
        link = hjtj.Link(data.encode(), name="ansatte.csv")
        self.assertEqual(link.variables, ["ansatte"])
        t = self.reg.crosstab(rows="kategori", measure="sum:ansatte", link=link)
        probs = t.link_problems
        self.assertEqual([p.reason for p in probs],
                         ["not-in-register", "duplicate-orgnr", "not-a-number"])
        self.assertEqual(probs[0].file, "ansatte.csv")
        self.assertEqual(probs[0].line, len(lines) - 2)
        self.assertEqual(link.read_count, link.used_count + len(probs))
        for measure in ("sum", "gjennomsnitt", "median"):
            t = self.reg.crosstab(rows="kategori", measure=measure + ":ansatte", link=link)
            for row in t.rows:
                vals = [values[r["orgnr"]] for r in recs
                        if (row.code == "totalt" or r["kategori"] == row.code)
                        and r["orgnr"] in values]
                if measure == "sum":
                    want = str(sum(vals, decimal.Decimal(0)).quantize(decimal.Decimal("0.01")))
                elif not vals:
                    want = ""
                elif measure == "gjennomsnitt":
                    want = half_up_tenths(sum(vals) / len(vals))
                else:
                    want = half_up_tenths(statistics.median(vals))
                self.assertEqual(row.texts[1], want, (measure, row.code))
        link.close()

    def test_linked_windows_1252(self):
        """A link file saved by Norwegian Excel (Windows-1252, ';', decimal
        comma) reads with encoding="windows-1252" and is refused without."""
        recs = [r for r in self.recs if r["in_population"]][:3]
        data = ("orgnr;årsverk\n" + "".join("%s;1,5\n" % r["orgnr"] for r in recs)).encode("cp1252")
        with self.assertRaises(hjtj.Error) as cm:
            hjtj.Link(data, name="a.csv")
        self.assertIn("--encoding windows-1252", str(cm.exception))
        link = hjtj.Link(data, name="a.csv", encoding="windows-1252")
        self.assertEqual(link.variables, ["årsverk"])
        t = self.reg.crosstab(rows="landet", measure="sum:årsverk", link=link)
        self.assertEqual(t.rows[0].texts[1], "4.5")
        with self.assertRaises(ValueError):
            hjtj.Link(data, encoding="ebcdic")
        link.close()

    @unittest.skipIf(pandas is None, "pandas not installed")
    def test_to_pandas(self):
        t = self.reg.crosstab(rows="kategori", cols="eierskap")
        df = t.to_pandas()
        self.assertEqual(list(df.columns), ["kategori", "kommunal", "privat", "totalt"])
        self.assertEqual(int(df["totalt"].iloc[-1]), t.n)
        self.assertEqual(int(df["kommunal"].sum() + df["privat"].sum()), 2 * t.n)

    def test_errors(self):
        with self.assertRaises(hjtj.Error) as cm:
            self.reg.crosstab(rows="kategorix")
        self.assertEqual(cm.exception.status, hjtj.Status.NOT_FOUND)
        self.assertIn("fylke", str(cm.exception))
        with self.assertRaises(hjtj.Error):
            self.reg.crosstab(rows="kategori", where={"eierskap": "x"})
        with self.assertRaises(hjtj.Error):
            self.reg.crosstab(rows="kategori", measure="snitt")
        with self.assertRaises(hjtj.Error):
            self.reg.crosstab(rows="kategori", population="hele")
        self.assertIn("landet", hjtj.dimensions())

    def test_profile(self):
        knr = self.recs[0]["kommunenr"]
        t = self.reg.profile(knr)
        n = sum(1 for r in self.recs if r["in_population"] and r["kommunenr"] == knr)
        self.assertEqual(t.n, n)
        self.assertEqual(t.row("kategori:totalt").cells[2], n)


if __name__ == "__main__":
    unittest.main()
