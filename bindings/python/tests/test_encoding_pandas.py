"""Issue 19 in the binding: CSV encodings, schemes by path, and the types
of Register.to_pandas() (ordered categoricals in code-list order, Int64)."""

import os
import tempfile
import unittest

import hjtj
from _support import GOOD_CSV

# Norwegian Excel's CSV: ';', CRLF, Windows-1252 (æ ø å as single bytes, € 0x80)
W1252 = (b"orgnr;kommunenr;eierskap;navn;virksomhetstyper;m\xe5lgrupper\r\n"
         b"100000008;0301;kommunal;Bj\xf8rn \xe6 \xe5 \x80;boligbase;demens\r\n"
         b"100000016;0301;privat;\xe6\xe6;bolig;demens\r\n")


class TestEncoding(unittest.TestCase):
    def test_utf8_refused_with_the_option(self):
        with self.assertRaises(hjtj.Error) as cm:
            hjtj.loads(W1252, name="w.csv")
        e = cm.exception
        self.assertEqual((e.line, e.column), (1, 49))
        self.assertIn("windows-1252", str(e))

    def test_windows_1252(self):
        reg = hjtj.loads(W1252, name="w.csv", encoding="windows-1252")
        self.assertEqual(reg.encoding, "windows-1252")
        self.assertEqual(reg.count, 1)
        self.assertEqual(reg.find("100000008")["navn"], "Bjørn æ å €")
        rj = reg.rejects[0]
        # the original file's line and column (ææ are 2 bytes, 2 characters)
        self.assertEqual((rj.line, rj.column), (3, 26))
        self.assertIn("did you mean 'boligbase'?", rj.message)

    def test_iso_8859_1_and_bad_name(self):
        reg = hjtj.loads(W1252.replace(b"\x80", b""), encoding="ISO-8859-1")
        self.assertEqual(reg.find("100000008")["navn"], "Bjørn æ å ")
        with self.assertRaises(ValueError):
            hjtj.loads(W1252, encoding="ebcdic")

    def test_undefined_byte(self):
        with self.assertRaises(hjtj.Error) as cm:
            hjtj.loads(b"orgnr;kommunenr\r\n\x81\r\n", encoding="windows-1252")
        self.assertEqual((cm.exception.line, cm.exception.column), (2, 1))


class TestScheme(unittest.TestCase):
    def test_scheme_path(self):
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "s.xml")
            with open(p, "w", encoding="utf-8") as f:
                f.write('<skjema xmlns="urn:hjtj:skjema:1" navn="t"><asss>4601</asss></skjema>')
            reg = hjtj.loads(GOOD_CSV, scheme=p)
            self.assertEqual(reg.find("100000016")["kommunestorrelse"], "asss")
            self.assertNotEqual(reg.find("100000008")["kommunestorrelse"], "asss")


try:
    import pandas as pd
except ImportError:  # pragma: no cover
    pd = None


@unittest.skipIf(pd is None, "pandas not installed")
class TestToPandas(unittest.TestCase):
    def test_categoricals_in_code_order(self):
        reg = hjtj.loads(GOOD_CSV)
        df = reg.to_pandas(all_statuses=True)
        for col, field in (("hovedvirksomhetstype", hjtj.Field.HOVEDVIRKSOMHETSTYPE),
                           ("ht_sammensetning", hjtj.Field.HT_SAMMENSETNING),
                           ("kategori", hjtj.Field.KATEGORI),
                           ("samlemalgruppe", hjtj.Field.SAMLEMALGRUPPE),
                           ("antall_malgrupper", hjtj.Field.ANTALL_MALGRUPPER),
                           ("kommunestorrelse", hjtj.Field.KOMMUNESTORRELSE),
                           ("botilbud", hjtj.Field.BOTILBUD),
                           ("at_sammensetning", hjtj.Field.AT_SAMMENSETNING),
                           ("adm_sammensetning", hjtj.Field.ADM_SAMMENSETNING),
                           ("personellutveksling", hjtj.Field.PERSONELLUTVEKSLING),
                           ("eierskap", hjtj.Field.EIERSKAP),
                           ("status", hjtj.Field.STATUS)):
            dt = df[col].dtype
            self.assertIsInstance(dt, pd.CategoricalDtype, col)
            self.assertTrue(dt.ordered, col)
            self.assertEqual(list(dt.categories), [c for c, _ in hjtj.codes(field)], col)
        self.assertEqual(list(df["storrelse"].dtype.categories)[0], "2-5")
        # the opphort record has no classes: missing, not a string
        self.assertTrue(pd.isna(df.loc[df.orgnr == "100000083", "kategori"]).all())
        self.assertEqual(df["kategori"].value_counts().loc["kun-boligbase"], 1)
        self.assertEqual(df["kategori"].value_counts().loc["enetiltak"], 1)
        self.assertEqual(df["kategori"].value_counts().loc["administrasjon"], 0)
        self.assertEqual(str(df["boenheter"].dtype), "Int64")
        self.assertEqual(list(df["boenheter"].fillna(-1)), [8, -1, -1, 1, -1])
        self.assertEqual(str(df["line"].dtype), "Int64")
        self.assertEqual(str(df["boenheter_counted"].dtype), "Int64")

    def test_empty(self):
        reg = hjtj.loads(GOOD_CSV.splitlines()[0] + "\n")
        df = reg.to_pandas()
        self.assertEqual(len(df), 0)
        self.assertIsInstance(df["kategori"].dtype, pd.CategoricalDtype)


if __name__ == "__main__":
    unittest.main()
