import unittest

import hjtj


class TestBasic(unittest.TestCase):
    def test_version(self):
        v = hjtj.version()
        self.assertRegex(v, r"^\d+\.\d+\.\d+$")
        self.assertEqual(v.split(".")[0], "0")

    def test_library_path(self):
        self.assertTrue(hjtj.library_path())

    def test_catalog(self):
        cat = hjtj.catalog()
        self.assertIsInstance(cat, list)
        ids = [i for i, _ in cat]
        self.assertEqual(len(ids), len(set(ids)))
        for tid, title in cat:
            self.assertIsInstance(tid, str)
            self.assertTrue(tid)
            self.assertIsInstance(title, str)
        self.assertEqual([i for i, _ in hjtj.catalog("en")], ids)

    def test_codes(self):
        kat = hjtj.codes("kategori")
        self.assertEqual(len(kat), 10)
        self.assertEqual(kat[0][0], "kun-boligbase")
        self.assertEqual([c for c, _ in hjtj.codes(hjtj.Field.ANTALL_MALGRUPPER)],
                         ["1", "2", "3+"])
        self.assertEqual([c for c, _ in hjtj.codes("kommunestorrelse")],
                         ["asss", "20000+", "10000-19999", "5000-9999", "under-5000"])
        self.assertEqual(hjtj.label("samlemalgruppe", "utenfor"), "Utenfor samlemålgruppene")
        self.assertIsNone(hjtj.label("samlemalgruppe", "nope"))
        self.assertTrue(hjtj.label("kategori", "kun-bpa", lang="en"))
        with self.assertRaises(ValueError):
            hjtj.codes("no-such-field")
        with self.assertRaises(ValueError):
            hjtj.codes("kategori", lang="de")

    def test_strerror(self):
        self.assertEqual(hjtj.strerror(hjtj.Status.NOMEM), "out of memory")
        self.assertEqual(hjtj.strerror(9999), "unknown status")

    def test_error_object(self):
        e = hjtj.Error(hjtj.Status.SYNTAX, "bad", "f.xml", 3, 7)
        self.assertEqual(e.status, hjtj.Status.SYNTAX)
        self.assertEqual((e.file, e.line, e.column), ("f.xml", 3, 7))
        self.assertTrue(str(e).startswith("f.xml:3:7: bad"))
        self.assertEqual(e.status_name, "syntax")
        self.assertEqual(hjtj.Error(999, "x").status, 999)
        self.assertIsInstance(e, Exception)


if __name__ == "__main__":
    unittest.main()
