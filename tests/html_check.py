#!/usr/bin/python3
"""html_check.py PAGE CSV LANG NTABLES — check an HTML page of hjtj-report.

CSV is `hjtj-report --all` output ('# Tabell ID' before each table).
- the page parses without a single error in html5lib's strict HTML5 parser;
- <html lang> is LANG; it loads nothing from outside: no script, link, img,
  iframe, object, embed, base or SVG image/use, no src attribute, every href
  a '#' anchor that exists, no 'http:'/'https:'/'url('/'@import' anywhere;
- it has NTABLES tables, each in a section whose heading names its id, with
  a <caption>, <th scope="col"> headings and a <th scope="row"> per row, and
  every value cell equal to the CSV's (decimal comma in Norwegian, '.' for a
  share of an empty base);
- every inline figure's bars carry the values of its section's table;
- the table of contents links every section; every section has its
  population sentence with N and the source line; tables with a known
  deviation from the report (5.1) have their note."""
import re
import sys

import html5lib

SVG = "{http://www.w3.org/2000/svg}"


def read_tables(path):
    tables, cur = {}, None
    import csv
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    block = []
    for line in lines + ["# Tabell end"]:
        if line.startswith("# Tabell "):
            if cur is not None:
                tables[cur] = list(csv.reader([l for l in block if l != ""]))
            cur, block = line[len("# Tabell "):], []
        else:
            block.append(line)
    return tables


def text(el):
    return "".join(el.itertext())


def local(tag):
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


def main():
    page, csv_path, lang, ntables = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    errors = []
    data = open(page, "rb").read()
    try:
        doc = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(data)
    except Exception as e:  # html5lib raises ParseError on the first error
        print("%s: not strict HTML5: %s" % (page, e))
        return 1
    raw = data.decode("utf-8")
    for pat in ("http:", "https:", "url(", "@import", "<script", "<link"):
        if pat in raw:
            errors.append("the page contains %r" % pat)
    if doc.get("lang") != lang:
        errors.append("html lang=%r" % doc.get("lang"))
    ids = {el.get("id") for el in doc.iter() if el.get("id")}
    for el in doc.iter():
        name = local(el.tag)
        if name in ("script", "link", "img", "iframe", "object", "embed", "base", "image",
                    "use", "audio", "video", "source", "foreignObject"):
            errors.append("element <%s>" % name)
        for attr, val in el.attrib.items():
            a = local(attr)
            if a == "src":
                errors.append("src=%r" % val)
            if a == "href" and not (val.startswith("#") and val[1:] in ids):
                errors.append("href=%r" % val)
    tables = read_tables(csv_path)
    sections = [s for s in doc.iter("section")]
    if len(sections) != ntables or len(list(doc.iter("table"))) != ntables:
        errors.append("%d sections, %d tables; expected %d"
                      % (len(sections), len(list(doc.iter("table"))), ntables))
    toc = [a.get("href")[1:] for a in doc.find(".//nav").iter("a")]
    if toc != [s.get("id") for s in sections]:
        errors.append("table of contents %s does not list the sections" % toc[:5])
    word = "Tabell " if lang == "nb" else "Table "
    for sec in sections:
        h2 = text(sec.find("h2"))
        m = re.match(re.escape(word) + r"(\S+) ", h2)
        if not m or m.group(1) not in tables:
            errors.append("section heading %r names no table of the CSV" % h2)
            continue
        tid = m.group(1)
        rows = tables[tid]
        table = sec.find(".//table")
        if table.find("caption") is None or "N=" not in text(table.find("caption")):
            errors.append("%s: no caption with N" % tid)
        heads = table.find("thead").findall(".//th")
        if len(heads) != len(rows[0]) or any(th.get("scope") != "col" for th in heads):
            errors.append("%s: header cells %d (CSV %d) or scope" % (tid, len(heads), len(rows[0])))
        body = table.find("tbody").findall("tr")
        if len(body) != len(rows) - 1:
            errors.append("%s: %d rows, CSV %d" % (tid, len(body), len(rows) - 1))
        for i, tr in enumerate(body):
            cells = list(tr)
            if cells[0].tag != "th" or cells[0].get("scope") != "row":
                errors.append("%s row %d: no row header" % (tid, i))
            for j, cell in enumerate(cells):
                if cell.tag != "td":
                    continue
                shown = text(cell)
                want = rows[i + 1][j]
                got = shown.replace(",", ".") if lang == "nb" and re.fullmatch(r"-?\d+,\d+", shown) else shown
                if lang == "nb" and re.fullmatch(r"-?\d+\.\d+", shown):
                    errors.append("%s row %d col %d: %r without the decimal comma" % (tid, i, j, shown))
                if got == "." and want == "":
                    continue
                if got != want:
                    errors.append("%s row %d col %d: page %r, CSV %r" % (tid, i, j, shown, want))
        for svg in sec.iter(SVG + "svg"):
            for g in svg.iter(SVG + "g"):
                if g.get("data-i") is None:
                    continue
                r = rows[int(g.get("data-i")) + 1]
                for rect in g.iter(SVG + "rect"):
                    col = rect.get("data-col")
                    if col is not None and rect.get("data-value") != r[rows[0].index(col)]:
                        errors.append("%s figure row %s %s: %r, CSV %r" % (
                            tid, g.get("data-i"), col, rect.get("data-value"), r[rows[0].index(col)]))
        pop = [p for p in sec.iter("p") if p.get("class") == "pop"]
        if len(pop) != 1 or not re.search(r"N=(\d+|:)\.$", text(pop[0])):
            errors.append("%s: population sentence" % tid)
        src = "Kilde: Statistisk sentralbyrå" if lang == "nb" else "Source: Statistics Norway"
        if not any(p.get("class") == "src" and text(p).startswith(src) for p in sec.iter("p")):
            errors.append("%s: source line" % tid)
        if tid == "5.1" and not any(p.get("class") == "note" for p in sec.iter("p")):
            errors.append("5.1: no note on the report's 281")
    for e in errors[:30]:
        print("%s: %s" % (page, e))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
