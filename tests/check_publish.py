#!/usr/bin/env python3
"""tests/check_publish.py — the publication formats read back by real clients
(SPEC §10): every catalogue table, in Norwegian and English,

  * as one JSON-stat collection, read with jsonstat-toolkit (npm, by the
    format's author),
  * as PX files (one per table, written to a directory), read with the npm
    `px` parser (px.js),
  * as one XLSX workbook, read with openpyxl,

and every value compared with the CSV writer's.  Also: English labels for
every title, row and column; labels with quotes, backslashes, control
characters and non-ASCII (a municipality table with such names in Table
1.10) written and read back correctly.

usage: check_publish.py NODE_MODULES   (run by tests/publish.sh)
"""
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time

B = os.environ.get("HJTJ_BUILDDIR", ".")
S = os.environ.get("HJTJ_SRCDIR", ".")
REPORT = os.path.join(B, "examples", "hjtj-report")
MODULES = sys.argv[1]
HAVE_XLSX = os.environ.get("HJTJ_HAVE_XLSX", "yes") == "yes"
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
UPDATED = "2026-01-01T00:00:00Z"
OTHER = {"nb": "en", "en": "nb"}
PXLANG = {"nb": "no", "en": "en"}
# tables whose published figures differ from the print (KNOWN_ISSUES E)
DEVIATIONS = {"2.3", "3.13", "4.8", "4.20", "4.21", "4.22", "4.23", "5.1"}

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        if len(failures) <= 40:
            print("FAIL:", what)
    return cond


def run(args, **kw):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    p = subprocess.run([REPORT] + args, capture_output=True, env=env, **kw)
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode("utf-8", "replace"))
        raise SystemExit("hjtj-report %s: exit %d" % (" ".join(args), p.returncode))
    return p.stdout


def csv_tables(extra=()):
    """id -> (header, rows) from hjtj-report --all (CSV)."""
    out = run(["--all"] + list(extra)).decode("utf-8")
    tables, order = {}, []
    for block in re.split(r"^# Tabell ", out, flags=re.M)[1:]:
        tid, _, body = block.partition("\n")
        rows = list(csv.reader(io.StringIO(body.strip("\n") + "\n")))
        tables[tid] = (rows[0], rows[1:])
        order.append(tid)
    return tables, order


def read_clients(mode, files):
    p = subprocess.run(["node", os.path.join(S, "tests", "read_publications.cjs"), MODULES, mode]
                       + files, capture_output=True)
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode("utf-8", "replace"))
        raise SystemExit("node read_publications.cjs %s failed" % mode)
    return json.loads(p.stdout)


def nstub(header, tid):
    if header[:2] == ["row_label", "col_label"]:
        return 2
    return 2 if tid == "2.2" else 1


def is_number(s):
    return re.fullmatch(r"-?\d+(\.\d+)?", s) is not None


def expected_cube(tid, header, rows, ds):
    """The CSV's text at every position of the dataset's cube (None: a
    position the CSV does not have, the upper triangle of a pair table)."""
    dims = ds["dims"]
    metric = dims[-1]
    check(metric["id"] == "statistikkvariabel" and metric["role"] == "metric",
          "%s: last dimension is the metric statistikkvariabel" % tid)
    mcodes = [c["id"] for c in metric["categories"]]
    k = nstub(header, tid)
    check(all(c in header[k:] for c in mcodes), "%s: metric codes are CSV columns" % tid)
    for j, code in enumerate(header[k:], k):  # a column left out is text only
        if code not in mcodes:
            check(all(not is_number(r[j]) for r in rows),
                  "%s: column %s left out of the cube holds numbers" % (tid, code))
    cols = [header.index(c) for c in mcodes]
    if header[:2] == ["row_label", "col_label"]:
        check(len(dims) == 3, "%s: pair table has two row dimensions" % tid)
        a = {c["label"]: i for i, c in enumerate(dims[0]["categories"])}
        b = {c["label"]: i for i, c in enumerate(dims[1]["categories"])}
        nb_ = len(dims[1]["categories"])
        exp = [None] * (len(a) * nb_)
        for r in rows:
            check(r[0] in a and r[1] in b, "%s: pair %s/%s in the cube" % (tid, r[0], r[1]))
            if r[0] in a and r[1] in b:
                exp[a[r[0]] * nb_ + b[r[1]]] = r[2]
        check(sum(e is not None for e in exp) == len(rows), "%s: every pair once" % tid)
        return exp
    cats = dims[0]["categories"]
    check(len(dims) == 2 and len(cats) == len(rows), "%s: one category per row" % tid)
    for c, r in zip(cats, rows):
        lab = r[0] if k == 1 else (r[0] + " " + r[1]).strip()
        check(c["label"] == lab or c["label"].startswith(lab + ": ") or c["label"] == r[0],
              "%s: row label %r for CSV %r" % (tid, c["label"], lab))
    return [r[j] for r in rows for j in cols]


