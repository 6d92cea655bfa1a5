// Draws placed text and tables with pdfkit, page by page: the page model (layout/paginate.ts flow)
// says where every line and table row goes; this module only draws them. A line is one text()
// call per face run; its baseline is below the line's top by the largest ascender of its faces (as
// pdfmake set it, so the PDF keeps its look). Justified lines end at the right edge: a line with
// CJK text spreads the spare room between its characters, a Latin line between its words.
import PDFDocument from 'pdfkit';
import { headerRows, type Cell, type TableBlock } from '../../document/ir.ts';
import { face, type FaceName } from '../layout/faces.ts';
import { setLines, type LineSeg, type Run, type SetLine } from '../layout/lines.ts';
import { CELL_PAD_V, LONG_CELL, longCellLines, cellLineCount, RULE, type Align, type TableItem, type TextItem } from '../layout/paginate.ts';
import { CELL_PAD_PT, placed } from '../layout/table-layout.ts';
import { runsOf } from '../layout/text-width.ts';
import type { Typography } from '../typography.ts';
import { drawPlainWithoutShaping, type PdfkitFont } from './plain-glyphs.ts';

type Doc = InstanceType<typeof PDFDocument>;

/** Width of a piece of text in one face, pt (what pdfkit measures). */
export const segWidth = (text: string, font: FaceName, sizePt: number): number => face(font).width(text) * sizePt;

/** Baseline of a line below its top: the largest ascender of its faces. */
export function baselineOf(segs: { font: FaceName }[], sizePt: number): number {
  let a = 0;
  for (const s of segs) a = Math.max(a, face(s.font).ascentPerPt * sizePt);
  return a;
}

/** What the drawer draws of one line: its pieces, each from its `x` with the spacing that justifies it. */
export interface DrawnLine {
  segs: { text: string; font: FaceName; x: number; characterSpacing: number; wordSpacing: number }[];
  /** right end of the last visible character */
  end: number;
}

const isLatinFace = (f: FaceName) => f === 'latin' || f === 'latinBold' || f === 'latinItalic';

/** The places a justified line may widen after: each character of CJK text, each word of Latin text (pdfmake's words). */
function units(text: string, font: FaceName): number {
  if (!isLatinFace(font)) return [...text].length;
  return text.split(/ +/).filter(Boolean).length;
}

/**
 * Places a set line: trims its end spaces (pdfmake cuts them), aligns it in `width` from `x0`, and
 * justifies it when asked: the spare room is shared out after each of its CJK characters
 * (characterSpacing) and Latin words (wordSpacing), the last one excepted, as pdfmake spread it.
 */
export function placeLine(line: SetLine, sizePt: number, x0: number, width: number, align: Align, justify: boolean, indent: number): DrawnLine {
  const segs = line.segs.map((s) => ({ text: s.text, font: s.font }));
  if (segs.length) {
    segs[0].text = segs[0].text.replace(/^\s+/, '');
    segs[segs.length - 1].text = segs[segs.length - 1].text.replace(/\s+$/, '');
  }
  // one piece set from the left needs no measuring to be placed (its end is measured if asked)
  if (segs.length === 1 && align === 'left' && !justify) {
    const only = segs[0];
    const x = x0 + indent;
    const placed = only.text ? [{ text: only.text, font: only.font, x, characterSpacing: 0, wordSpacing: 0 }] : [];
    return { segs: placed, get end() { return x + segWidth(only.text, only.font, sizePt); } };
  }
  const widths = segs.map((s) => segWidth(s.text, s.font, sizePt));
  const natural = widths.reduce((a, b) => a + b, 0);
  const used = indent + natural;
  let x = x0 + indent;
  if (align === 'center') x += (width - used) / 2;
  else if (align === 'right') x += width - used;
  let gap = 0;
  if (justify && width - used > 0.01) {
    const n = segs.reduce((a, s) => a + units(s.text, s.font), 0);
    if (n > 1) gap = (width - used) / (n - 1);
  }
  const out: DrawnLine['segs'] = [];
  segs.forEach((s, i) => {
    if (!s.text) return;
    const latin = isLatinFace(s.font);
    out.push({ text: s.text, font: s.font, x, characterSpacing: latin ? 0 : gap, wordSpacing: latin ? gap : 0 });
    x += widths[i] + gap * units(s.text, s.font);
  });
  return { segs: out, end: x - gap };
}

