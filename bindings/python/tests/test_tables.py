"""Tables: typed cells, CSV text, pandas; for every table of the catalogue."""

import math
import os
import tempfile
import unittest

import hjtj
from _support import GOOD_CSV, csv_from_texts, example_path, generate, share_text

try:
    import pandas
except ImportError:  # pragma: no cover
    pandas = None


def register_sources():
    out = [("inline", GOOD_CSV)]
    p = example_path()
    if p:
        out.append(("eksempel", p))
    g = generate(7, 400)
    if g:
        out.append(("random", g[0]))
    return out


class TestTables(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.regs = [(name, hjtj.load(src)) for name, src in register_sources()]
        cls.ids = [i for i, _ in hjtj.catalog()]

    @classmethod
    def tearDownClass(cls):
        for _, reg in cls.regs:
            reg.close()

    def need_tables(self):
        if not self.ids:
            self.skipTest("the library's catalogue is empty")

    def test_unknown_table(self):
        name, reg = self.regs[0]
        with self.assertRaises(hjtj.Error) as cm:
            reg.table("no-such-table")
        self.assertEqual(cm.exception.status, hjtj.Status.NOT_FOUND)
        self.assertIn("no-such-table", cm.exception.message)

    def check_table(self, t, tid):
        self.assertEqual(t.id, tid)
        self.assertIsInstance(t.title, str)
        self.assertIsInstance(t.n, int)
        nr, nc = t.shape
        self.assertLessEqual(t.stub_count, nc)
        for j, c in enumerate(t.columns):
            self.assertIsInstance(c.code, str)
            self.assertEqual(c.stub, j < t.stub_count)
        for r in t.rows:
            self.assertEqual(len(r.cells), nc)
            self.assertIsInstance(r.code, str)
            for cell, text, kind in zip(r.cells, r.texts, r.kinds):
                if kind == hjtj.CellKind.EMPTY:
                    self.assertIsNone(cell)
                    self.assertEqual(text, "")
                elif kind == hjtj.CellKind.TEXT:
                    self.assertEqual(cell, text)
                elif kind in (hjtj.CellKind.COUNT, hjtj.CellKind.SUM):
                    self.assertIsInstance(cell, int)
                    self.assertEqual(str(cell), text)
                elif kind == hjtj.CellKind.SHARE:
                    self.assertIsInstance(cell, hjtj.Share)
                    self.assertEqual(cell.text, text)
                    self.assertEqual(text, share_text(cell.num, cell.den))
                    if cell.den > 0:
                        self.assertAlmostEqual(float(cell), 100.0 * cell.num / cell.den)
                        self.assertLessEqual(abs(cell.rounded - float(cell)), 0.05 + 1e-9)
                    else:
                        self.assertTrue(math.isnan(float(cell)))
                        self.assertIsNone(cell.rounded)
                elif kind == hjtj.CellKind.MEDIAN:
                    self.assertIsInstance(cell, float)
                    self.assertEqual(float(text), cell)
        # to_csv is the library's writer; it must be the cells' texts
        csv = t.to_csv()
        self.assertEqual(csv, csv_from_texts([c.code for c in t.columns],
                                             [r.texts for r in t.rows]))
        self.assertTrue(t.to_text())
        if pandas is not None:
            df = t.to_pandas()
            self.assertEqual(list(df.columns), [c.code for c in t.columns])
            self.assertEqual(len(df), nr)
            for j in range(nc):
                kinds = {r.kinds[j] for r in t.rows}
                if hjtj.CellKind.TEXT in kinds:
                    continue
                if kinds & {hjtj.CellKind.COUNT, hjtj.CellKind.SUM, hjtj.CellKind.SHARE,
                            hjtj.CellKind.MEDIAN}:
                    self.assertTrue(pandas.api.types.is_numeric_dtype(df.iloc[:, j]),
                                    (tid, t.columns[j].code, df.dtypes.iloc[j]))
                for i, r in enumerate(t.rows):
                    v = df.iloc[i, j]
                    if r.texts[j] == "":
                        self.assertTrue(pandas.isna(v))
                    else:
                        self.assertEqual(float(v), float(r.texts[j]))

    def test_every_table(self):
        self.need_tables()
        for name, reg in self.regs:
            for tid in self.ids:
                with self.subTest(register=name, table=tid):
                    with reg.table(tid) as t:
                        self.check_table(t, tid)

    def test_to_csv_file_and_close(self):
        self.need_tables()
        name, reg = self.regs[-1]
        t = reg.table(self.ids[0])
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "t.csv")
            text = t.to_csv(p)
            with open(p, encoding="utf-8", newline="") as f:
                self.assertEqual(f.read(), text)
        t.close()
        self.assertTrue(t.rows is not None)  # Python data stays
        with self.assertRaises(ValueError):
            t.to_csv()

    def counts_from_records(self, reg, field):
        counts = {}
        for r in reg:
            if r["in_population"]:
                counts[r[field]] = counts.get(r[field], 0) + 1
        return counts

    def check_distribution(self, tid, field):
        """A one-way table by `field`: each class row's first count is the
        number of records of that class, 'totalt' the population."""
        if tid not in self.ids:
            self.skipTest("table %s not in the catalogue yet" % tid)
        classes = {c for c, _ in hjtj.codes(field)}
        for name, reg in self.regs:
            counts = self.counts_from_records(reg, field)
            pop = sum(counts.values())
            with self.subTest(register=name), reg.table(tid) as t:
                self.assertEqual(t.n, pop)
                seen = 0
                for r in t.rows:
                    ints = [c for c, k in zip(r.cells, r.kinds) if k == hjtj.CellKind.COUNT]
                    if not ints:
                        continue
                    if r.code in classes:
                        self.assertEqual(ints[0], counts.get(r.code, 0), r.code)
                        seen += 1
                    elif r.code == "totalt":
                        self.assertEqual(ints[0], pop)
                self.assertGreater(seen, 0)

    def test_3_5_from_records(self):
        self.check_distribution("3.5", "kategori")

    def test_4_6_from_records(self):
        self.check_distribution("4.6", "samlemalgruppe")

    @unittest.skipIf(pandas is None, "pandas not installed")
    def test_pandas_exact(self):
        self.need_tables()
        name, reg = self.regs[-1]
        for tid in self.ids:
            with reg.table(tid) as t:
                df = t.to_pandas(exact=True)
                for i, r in enumerate(t.rows):
                    for j, k in enumerate(r.kinds):
                        if k == hjtj.CellKind.SHARE and r.cells[j].den > 0 and \
                                hjtj.CellKind.TEXT not in {x.kinds[j] for x in t.rows}:
                            self.assertAlmostEqual(df.iloc[i, j], float(r.cells[j]))


class TestShare(unittest.TestCase):
    def test_share(self):
        s = hjtj.Share(17, 80, "21.3")
        self.assertEqual(float(s), 21.25)
        self.assertEqual(s.rounded, 21.3)
        self.assertEqual(str(s), "21.3")
        self.assertEqual(s, hjtj.Share(17, 80, "21.3"))
        e = hjtj.Share(0, 0, "")
        self.assertIsNone(e.value)
        self.assertTrue(math.isnan(float(e)))
        self.assertIn("empty", repr(e))


if __name__ == "__main__":
    unittest.main()