def check_dataset(tid, ds, exp, lang, decimals):
    check(ds["n"] == len(ds["data"]) == len(exp), "%s %s: size" % (tid, lang))
    prod = 1
    for s in ds["size"]:
        prod *= s
    check(prod == ds["n"], "%s %s: size product" % (tid, lang))
    nm = len(decimals)
    for k, (d, e) in enumerate(zip(ds["data"], exp)):
        v, st = d["value"], d["status"]
        dec = decimals[k % nm]
        if e is None:
            check(v is None and st == ".", "%s %s: [%d] upper triangle '.'" % (tid, lang, k))
        elif e == "":
            want = "-" if dec == 0 else "."
            check(v is None and st == want,
                  "%s %s: [%d] empty CSV cell is null with %r, got %r/%r" % (tid, lang, k, want, v, st))
        else:
            ok = v is not None and st is None and float(e) == v
            if ok and "." in e:
                ok = ("%.1f" % v) == e
            check(ok, "%s %s: [%d] value %r, CSV %r" % (tid, lang, k, v, e))
    check(ds["source"].startswith(("Statistisk sentralbyrå" if lang == "nb" else
                                   "Statistics Norway") + " / libhjtj "), "%s: source" % tid)
    check(ds["updated"] == UPDATED, "%s: updated from SOURCE_DATE_EPOCH" % tid)
    notes = ds["note"] or []
    check(len(notes) >= 1 and notes[0], "%s %s: population note" % (tid, lang))
    if tid in DEVIATIONS:
        check(len(notes) >= 2, "%s %s: the KNOWN_ISSUES deviation is noted" % (tid, lang))


def norm_px(s):
    """A label as a PX string carries it: " as ', controls as spaces, and
    px.js joins a split string with a space."""
    s = re.sub(r"[\x00-\x1f\x7f]", " ", s).replace('"', "'")
    return re.sub(r"\s+", " ", s).strip()


def check_px(tid, px, ds, exp, lang):
    kw = px["keywords"]
    o = PXLANG[OTHER[lang]]
    check(kw.get("LANGUAGE") == PXLANG[lang] and kw.get("LANGUAGES") == [PXLANG[lang], o],
          "%s %s: PX LANGUAGE(S)" % (tid, lang))
    check(kw.get("CODEPAGE") == "utf-8", "%s: PX CODEPAGE" % tid)
    check(kw.get("MATRIX") == "tabell_" + tid.replace(".", "_"), "%s: PX MATRIX" % tid)
    for key in ("SUBJECT-AREA", "TITLE", "CONTENTS", "UNITS", "STUB", "HEADING",
                "CONTVARIABLE", "SOURCE", "DECIMALS"):
        check(key in kw, "%s %s: PX %s" % (tid, lang, key))
    for key in ("TITLE", "CONTENTS", "STUB", "HEADING", "SOURCE"):
        check(key + "[" + o + "]" in kw, "%s %s: PX %s[%s]" % (tid, lang, key, o))
    check(norm_px(kw.get("TITLE", "")) == norm_px(ds["label"]), "%s %s: PX TITLE" % (tid, lang))
    names = [norm_px(d["label"]) for d in ds["dims"]]
    check([norm_px(v) for v in px["variables"]] == names, "%s %s: PX variables %r" % (tid, lang, px["variables"]))
    for i, d in enumerate(ds["dims"]):
        check([norm_px(v) for v in px["values"][i]] == [norm_px(c["label"]) for c in d["categories"]],
              "%s %s: PX VALUES of %s" % (tid, lang, d["id"]))
        codes = px["codes"][i]
        if isinstance(codes, str):  # px.js gives a single code as a string
            codes = [codes]
        check(codes == [c["id"] for c in d["categories"]],
              "%s %s: PX CODES of %s" % (tid, lang, d["id"]))
    prod = 1
    for c in px["counts"]:
        prod *= c
    check(prod == px["ndata"] == len(exp), "%s %s: PX cube size %r, %d data" % (tid, lang, px["counts"], px["ndata"]))
    for k, (d, e, j) in enumerate(zip(px["data"], exp, ds["data"])):
        if e is None or e == "":
            want = {".": ".", "-": "-", ":": ".."}.get(j["status"])
            check(d == want, "%s %s: PX [%d] symbol %r, want %r" % (tid, lang, k, d, want))
        else:
            check(d == e, "%s %s: PX [%d] %r, CSV %r" % (tid, lang, k, d, e))


