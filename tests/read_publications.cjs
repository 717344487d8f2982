// tests/read_publications.cjs — read libhjtj's publications with real
// clients and print what they see as JSON, for tests/check_publish.py:
//
//   node read_publications.cjs NODE_MODULES json FILE     (jsonstat-toolkit)
//   node read_publications.cjs NODE_MODULES px FILE...    (px, px.js)
//
// Nothing here interprets the files itself: every value comes from the
// client library's API.
'use strict';
const fs = require('fs');
const path = require('path');
const [modules, mode, ...files] = process.argv.slice(2);

function readDataset(ds) {
  const dims = ds.id.map((id) => {
    const d = ds.Dimension(id);
    return {
      id,
      label: d.label,
      role: d.role,
      categories: d.id.map((cid, i) => {
        const c = d.Category(i);
        return { id: cid, label: c.label, unit: c.unit || null };
      }),
    };
  });
  const data = [];
  for (let i = 0; i < ds.n; i++) {
    const d = ds.Data(i);
    data.push({ value: d.value, status: d.status });
  }
  return {
    label: ds.label, id: ds.id, size: ds.size, n: ds.n, dims, data,
    note: ds.note, source: ds.source, updated: ds.updated,
    role: ds.role, extension: ds.extension,
  };
}

if (mode === 'json') {
  const JSONstat = require(path.join(modules, 'jsonstat-toolkit'));
  const j = JSONstat(JSON.parse(fs.readFileSync(files[0], 'utf8')));
  if (j.class === 'collection') {
    const out = [];
    for (let i = 0; i < j.length; i++) out.push(readDataset(j.Dataset(i)));
    console.log(JSON.stringify({ class: j.class, label: j.label, datasets: out }));
  } else {
    console.log(JSON.stringify({ class: j.class, datasets: [readDataset(j)] }));
  }
} else if (mode === 'px') {
  const Px = require(path.join(modules, 'px'));
  const out = files.map((f) => {
    const p = new Px(fs.readFileSync(f, 'utf8'));
    const kw = {};
    for (const k of p.keywords()) kw[k] = p.keyword(k);
    const vars = p.variables();
    const counts = p.valCounts();
    // every datum through px.js's own indexing
    const data = [];
    const idx = counts.map(() => 0);
    const total = counts.reduce((a, b) => a * b, 1);
    for (let n = 0; n < total; n++) {
      data.push(p.datum(idx.slice()));
      for (let d = idx.length - 1; d >= 0; d--) {
        if (++idx[d] < counts[d]) break;
        idx[d] = 0;
      }
    }
    return {
      file: path.basename(f), keywords: kw, variables: vars, counts,
      values: vars.map((v, i) => p.values(i)), codes: vars.map((v, i) => p.codes(i)),
      ndata: p.data.length, data,
    };
  });
  console.log(JSON.stringify(out));
} else {
  console.error('usage: read_publications.cjs NODE_MODULES json|px FILE...');
  process.exit(2);
}
