"""Figures (SVG) and the HTML page: numbers equal the tables', well-formed."""

import os
import tempfile
import unittest
import xml.etree.ElementTree as ET

import hjtj
from _support import GOOD_CSV

SVG = "{http://www.w3.org/2000/svg}"


def bars(svg_text):
    """{(row index, column code): data-value} of an SVG figure."""
    root = ET.fromstring(svg_text.encode("utf-8"))
    out = {}
    for g in root.iter(SVG + "g"):
        if g.get("data-i") is None:
            continue
        for r in g.iter(SVG + "rect"):
            if r.get("data-col") is not None:
                out[(int(g.get("data-i")), r.get("data-col"))] = r.get("data-value")
    return root, out


class TestFigures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.reg = hjtj.loads(GOOD_CSV)

    @classmethod
    def tearDownClass(cls):
        cls.reg.close()

    def test_list(self):
        figs = hjtj.figures()
        self.assertEqual([f[0] for f in figs], ["3.3", "3.4", "4.1", "4.2", "5.1"])
        self.assertEqual([f[2] for f in figs], ["3.5", "3.23", "4.10", "4.11", "5.3"])
        self.assertTrue(hjtj.figures("en")[0][1].startswith("Enterprises"))

    def test_report_figures_equal_tables(self):
        for fid, _title, tid in hjtj.figures():
            for lang in ("nb", "en"):
                svg = self.reg.figure(fid, lang=lang)
                root, values = bars(svg)
                self.assertEqual(root.get("data-figure"), fid)
                with self.reg.table(tid) as t:
                    self.assertTrue(values)
                    for (i, col), v in values.items():
                        self.assertEqual(v, t.text(i, col), (fid, i, col))
                    self.assertEqual(root.get("data-n"), str(t.n))

    def test_bar_chart_of_a_table(self):
        with self.reg.table("3.10") as t:
            svg = t.figure(lang="en")
            _root, values = bars(svg)
            self.assertTrue(values)
            for (i, col), v in values.items():
                self.assertEqual(v, t.text(i, col))
            self.assertIn("Source: Statistics Norway", svg)
        # a figure id that is not a report figure is a table's chart
        self.assertIn('data-table="4.6"', self.reg.figure("4.6"))

    def test_custom_table_chart(self):
        with self.reg.crosstab("kommunestorrelse", cols="kategori", measure="andel-rad") as t:
            svg = t.figure(lang="en")
            root, values = bars(svg)
            self.assertTrue(values)
            for (i, col), v in values.items():
                self.assertEqual(v, t.text(i, col))
            self.assertEqual(root.get("data-figure"), "")

    def test_path_and_errors(self):
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "f.svg")
            svg = self.reg.figure("5.1", path=p)
            with open(p, encoding="utf-8") as f:
                self.assertEqual(f.read(), svg)
        with self.reg.table("3.5") as t:
            with self.assertRaises(hjtj.Error) as cm:
                t.figure("5.1")
            self.assertEqual(cm.exception.status, hjtj.Status.INVALID_ARG)
            with self.assertRaises(hjtj.Error) as cm:
                t.figure("9.9")
            self.assertEqual(cm.exception.status, hjtj.Status.NOT_FOUND)
            with self.assertRaises(ValueError):
                t.figure(lang="de")
        with self.assertRaises(hjtj.Error):
            self.reg.figure("99.99")

    def test_html(self):
        page = self.reg.report_html(ids=["3.5", "5.1", "4.21"], lang="en")
        self.assertTrue(page.startswith("<!DOCTYPE html>\n<html lang=\"en\">"))
        self.assertEqual(page.count("<table>"), 3)
        self.assertIn('data-figure="3.3"', page)
        self.assertNotIn("<script", page)
        self.assertNotIn("http", page)
        self.assertIn("swapped", page)  # the note under 4.21
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "r.html")
            full = self.reg.report_html(p)
            with open(p, encoding="utf-8") as f:
                self.assertEqual(f.read(), full)
        self.assertEqual(full.count("<table>"), len(hjtj.catalog()))
        self.assertIn('<html lang="nb">', full)
        with self.reg.table("5.1") as t:
            html = t.to_string("html")
            self.assertIn("<table>", html)
            self.assertIn('class="note"', html)  # the report's 281
        with self.reg.table("3.5") as t:
            self.assertNotIn('class="note"', t.to_string("html"))


if __name__ == "__main__":
    unittest.main()
