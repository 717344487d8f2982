"""reg.checks() (SPEC 12) and the scheme's rule switches (SPEC 4.7)."""

import os
import unittest

import hjtj
from _support import datadir

H = ("orgnr,kommunenr,eierskap,status,virksomhetstyper,malgrupper,boenheter,navn,"
     "naeringskode,naeringskode_standard\n")
CSV = H + (
    "100000008,0301,kommunal,aktiv,boligbase,demens,1,Tunet,87.203,SN2007\n"
    "100000016,0301,kommunal,aktiv,bpa,,,,88.102,SN2007\n"
    "100000024,0301,privat,opphort,amb-helse,demens,150,,86.901,SN2007\n"
    "100000032,0301,kommunal,aktiv,bpa enetiltak,demens,, TUNET ,86.901,SN2025\n"
    "100000040,4601,kommunal,aktiv,annen-virksomhet,demens,,,88.102,SN2007\n"
)
WANT = [
    (2, "100000008", "en-boenhet"),
    (2, "100000008", "samme-navn"),
    (3, "100000016", "ingen-malgruppe"),
    (4, "100000024", "boenheter-uten-boligbase"),
    (4, "100000024", "mange-boenheter"),
    (5, "100000032", "enetiltak-med-andre"),
    (5, "100000032", "sn2025-kode"),
    (5, "100000032", "samme-navn"),
    (6, "100000040", "aktiv-utenfor"),
]


class TestChecks(unittest.TestCase):
    def test_rows(self):
        with hjtj.loads(CSV, name="runde.csv") as reg:
            rows = reg.checks()
            self.assertEqual([(r["linje"], r["orgnr"], r["kontroll"]) for r in rows], WANT)
            self.assertTrue(all(r["fil"] == "runde.csv" for r in rows))
            self.assertEqual(rows[4]["melding"], "150 boenheter (mer enn 100)")
            self.assertEqual(rows[1]["melding"],
                             "samme navn og kommunenr som 100000032 (linje 5)")
            self.assertEqual(rows[0]["record_index"], 0)
            self.assertEqual(rows[-1]["record_index"], 4)
            self.assertEqual(rows.summary["samme-navn"], 2)
            self.assertEqual(rows.summary["mangler-naeringskode"], 0)
            self.assertEqual(len(rows.summary), 12)
            en = reg.checks(lang="en")
            self.assertEqual(en[4]["melding"], "150 boenheter (more than 100)")

    def test_only(self):
        with hjtj.loads(CSV) as reg:
            rows = reg.checks(only="samme-navn,mange-boenheter")
            self.assertEqual([r["kontroll"] for r in rows],
                             ["samme-navn", "mange-boenheter", "samme-navn"])
            self.assertEqual(rows.summary, {"mange-boenheter": 1, "samme-navn": 2})
            self.assertEqual(len(reg.checks(only=["aktiv-utenfor"])), 1)
            with self.assertRaises(ValueError) as cm:
                reg.checks(only="bogus")
            self.assertIn("en-boenhet", str(cm.exception))

    def test_codes(self):
        codes = hjtj.check_codes()
        self.assertEqual(len(codes), 12)
        self.assertEqual(codes[0], "en-boenhet")
        self.assertEqual(codes[-1], "samme-navn")

    def test_pandas(self):
        try:
            import pandas  # noqa: F401
        except ImportError:
            self.skipTest("pandas not installed")
        with hjtj.loads(CSV) as reg:
            df = reg.checks().to_pandas()
            self.assertEqual(list(df.columns), list(hjtj.CHECK_COLUMNS))
            self.assertEqual(len(df), len(WANT))
            self.assertEqual(list(df["kontroll"]), [w[2] for w in WANT])
            self.assertEqual(int(df["linje"].iloc[0]), 2)
            empty = reg.checks(only="hjemmehjelp-uten-amb-praktisk").to_pandas()
            self.assertEqual(len(empty), 0)
            self.assertEqual(list(empty.columns), list(hjtj.CHECK_COLUMNS))


class TestSchemeSwitches(unittest.TestCase):
    def test_builtin_and_setters(self):
        with hjtj.Scheme() as sc:
            self.assertEqual((sc.enetiltak, sc.administrasjon), ("med", "2024"))
            sc.enetiltak = "uten"
            sc.administrasjon = 2020
            self.assertEqual((sc.enetiltak, sc.administrasjon), ("uten", "2020"))
            with self.assertRaises(ValueError):
                sc.enetiltak = "nei"

    def test_files(self):
        d = datadir()
        if d is None:
            self.skipTest("no data directory")
        with hjtj.Scheme(os.path.join(d, "skjema-2020-illustrativ.xml")) as sc:
            self.assertEqual((sc.enetiltak, sc.administrasjon), ("uten", "2020"))
            self.assertEqual(sc.name, "2020-illustrativ")
            with hjtj.loads(CSV, scheme=sc) as reg:
                kinds = [r["kontroll"] for r in reg.checks(only="aktiv-utenfor")]
                # 100000008 (one boenhet) and 100000032 are enetiltak: outside
                self.assertEqual(len(kinds), 3)
                recs = {r["orgnr"]: r for r in reg}
                self.assertEqual(recs["100000032"]["hovedvirksomhetstype"], "utenfor")
        p2024 = os.path.join(d, "skjema-2024.xml")
        with hjtj.load(os.path.join(d, "eksempel.xml")) as a, \
                hjtj.load(os.path.join(d, "eksempel.xml"), scheme=p2024) as b:
            self.assertEqual(list(a), list(b))

    def test_bad_scheme(self):
        bad = '<skjema xmlns="urn:hjtj:skjema:1">\n <terskler>1 2 3</terskler></skjema>'
        with self.assertRaises(hjtj.Error) as cm:
            hjtj.Scheme(bad, name="bad.xml")
        e = cm.exception
        self.assertEqual((e.file, e.line, e.column), ("bad.xml", 2, 2))
        self.assertIn("strictly decreasing", str(e))


if __name__ == "__main__":
    unittest.main()
