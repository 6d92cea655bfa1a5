// The page model of a plan: on which page (counted from 1 at the body's first page, as the footers
// count) each heading, appendix map and appendix table starts, and which headings must start a new
// page to keep with the text after them. Both renderers state these pages (the Word TOC and list of
// appendices, the PDF's), and both put those headings on a new page, so Word, LibreOffice and the
// PDF paginate alike.
//
// It is pdfmake's layout re-done as arithmetic: every line has an exact height (the grid), so a page
// is a sum of line heights, margins and table rows; only line breaking needs measuring (lines.ts).
// The PDF is drawn from it (flow() with a sink: pdf/render-pdf.ts, pdf/draw-pdf.ts), so the PDF
// prints every line where the model put it. Rules followed (those of pdfmake 0.3's LayoutBuilder,
// PageElementWriter and TableProcessor, which the PDF was set with before, and Word's):
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
import { breakLines, countLines, setLines, type LineSeg, type Run, type SetLine } from './lines.ts';
import { CELL_PAD_PT, columnWidths, isLandscape, placed, tableWidthPt, textWidthFor } from './table-layout.ts';
import { roleFor, runsOf } from './text-width.ts';
import { face, faceFiles } from './faces.ts';
import { diskMemo, fileIdentity, type DiskMemo } from '../../files/disk-memo.ts';
import { createHash } from 'node:crypto';

export interface BodyLayout {
  /** page of each heading id, counted from 1 at the body's first page */
  pages: Map<string, number>;
  /** headings moved to the next page to keep with the text after them */
  breaks: Set<string>;
  /** page on which each appendix map and appendix table starts (by id), counted as `pages` */
  appendixPages: Map<string, number>;
}

/** Cells longer than this are cut at their point separators before breaking, and their rows may break across pages. */
export const LONG_CELL = 1000;

/** A row's cells: padding 2 pt above and below, a 0.5 pt rule below (as pdf/draw-pdf.ts draws them). */
export const CELL_PAD_V = 2;
export const RULE = 0.5;

export const runs = (text: string, f: FaceSpec, emphasis: { bold?: boolean; italic?: boolean } = {}): Run[] =>
  runsOf(text, roleFor(f, emphasis)).map((r) => ({ text: r.text, font: r.font, sizePt: f.sizePt }));

/** A long cell cut at its own line breaks and point separators (breaking stays linear, same text). */
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

export type Align = 'left' | 'center' | 'right' | 'justify';

/** What a text item sets, for the drawer (pdf/draw-pdf.ts): its runs broken at `width` from `indent`. */
export interface TextSetting {
  runs: Run[];
  width: number;
  indent: number;
  align: Align;
  /** the lines as broken */
  lines: SetLine[];
  /** left offset of every line (a TOC entry's level) */
  x?: number;
  /** set right-aligned at the right edge of the text box on the last line (a TOC entry's page number) */
  trail?: Run[];
  /** room right of `width` where the trail ends */
  trailRoom?: number;
  color?: string;
}

/** What the model lays out: text blocks and tables, in order. */
export type TextItem = { kind: 'text'; id?: string; heading: boolean; lines: number; lineH: number; top: number; bottom: number; breakBefore: boolean; set?: TextSetting };
export interface TableItem {
  kind: 'table'; head: number; rows: number[][]; lineH: number; breakable: boolean; breakBefore: boolean;
  /** the table, its cell widths (pt, without padding) and its header rows' heights in lines, for the drawer */
  table: TableBlock; widths: number[]; headRows: number[];
}
export type Item = TextItem | TableItem;

/**
 * What flow() tells a drawer: each page as it starts, each line of text and each table block at
 * its place (`y` from the top of the text box, pt). A breakable row (a long cell) comes in parts,
 * lines [from, to) of its tallest cell on one page each.
 */
