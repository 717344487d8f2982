import gc
import io
import os
import pathlib
import tempfile
import unittest

import hjtj
from _support import BAD_CSV, GOOD_CSV, KOMMUNER_CSV, example_path


class TestLoad(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, name, data):
        p = os.path.join(self.tmp.name, name)
        with open(p, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return p

    def check_good(self, reg):
        self.assertEqual(reg.read_count, 5)
        self.assertEqual(reg.count, 5)
        self.assertEqual(reg.reject_count, 0)
        self.assertEqual(len(reg), 4)  # the active ones
        recs = list(reg)
        self.assertEqual(len(recs), 4)
        self.assertEqual([r["orgnr"] for r in recs],
                         ["100000008", "100000016", "100000024", "100000032"])
        self.assertEqual(len(list(reg.records(all_statuses=True))), 5)

    def test_sources(self):
        p = self.write("good.csv", GOOD_CSV)
        with hjtj.load(p) as reg:
            self.check_good(reg)
        with hjtj.load(pathlib.Path(p)) as reg:
            self.check_good(reg)
        with hjtj.load(GOOD_CSV.encode("utf-8"), name="mem.csv") as reg:
            self.check_good(reg)
            self.assertEqual(next(iter(reg))["file"], "mem.csv")
        with hjtj.load(GOOD_CSV) as reg:  # a str with line breaks is data
            self.check_good(reg)
        with hjtj.loads(GOOD_CSV) as reg:
            self.check_good(reg)
        with hjtj.load(bytearray(GOOD_CSV.encode("utf-8"))) as reg:
            self.check_good(reg)
        with open(p, "rb") as f, hjtj.load(f) as reg:  # streamed through a callback
            self.check_good(reg)
            self.assertEqual(next(iter(reg))["file"], p)
        with hjtj.load(io.StringIO(GOOD_CSV), name="text") as reg:
            self.check_good(reg)

    def test_stream_small_reads(self):
        class Slow(io.RawIOBase):
            def __init__(self, data):
                self.data = data

            def readable(self):
                return True

            def read(self, n=-1):
                chunk, self.data = self.data[:3], self.data[3:]
                return chunk

        with hjtj.load(Slow(GOOD_CSV.encode("utf-8"))) as reg:
            self.check_good(reg)

    def test_stream_exception_propagates(self):
        class Boom(io.RawIOBase):
            def readable(self):
                return True

            def read(self, n=-1):
                raise RuntimeError("disk on fire")

        with self.assertRaisesRegex(RuntimeError, "disk on fire"):
            hjtj.load(Boom())

    def test_record_fields(self):
        with hjtj.load(GOOD_CSV) as reg:
            r = reg.find("100000008")
            self.assertEqual(list(r)[:8], list(hjtj.CLASSIFY_COLUMNS))
            self.assertEqual(r["hovedvirksomhetstype"], "rene-brukerrettede")
            self.assertEqual(r["ht_sammensetning"], "kun-boligbase")
            self.assertEqual(r["kategori"], "kun-boligbase")
            self.assertEqual(r["samlemalgruppe"], "utviklingshemning")
            self.assertEqual(r["antall_malgrupper"], "2")
            self.assertEqual(r["kommunestorrelse"], "asss")
            self.assertEqual(r["botilbud"], "1")
            self.assertEqual(r["kommunenr"], "0301")
            self.assertEqual(r["eierskap"], "kommunal")
            self.assertEqual(r["status"], "aktiv")
            self.assertEqual(r["virksomhetstyper"], ["boligbase"])
            self.assertEqual(r["malgrupper"], ["utviklingshemning", "psykiske-lidelser"])
            self.assertEqual(r["boenheter"], 8)
            self.assertEqual(r["boenheter_counted"], 8)
            self.assertEqual(r["storrelse"], "6-10")
            self.assertTrue(r["in_population"])
            self.assertEqual(r["edits"], [])
            self.assertEqual(r["line"], 2)
            # the editing rule 4.1.1: boligbase with one boenhet -> enetiltak
            e = reg.find("100000032")
            self.assertEqual(e["kategori"], "enetiltak")
            self.assertEqual(e["virksomhetstyper"], ["enetiltak"])
            self.assertEqual(e["virksomhetstyper_given"], ["boligbase"])
            self.assertEqual(e["edits"], ["en-boenhet-enetiltak"])
            self.assertEqual(e["botilbud"], "0")
            self.assertIsNone(e["storrelse"])
            # not aktiv: no classes
            o = reg.find("100000083")
            self.assertEqual(o["status"], "opphort")
            for k in hjtj.CLASSIFY_COLUMNS[1:]:
                self.assertIsNone(o[k], k)
            self.assertFalse(o["in_population"])
            self.assertIsNone(reg.find("999999999"))

    def test_rejects(self):
        with hjtj.load(BAD_CSV, name="bad.csv") as reg:
            self.assertEqual(reg.read_count, 4)
            self.assertEqual(reg.count, 1)
            self.assertEqual(reg.reject_count, 3)
            self.assertEqual(reg.read_count, reg.count + reg.reject_count)
            rej = reg.rejects
            self.assertEqual(len(rej), 3)
            self.assertEqual([d.line for d in rej], [3, 4, 5])
            self.assertEqual([d.orgnr for d in rej], ["100000009", "100000016", "100000024"])
            self.assertEqual([d.reason for d in rej], ["orgnr", "ingen-with-other", "unknown-code"])
            for d in rej:
                self.assertEqual(d.file, "bad.csv")
                self.assertTrue(d.message)
                self.assertIsInstance(d.reason_value, int)
            self.assertEqual(rej[0]._asdict()["reason"], "orgnr")

    def test_warnings(self):
        data = GOOD_CSV.replace("boenheter\n", "boenheter,ukjent\n", 1)
        data = "\n".join(l + ("," if i else "") for i, l in enumerate(data.splitlines())) + "\n"
        with hjtj.load(data) as reg:
            self.assertEqual(reg.warning_count, 1)
            self.assertEqual(reg.warnings[0].reason, "unknown-column")
            self.assertEqual(reg.count, 5)

    def test_append_loads(self):
        with hjtj.Register() as reg:
            reg.load(GOOD_CSV, name="a")
            reg.load(BAD_CSV, name="b")  # 100000008 again: duplicate
            self.assertEqual(reg.count, 5)
            self.assertIn("duplicate-orgnr", [d.reason for d in reg.rejects])
            self.assertEqual(reg.read_count, reg.count + reg.reject_count)

    def test_kommuner(self):
        kp = self.write("k.csv", KOMMUNER_CSV)
        for k in (kp, KOMMUNER_CSV.encode(), hjtj.Kommuner(kp)):
            with hjtj.load(GOOD_CSV, kommuner=k) as reg:
                # only 0301 and 3101 exist now: the other records are rejected
                self.assertEqual(reg.count, 2)
                self.assertEqual(reg.reject_count, 3)
                self.assertEqual({d.reason for d in reg.rejects}, {"kommunenr"})
                self.assertEqual([k.nr for k in reg.kommuner], ["0301", "3101"])
                self.assertEqual(reg.find("100000024")["kommunestorrelse"], "20000+")
                self.assertEqual(reg.find("100000008")["kommunestorrelse"], "asss")
        with hjtj.Kommuner(kp) as k:
            self.assertEqual(len(k), 2)
            self.assertEqual(k[0].navn, "Oslo")
            self.assertEqual(k[-1].innbyggere, 30000)
            self.assertEqual(k.find("3101").kommunestorrelse, "20000+")
            self.assertIsNone(k.find("1234"))
            self.assertEqual(len(list(k)), 2)
        self.assertTrue(k.closed)
        with self.assertRaises(ValueError):
            len(k)

    def test_default_kommuner(self):
        with hjtj.Kommuner() as k:
            self.assertGreater(len(k), 300)
            self.assertEqual(k.find("0301").kommunestorrelse, "asss")

    def test_bad_kommuner(self):
        with self.assertRaises(hjtj.Error) as cm:
            hjtj.Kommuner(b"kommunenr;navn;innbyggere\n03x1;Oslo;100\n", name="k.csv")
        self.assertEqual(cm.exception.status, hjtj.Status.KOMMUNER)
        self.assertEqual(cm.exception.file, "k.csv")
        with self.assertRaises(hjtj.Error):
            hjtj.load(GOOD_CSV, kommuner=os.path.join(self.tmp.name, "missing.csv"))

    def test_file_errors(self):
        with self.assertRaises(hjtj.Error) as cm:
            hjtj.load(os.path.join(self.tmp.name, "does-not-exist.xml"))
        self.assertEqual(cm.exception.status, hjtj.Status.IO)
        self.assertIn("does-not-exist.xml", cm.exception.file)

        bad = '<kartlegging xmlns="urn:hjtj:kartlegging:1">\n<virksomhet orgnr="1"\n'
        with self.assertRaises(hjtj.Error) as cm:
            hjtj.load(bad, name="bad.xml")
        e = cm.exception
        self.assertEqual(e.status, hjtj.Status.SYNTAX)
        self.assertEqual(e.file, "bad.xml")
        self.assertGreater(e.line, 0)
        self.assertIn("bad.xml:%d" % e.line, str(e))

        doc = '<?xml version="1.0"?>\n<!DOCTYPE kartlegging [\n<!ENTITY a "aaaa">\n]>\n<kartlegging/>'
        with self.assertRaises(hjtj.Error) as cm:
            hjtj.load(doc)
        self.assertEqual(cm.exception.status, hjtj.Status.DOCTYPE)
        self.assertEqual((cm.exception.line, cm.exception.column), (2, 1))

        with self.assertRaises(hjtj.Error) as cm:
            hjtj.load(b"")
        self.assertEqual(cm.exception.status, hjtj.Status.EMPTY)

        with self.assertRaises(TypeError):
            hjtj.load(12345)

    def test_failed_load_keeps_register(self):
        with hjtj.Register() as reg:
            reg.load(GOOD_CSV)
            with self.assertRaises(hjtj.Error):
                reg.load("<kartlegging", name="x.xml")
            self.assertEqual(reg.count, 5)

    def test_limits(self):
        with self.assertRaises(hjtj.Error) as cm:
            hjtj.load(GOOD_CSV, limits={"max_records": 2})
        self.assertEqual(cm.exception.status, hjtj.Status.LIMIT)
        with hjtj.load(GOOD_CSV, limits={hjtj.Limit.MAX_BOENHETER: 5}) as reg:
            self.assertEqual([d.reason for d in reg.rejects], ["boenheter"])

    def test_close(self):
        reg = hjtj.load(GOOD_CSV)
        it = iter(reg)
        next(it)
        reg.close()
        reg.close()  # idempotent
        self.assertTrue(reg.closed)
        with self.assertRaises(ValueError):
            next(it)
        with self.assertRaises(ValueError):
            reg.count
        with self.assertRaises(ValueError):
            reg.table("3.5")
        self.assertIn("closed", repr(reg))

    def test_gc_frees(self):
        for _ in range(50):
            reg = hjtj.load(GOOD_CSV)
            list(reg)
            del reg
        gc.collect()

    def test_example(self):
        p = example_path()
        if p is None:
            self.skipTest("data/eksempel.xml not found")
        with hjtj.load(p) as reg:
            self.assertEqual(reg.aargang, 2024)
            self.assertEqual(reg.read_count, reg.count + reg.reject_count)
            recs = list(reg)
            self.assertEqual(len(recs), len(reg))
            by = {r["orgnr"]: r for r in recs}
            self.assertEqual(
                [by["100000040"][k] for k in hjtj.CLASSIFY_COLUMNS],
                ["100000040", "kombinert-annen", "kun-boligbase", "kombinert-annen",
                 "eldre-demens", "2", "10000-19999", "1"])

    def test_records_to_pandas(self):
        try:
            import pandas  # noqa: F401
        except ImportError:
            self.skipTest("pandas not installed")
        with hjtj.load(GOOD_CSV) as reg:
            df = reg.to_pandas()
            self.assertEqual(list(df.columns[:8]), list(hjtj.CLASSIFY_COLUMNS))
            self.assertEqual(len(df), 4)
            self.assertEqual(df.loc[0, "malgrupper"], "utviklingshemning psykiske-lidelser")
            self.assertEqual(len(reg.to_pandas(all_statuses=True)), 5)


if __name__ == "__main__":
    unittest.main()
