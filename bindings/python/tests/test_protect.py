"""Small-count protection through the binding: reg.table(id, protect=K)."""

import math
import unittest

import hjtj
from _support import CSV_HEADER

try:
    import pandas
except ImportError:  # pragma: no cover
    pandas = None


def orgnrs():
    """Valid organisation numbers (modulus-11 check digit) from 100000000 on."""
    w = [3, 2, 7, 6, 5, 4, 3, 2]
    n = 10000000
    while True:
        d = "%08d" % n
        n += 1
        r = sum(int(c) * x for c, x in zip(d, w)) % 11
        if r != 1:
            yield d + str(0 if r == 0 else 11 - r)


# Table 3.10 of 34 enterprises (as in tests/check_protect.c):
#                  antall  kommunale  private
#   Kun boligbase      11         10        1
#   Kun amb. helse     12          8        4
#   BPA                11          5        6
# K = 3: the 1 is primary; the cheapest cycle adds boligbase/kommunale (10)
# and BPA's two cells (5, 6).
GROUPS = [("boligbase", "kommunal", 10), ("boligbase", "privat", 1), ("amb-helse", "kommunal", 8),
          ("amb-helse", "privat", 4), ("bpa", "kommunal", 5), ("bpa", "privat", 6)]


def register_csv():
    ids = orgnrs()
    lines = [CSV_HEADER]
    for typ, eier, n in GROUPS:
        for _ in range(n):
            lines.append("%s,0301,%s,aktiv,%s,demens,3\n" % (next(ids), eier, typ))
    return "".join(lines)


class TestProtect(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.reg = hjtj.loads(register_csv())

    @classmethod
    def tearDownClass(cls):
        cls.reg.close()

    def test_table_3_10(self):
        t = self.reg.table("3.10", protect=3)
        plain = self.reg.table("3.10")
        self.assertEqual(t.protect, 3)
        self.assertIsNone(plain.protect)
        self.assertEqual(t.suppressed_counts(), {"primary": 2, "secondary": 6})
        self.assertEqual(plain.suppressed_counts(), {"primary": 0, "secondary": 0})
        bolig = [i for i, r in enumerate(t.rows) if r.code == "kun-boligbase"][0]
        bpa = [i for i, r in enumerate(t.rows) if r.code == "kun-bpa"][0]
        S = hjtj.Suppression
        self.assertEqual(t.suppressed(bolig, "antall_private"), S.PRIMARY)
        self.assertEqual(t.suppressed(bolig, "andel_private"), S.PRIMARY)
        self.assertEqual(t.suppressed(bolig, "antall_kommunale"), S.SECONDARY)
        self.assertEqual(t.suppressed(bpa, "antall_private"), S.SECONDARY)
        self.assertEqual(t.suppressed(bolig, "antall"), S.NONE)
        self.assertIsNone(t.cell(bolig, "antall_private"))
        self.assertEqual(t.text(bolig, "antall_private"), ":")
        self.assertEqual(t.kind(bolig, "antall_private"), hjtj.CellKind.COUNT)
        self.assertEqual(t.cell(bolig, "antall"), 11)
        self.assertEqual(t.n, 34)
        n = 0
        for i, (r, p) in enumerate(zip(t.rows, plain.rows)):
            for j in range(len(t.columns)):
                if t.suppressed(i, j):
                    n += 1
                    self.assertEqual(r.texts[j], ":")
                else:
                    self.assertEqual(r.texts[j], p.texts[j])
        self.assertEqual(n, 8)
        self.assertIn("Kun boligbase,11,:,:,:,:", t.to_csv())
        self.assertIn("sekundærskjermet: 6 celler", t.to_text())
        if pandas is not None:
            df = t.to_pandas()
            self.assertTrue(pandas.isna(df["antall_private"][bolig]))
            self.assertEqual(int(df["antall"][bolig]), 11)
            self.assertTrue(math.isnan(df["andel_private"][bolig]))

    def test_small_n(self):
        reg = hjtj.loads(CSV_HEADER + "100000008,0301,kommunal,aktiv,bpa,demens,\n")
        t = reg.table("3.2", protect=2)
        self.assertIsNone(t.n)
        self.assertEqual(t.row("totalt").texts[1], ":")
        reg.close()

    def test_bad_levels(self):
        with self.assertRaises(ValueError):
            self.reg.table("3.10", protect=0)
        with self.assertRaises(ValueError):
            self.reg.table("3.10", protect=-2)
        with self.assertRaises(TypeError):
            self.reg.table("3.10", protect="3")
        with self.assertRaises(TypeError):
            self.reg.table("3.10", protect=2.5)
        with self.assertRaises(TypeError):
            self.reg.table("3.10", protect=True)

    def test_crosstab(self):
        # the same counts as a custom table: kategori by eierskap
        t = self.reg.crosstab(rows="kategori", cols="eierskap", protect=3)
        plain = self.reg.crosstab(rows="kategori", cols="eierskap")
        self.assertEqual(t.suppressed_counts(), {"primary": 1, "secondary": 3})
        bolig = [i for i, r in enumerate(t.rows) if r.code == "kun-boligbase"][0]
        self.assertEqual(t.suppressed(bolig, "privat"), hjtj.Suppression.PRIMARY)
        self.assertIsNone(t.cell(bolig, "privat"))
        self.assertEqual(t.cell(bolig, "totalt"), 11)
        for i, (r, p) in enumerate(zip(t.rows, plain.rows)):
            for j in range(len(t.columns)):
                if not t.suppressed(i, j):
                    self.assertEqual(r.texts[j], p.texts[j])
        with self.assertRaises(ValueError):
            self.reg.crosstab(rows="kategori", protect=0)

    def test_no_counts(self):
        with self.assertRaises(hjtj.Error) as cm:
            self.reg.table("1.9", protect=3)
        self.assertEqual(cm.exception.status, hjtj.Status.NO_COUNTS)
        self.assertIn("no counts", cm.exception.message)
        self.assertEqual(self.reg.table("1.9").id, "1.9")


if __name__ == "__main__":
    unittest.main()
