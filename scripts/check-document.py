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

Usage: check-document.py [--chromium PATH] [--pdf] FILE.html...
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
  symbols.forEach(function (s) { boxes[s.id] = rect(s); });
  rows.forEach(function (tr) {
    var n = tr.getAttribute('data-row');
    var performers = (tr.getAttribute('data-performers') || '').split(' ').filter(function (x) { return x; });
    var own = symbols.filter(function (s) { return s.getAttribute('data-row') === n && !s.hasAttribute('data-generated'); });
    var expected = Math.max(1, performers.length);
    if (own.length !== expected) fail('row ' + n + ' has ' + own.length + ' symbols, expected ' + expected);
    performers.forEach(function (p) {
      var found = own.filter(function (s) { return s.getAttribute('data-performer') === p; });
      if (found.length !== 1) fail('row ' + n + ': ' + found.length + ' symbols for performer ' + p);
    });
    symbols.filter(function (s) { return s.getAttribute('data-row') === n && s.getAttribute('data-symbol') !== 'connector'; }).forEach(function (s) {
      var cell = tr.querySelector('td[data-performer="' + s.getAttribute('data-performer') + '"]');
      if (!cell) { fail('symbol ' + s.id + ' has no cell'); return; }
      var c = inflate(rect(cell), 0.5), b = boxes[s.id];
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


def check_pdf(chromium, path, workdir, identity_pages, procedure_pages):
    pdf = os.path.join(workdir, os.path.basename(path) + ".pdf")
    result = run_chromium(chromium, ["--print-to-pdf=" + pdf, "--no-pdf-header-footer", "file://" + os.path.abspath(path)])
    if not os.path.exists(pdf):
        return ["printing to PDF failed (exit %d): %s" % (result.returncode, result.stderr.strip()[-400:])]
    with open(pdf, "rb") as f:
        data = f.read()
    if not data.startswith(b"%PDF"):
        return ["the PDF does not start with %PDF"]
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    expected = identity_pages + procedure_pages
    if pages != expected:
        return ["the PDF has %d pages, expected %d (%d identity + %d procedure)" % (pages, expected, identity_pages, procedure_pages)]
    return []


def main(argv):
    args = argv[1:]
    explicit = None
    pdf = False
    files = []
    while args:
        a = args.pop(0)
        if a == "--chromium" and args:
            explicit = args.pop(0)
        elif a == "--pdf":
            pdf = True
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
    failed = 0
    with tempfile.TemporaryDirectory() as workdir:
        for path in files:
            try:
                problems, stats = check_layout(chromium, path, workdir)
                if pdf and not problems:
                    problems = check_pdf(chromium, path, workdir, stats.get("identityPages", 1), stats.get("pages", 1))
            except (OSError, subprocess.TimeoutExpired, ValueError) as error:
                problems, stats = ["could not check: %s" % error], {}
            summary = ", ".join("%s %s" % (k, stats[k]) for k in sorted(stats))
            if problems:
                failed += 1
                print("%s: FAILED (%s)" % (path, summary))
                for p in problems:
                    print("  - " + p)
            else:
                print("%s: ok (%s)" % (path, summary))
    print("%d checked, %d failed" % (len(files), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