/** Sets the face to draw in; its plain runs are drawn without shaping (plain-glyphs.ts). */
function useFace(pdf: Doc, name: FaceName): Doc {
  pdf.font(name);
  drawPlainWithoutShaping((pdf as unknown as { _font?: PdfkitFont })._font, name);
  return pdf;
}

/** Draws a placed line with its baseline at `baseline` (pt from the page's top). */
export function drawLine(pdf: Doc, l: DrawnLine, sizePt: number, baseline: number, color?: string): void {
  if (color) pdf.fillColor(color);
  for (const s of l.segs) {
    const opts: Record<string, unknown> = { lineBreak: false };
    if (s.characterSpacing) opts.characterSpacing = s.characterSpacing;
    let text = s.text;
    let x = s.x;
    if (s.wordSpacing) {
      // pdfkit sets a word-spaced run from its first word: leading spaces are advanced here
      const lead = /^ +/.exec(text)?.[0] ?? '';
      if (lead) {
        x += segWidth(lead, s.font, sizePt);
        text = text.slice(lead.length);
      }
      // pdfkit sets each word on its own and puts one space (plus the spacing) between them, so a
      // kern between a word and its space is lost and runs of spaces are one: the spacing is
      // corrected so the last word ends where the line was justified to end
      const words = text.trim().split(/\s+/);
      if (words.length > 1) {
        const drawn = words.reduce((a, w) => a + segWidth(w, s.font, sizePt), 0) + (words.length - 1) * segWidth(' ', s.font, sizePt);
        const meant = segWidth(text.trimEnd(), s.font, sizePt);
        opts.wordSpacing = s.wordSpacing + (meant - drawn) / (words.length - 1);
      }
    }
    useFace(pdf, s.font).fontSize(sizePt).text(text, x, baseline - face(s.font).ascentPerPt * sizePt, opts);
  }
  if (color) pdf.fillColor('black');
}

export interface Frame {
  pdf: Doc;
  /** the text box's left and top on the current page, pt */
  left: number;
  top: number;
}

/** The lines of a text item, as the page model broke them. */
export const itemLines = (it: TextItem): SetLine[] => it.set?.lines ?? [];

/** Draws line `l` of a text item at `y` below the text box's top. */
export function drawItemLine(f: Frame, it: TextItem, l: number, y: number): void {
  const s = it.set;
  if (!s) return;
  const lines = itemLines(it);
  const line = lines[l];
  if (!line) return;
  const size = s.runs[0]?.sizePt ?? 12;
  const last = l === lines.length - 1;
  const justify = s.align === 'justify' && !last && !line.forced && line.words > 1;
  const placedLine = placeLine(line, size, f.left + (s.x ?? 0), s.width, s.align === 'justify' ? 'left' : s.align, justify, l === 0 ? s.indent : 0);
  let baseline = baselineOf(line.segs, size);
  if (last && s.trail) baseline = Math.max(baseline, baselineOf(s.trail, size));
  drawLine(f.pdf, placedLine, size, f.top + y + baseline, s.color);
  if (last && s.trail) {
    const tw = s.trail.reduce((a, r) => a + segWidth(r.text, r.font, r.sizePt), 0);
    let x = f.left + (s.x ?? 0) + s.width + (s.trailRoom ?? 0) - tw;
    for (const r of s.trail) {
      useFace(f.pdf, r.font).fontSize(r.sizePt).text(r.text, x, f.top + y + baseline - face(r.font).ascentPerPt * r.sizePt, { lineBreak: false });
      x += segWidth(r.text, r.font, r.sizePt);
    }
  }
}

// ---- tables ----

interface TableGeometry {
  /** left edge of each column's rule, from the table's left, and the right end */
  xs: number[];
  header: Placement;
  body: Placement;
}

interface Placement {
  cells: { col: number; span: number; cell: Cell }[][];
  /** each cell by its id in `owner`, with its column, its column span and its first row */
  byId: { col: number; span: number; cell: Cell; row: number }[];
  /** the cell (its index in `all`) covering each row and column, for the rules spans leave out */
  owner: Int32Array[];
}

