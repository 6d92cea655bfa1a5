// The page model of a plan: on which page (counted from 1 at the body's first page, as the footers
// count) each heading, appendix map and appendix table starts, and which headings must start a new
// page to keep with the text after them. Both renderers state these pages (the Word TOC and list of
// appendices, the PDF's), and both put those headings on a new page, so Word, LibreOffice and the
// PDF paginate alike.
//
// It is pdfmake's layout re-done as arithmetic: every line has an exact height (the grid), so a page
// is a sum of line heights, margins and table rows; only line breaking needs measuring (lines.ts).
// Rules followed (pdfmake 0.3 LayoutBuilder, PageElementWriter, TableProcessor):
// - a line goes to the next page when it does not fit and the page is not empty;
// - a block's top or bottom margin that does not fit moves to the next page (and is not carried);
// - a table's top rule and header rows form one block, as does each body row (rows never break,
//   unless the table has a cell too long for a page); the header rows repeat on every page;
// - a heading followed on its page only by headings, or by nothing, moves to the next page.
// Computing it costs a few milliseconds for the sample, a fraction of a second for 5,000 mines.
import { headerRows, type Block, type Cell, type PlanDocument, type TableBlock } from '../../document/ir.ts';
import { captionText, joinNumber } from '../../document/numbering.ts';
import { typographyFor, type FaceSpec, type Typography } from '../typography.ts';
import { textBox } from './geometry.ts';
import { breakLines, countLines, type LineSeg, type Run } from './lines.ts';
import { CELL_PAD_PT, columnWidths, isLandscape, placed, tableWidthPt, textWidthFor } from './table-layout.ts';
import { roleFor, runsOf } from './text-width.ts';
import { face } from './faces.ts';

export interface BodyLayout {
  /** page of each heading id, counted from 1 at the body's first page */
  pages: Map<string, number>;
  /** headings moved to the next page to keep with the text after them */
  breaks: Set<string>;
  /** page on which each appendix map and appendix table starts (by id), counted as `pages` */
  appendixPages: Map<string, number>;
}

/** Cells longer than this are set as a stack of short paragraphs, and their rows may break across pages (render-pdf.ts). */
export const LONG_CELL = 1000;

/** A row's cells: padding 2 pt above and below, a 0.5 pt rule below (pdfmake table layout of render-pdf.ts). */
export const CELL_PAD_V = 2;
export const RULE = 0.5;

const runs = (text: string, f: FaceSpec, emphasis: { bold?: boolean; italic?: boolean } = {}): Run[] =>
  runsOf(text, roleFor(f, emphasis)).map((r) => ({ text: r.text, font: r.font, sizePt: f.sizePt }));

/** A long cell cut at its own line breaks and point separators (linear for pdfmake, same text). */
export function cellChunks(text: string, size = 600): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let start = 0;
    while (line.length - start > size) {
      const cut = line.lastIndexOf('; ', start + size);
      const end = cut > start ? cut + 2 : start + size;
      out.push(line.slice(start, end));
      start = end;
    }
    out.push(line.slice(start));
  }
  return out;
}

/** What the model lays out: text blocks and tables, in order. */
type Item =
  | { kind: 'text'; id?: string; heading: boolean; lines: number; lineH: number; top: number; bottom: number; breakBefore: boolean }
  | { kind: 'table'; head: number; rows: number[][]; lineH: number; breakable: boolean; breakBefore: boolean };

// The line count of each cell text at its width, per table (the PDF sets a one-line cell as one word).
const tableLines = new WeakMap<TableBlock, Map<string, number>>();
const cellKey = (header: boolean, width: number, text: string) => `${header ? 'h' : 'b'}${width.toFixed(3)}|${text}`;

const longLines = new WeakMap<TableBlock, Map<string, LineSeg[][]>>();

/** The lines of a cell longer than LONG_CELL, as the page model broke them (undefined if it did not). */
export function longCellLines(t: TableBlock, header: boolean, width: number, text: string): LineSeg[][] | undefined {
  return longLines.get(t)?.get(cellKey(header, width, text));
}

/** Lines of a cell's text at `width` (pt, without padding) as the page model counted them; undefined if it did not. */
export function cellLineCount(t: TableBlock, header: boolean, width: number, text: string): number | undefined {
  return tableLines.get(t)?.get(cellKey(header, width, text));
}