export interface FlowSink {
  page(page: number): void;
  line(it: TextItem, line: number, y: number): void;
  head(it: TableItem, y: number): void;
  row(it: TableItem, row: number, y: number, from: number, to: number, first: boolean, last: boolean): void;
}

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
    // (known also when the count is cached: the drawer lays a table out again)
    if (text.length > LONG_CELL) breakable = true;
    let v = lineCache.get(key);
    if (v === undefined) {
      if (text.length > LONG_CELL) {
        // its lines are kept: the PDF sets them as they are (longCellLines)
        const lines = cellChunks(text).flatMap((s) => breakLines(runs(s, f), width));
        let kept = longLines.get(t);
        if (!kept) longLines.set(t, (kept = new Map()));
        kept.set(key, lines);
        v = lines.length;
      } else {
        const r = runs(text, f);
        const key = lineKey(r, width, 0);
        v = lineMemo().get(key);
        if (v === undefined) {
          v = countLines(r, width);
          lineMemo().set(key, v);
        }
      }
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
  const headRows = heights(header, ty.tableHeader);
  const head = RULE + headRows.reduce((a, l) => a + rowPt(l), 0);
  const body = heights(t.rows, ty.table);
  return { kind: 'table', head, rows: body.map((l) => [l]), lineH, breakable, breakBefore, table: t, widths, headRows };
}

export function textItem(r: Run[], width: number, indent: number, lineH: number, top: number, bottom: number, o: { id?: string; heading?: boolean; breakBefore?: boolean; align?: Align } = {}): TextItem {
  // the count from the line memo when an earlier export broke the same text at the same width;
  // the lines themselves only when a drawer asks for them (the Word file needs only the count)
  const key = lineKey(r, width, indent);
  let lines: SetLine[] | undefined;
  let count = lineMemo().get(key);
  if (count === undefined) {
    lines = setLines(r, width, indent);
    count = lines.length;
    lineMemo().set(key, count);
  }
  const set: TextSetting = {
    runs: r, width, indent, align: o.align ?? 'left',
    get lines() {
      return (lines ??= setLines(r, width, indent));
    },
  };
  return { kind: 'text', id: o.id, heading: !!o.heading, lines: count, lineH, top, bottom, breakBefore: !!o.breakBefore, set };
}

/** Bumped when lines.ts breaks lines differently (the memo's counts would be stale). */
const LINES_VERSION = 1;
let memo: DiskMemo | null = null;

/**
 * Line counts of texts broken at a width, kept on disk between exports (files/disk-memo.ts), tied
 * to the faces' files (their metrics decide the breaks) and LINES_VERSION.
 */
function lineMemo(): DiskMemo {
  if (!memo) {
    const files = faceFiles();
    memo = diskMemo(`lines-${LINES_VERSION}`, Object.values(files).map(fileIdentity).join('\n'));
  }
  return memo;
}

/** What decides a text's line count: its runs (text, face, size), the width and the first line's indent. */
function lineKey(r: Run[], width: number, indent: number): string {
  const h = createHash('sha1');
  h.update(`${width.toFixed(4)}|${indent.toFixed(4)}`);
  for (const x of r) h.update(`\u0001${x.font}\u0002${x.sizePt}\u0002${x.text}`);
  return h.digest('base64');
}

export function tableItems(t: TableBlock, ty: Typography, lang: PlanDocument['lang'], landscape: boolean, breakBefore: boolean): Item[] {
  const id = t.id;
  const width = textBox(landscape).width;
  const cap = ty.caption;
  // a table of a chapter's own text may have no caption: the PDF then anchors it with an empty 1 pt line
  const caption = t.label || t.title
    ? textItem(runs(captionText(t.label, t.title, lang), cap), width, 0, cap.sizePt * 1.5, 8, 6, { id, breakBefore, align: 'center' })
    : { kind: 'text' as const, id, heading: false, lines: 1, lineH: face('serif').lineHeightPerPt, top: 0, bottom: 0, breakBefore };
  return [
    caption,
    tableItem(t, ty, landscape, false),
    ...t.notes.map((note) => textItem(runs(note, ty.table), width, 0, ty.tableLineHeightPt, 4, 0)),
  ];
}

