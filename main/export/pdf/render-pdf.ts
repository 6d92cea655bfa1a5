// The document model → PDF, drawn with pdfkit from the page model. Same numbering, captions,
// faces' advance widths, exact line heights and break rules as the Word file, so both paginate
// alike: the page model (layout/paginate.ts) places every line, table row and heading — the pages
// the TOC and the list of appendices state are the pages the lines are drawn on, by construction —
// and draw-pdf.ts draws them, page by page (pdfkit writes each page out when the next begins, so
// the document is never held twice). Pages are numbered from 1 at the body's first page.
import PDFDocument from 'pdfkit';
import type { FigureBlock, PlanDocument } from '../../document/ir.ts';
import { captionText } from '../../document/numbering.ts';
import { typographyFor, type FaceSpec, type Typography } from '../typography.ts';
import { faceFiles, type FaceName } from '../layout/faces.ts';
import { isLandscape, textWidthFor } from '../layout/table-layout.ts';
import { textWidthPt } from '../layout/text-width.ts';
import { setLines } from '../layout/lines.ts';
import { A4_PT, pageMargins, textBox } from '../layout/geometry.ts';
import {
  appendixEntries, appendixFlowItems, bodyFlowItems, cellChunks, flow, paginate, runs, textItem,
  type BodyLayout, type FlowSink, type Item, type TextItem,
} from '../layout/paginate.ts';
import { baselineOf, drawBodyRow, drawHead, drawItemLine, drawLine, placeLine, type Frame } from './draw-pdf.ts';
import { drawFigure, figureCaptionTop } from './figure.ts';
import { saveDiskMemos } from '../../files/disk-memo.ts';

export { cellChunks };
export { configurePdf } from './pdfmake-fonts.ts';

export interface PdfOptions {
  onProgress?: (fraction: number) => void;
  /** the pages on which each heading, map and table was drawn (by id, counted from 1 at the body), once drawn */
  onPages?: (pages: Map<string, number>) => void;
}

const SAMPLE_RED = '#b3261e';

/** A TOC or list-of-appendices entry: the text with a dot leader, its page number at the right margin on its last line. */
function tocItem(text: string, page: number | undefined, level: number, ty: Typography, breakBefore = false): TextItem {
  const f = ty.body;
  const width = textWidthFor(false);
  const indent = level > 1 ? f.sizePt * 2 : 0;
  const numW = 3 * f.sizePt * 0.5 + 4;
  const dotW = textWidthPt('.', f.pdf, f.sizePt);
  // the leader fills the entry's last line: a long entry wraps, and its dots follow its last line
  const avail = width - numW - indent;
  const lines = setLines(runs(text, f), avail);
  const room = avail - (lines[lines.length - 1]?.width ?? 0) - f.sizePt * 0.5;
  const dots = room > dotW * 2 ? ' ' + '.'.repeat(Math.floor(room / dotW) - 1) : '';
  const it = textItem(runs(text + dots, f), width - numW - indent, 0, ty.listLineHeightPt, 0, 0, { breakBefore, align: 'left' });
  it.set!.x = indent;
  it.set!.trailRoom = numW;
  if (page !== undefined) it.set!.trail = runs(String(page), f);
  return it;
}

/** Cover, TOC and list of appendices, as items of the page model (unnumbered pages). */
function frontItems(doc: PlanDocument, layout: BodyLayout, ty: Typography): Item[] {
  const width = textWidthFor(false);
  const h1 = ty.headings[0];
  const centred = (text: string, f: FaceSpec, lineH: number, top: number, bottom: number, breakBefore = false) =>
    textItem(runs(text, f), width, 0, lineH, top, bottom, { align: 'center', breakBefore });
  return [
    centred(doc.title, ty.title, ty.title.sizePt * 1.5, 160, 0),
    centred(doc.issuer, h1, ty.lineHeightPt, 300, 8),
    centred(doc.date, h1, ty.lineHeightPt, 0, 0),
    centred(doc.strings.toc, h1, ty.lineHeightPt, 0, 16, true),
    ...doc.toc.map((e) => tocItem(e.text, layout.pages.get(e.id) ?? 1, e.level, ty)),
    centred(doc.strings.appendixList, h1, ty.lineHeightPt, 0, 16, true),
    // each appendix with the page it starts on, as the TOC states its headings' pages
    ...appendixEntries(doc, layout).map((a) => tocItem(a.text, a.page, 1, ty)),
  ];
}

