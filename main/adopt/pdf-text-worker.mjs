// The positioned text of a PDF's pages, and the straight rules they draw, read by pdfjs-dist in a
// worker thread. Plain JavaScript started without the TypeScript loader: pdfjs's 3 MB of modules then
// load as Node loads them (through tsx they cost ~3 s of CPU more), its polyfills (Array.prototype.push,
// JSON) stay out of the studio's own thread, and a long PDF does not hold up the API while it is read.
// Kept alive between PDFs (pdfjs loads once); each request `{ id, data }` is answered by one message
// per page, then `done`.
//
// Rules: the horizontal and vertical segments the page strokes (or fills as thin bars), in page space
// (the path's points through the current transform, save/restore and form matrices followed); clip
// paths are not drawn and are left out. The operator list is asked for only on pages whose text has
// column gaps (a table is possible there), as it costs about as much again as the text.
import { parentPort } from 'node:worker_threads';

const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');

const STROKES = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILLS = new Set([OPS.fill, OPS.eoFill]);
const THIN = 3; // a filled bar at most this thick (pt) is a rule
const MIN_RULE = 3; // shorter segments are not rules

const mul = (m, n) => [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];

/** Horizontal rules as [y, x1, x2], vertical as [x, y1, y2], from one page's operator list. */
function rulesOf(ol) {
  const h = [];
  const v = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack = [];
  const add = (x1, y1, x2, y2) => {
    if (Math.abs(y1 - y2) < 0.5 && Math.abs(x2 - x1) >= MIN_RULE) h.push([(y1 + y2) / 2, Math.min(x1, x2), Math.max(x1, x2)]);
    else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y2 - y1) >= MIN_RULE) v.push([(x1 + x2) / 2, Math.min(y1, y2), Math.max(y1, y2)]);
  };
  for (let i = 0; i < ol.fnArray.length; i++) {
    const fn = ol.fnArray[i];
    const a = ol.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(a, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (a?.[0]) ctm = mul(Array.from(a[0]), ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const paint = a[0];
      const path = a[1]?.[0];
      if (!path || (!STROKES.has(paint) && !FILLS.has(paint))) continue;
      const pt = (x, y) => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
      // subpaths of straight segments (a subpath with a curve is no rule)
      const subpaths = [];
      let sub = null;
      for (let k = 0; k < path.length;) {
        const op = path[k];
        if (op === 0) { sub = { pts: [pt(path[k + 1], path[k + 2])], curved: false, closed: false }; subpaths.push(sub); k += 3; }
        else if (op === 1) { sub?.pts.push(pt(path[k + 1], path[k + 2])); k += 3; }
        else if (op === 2) { if (sub) sub.curved = true; k += 7; }
        else if (op === 3) { if (sub) sub.curved = true; k += 5; }
        else { if (sub) sub.closed = true; k += 1; }
      }
      for (const s of subpaths) {
        if (s.curved || s.pts.length < 2) continue;
        if (STROKES.has(paint)) {
          for (let k = 1; k < s.pts.length; k++) add(s.pts[k - 1][0], s.pts[k - 1][1], s.pts[k][0], s.pts[k][1]);
          if (s.closed) add(s.pts[s.pts.length - 1][0], s.pts[s.pts.length - 1][1], s.pts[0][0], s.pts[0][1]);
        } else {
          // a thin filled bar: its long axis
          const xs = s.pts.map((p) => p[0]);
          const ys = s.pts.map((p) => p[1]);
          const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (y2 - y1 <= THIN && x2 - x1 > y2 - y1) add(x1, (y1 + y2) / 2, x2, (y1 + y2) / 2);
          else if (x2 - x1 <= THIN && y2 - y1 > x2 - x1) add((x1 + x2) / 2, y1, (x1 + x2) / 2, y2);
        }
      }
    }
  }
  return { h, v };
}

/** Whether some line of the page's text leaves a column gap (wider than its size) between two pieces. */
function hasGaps(items) {
  const byLine = new Map();
  for (const it of items) {
    if (!it.s.trim()) continue;
    const k = Math.round(it.y);
    const l = byLine.get(k);
    if (l) l.push(it); else byLine.set(k, [it]);
  }
  for (const l of byLine.values()) {
    if (l.length < 2) continue;
    l.sort((p, q) => p.x - q.x);
    for (let k = 1; k < l.length; k++) if (l[k].x - (l[k - 1].x + l[k - 1].w) > l[k].h) return true;
  }
  return false;
}

/** Reads one PDF, posting its pages tagged with the request's id, then `done` (or `bad`, `error`). */
async function read(id, data) {
  const post = (m) => parentPort.postMessage({ id, ...m });
  let doc;
  try {
    doc = await getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
  } catch {
    post({ type: 'bad' });
    return;
  }
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const height = page.getViewport({ scale: 1 }).height;
      const tc = await page.getTextContent();
      const items = [];
      for (const it of tc.items) {
        if (!('str' in it) || !it.str) continue;
        items.push({ s: it.str, x: it.transform[4], y: it.transform[5], h: Math.abs(it.transform[3]) || Math.abs(it.transform[0]), w: it.width });
      }
      const rules = hasGaps(items) ? rulesOf(await page.getOperatorList()) : { h: [], v: [] };
      page.cleanup();
      post({ type: 'page', page: p, pages: doc.numPages, height, items, rules });
    }
    post({ type: 'done' });
  } catch (e) {
    post({ type: 'error', message: String(e?.message ?? e) });
  } finally {
    await doc.destroy();
  }
}

// One PDF at a time, as many as asked for while the studio keeps this worker (read-pdf.ts).
let queue = Promise.resolve();
parentPort.on('message', (m) => { queue = queue.then(() => read(m.id, m.data)); });
parentPort.postMessage({ type: 'ready' });