/** The body as items (a page break is carried by the block after it). */
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
      items.push(textItem(runs(joinNumber(b.number, b.text, doc.lang), f, { bold: f.bold }), width, f.indent ? f.sizePt * 2 : 0, ty.lineHeightPt, 0, f.afterPt, { id: b.id, heading: true, breakBefore, align: f.align }));
    } else if (b.kind === 'paragraph') {
      const r = b.runs.flatMap((x) => runs(x.text, ty.body, { bold: doc.lang === 'en' && x.bold, italic: x.italic }));
      items.push(textItem(r, width, doc.lang === 'zh' ? ty.body.sizePt * 2 : 0, ty.lineHeightPt, 0, ty.paragraphAfterPt, { breakBefore, align: 'justify' }));
    } else {
      items.push(...tableItems(b, ty, doc.lang, false, breakBefore));
    }
    breakBefore = false;
  }
  return items;
}

interface Placed { first: number; last: number }

/**
 * Lays the items out on pages of height `H` from page `start`; returns the page span of each item.
 * A `sink` is told every page, line and table block where it goes (the PDF is drawn from it).
 */
export function flow(items: Item[], H: number, start: number, breaks: Set<string>, sink?: FlowSink): { placed: Placed[]; end: number } {
  let page = start;
  let y = 0;
  sink?.page(page);
  const next = () => {
    page += 1;
    y = 0;
    sink?.page(page);
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
        sink?.line(it, l, y);
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
    sink?.head(it, y);
    y += it.head;
    const repeatHead = () => {
      next();
      sink?.head(it, 0);
      y = it.head;
    };
    it.rows.forEach(([lines], r) => {
      const h = CELL_PAD_V + lines * it.lineH + CELL_PAD_V + RULE;
      if (!it.breakable) {
        if (h > H - y) repeatHead();
        sink?.row(it, r, y, 0, lines, true, true);
        y += h;
        return;
      }
      // a table with a cell too long for a page: its rows break between lines, the header repeating
      let top = y;
      let from = 0;
      y += CELL_PAD_V;
      for (let l = 0; l < lines; l++) {
        if (it.lineH > H - y - CELL_PAD_V - RULE) {
          sink?.row(it, r, top, from, l, from === 0, false);
          repeatHead();
          top = y;
          from = l;
          y += CELL_PAD_V;
        }
        y += it.lineH;
      }
      sink?.row(it, r, top, from, lines, from === 0, true);
      y += CELL_PAD_V + RULE;
    });
    out.push({ first: first < 0 ? page : first, last: page });
  });
  return { placed: out, end: page };
}

const cache = new WeakMap<PlanDocument, BodyLayout>();
const bodies = new WeakMap<PlanDocument, Item[]>();
const appendixTables = new WeakMap<PlanDocument, Item[][]>();

/** The body's items as the page model laid them out (with `layout.breaks`), for the drawer. */
export function bodyFlowItems(doc: PlanDocument): Item[] {
  paginate(doc);
  return bodies.get(doc)!;
}

/** Each appendix table's items as the page model laid them out (its orientation's page), for the drawer. */
export function appendixFlowItems(doc: PlanDocument): Item[][] {
  paginate(doc);
  return appendixTables.get(doc)!;
}

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
  const tables: Item[][] = [];
  for (const t of doc.appendices) {
    const landscape = isLandscape(t, ty);
    const tItems = tableItems(t, ty, doc.lang, landscape, false);
    tables.push(tItems);
    const r = flow(tItems, textBox(landscape).height, page + 1, new Set());
    appendixPages.set(t.id, page + 1);
    page = r.end;
  }
  const out = { pages, breaks, appendixPages };
  cache.set(doc, out);
  bodies.set(doc, items);
  appendixTables.set(doc, tables);
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