/** A table's rows as line counts per cell column, and its header block height. */
function tableItem(t: TableBlock, ty: Typography, landscape: boolean, breakBefore: boolean): Item {
  const n = t.columns.length;
  const header = headerRows(t);
  const widths = columnWidths(t, ty, tableWidthPt(textWidthFor(landscape), n)).map((w) => w - CELL_PAD_PT);
  const gap = CELL_PAD_PT + RULE;
  const lineH = ty.tableLineHeightPt;
  let breakable = false;
  let lineCache = tableLines.get(t);
  if (!lineCache) tableLines.set(t, (lineCache = new Map()));
  const linesOf = (text: string, f: FaceSpec, width: number): number => {
    const key = cellKey(f === ty.tableHeader, width, text);
    let v = lineCache.get(key);
    if (v === undefined) {
      if (text.length > LONG_CELL) {
        breakable = true;
        // its lines are kept: the PDF sets them as they are (longCellLines)
        const lines = cellChunks(text).flatMap((s) => breakLines(runs(s, f), width));
        let kept = longLines.get(t);
        if (!kept) longLines.set(t, (kept = new Map()));
        kept.set(key, lines);
        v = lines.length;
      } else v = countLines(runs(text, f), width);
      lineCache.set(key, v);
    }
    return v;
  };
  // Row heights in lines; a cell spanning rows adds what it lacks to its last row.
  const heights = (rows: Cell[][], f: FaceSpec): number[] => {
    const grid = placed(rows, n);
    const h = grid.map(() => 0);
    const spans: { last: number; first: number; lines: number }[] = [];
    grid.forEach((row, r) => row.forEach(({ col, span, cell }) => {
      let w = widths[col] ?? 0;
      for (let k = 1; k < span && col + k < n; k++) w += widths[col + k] + gap;
      const lines = linesOf(cell.text, f, w);
      const rs = cell.rowSpan ?? 1;
      if (rs > 1) spans.push({ first: r, last: Math.min(r + rs - 1, grid.length - 1), lines });
      else h[r] = Math.max(h[r], lines);
    }));
    for (const s of spans) {
      let have = 0;
      for (let r = s.first; r <= s.last; r++) have += h[r];
      if (s.lines > have) h[s.last] += s.lines - have;
    }
    return h;
  };
  const rowPt = (lines: number) => CELL_PAD_V + lines * lineH + CELL_PAD_V + RULE;
  const head = RULE + heights(header, ty.tableHeader).reduce((a, l) => a + rowPt(l), 0);
  const body = heights(t.rows, ty.table);
  return { kind: 'table', head, rows: body.map((l) => [l]), lineH, breakable, breakBefore };
}

function textItem(r: Run[], width: number, indent: number, lineH: number, top: number, bottom: number, o: { id?: string; heading?: boolean; breakBefore?: boolean } = {}): Item {
  return { kind: 'text', id: o.id, heading: !!o.heading, lines: countLines(r, width, indent), lineH, top, bottom, breakBefore: !!o.breakBefore };
}

function tableItems(t: TableBlock, ty: Typography, lang: PlanDocument['lang'], landscape: boolean, breakBefore: boolean, id?: string): Item[] {
  const width = textBox(landscape).width;
  const cap = ty.caption;
  // a table of a chapter's own text may have no caption: the PDF then anchors it with an empty 1 pt line
  const caption = t.label || t.title
    ? textItem(runs(captionText(t.label, t.title, lang), cap), width, 0, cap.sizePt * 1.5, 8, 6, { id, breakBefore })
    : { kind: 'text' as const, id, heading: false, lines: 1, lineH: face('serif').lineHeightPerPt, top: 0, bottom: 0, breakBefore };
  return [
    caption,
    tableItem(t, ty, landscape, false),
    ...t.notes.map((note) => textItem(runs(note, ty.table), width, 0, ty.tableLineHeightPt, 4, 0)),
  ];
}

/** The body as items (render-pdf.ts bodyContent: a page break is carried by the block after it). */
function bodyItems(doc: PlanDocument, ty: Typography): Item[] {
  const items: Item[] = [];
  const width = textBox(false).width;
  let breakBefore = false;
  for (const b of doc.body as Block[]) {
    if (b.kind === 'pageBreak') {
      breakBefore = true;
      continue;
    }
    if (b.kind === 'heading') {
      const f = ty.headings[Math.min(b.level, 6) - 1];
      items.push(textItem(runs(joinNumber(b.number, b.text, doc.lang), f, { bold: f.bold }), width, f.indent ? f.sizePt * 2 : 0, ty.lineHeightPt, 0, f.afterPt, { id: b.id, heading: true, breakBefore }));
    } else if (b.kind === 'paragraph') {
      const r = b.runs.flatMap((x) => runs(x.text, ty.body, { bold: doc.lang === 'en' && x.bold, italic: x.italic }));
      items.push(textItem(r, width, doc.lang === 'zh' ? ty.body.sizePt * 2 : 0, ty.lineHeightPt, 0, ty.paragraphAfterPt, { breakBefore }));
    } else {
      items.push(...tableItems(b, ty, doc.lang, false, breakBefore));
    }
    breakBefore = false;
  }
  return items;
}

