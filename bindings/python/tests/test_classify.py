"""The binding's records agree with the hjtj-classify program (SPEC §7)."""

import os
import subprocess
import unittest

import hjtj
from _support import classify_program, example_path, generate


def classify_rows(reg):
    return [",".join("" if r[k] is None else r[k] for k in hjtj.CLASSIFY_COLUMNS) for r in reg]


class TestAgainstClassify(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.prog = classify_program()

    def compare(self, path):
        if self.prog is None:
            self.skipTest("examples/hjtj-classify not found (set HJTJ_BUILDDIR)")
        res = subprocess.run([self.prog, path], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, check=False)
        self.assertIn(res.returncode, (0, 1), res.stderr)
        lines = res.stdout.decode("utf-8").splitlines()
        self.assertEqual(lines[0], ",".join(hjtj.CLASSIFY_COLUMNS))
        with hjtj.load(path) as reg:
            self.assertEqual(classify_rows(reg), lines[1:])
            err = res.stderr.decode("utf-8").splitlines()
            rejected = [l for l in err if " rejected: " in l]
            self.assertEqual(len(rejected), reg.reject_count)
            self.assertEqual(res.returncode, 1 if reg.reject_count else 0)
            for d, l in zip(reg.rejects, rejected):
                self.assertTrue(l.startswith("%s:%d:%d: " % (d.file, d.line, d.column)), l)
                self.assertTrue(l.endswith(" rejected: " + d.message), l)
            if reg.reject_count:
                # the summary: read, loaded, rejected by reason
                self.assertIn("%d records read, %d loaded, %d rejected (" % (
                    reg.read_count, reg.count, reg.reject_count), err[-1])
                for reason in set(d.reason for d in reg.rejects):
                    n = sum(1 for d in reg.rejects if d.reason == reason)
                    self.assertIn("%s %d" % (reason, n), err[-1])

    def test_example(self):
        p = example_path()
        if p is None:
            self.skipTest("data/eksempel.xml not found")
        self.compare(p)

    def test_random(self):
        for seed in (101, 102):
            paths = generate(seed, 700, bad=20)
            if paths is None:
                self.skipTest("tests/oracle/hjtj_oracle.py not found")
            for p in paths:
                with self.subTest(file=os.path.basename(p)):
                    self.compare(p)


if __name__ == "__main__":
    unittest.main()
