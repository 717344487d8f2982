"""Table.write: every format, from the extension or named, in nb and en."""

import json
import os
import tempfile
import unittest
import zipfile

import hjtj
from _support import example_path


class TestPublish(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        p = example_path()
        if not p:
            raise unittest.SkipTest("bundled example not found (HJTJ_DATADIR)")
        cls.reg = hjtj.Register()
        cls.reg.load(p)
        cls.t = cls.reg.table("3.5")
        cls.dir = tempfile.mkdtemp()

    @classmethod
    def tearDownClass(cls):
        for f in os.listdir(cls.dir):
            os.unlink(os.path.join(cls.dir, f))
        os.rmdir(cls.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def test_jsonstat_values_are_the_csv(self):
        p = self.t.write(self.path("t.json"), lang="en")
        with open(p, encoding="utf-8") as f:
            ds = json.load(f)
        self.assertEqual(ds["class"], "dataset")
        self.assertEqual(ds["id"], ["virksomhetskategori", "statistikkvariabel"])
        self.assertEqual(ds["size"], [len(self.t.rows), 2])
        self.assertTrue(ds["label"].startswith("Table 3.5. "))
        want = []
        for r in self.t.rows:
            for j in (1, 2):
                want.append(None if r.texts[j] == "" else float(r.texts[j]))
        self.assertEqual(ds["value"], want)
        unit = ds["dimension"]["statistikkvariabel"]["category"]["unit"]
        self.assertEqual(unit["andel"], {"label": "per cent", "decimals": 1})

    def test_custom_table_jsonstat(self):
        """A custom table (SPEC 9) is written like a report table: the
        values are its cells, the title is whole (no "Table custom.")."""
        t = self.reg.crosstab(rows="kategori", cols="eierskap")
        p = t.write(self.path("c.json"), lang="en")
        with open(p, encoding="utf-8") as f:
            ds = json.load(f)
        self.assertEqual(ds["id"][0], "kategori")
        self.assertFalse(ds["label"].startswith("Table"))
        want = [float(r.texts[j]) for r in t.rows for j in range(1, len(r.texts))]
        self.assertEqual(ds["value"], want)
        self.assertEqual(ds["dimension"]["kategori"]["label"], "Enterprise category")

    def test_px_named_format(self):
        p = self.t.write(self.path("t.dat"), format="px", lang="nb")
        with open(p, encoding="utf-8", newline="") as f:
            text = f.read()
        self.assertIn('LANGUAGE="no";', text)
        self.assertIn('LANGUAGES="no","en";', text)
        self.assertIn("TITLE[en]=", text)
        data = text.split("DATA=\r\n", 1)[1].replace(";", " ").split()
        self.assertEqual(data, [c for r in self.t.rows for c in r.texts[1:]])

    def test_xlsx(self):
        try:
            p = self.t.write(self.path("t.xlsx"))
        except hjtj.Error as e:  # a library built without libxlsxwriter
            self.assertEqual(e.status, hjtj.Status.UNSUPPORTED)
            self.assertIn("libxlsxwriter", str(e))
            return
        self.assertTrue(zipfile.is_zipfile(p))
        try:
            import openpyxl
        except ImportError:
            return
        ws = openpyxl.load_workbook(p).active
        self.assertEqual(ws.cell(5, 2).value, self.t.rows[0].cells[1])

    def test_text_and_bytes(self):
        self.assertTrue(self.t.to_string("text", lang="en").startswith("Table 3.5."))
        self.assertEqual(self.t.to_bytes("csv"), self.t.to_csv().encode("utf-8"))
        with self.assertRaises(ValueError):
            self.t.write(self.path("t.unknown"))
        with self.assertRaises(ValueError):
            self.t.write(self.path("t.csv"), format="svg")
        self.t.write(self.path("t.html"))  # HTML (issue 22): a page from the extension
        with open(self.path("t.html"), encoding="utf-8") as f:
            self.assertTrue(f.read().startswith("<!DOCTYPE html>"))
        with self.assertRaises(ValueError):
            self.t.write(self.path("t.csv"), lang="de")
        with self.assertRaises(hjtj.Error) as cm:
            self.t.write(os.path.join(self.dir, "missing", "t.csv"))
        self.assertEqual(cm.exception.status, hjtj.Status.IO)


if __name__ == "__main__":
    unittest.main()