def check_xlsx(path, order, tables, dsets, lang):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    word = "Tabell" if lang == "nb" else "Table"
    check(wb.sheetnames == [word + " " + t for t in order], "xlsx %s: one sheet per table" % lang)
    for tid in order:
        if word + " " + tid not in wb.sheetnames:
            continue
        ws = wb[word + " " + tid]
        header, rows = tables[tid]
        ds = dsets[tid]
        metric = ds["dims"][-1]["categories"]
        mlab = {c["id"]: c for c in metric}
        check(str(ws.cell(1, 1).value) == ds["label"], "xlsx %s %s: title" % (tid, lang))
        k = nstub(header, tid)
        for j, code in enumerate(header):
            h = ws.cell(4, j + 1).value
            if code in mlab:
                check(h == mlab[code]["label"], "xlsx %s %s: heading of %s" % (tid, lang, code))
            else:
                check(isinstance(h, str) and h != "", "xlsx %s %s: heading of %s" % (tid, lang, code))
        for i, r in enumerate(rows):
            for j, e in enumerate(r):
                c = ws.cell(5 + i, j + 1)
                x = c.value
                if j < k:
                    check(isinstance(x, str) and x != "" if e else x in (None, ""),
                          "xlsx %s %s: label cell %d,%d" % (tid, lang, i, j))
                    if lang == "nb" and k == 1:
                        check(x == e, "xlsx %s: label %r, CSV %r" % (tid, x, e))
                elif header[j] not in mlab:
                    check((x or "") == e, "xlsx %s %s: text %r, CSV %r" % (tid, lang, x, e))
                elif e == "":
                    dec = mlab[header[j]]["unit"]["decimals"]
                    check(x == (None if dec == 0 else "."),
                          "xlsx %s %s: empty cell %r" % (tid, lang, x))
                else:
                    dec = mlab[header[j]]["unit"]["decimals"]
                    check(isinstance(x, (int, float)) and float(x) == float(e)
                          and c.number_format == ("0.0" if dec else "0"),
                          "xlsx %s %s: %r (%s), CSV %r" % (tid, lang, x, c.number_format, e))


def english_labels(nb, en):
    """Every title, dimension, row and column label has an English form."""
    # language-neutral: municipality names (1.10) and the combination numbers
    for tid in nb:
        a, b = nb[tid], en[tid]
        check(a["label"] != b["label"], "%s: English title" % tid)
        for da, db in zip(a["dims"], b["dims"]):
            check(da["label"] != db["label"], "%s: English label of %s" % (tid, da["id"]))
            for ca, cb in zip(da["categories"], db["categories"]):
                neutral = tid == "1.10" and ca["id"] != "totalt"
                check(neutral or ca["label"] != cb["label"],
                      "%s: English label for %s %r" % (tid, da["id"], ca["label"]))
                if ca["unit"] and ca["unit"]["label"] not in ("",):
                    check(ca["unit"]["label"] != cb["unit"]["label"],
                          "%s: English unit of %s" % (tid, ca["id"]))