function placement(rows: Cell[][], n: number): Placement {
  const cells = placed(rows, n);
  const owner = cells.map(() => new Int32Array(n).fill(-1));
  const byId: Placement['byId'] = [];
  let id = 0;
  cells.forEach((row, r) => row.forEach(({ col, span, cell }) => {
    byId.push({ col, span, cell, row: r });
    const rs = Math.max(1, cell.rowSpan ?? 1);
    for (let rr = r; rr < Math.min(cells.length, r + rs); rr++) {
      for (let c = col; c < Math.min(n, col + span); c++) owner[rr][c] = id;
    }
    id++;
  }));
  // places no cell covers are their own
  owner.forEach((o, r) => o.forEach((v, c) => { if (v < 0) o[c] = -1 - (r * n + c); }));
  return { cells, owner, byId };
}

const geometries = new WeakMap<TableBlock, TableGeometry>();

function geometry(it: TableItem): TableGeometry {
  let g = geometries.get(it.table);
  if (!g) {
    const n = it.table.columns.length;
    const xs = [0];
    for (let c = 0; c < n; c++) xs.push(xs[c] + RULE + CELL_PAD_PT + (it.widths[c] ?? 0));
    g = { xs, header: placement(headerRows(it.table), n), body: placement(it.table.rows, n) };
    geometries.set(it.table, g);
  }
  return g;
}

function hRule(pdf: Doc, x1: number, x2: number, y: number): void {
  pdf.moveTo(x1, y).lineTo(x2, y);
}

function vRule(pdf: Doc, x: number, y1: number, y2: number): void {
  pdf.moveTo(x, y1).lineTo(x, y2);
}

// A long cell (thousands of corner points) is drawn in parts, one per page: its lines are kept
// by the cell, not looked up by its text for each part.
const longCells = new WeakMap<Cell, LineSeg[][]>();

/** The lines of a cell at its width, as the page model counted them. */
function cellLines(it: TableItem, isHeader: boolean, width: number, cell: Cell, ty: Typography): LineSeg[][] {
  if (cell.text.length <= LONG_CELL) return cellLinesOf(it, isHeader, width, cell.text, ty);
  let lines = longCells.get(cell);
  if (!lines) longCells.set(cell, (lines = cellLinesOf(it, isHeader, width, cell.text, ty)));
  return lines;
}

function cellLinesOf(it: TableItem, isHeader: boolean, width: number, text: string, ty: Typography): LineSeg[][] {
  const f = isHeader ? ty.tableHeader : ty.table;
  if (text.length > LONG_CELL) {
    const kept = longCellLines(it.table, isHeader, width, text);
    if (kept) return kept;
  }
  const count = cellLineCount(it.table, isHeader, width, text);
  if (count === 1 || !text) return [runsOf(text, f.pdf)];
  return setLines(runsOf(text, f.pdf).map((r): Run => ({ text: r.text, font: r.font, sizePt: f.sizePt })), width).map((l) => l.segs);
}

/** Of each cell spanning rows: its next line, that line's top and page (set again when its first row is drawn: header rows repeat). */
const spanDrawn = new WeakMap<Cell, { line: number; y: number; page: unknown }>();

