#!/usr/bin/env python3
"""svg_check.py SVG CSV LANG [SERIES] — check a figure written by hjtj-report
against the table it was drawn from (the CSV of `hjtj-report --table ID`).

- every bar (an element with data-col) carries the CSV's cell of its row
  (data-i is the row's index) and column, exactly;
- every row of the table except the total has its bars, all with the same
  series; with SERIES (space-separated CSV codes) the series are exactly those;
- every number written as a label inside a row is one of that row's values
  (with the decimal comma in Norwegian);
- colours: every bar has a contrast of at least 4.5:1 against the white
  background (WCAG 2.x), text is dark (>= 4.5:1) or white on a bar;
- row labels do not overlap (at least 12 px apart); title, N, axis label and
  source line are there, in the language.
Exit 0 when everything holds; prints what fails otherwise."""
import csv
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"


def luminance(hexcol):
    h = hexcol.lstrip("#")
    rgb = [int(h[i:i + 2], 16) / 255.0 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def main():
    svg_path, csv_path, lang = sys.argv[1:4]
    series = sys.argv[4].split() if len(sys.argv) > 4 and sys.argv[4] else None
    errors = []
    with open(csv_path, encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    root = ET.parse(svg_path).getroot()
    if root.tag != NS + "svg" or root.get("version") != "1.1":
        errors.append("not an SVG 1.1 root: %s" % root.tag)
    background = "#ffffff"
    text_fill = root.get("fill")
    if contrast(text_fill, background) < 4.5:
        errors.append("text colour %s: contrast %.2f" % (text_fill, contrast(text_fill, background)))
    seen_rows = []
    col_sets = set()
    for g in root.iter(NS + "g"):
        if g.get("data-row") is None:
            continue
        i = int(g.get("data-i"))
        seen_rows.append(i)
        csvrow = body[i]
        cols = []
        values = set()
        prev = None
        for el in g:
            if el.tag == NS + "rect" and el.get("data-col") is not None:
                col = el.get("data-col")
                cols.append(col)
                want = csvrow[header.index(col)]
                got = el.get("data-value")
                if got != want:
                    errors.append("row %d (%s) column %s: figure %r, table %r"
                                  % (i, csvrow[0], col, got, want))
                values.add(got)
                fill = el.get("fill")
                if el.get("data-suppressed") != "1" and contrast(fill, background) < 4.5:
                    errors.append("bar colour %s: contrast %.2f" % (fill, contrast(fill, background)))
            if el.tag == NS + "text" and el.get("text-anchor") != "end":
                shown = el.text or ""
                value = shown.replace(",", ".") if lang == "nb" else shown
                if lang == "nb" and "." in shown and shown not in (".", ":"):
                    errors.append("row %d: label %r without the decimal comma" % (i, shown))
                if value not in values and not (value == "." and "" in values):
                    errors.append("row %d: label %r is none of the row's values %s" % (i, shown, sorted(values)))
                if el.get("fill") not in (None, "#ffffff") and contrast(el.get("fill"), background) < 4.5:
                    errors.append("row %d: label %r in %s: contrast %.2f"
                                  % (i, shown, el.get("fill"), contrast(el.get("fill"), background)))
                if el.get("fill") == "#ffffff":
                    if prev is None or prev.tag != NS + "rect" or contrast(prev.get("fill"), "#ffffff") < 4.5:
                        errors.append("row %d: white label %r not on a dark bar" % (i, shown))
            prev = el
        if not cols:
            errors.append("row %d has no bars" % i)
        col_sets.add(tuple(cols))
    totals = {k for k, r in enumerate(body)
              if r[0].lower().startswith("totalt") or r[0] in ("Hele landet", "hele-landet")}
    want_rows = [k for k in range(len(body)) if k not in totals or len(body) == 1]
    if sorted(seen_rows) != sorted(want_rows) and sorted(seen_rows) != list(range(len(body))):
        errors.append("rows drawn %s, table rows %s" % (seen_rows, want_rows))
    if len(col_sets) != 1:
        errors.append("rows have different series: %s" % col_sets)
    elif series is not None and list(next(iter(col_sets))) != series:
        errors.append("series %s, expected %s" % (next(iter(col_sets)), series))
    texts = [t.text or "" for t in root.iter(NS + "text")]
    labels = sorted(float(t.get("y")) for t in root.iter(NS + "text") if t.get("text-anchor") == "end")
    for a, b in zip(labels, labels[1:]):
        if b - a < 12:
            errors.append("row labels at y=%s and y=%s overlap" % (a, b))
    n = root.get("data-n")
    if ("N=%s" % n) not in texts:
        errors.append("no N=%s line" % n)
    source = "Kilde: Statistisk sentralbyrå" if lang == "nb" else "Source: Statistics Norway"
    if not any(t.startswith(source) for t in texts):
        errors.append("no source line %r" % source)
    axis = {"nb": ("Antall", "Prosent", "Verdi", "Antall virksomheter"),
            "en": ("Number", "Per cent", "Value", "Number of enterprises")}[lang]
    if not any(t in axis for t in texts):
        errors.append("no axis label")
    if root.get("data-figure"):
        word = "Figur " if lang == "nb" else "Figure "
        if not any(t.startswith(word + root.get("data-figure")) for t in texts):
            errors.append("no title %s%s" % (word, root.get("data-figure")))
    for e in errors[:20]:
        print("%s: %s" % (svg_path, e))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
