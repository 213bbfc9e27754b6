#!/usr/bin/env python3
"""Checks printed SOP documents (from SOPDocumentHTML) in a real browser: headless Chromium.

For each HTML file, a copy with a small script injected is loaded with
`chromium --headless --dump-dom`; the script measures the laid-out page with
getBoundingClientRect and writes a JSON verdict into the DOM, which is read back here.
Only the Python standard library and the Chromium binary are used.

Checked in the browser's layout:
  - one table row per step, each exactly as tall and as far down as the Swift layout computed
    (a row that grew means its text did not fit, and the flowchart would be misplaced);
  - one symbol per performer of a step in that step's row, inside that performer's cell;
  - a Mulai and a Selesai terminator; every decision exit has its outcome label;
  - both ends of every arrow lie on (within 2px of) the bounding box of the symbols it joins;
  - no symbol overlaps the text of another column, no arrow crosses text or a symbol it does not
    join, and no outcome label overlaps a symbol, text or another arrow;
  - off-page connectors come in lettered pairs exactly when the table has more than one page.
With --pdf, each document is also printed to PDF and must have the identity section's pages
plus exactly one page per procedure page (so no procedure page spills onto a second sheet).

Added for issue 15 (what a reader of the printed page sees):
  - no outcome label crossed by any line (an arrow, its own included, or a grid line of the table);
  - no two arrows sharing a segment; at most one arrowhead per side of a symbol; every crossing of
    two arrows drawn with a bridge (a hop);
  - no arrow running along a grid line within 2 mm of it (it reads as a doubled border);
  - no placeholder text ("LOGO", ...); at least 25 mm blank in the signing block;
  - every procedure page has a running header with the SOP's name and Nomor and a column-number row;
  - no type below 8 pt on A4 (7.5 pt on F4);
  - off-page connectors: one outgoing and one incoming per letter, drawn differently, lettered in
    reading order; alternative performers (salah satu) not drawn as a chain;
  - with --pdf: every PDF page says "Halaman x dari y" (read back with pdftotext).
With --png DIR (implies --pdf) the PDF's pages are also written to DIR as PNG (pdftoppm, 80 dpi).

With --known FILE, the findings listed there ("NAME.html: problem", one a line) are reported but do
not fail, and a listed finding that no longer occurs fails: the list of known findings only shrinks.

Usage: check-document.py [--chromium PATH] [--pdf] [--png DIR] [--known FILE] FILE.html...
Chromium: --chromium, else $SOP_CHROMIUM, else chromium / chromium-browser / google-chrome on PATH.
Exit status: 0 when every document passes, 1 otherwise, 2 on a usage error.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHECK_SCRIPT = r"""
<script>
(function () {
  var problems = [];
  var stats = {};
  function fail(msg) { if (problems.length < 200) problems.push(msg); }
  function rect(el) { var r = el.getBoundingClientRect(); return {l: r.left, t: r.top, r: r.right, b: r.bottom}; }
  function inflate(r, d) { return {l: r.l - d, t: r.t - d, r: r.r + d, b: r.b + d}; }
  function intersects(a, b) { return a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b; }
  function area(r) { return Math.max(0, r.r - r.l) * Math.max(0, r.b - r.t); }
  function distToBox(p, r) {
    var inside = p.x >= r.l && p.x <= r.r && p.y >= r.t && p.y <= r.b;
    if (inside) return Math.min(p.x - r.l, r.r - p.x, p.y - r.t, r.b - p.y);
    var dx = Math.max(r.l - p.x, 0, p.x - r.r), dy = Math.max(r.t - p.y, 0, p.y - r.b);
    return Math.sqrt(dx * dx + dy * dy);
  }
  function segmentHitsBox(a, b, r) {
    // Segments are horizontal or vertical.
    if (Math.abs(a.y - b.y) < 0.01) {
      return a.y > r.t && a.y < r.b && Math.max(a.x, b.x) > r.l && Math.min(a.x, b.x) < r.r;
    }
    return a.x > r.l && a.x < r.r && Math.max(a.y, b.y) > r.t && Math.min(a.y, b.y) < r.b;
  }
  function textRects(root) {
    var out = [];
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, null);
    var node;
    while ((node = walker.nextNode())) {
      if (!node.nodeValue.trim()) continue;
      var range = document.createRange();
      range.selectNodeContents(node);
      var rs = range.getClientRects();
      for (var i = 0; i < rs.length; i++) {
        if (rs[i].width > 0 && rs[i].height > 0) out.push({l: rs[i].left, t: rs[i].top, r: rs[i].right, b: rs[i].bottom, text: node.nodeValue.trim().slice(0, 30)});
      }
    }
    return out;
  }
  function pointsOf(poly) {
    var svg = poly.ownerSVGElement.getBoundingClientRect();
    var pts = [];
    for (var i = 0; i < poly.points.numberOfItems; i++) {
      var p = poly.points.getItem(i);
      pts.push({x: svg.left + p.x, y: svg.top + p.y});
    }
    return pts;
  }

  var body = document.body;
  var steps = parseInt(body.getAttribute('data-steps'), 10);
  var pages = parseInt(body.getAttribute('data-pages'), 10);
  var rows = document.querySelectorAll('tr.langkah');
  stats.rows = rows.length; stats.pages = pages;
  if (rows.length !== steps) fail('expected ' + steps + ' step rows, found ' + rows.length);
  if (document.querySelectorAll('section.prosedur').length !== pages) fail('expected ' + pages + ' procedure pages');

  // Row geometry: the browser must lay rows out exactly where the Swift layout put them.
  rows.forEach(function (tr) {
    var sheet = tr.closest('.lembar').getBoundingClientRect();
    var r = tr.getBoundingClientRect();
    var n = tr.getAttribute('data-row');
    var y = parseFloat(tr.getAttribute('data-y')), h = parseFloat(tr.getAttribute('data-h'));
    if (Math.abs((r.top - sheet.top) - y) > 1) fail('row ' + n + ' starts at ' + (r.top - sheet.top).toFixed(1) + 'px, layout expected ' + y);
    if (Math.abs(r.height - h) > 1) fail('row ' + n + ' is ' + r.height.toFixed(1) + 'px tall, layout expected ' + h + ' (its text does not fit)');
  });
  document.querySelectorAll('.lembar').forEach(function (sheet) {
    var table = sheet.querySelector('table.prosedur');
    if (table.getBoundingClientRect().bottom > sheet.getBoundingClientRect().bottom + 0.5) fail('a procedure table overflows its page');
  });

  // Symbols: one per performer of each step, inside that performer's cell of the step's row.
  var symbols = Array.prototype.slice.call(document.querySelectorAll('[data-symbol]'));
  stats.symbols = symbols.length;
  var boxes = {};
  // The box of a symbol is its shape (a connector's caption or a capsule's text is not part of it).
  symbols.forEach(function (s) { boxes[s.id] = rect(s.tagName.toLowerCase() === 'g' ? (s.querySelector('polygon, rect') || s) : s); });
  rows.forEach(function (tr) {
    var n = tr.getAttribute('data-row');
    var performers = (tr.getAttribute('data-performers') || '').split(' ').filter(function (x) { return x; });
    var own = symbols.filter(function (s) { return s.getAttribute('data-row') === n && !s.hasAttribute('data-generated'); });
    // A symbol standing for alternative performers (salah satu) carries them all in data-performers
    // and spans their cells.
    function standsFor(s) { return (s.getAttribute('data-performers') || s.getAttribute('data-performer') || '').split(' '); }
    var spanning = own.some(function (s) { return s.hasAttribute('data-performers'); });
    var expected = spanning ? 1 : Math.max(1, performers.length);
    if (own.length !== expected) fail('row ' + n + ' has ' + own.length + ' symbols, expected ' + expected);
    performers.forEach(function (p) {
      var found = own.filter(function (s) { return standsFor(s).indexOf(p) >= 0; });
      if (found.length !== 1) fail('row ' + n + ': ' + found.length + ' symbols for performer ' + p);
    });
    symbols.filter(function (s) { return s.getAttribute('data-row') === n && s.getAttribute('data-symbol') !== 'connector'; }).forEach(function (s) {
      var cells = standsFor(s).map(function (p) { return tr.querySelector('td[data-performer="' + p + '"]'); }).filter(function (c) { return c; });
      if (!cells.length) { fail('symbol ' + s.id + ' has no cell'); return; }
      var c = inflate(cells.map(rect).reduce(function (a, b) { return {l: Math.min(a.l, b.l), t: Math.min(a.t, b.t), r: Math.max(a.r, b.r), b: Math.max(a.b, b.b)}; }), 0.5), b = boxes[s.id];
      if (b.l < c.l || b.r > c.r || b.t < c.t || b.b > c.b) fail('symbol ' + s.id + ' sticks out of its cell in row ' + n);
    });
  });
  var labels = {};
  symbols.forEach(function (s) {
    if (s.getAttribute('data-symbol') === 'terminator') { var tx = s.querySelector('text'); if (tx) labels[tx.textContent.trim()] = true; }
  });
  if (!labels['Mulai']) fail('no Mulai terminator');
  if (!labels['Selesai']) fail('no Selesai terminator');

  // Text of the table (everything but the performer cells) and the symbols must not overlap.
  var texts = [];
  document.querySelectorAll('table.prosedur').forEach(function (t) { texts = texts.concat(textRects(t)); });
  symbols.forEach(function (s) {
    texts.forEach(function (t) {
      if (intersects(inflate(boxes[s.id], -0.5), t)) fail('symbol ' + s.id + ' overlaps the text "' + t.text + '"');
    });
    symbols.forEach(function (o) {
      if (o !== s && o.id < s.id && intersects(inflate(boxes[s.id], -0.5), inflate(boxes[o.id], -0.5))) fail('symbols ' + s.id + ' and ' + o.id + ' overlap');
    });
  });

  // Arrows: ends on the symbols they join; no crossing of text, other symbols or labels.
  var arrows = Array.prototype.slice.call(document.querySelectorAll('g[data-arrow]'));
  stats.arrows = arrows.length;
  var labelBoxes = [];
  arrows.forEach(function (g, i) {
    g.querySelectorAll('text.label').forEach(function (t) { labelBoxes.push({box: rect(t), arrow: i, text: t.textContent}); });
  });
  arrows.forEach(function (g, i) {
    var from = g.getAttribute('data-from'), to = g.getAttribute('data-to');
    var name = 'arrow ' + from + ' -> ' + to;
    if (!boxes[from] || !boxes[to]) { fail(name + ' joins a missing symbol'); return; }
    var pts = pointsOf(g.querySelector('polyline'));
    if (pts.length < 2) { fail(name + ' has no path'); return; }
    var d0 = distToBox(pts[0], boxes[from]), d1 = distToBox(pts[pts.length - 1], boxes[to]);
    if (d0 > 2) fail(name + ' starts ' + d0.toFixed(1) + 'px from its source symbol');
    if (d1 > 2) fail(name + ' ends ' + d1.toFixed(1) + 'px from its target symbol');
    for (var k = 0; k + 1 < pts.length; k++) {
      var a = pts[k], b = pts[k + 1];
      if (Math.abs(a.x - b.x) > 0.01 && Math.abs(a.y - b.y) > 0.01) fail(name + ' has a slanted segment');
      texts.forEach(function (t) { if (segmentHitsBox(a, b, inflate(t, -0.5))) fail(name + ' crosses the text "' + t.text + '"'); });
      symbols.forEach(function (s) {
        if (s.id === from || s.id === to) return;
        if (segmentHitsBox(a, b, inflate(boxes[s.id], -1))) fail(name + ' crosses symbol ' + s.id);
      });
      labelBoxes.forEach(function (l) {
        if (l.arrow !== i && segmentHitsBox(a, b, inflate(l.box, -0.5))) fail(name + ' crosses the label "' + l.text + '"');
      });
    }
  });
  labelBoxes.forEach(function (l) {
    symbols.forEach(function (s) { if (intersects(inflate(l.box, -0.5), boxes[s.id])) fail('label "' + l.text + '" overlaps symbol ' + s.id); });
    texts.forEach(function (t) { if (intersects(inflate(l.box, -0.5), t)) fail('label "' + l.text + '" overlaps the text "' + t.text + '"'); });
  });

  // Decision exits are labelled.
  symbols.filter(function (s) { return s.getAttribute('data-symbol') === 'decision'; }).forEach(function (s) {
    var exits = arrows.filter(function (g) { return g.getAttribute('data-from') === s.id && g.getAttribute('data-arrow') !== 'performer'; });
    if (exits.length < 2) fail('decision ' + s.id + ' has ' + exits.length + ' exits');
    exits.forEach(function (g) {
      var t = g.querySelector('text.label');
      if (!g.getAttribute('data-outcome') || !t || !t.textContent.trim()) fail('an exit of decision ' + s.id + ' has no label');
    });
  });

  // Off-page connectors: lettered pairs, only on a multi-page table.
  var connectors = symbols.filter(function (s) { return s.getAttribute('data-symbol') === 'connector'; });
  stats.connectors = connectors.length;
  if (pages === 1 && connectors.length) fail('a one-page table has connectors');
  var letters = {};
  connectors.forEach(function (c) { var l = c.getAttribute('data-connector'); letters[l] = (letters[l] || 0) + 1; });
  Object.keys(letters).forEach(function (l) { if (letters[l] !== 2) fail('connector ' + l + ' appears ' + letters[l] + ' times'); });

  // How many printed pages the identity section takes (the procedure pages are one each).
  var identity = document.querySelector('section.identitas');
  var pageHeight = parseFloat(body.getAttribute('data-page-height'));
  if (identity && pageHeight > 0) {
    var kids = identity.children, top = Infinity, bottom = -Infinity;
    for (var i = 0; i < kids.length; i++) { var r = kids[i].getBoundingClientRect(); top = Math.min(top, r.top); bottom = Math.max(bottom, r.bottom); }
    stats.identityPages = Math.max(1, Math.ceil((bottom - top) / pageHeight));
  }

  // ---- What a reader sees (issue 15): each check below names the finding it guards. ----
  var paper = body.getAttribute('data-paper') || 'a4';
  var mm = 96 / 25.4;
  // The grid lines of the procedure tables, as segments (from the cells of the step rows and bands).
  var gridV = [], gridH = [];
  document.querySelectorAll('table.prosedur tbody td').forEach(function (td) {
    var r = rect(td);
    gridV.push({x: r.l, a: r.t, b: r.b}); gridV.push({x: r.r, a: r.t, b: r.b});
    gridH.push({y: r.t, a: r.l, b: r.r}); gridH.push({y: r.b, a: r.l, b: r.r});
  });
  function segmentsOf(g) {
    var pts = pointsOf(g.querySelector('polyline')), out = [];
    for (var k = 0; k + 1 < pts.length; k++) out.push({a: pts[k], b: pts[k + 1]});
    return out;
  }
  var paths = arrows.map(function (g) { return {g: g, name: 'arrow ' + g.getAttribute('data-from') + ' -> ' + g.getAttribute('data-to'), segs: segmentsOf(g)}; });
  // Labels crossed by a line: any arrow (its own included) or a grid line of the table.
  labelBoxes.forEach(function (l) {
    var box = inflate(l.box, -0.5);
    paths.forEach(function (p) { p.segs.forEach(function (s) { if (segmentHitsBox(s.a, s.b, box)) fail('label "' + l.text + '" is crossed by ' + p.name); }); });
    var grid = false;
    gridV.forEach(function (v) { if (v.x > box.l && v.x < box.r && v.b > box.t && v.a < box.b) grid = true; });
    gridH.forEach(function (h) { if (h.y > box.t && h.y < box.b && h.b > box.l && h.a < box.r) grid = true; });
    if (grid) fail('label "' + l.text + '" is crossed by a grid line of the table');
  });
  // Two arrows sharing a segment (running along each other for more than 2 px).
  function overlap(a1, a2, b1, b2) { return Math.min(Math.max(a1, a2), Math.max(b1, b2)) - Math.max(Math.min(a1, a2), Math.min(b1, b2)); }
  var shared = 0;
  for (var i = 0; i < paths.length; i++) for (var j = i + 1; j < paths.length; j++) {
    paths[i].segs.forEach(function (s) { paths[j].segs.forEach(function (t) {
      var sv = Math.abs(s.a.x - s.b.x) < 0.01, tv = Math.abs(t.a.x - t.b.x) < 0.01;
      var sh = Math.abs(s.a.y - s.b.y) < 0.01, th = Math.abs(t.a.y - t.b.y) < 0.01;
      var hit = (sv && tv && Math.abs(s.a.x - t.a.x) < 1 && overlap(s.a.y, s.b.y, t.a.y, t.b.y) > 2) ||
                (sh && th && Math.abs(s.a.y - t.a.y) < 1 && overlap(s.a.x, s.b.x, t.a.x, t.b.x) > 2);
      if (hit && shared++ < 20) fail(paths[i].name + ' and ' + paths[j].name + ' share a segment');
    }); });
  }
  // Crossings: every place one arrow crosses another carries a bridge (a hop), so it does not read as a junction.
  var bridges = Array.prototype.map.call(document.querySelectorAll('g.jembatan'), function (b) {
    var svg = b.ownerSVGElement.getBoundingClientRect();
    return {x: svg.left + parseFloat(b.getAttribute('data-x')), y: svg.top + parseFloat(b.getAttribute('data-y'))};
  });
  var unbridged = 0;
  for (var i = 0; i < paths.length; i++) for (var j = 0; j < paths.length; j++) {
    if (i === j) continue;
    paths[i].segs.forEach(function (h) { paths[j].segs.forEach(function (v) {
      if (Math.abs(h.a.y - h.b.y) > 0.01 || Math.abs(v.a.x - v.b.x) > 0.01) return;
      var x = v.a.x, y = h.a.y;
      if (!(x > Math.min(h.a.x, h.b.x) + 2 && x < Math.max(h.a.x, h.b.x) - 2 && y > Math.min(v.a.y, v.b.y) + 2 && y < Math.max(v.a.y, v.b.y) - 2)) return;
      var bridged = bridges.some(function (b) { return Math.abs(b.x - x) < 1 && Math.abs(b.y - y) < 1; });
      if (!bridged && unbridged++ < 20) fail(paths[i].name + ' crosses ' + paths[j].name + ' without a bridge');
    }); });
  }
  // At most one arrowhead per side of a symbol.
  var heads = {};
  paths.forEach(function (p) {
    var to = p.g.getAttribute('data-to'), box = boxes[to];
    if (!box || !p.segs.length) return;
    var last = p.segs[p.segs.length - 1], tip = last.b;
    var d = {top: Math.abs(tip.y - box.t), bottom: Math.abs(tip.y - box.b), left: Math.abs(tip.x - box.l), right: Math.abs(tip.x - box.r)};
    if (Math.abs(last.a.x - last.b.x) < 0.01) { d.left = d.right = Infinity; } else { d.top = d.bottom = Infinity; }
    var side = Object.keys(d).sort(function (x, y) { return d[x] - d[y]; })[0];
    var key = to + ' ' + side;
    heads[key] = (heads[key] || 0) + 1;
    if (heads[key] === 2) fail('two arrowheads enter the ' + side + ' of symbol ' + to);
  });
  // Lines within 2 mm of a grid line, running along it (they read as a doubled border).
  var hugging = 0;
  paths.forEach(function (p) {
    p.segs.forEach(function (s) {
      var vertical = Math.abs(s.a.x - s.b.x) < 0.01;
      var along = vertical ? gridV.filter(function (v) { var d = Math.abs(v.x - s.a.x); return d < 2 * mm && overlap(s.a.y, s.b.y, v.a, v.b) > 3; })
                           : gridH.filter(function (h) { var d = Math.abs(h.y - s.a.y); return d < 2 * mm && overlap(s.a.x, s.b.x, h.a, h.b) > 3; });
      if (along.length && hugging++ < 20) {
        var d = vertical ? Math.abs(along[0].x - s.a.x) : Math.abs(along[0].y - s.a.y);
        fail(p.name + ' runs ' + (d / mm).toFixed(1) + ' mm beside a grid line');
      }
    });
  });
  // Placeholder text a signed document must not carry.
  var visible = identity ? identity.innerText : '';
  document.querySelectorAll('section.prosedur').forEach(function (s) { visible += '\n' + s.innerText; });
  ['LOGO', 'Tempat logo', 'Lorem ipsum', 'TODO', 'XXX'].forEach(function (word) {
    if (new RegExp('(^|[^A-Za-z])' + word + '([^A-Za-z]|$)', 'i').test(visible)) fail('placeholder text "' + word + '" is printed');
  });
  // Room to sign: at least 25 mm of blank for the signature and the office stamp.
  var signing = document.querySelector('[data-field="disahkan-oleh"]');
  if (signing) {
    var blank = signing.querySelector('.ttd');
    var room = blank ? blank.getBoundingClientRect().height : 0;
    if (room < 25 * mm - 0.5) fail('the signing block leaves ' + (room / mm).toFixed(1) + ' mm for signature and stamp, less than 25 mm');
  }
  // Every procedure page: a running header with the SOP's name and Nomor, and a column-number row.
  var sopName = (document.title || '').replace(/^SOP\s+/, '').trim().toUpperCase();
  var nomorCell = document.querySelector('[data-field="nomor"]');
  var nomor = nomorCell ? nomorCell.textContent.trim() : '-';
  document.querySelectorAll('section.prosedur').forEach(function (s) {
    var n = s.getAttribute('data-page');
    var head = s.querySelector('.kepala-halaman');
    var text = head ? head.textContent.replace(/\s+/g, ' ').toUpperCase() : '';
    if (!head || text.indexOf(sopName) < 0) fail('procedure page ' + n + ' has no running header with the SOP\'s name');
    else if (nomor !== '-' && text.indexOf(nomor.replace(/\s+/g, ' ').toUpperCase()) < 0) fail('procedure page ' + n + '\'s header lacks the Nomor');
    var table = s.querySelector('table.prosedur'), cols = table ? table.querySelectorAll('colgroup col').length : 0;
    var numbered = Array.prototype.some.call(s.querySelectorAll('thead tr'), function (tr) {
      var cells = Array.prototype.map.call(tr.children, function (c) { return c.textContent.trim(); });
      return cells.length === cols && cells.every(function (c, k) { return c === String(k + 1); });
    });
    if (!numbered) fail('procedure page ' + n + ' has no column-number row');
  });
  // Type size: nothing below 8 pt on A4, 7.5 pt on F4 (CSS px at 96 dpi; 1 pt = 4/3 px).
  var minimum = (paper === 'f4' ? 7.5 : 8) * 4 / 3, small = {};
  document.querySelectorAll('section.halaman *').forEach(function (el) {
    var own = Array.prototype.some.call(el.childNodes, function (c) { return c.nodeType === 3 && c.nodeValue.trim(); });
    if (!own) return;
    var size = parseFloat(getComputedStyle(el).fontSize);
    if (size < minimum - 0.01) { var key = (size * 0.75).toFixed(2) + ' pt (' + el.tagName.toLowerCase() + (el.getAttribute('class') ? '.' + el.getAttribute('class') : '') + ')'; small[key] = true; }
  });
  Object.keys(small).forEach(function (k) { fail('type below ' + (minimum * 0.75) + ' pt: ' + k); });
  // Off-page connectors: outgoing and incoming drawn distinctly, lettered in reading order.
  var byLetter = {};
  connectors.forEach(function (c) { (byLetter[c.getAttribute('data-connector')] = byLetter[c.getAttribute('data-connector')] || []).push(c); });
  Object.keys(byLetter).forEach(function (l) {
    var roles = byLetter[l].map(function (c) { return c.getAttribute('data-arah'); }).sort().join(',');
    if (roles !== 'keluar,masuk') fail('connector ' + l + ' is not drawn as one outgoing and one incoming (' + roles + ')');
    else {
      var shapes = byLetter[l].map(function (c) { var p = c.querySelector('polygon'), b = rect(c); return pointsOf(p).map(function (q) { return Math.round(q.x - b.l) + ',' + Math.round(q.y - b.t); }).join(' ') + (c.textContent || ''); });
      if (shapes[0] === shapes[1]) fail('connector ' + l + ' looks the same going out and coming in');
    }
  });
  var firsts = Object.keys(byLetter).map(function (l) {
    var out = byLetter[l].filter(function (c) { return c.getAttribute('data-arah') !== 'masuk'; })[0] || byLetter[l][0];
    var page = parseInt(out.closest('section.prosedur').getAttribute('data-page'), 10), b = rect(out);
    return {l: l, key: [page, Math.round(b.t), Math.round(b.l)]};
  });
  firsts.sort(function (a, b) { for (var k = 0; k < 3; k++) if (a.key[k] !== b.key[k]) return a.key[k] - b.key[k]; return 0; });
  var reading = firsts.map(function (f) { return f.l; }).join(''), alphabetical = firsts.map(function (f) { return f.l; }).sort(function (a, b) { return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0); }).join('');
  if (reading !== alphabetical) fail('connector letters are out of reading order: ' + reading);
  // Alternative performers (salah_satu) are not drawn as a chain.
  rows.forEach(function (tr) {
    var alternatives = tr.getAttribute('data-mode') === 'salah_satu' || tr.textContent.indexOf('Dilaksanakan oleh salah satu') >= 0;
    if (!alternatives) return;
    var n = tr.getAttribute('data-row');
    var chain = arrows.filter(function (g) { return g.getAttribute('data-arrow') === 'performer' && document.getElementById(g.getAttribute('data-from')) && document.getElementById(g.getAttribute('data-from')).getAttribute('data-row') === n; });
    if (chain.length) fail('row ' + n + ': alternative performers (salah satu) are drawn as a chain of ' + (chain.length + 1));
  });

  var pre = document.createElement('pre');
  pre.id = 'sop-verdict';
  pre.textContent = JSON.stringify({ok: problems.length === 0, problems: problems, stats: stats});
  document.body.appendChild(pre);
})();
</script>
"""


def find_chromium(explicit):
    if explicit:
        return explicit
    env = os.environ.get("SOP_CHROMIUM")
    if env:
        return env
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(chromium, args, timeout=120):
    base = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--no-first-run", "--disable-extensions", "--window-size=1600,1200"]
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(base + ["--user-data-dir=" + profile] + args, capture_output=True, text=True, timeout=timeout)


def check_layout(chromium, path, workdir):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if "</body>" not in text:
        return ["not an SOP document (no </body>)"], {}
    probe = os.path.join(workdir, os.path.basename(path))
    with open(probe, "w", encoding="utf-8") as f:
        f.write(text.replace("</body>", CHECK_SCRIPT + "</body>", 1))
    result = run_chromium(chromium, ["--dump-dom", "--virtual-time-budget=5000", "file://" + os.path.abspath(probe)])
    match = re.search(r'<pre id="sop-verdict">(.*?)</pre>', result.stdout, re.S)
    if not match:
        return ["the browser produced no verdict (exit %d): %s" % (result.returncode, result.stderr.strip()[-400:])], {}
    verdict = json.loads(html.unescape(match.group(1)))
    return verdict["problems"], verdict["stats"]


def check_pdf(chromium, path, workdir, identity_pages, procedure_pages, png_dir=None):
    pdf = os.path.join(workdir, os.path.basename(path) + ".pdf")
    result = run_chromium(chromium, ["--print-to-pdf=" + pdf, "--no-pdf-header-footer", "file://" + os.path.abspath(path)])
    if not os.path.exists(pdf):
        return ["printing to PDF failed (exit %d): %s" % (result.returncode, result.stderr.strip()[-400:])]
    with open(pdf, "rb") as f:
        data = f.read()
    if not data.startswith(b"%PDF"):
        return ["the PDF does not start with %PDF"]
    problems = []
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    expected = identity_pages + procedure_pages
    if pages != expected:
        problems.append("the PDF has %d pages, expected %d (%d identity + %d procedure)" % (pages, expected, identity_pages, procedure_pages))
    # Every printed page carries "Halaman x dari y" (in the page margin, from the print stylesheet).
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        for k in range(1, pages + 1):
            text = subprocess.run([pdftotext, "-layout", "-f", str(k), "-l", str(k), pdf, "-"],
                                  capture_output=True, text=True, timeout=60).stdout
            if not re.search(r"Halaman\s+%d\s+dari\s+%d\b" % (k, pages), text):
                problems.append("PDF page %d does not say \"Halaman %d dari %d\"" % (k, k, pages))
    else:
        problems.append("pdftotext not found (apt-get install poppler-utils): page numbers not checked")
    if png_dir:
        pdftoppm = shutil.which("pdftoppm")
        if pdftoppm:
            os.makedirs(png_dir, exist_ok=True)
            stem = os.path.join(png_dir, os.path.splitext(os.path.basename(path))[0])
            subprocess.run([pdftoppm, "-r", "80", "-png", pdf, stem], capture_output=True, timeout=300)
    return problems


def main(argv):
    args = argv[1:]
    explicit = None
    pdf = False
    png_dir = None
    known_file = None
    files = []
    while args:
        a = args.pop(0)
        if a == "--chromium" and args:
            explicit = args.pop(0)
        elif a == "--pdf":
            pdf = True
        elif a == "--known" and args:
            known_file = args.pop(0)
        elif a == "--png" and args:
            pdf = True
            png_dir = args.pop(0)
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            files.append(a)
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    chromium = find_chromium(explicit)
    if not chromium or not (os.path.isfile(chromium) and os.access(chromium, os.X_OK)) and not shutil.which(chromium):
        print("Chromium not found (%s); install it with `apt-get install chromium` or set SOP_CHROMIUM" % (chromium or "not set"),
              file=sys.stderr)
        return 2
    # Known findings (not yet fixed) are listed as "FILE.html: problem"; they are reported but do not
    # fail, and one that no longer occurs fails, so the list can only shrink.
    known = set()
    if known_file:
        with open(known_file, encoding="utf-8") as f:
            known = {line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")}
    seen = set()
    failed = 0
    with tempfile.TemporaryDirectory() as workdir:
        for path in files:
            try:
                problems, stats = check_layout(chromium, path, workdir)
                if pdf:
                    problems += check_pdf(chromium, path, workdir, stats.get("identityPages", 1), stats.get("pages", 1), png_dir)
            except (OSError, subprocess.TimeoutExpired, ValueError) as error:
                problems, stats = ["could not check: %s" % error], {}
            summary = ", ".join("%s %s" % (k, stats[k]) for k in sorted(stats))
            name = os.path.basename(path)
            listed = [p for p in problems if "%s: %s" % (name, p) in known]
            seen.update("%s: %s" % (name, p) for p in listed)
            problems = [p for p in problems if p not in listed]
            for p in listed:
                print("%s: known, not yet fixed: %s" % (path, p))
            if problems:
                failed += 1
                print("%s: FAILED (%s)" % (path, summary))
                for p in problems:
                    print("  - " + p)
            else:
                print("%s: ok (%s)" % (path, summary))
    checked = {os.path.basename(p) for p in files}
    for line in sorted(known - seen):
        if line.split(": ", 1)[0] in checked:
            failed += 1
            print("known finding no longer occurs (remove it from %s): %s" % (known_file, line))
    print("%d checked, %d failed" % (len(files), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
