// The PDF reader runs pdfjs-dist in a worker thread: the studio's own thread keeps its built-ins
// (pdfjs's legacy build replaces Array.prototype.push and JSON.parse/stringify with core-js
// polyfills when loaded), pages are reported as they are read, and a file that is not a PDF
// is refused with the reader's located error. The worker is kept between PDFs (pdfjs loads once).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf, stopPdfReader } from '../../main/adopt/read-pdf.ts';

const FX = path.resolve(__dirname, '../fixtures/adopt');

describe('PDF text in a worker', () => {
  it('reads the seed PDF, reports each page, and leaves this thread\'s built-ins alone', async () => {
    const natives = [Array.prototype.push, JSON.parse, JSON.stringify];
    const seen: number[] = [];
    const doc = await readPdf(fs.readFileSync(path.join(FX, 'banner-seed.pdf')), (f) => seen.push(f));
    expect(doc.blocks.length).toBeGreaterThan(100);
    expect(doc.blocks.some((b) => b.kind === 'para' && b.text.includes('伊金霍洛旗'))).toBe(true);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen[seen.length - 1]).toBe(1);
    expect([Array.prototype.push, JSON.parse, JSON.stringify]).toEqual(natives);
  });

  it('refuses a file that is not a PDF', async () => {
    await expect(readPdf(new TextEncoder().encode('not a pdf at all'))).rejects.toThrow(/adopt.bad_pdf/);
  });

  it('keeps its worker between PDFs: a refused file, then PDFs read one after another and at once, all whole; a new worker after a stop', async () => {
    const buf = fs.readFileSync(path.join(FX, 'district-plan.pdf'));
    const paras = (d: Awaited<ReturnType<typeof readPdf>>) => d.blocks.filter((b) => b.kind === 'para').length;
    await expect(readPdf(new TextEncoder().encode('%PDF-1.4 broken'))).rejects.toThrow(/adopt.bad_pdf/);
    const first = await readPdf(buf);
    expect(paras(first)).toBeGreaterThan(20);
    const [a, b] = await Promise.all([readPdf(buf), readPdf(buf)]);
    expect(a).toEqual(first);
    expect(b).toEqual(first);
    await stopPdfReader();
    expect(await readPdf(buf)).toEqual(first);
    await stopPdfReader();
  });
});