/** Draws one row's cells (lines [from, to) of each) and rules, the row's top at `y` (below the rule above it). */
function drawRow(f: Frame, it: TableItem, ty: Typography, pl: Placement, r: number, y: number, from: number, to: number, last: boolean): void {
  const g = geometry(it);
  const pdf = f.pdf;
  const n = it.table.columns.length;
  const isHeader = pl !== g.body;
  const spec = isHeader ? ty.tableHeader : ty.table;
  const lh = it.lineH;
  const x0 = f.left;
  const top = f.top + y;
  const gap = CELL_PAD_PT + RULE;
  // lines [first, end) of a cell, the first one's top at `lineTop`; gives the next line and its top
  const drawCell = (col: number, span: number, cell: Cell, first: number, end: number, lineTop: number): { line: number; y: number } => {
    let w = it.widths[col] ?? 0;
    for (let k = 1; k < span && col + k < n; k++) w += it.widths[col + k] + gap;
    const align: Align = cell.align ?? (isHeader ? 'center' : it.table.columns[col]?.align ?? 'center');
    const lines = cellLines(it, isHeader, w, cell, ty);
    const cx = x0 + g.xs[col] + RULE + CELL_PAD_PT / 2;
    const stop = Math.max(first, Math.min(end, lines.length));
    for (let l = first; l < stop; l++) {
      const segs = lines[l];
      const set: SetLine = { segs, width: 0, words: 1, forced: true };
      const placedLine = placeLine(set, spec.sizePt, cx, w, align, false, 0);
      drawLine(pdf, placedLine, spec.sizePt, lineTop + (l - first) * lh + baselineOf(segs, spec.sizePt));
    }
    return { line: stop, y: lineTop + (stop - first) * lh };
  };
  const linesTop = top + CELL_PAD_V;
  const linesBottom = linesTop + (to - from) * lh;
  for (const { col, span, cell } of pl.cells[r]) {
    if (col >= n) continue;
    const next = drawCell(col, span, cell, from, to, linesTop);
    if ((cell.rowSpan ?? 1) > 1) spanDrawn.set(cell, { ...next, page: pdf.page });
  }
  // A cell spanning rows goes on in the rows below its first one (the page model gave its last row
  // the lines the cell lacks): its next lines follow on at the same spacing on the same page (there
  // is no rule between), or from this row's top on a new page, as many as reach this row's bottom.
  const seen = new Set<number>();
  for (let c = 0; c < n; c++) {
    const id = pl.owner[r][c];
    if (id < 0 || seen.has(id)) continue;
    seen.add(id);
    const o = pl.byId[id];
    if (!o || o.row >= r) continue;
    const at = spanDrawn.get(o.cell);
    const lineTop = at && at.page === pdf.page ? at.y : linesTop;
    const room = Math.floor((linesBottom - lineTop) / lh + 1e-6);
    const next = drawCell(o.col, o.span, o.cell, at?.line ?? 0, (at?.line ?? 0) + room, lineTop);
    spanDrawn.set(o.cell, { ...next, page: pdf.page });
  }
  // rules: the vertical ones between cells (none inside a cell spanning columns), the one below the
  // row (none inside a cell spanning rows, unless the table goes on on the next page)
  const bottom = top + CELL_PAD_V + (to - from) * lh + (last ? CELL_PAD_V : 0);
  const own = pl.owner[r];
  for (let k = 0; k <= n; k++) {
    if (k > 0 && k < n && own[k - 1] === own[k]) continue;
    vRule(pdf, x0 + g.xs[k] + RULE / 2, top - RULE, bottom + RULE);
  }
  const next = last ? pl.owner[r + 1] : undefined;
  let start = -1;
  for (let c = 0; c <= n; c++) {
    const draw = c < n && !(next && next[c] === own[c]);
    if (draw && start < 0) start = c;
    if (!draw && start >= 0) {
      hRule(pdf, x0 + g.xs[start], x0 + g.xs[c] + RULE, bottom + RULE / 2);
      start = -1;
    }
  }
}

/** The table's top rule and header rows at `y`. */
export function drawHead(f: Frame, it: TableItem, ty: Typography, y: number): void {
  const g = geometry(it);
  f.pdf.lineWidth(RULE);
  hRule(f.pdf, f.left, f.left + g.xs[g.xs.length - 1] + RULE, f.top + y + RULE / 2);
  let yy = y + RULE;
  it.headRows.forEach((lines, r) => {
    drawRow(f, it, ty, g.header, r, yy, 0, lines, true);
    yy += CELL_PAD_V + lines * it.lineH + CELL_PAD_V + RULE;
  });
  f.pdf.stroke();
}

/** A body row (or the part [from, to) of its lines on this page) at `y`. */
export function drawBodyRow(f: Frame, it: TableItem, ty: Typography, r: number, y: number, from: number, to: number, last: boolean): void {
  if (to <= from && !last) return;
  const g = geometry(it);
  f.pdf.lineWidth(RULE);
  drawRow(f, it, ty, g.body, r, y, from, to, last);
  f.pdf.stroke();
}

