// The positioned text of a PDF's pages, read by pdfjs-dist in a worker thread. Plain JavaScript started
// without the TypeScript loader: pdfjs's 3 MB of modules then load as Node loads them (through tsx they
// cost ~3 s of CPU more), its polyfills (Array.prototype.push, JSON) stay out of the studio's own thread,
// and a long PDF does not hold up the API while it is read. Posts one message per page, then `done`.
import { parentPort, workerData } from 'node:worker_threads';

const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
let doc;
try {
  doc = await getDocument({ data: workerData.data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
} catch {
  parentPort.postMessage({ type: 'bad' });
}
if (doc) {
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
      page.cleanup();
      parentPort.postMessage({ type: 'page', page: p, pages: doc.numPages, height, items });
    }
    parentPort.postMessage({ type: 'done' });
  } catch (e) {
    parentPort.postMessage({ type: 'error', message: String(e?.message ?? e) });
  } finally {
    await doc.destroy();
  }
}