def escaping(tmp):
    """Names with quotes, backslashes, semicolons and non-ASCII in Table 1.10
    (a name with a control character is refused when the municipality table
    is loaded: tests/check_hardening.c)."""
    name = 'Os"lo \\ \\\\ =tab; end line2 æøå € 𝄞 \'\''
    src = os.path.join(os.environ.get("HJTJ_DATADIR", os.path.join(S, "data")), "kommuner-2025.csv")
    with open(src, encoding="utf-8") as f:
        lines = f.read().splitlines()
    out = [lines[0]]
    for ln in lines[1:]:
        if ln.startswith("0301;"):
            ln = '0301;"%s";724290' % name.replace('"', '""')
        out.append(ln)
    kfile = os.path.join(tmp, "kommuner.csv")
    with open(kfile, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    args = ["--kommuner", kfile, "--table", "1.10"]
    js = run(args + ["--format", "json-stat"])
    raw = json.loads(js.decode("utf-8"))  # Python's own parser agrees
    check(raw["dimension"]["kommune"]["category"]["label"]["0301"] == name, "escape: json (python)")
    jf = os.path.join(tmp, "k.json")
    with open(jf, "wb") as f:
        f.write(js)
    ds = read_clients("json", [jf])["datasets"][0]
    check(ds["dims"][0]["categories"][0]["label"] == name, "escape: json (jsonstat-toolkit)")
    check(ds["data"][0]["value"] == 724290, "escape: json value")
    pf = os.path.join(tmp, "k.px")
    run(args + ["-o", pf])
    px = read_clients("px", [pf])[0]
    check(norm_px(px["values"][0][0]) == norm_px(name), "escape: px label %r" % px["values"][0][0])
    check(px["counts"] == [13, 1] and px["data"][0] == "724290", "escape: px data")
    with open(pf, "rb") as f:
        body = f.read().decode("utf-8")
    check(all(len(ln.encode("utf-8")) <= 256 for ln in body.split("\r\n")), "escape: px lines <= 256 bytes")
    if HAVE_XLSX:
        import openpyxl
        xf = os.path.join(tmp, "k.xlsx")
        run(args + ["-o", xf])
        x = openpyxl.load_workbook(xf).active.cell(5, 1).value
        want = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", name)
        check(x == want, "escape: xlsx label %r" % x)


def main():
    tables, order = csv_tables()
    check(len(order) == 54, "54 tables in the catalogue, got %d" % len(order))
    nbsets = {}
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("nb", "en"):
            t0 = time.time()
            jf = os.path.join(tmp, "all-%s.json" % lang)
            with open(jf, "wb") as f:
                f.write(run(["--all", "--format", "json-stat", "--lang", lang]))
            coll = read_clients("json", [jf])
            check(coll["class"] == "collection" and len(coll["datasets"]) == 54,
                  "%s: a collection of 54 datasets" % lang)
            dsets = {ds["extension"]["table"]: ds for ds in coll["datasets"]}
            check(list(dsets) == order, "%s: datasets in catalogue order" % lang)
            if lang == "nb":
                nbsets = dsets
            exps = {}
            for tid in order:
                header, rows = tables[tid]
                exp = expected_cube(tid, header, rows, nbsets[tid])
                exps[tid] = exp
                dec = [c["unit"]["decimals"] for c in dsets[tid]["dims"][-1]["categories"]]
                check_dataset(tid, dsets[tid], exp, lang, dec)
            pd = os.path.join(tmp, "px-" + lang)
            run(["--all", "--format", "px", "--lang", lang, "-o", pd])
            files = sorted(os.listdir(pd))
            check(len(files) == 54, "%s: 54 PX files" % lang)
            pxs = {p["file"]: p for p in read_clients("px", [os.path.join(pd, f) for f in files])}
            for tid in order:
                name = "tabell_%s.px" % tid.replace(".", "_")
                if check(name in pxs, "%s: %s written" % (lang, name)):
                    check_px(tid, pxs[name], dsets[tid], exps[tid], lang)
            if HAVE_XLSX:
                xf = os.path.join(tmp, "all-%s.xlsx" % lang)
                run(["--all", "--lang", lang, "-o", xf])
                check_xlsx(xf, order, tables, dsets, lang)
            print("ok: %s: 54 tables as JSON-stat, PX%s compared with CSV (%.1f s)"
                  % (lang, ", XLSX" if HAVE_XLSX else "", time.time() - t0))
            if lang == "en":
                english_labels(nbsets, dsets)
        escaping(tmp)
        print("ok: escaping of labels (JSON, PX%s)" % (", XLSX" if HAVE_XLSX else ""))
    if failures:
        print("%d failures" % len(failures))
        return 1
    print("all publication checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