/** The page furniture: the sample mark at the top (a plan with sample rows), "— N —" at the foot of numbered pages. */
function furniture(pdf: InstanceType<typeof PDFDocument>, doc: PlanDocument, ty: Typography, landscape: boolean, number: number | null): void {
  const [w, h] = landscape ? [A4_PT.height, A4_PT.width] : [A4_PT.width, A4_PT.height];
  const f = ty.footer;
  const line = (text: string, x0: number, width: number, align: 'right' | 'center', top: number, color?: string) => {
    const segs = faceSegs(text, f);
    const placed = placeLine({ segs, width: 0, words: 1, forced: true }, f.sizePt, x0, width, align, false, 0);
    drawLine(pdf, placed, f.sizePt, top + baselineOf(segs, f.sizePt), color);
  };
  if (doc.sampleMark) line(doc.sampleMark, 0, w - 48, 'right', 24, SAMPLE_RED);
  if (number !== null) line(`— ${number} —`, 0, w, 'center', h - pageMargins(landscape)[3] + 20);
}

const faceSegs = (text: string, f: FaceSpec): { text: string; font: FaceName }[] => runs(text, f).map((r) => ({ text: r.text, font: r.font }));

export async function renderPdf(doc: PlanDocument, opts: PdfOptions = {}): Promise<Buffer> {
  opts.onProgress?.(0.05);
  const ty = typographyFor(doc.lang);
  const layout = paginate(doc);
  opts.onProgress?.(0.2);
  const pdf = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info: { Title: doc.title, Author: doc.issuer, Creator: 'Green Mine Plan Studio', Producer: 'Green Mine Plan Studio' },
  });
  for (const [name, file] of Object.entries(faceFiles())) pdf.registerFont(name, file);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });

  const printed = new Map<string, number>();
  const frame: Frame = { pdf, left: 0, top: 0 };
  let landscape = false;
  let numbered = false;
  let page = 0;
  const totalPages = Math.max(1, ...layout.appendixPages.values(), ...layout.pages.values());
  const sink: FlowSink = {
    page(p) {
      page = p;
      const [l, t] = pageMargins(landscape);
      pdf.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margins: { left: l, top: t, right: pageMargins(landscape)[2], bottom: pageMargins(landscape)[3] } });
      frame.left = l;
      frame.top = t;
      furniture(pdf, doc, ty, landscape, numbered ? p : null);
      if (numbered) opts.onProgress?.(0.2 + 0.75 * Math.min(1, p / totalPages));
    },
    line(it, l, y) {
      if (l === 0 && it.id && numbered && !printed.has(it.id)) printed.set(it.id, page);
      drawItemLine(frame, it, l, y);
    },
    head(it, y) {
      drawHead(frame, it, ty, y);
    },
    row(it, r, y, from, to, _first, last) {
      drawBodyRow(frame, it, ty, r, y, from, to, last);
    },
  };

  // the front matter: cover, TOC, list of appendices (unnumbered)
  flow(frontItems(doc, layout, ty), textBox(false).height, 1, new Set(), sink);
  // the body, numbered from 1, with the headings the page model moved to keep with their text
  numbered = true;
  const body = flow(bodyFlowItems(doc), textBox(false).height, 1, layout.breaks, sink);
  let last = body.end;
  // the appendices: each map on a page of its own, then each table from a new page, in its orientation
  for (const f of doc.figures ?? []) {
    landscape = f.landscape;
    sink.page(++last);
    printed.set(f.id, last);
    drawFigure(frame, f, figureCaption(f, doc, ty));
  }
  // (the items the page model laid out: their widths and line counts are not computed again)
  const tables = appendixFlowItems(doc);
  doc.appendices.forEach((t, i) => {
    landscape = isLandscape(t, ty);
    last = flow(tables[i], textBox(landscape).height, last + 1, new Set(), sink).end;
  });
  pdf.end();
  await done;
  // the faces' measurements learned here, kept for the next export (files/disk-memo.ts)
  saveDiskMemos();
  opts.onPages?.(printed);
  opts.onProgress?.(1);
  return Buffer.concat(chunks);
}

/** A figure's caption as a text item of the page model (centred, in the caption face). */
function figureCaption(f: FigureBlock, doc: PlanDocument, ty: Typography): TextItem {
  const cap = ty.caption;
  return textItem(runs(captionText(f.label, f.title, doc.lang), cap), textBox(f.landscape).width, 0, cap.sizePt * 1.5, figureCaptionTop, 6, { id: f.id, align: 'center' });
}

export type { BodyLayout, FaceName };