interface Placed { first: number; last: number }

/** Lays the items out on pages of height `H` from page `start`; returns the page span of each item. */
function flow(items: Item[], H: number, start: number, breaks: Set<string>): { placed: Placed[]; end: number } {
  let page = start;
  let y = 0;
  const next = () => {
    page += 1;
    y = 0;
  };
  const out: Placed[] = [];
  items.forEach((it, i) => {
    if (it.breakBefore || (it.kind === 'text' && it.id && breaks.has(it.id))) {
      if (i > 0) next();
    }
    let first = -1;
    const mark = () => {
      if (first < 0) first = page;
    };
    if (it.kind === 'text') {
      if (it.top) {
        if (H - y - it.top < 0) next();
        else y += it.top;
      }
      for (let l = 0; l < it.lines; l++) {
        if (it.lineH > H - y && y > 0) next();
        mark();
        y += it.lineH;
      }
      out.push({ first, last: page });
      if (it.bottom) {
        if (H - y - it.bottom < 0) next();
        else y += it.bottom;
      }
      return;
    }
    // a table: the top rule and header rows, then each row, as blocks that do not break
    if (it.head > H - y) next();
    mark();
    y += it.head;
    for (const [lines] of it.rows) {
      const h = CELL_PAD_V + lines * it.lineH + CELL_PAD_V + RULE;
      if (!it.breakable) {
        if (h > H - y) {
          next();
          y = it.head;
        }
        y += h;
        continue;
      }
      // a table with a cell too long for a page: its rows break between lines, the header repeating
      y += CELL_PAD_V;
      for (let l = 0; l < lines; l++) {
        if (it.lineH > H - y - CELL_PAD_V - RULE) {
          next();
          y = it.head + CELL_PAD_V;
        }
        y += it.lineH;
      }
      y += CELL_PAD_V + RULE;
    }
    out.push({ first: first < 0 ? page : first, last: page });
  });
  return { placed: out, end: page };
}

const cache = new WeakMap<PlanDocument, BodyLayout>();

/** The page model of a document (cached per document: both formats of one export share it). */
export function paginate(doc: PlanDocument): BodyLayout {
  const hit = cache.get(doc);
  if (hit) return hit;
  const ty = typographyFor(doc.lang);
  const items = bodyItems(doc, ty);
  const H = textBox(false).height;
  const breaks = new Set<string>();
  // Keep with next: the first heading followed on its page only by headings (or nothing) moves to
  // the next page; the layout before it is unchanged, so the search goes on from there.
  let result = flow(items, H, 1, breaks);
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.kind !== 'text' || !it.heading || !it.id || it.breakBefore || breaks.has(it.id)) continue;
    const p = result.placed[i].first;
    // the next item that prints something and is not a heading
    let j = i + 1;
    while (j < items.length && ((items[j].kind === 'text' && (items[j] as { heading: boolean }).heading) || result.placed[j].first < 0)) j++;
    const alone = j >= items.length || result.placed[j].first > p;
    if (alone) {
      breaks.add(it.id);
      result = flow(items, H, 1, breaks);
    }
  }
  const pages = new Map<string, number>();
  items.forEach((it, i) => {
    if (it.kind === 'text' && it.heading && it.id) pages.set(it.id, result.placed[i].first);
  });
  // The appendices: each map on a page of its own, then each table from a new page, in its orientation.
  const appendixPages = new Map<string, number>();
  let page = result.end;
  for (const f of doc.figures ?? []) appendixPages.set(f.id, ++page);
  for (const t of doc.appendices) {
    const landscape = isLandscape(t, ty);
    const r = flow(tableItems(t, ty, doc.lang, landscape, false), textBox(landscape).height, page + 1, new Set());
    appendixPages.set(t.id, page + 1);
    page = r.end;
  }
  const out = { pages, breaks, appendixPages };
  cache.set(doc, out);
  return out;
}

/** The list of appendices with the page each one starts on (maps, then tables, as captioned). */
export function appendixEntries(doc: PlanDocument, layout: BodyLayout): { id: string; text: string; page: number | undefined }[] {
  const byLabel = new Map<string, string>();
  for (const a of [...(doc.figures ?? []), ...doc.appendices]) byLabel.set(a.label, a.id);
  return doc.appendixList.map((a) => {
    const id = byLabel.get(a.label) ?? '';
    return { id, text: captionText(a.label, a.title, doc.lang), page: layout.appendixPages.get(id) };
  });
}
