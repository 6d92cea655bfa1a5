// Column widths of a table from its measured content, shared by the Word and PDF renderers (the
// widths are measured with the PDF faces' advance widths, which are the Word faces' widths: every
// Han glyph one em, Latin text in Times New Roman metrics).
// - A cell that is a figure (licence number, date, validity period, area, code, scale with its unit)
//   never wraps: its column is at least as wide as its widest such cell.
// - English text wraps between words only, Chinese between characters; a column is at least as wide
//   as its longest word, and a short Chinese header (面积（km²）, 开采矿种) is kept on one line.
// - A cell spanning several columns (a group header, "Indicator" over two columns) is held by
//   their sum: columns only such a cell covers are never left without width.
// - LibreOffice adds a fifth of the font size between a Chinese character and a Latin letter or
//   digit next to it (its "space between Asian and non-Asian text", which it does not read from
//   the .docx's w:autoSpaceDE); a figure's width includes it, so 18万m³/年 stays whole there too.
// - The rest of the width goes to the columns that wrap, in proportion to their content.
// - A table whose minimum width does not fit a portrait page is set on a landscape page.
import { headerRows, type Cell, type TableBlock } from '../../document/ir.ts';
import { textWidthPt } from './text-width.ts';
import { PAGE, mmToPt, type FaceSpec, type Typography } from '../typography.ts';

/** Cell padding left + right, pt (Word: 80 twips each side; pdfmake: 4 pt each side) and a rounding allowance. */
export const CELL_PAD_PT = 8;
const SLACK_PT = 1.5;

export const textWidthFor = (landscape: boolean): number => (landscape
  ? mmToPt(PAGE.heightMm - (PAGE.topMm - 10) - (PAGE.bottomMm - 10))
  : mmToPt(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm));

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
const CJK_G = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/g;

/** A figure that must stay on one line: digits with their punctuation and short unit or range words. */
export function isFigure(text: string): boolean {
  if (!/\d/.test(text) || text.length > 40) return false;
  const cjk = text.match(CJK_G)?.length ?? 0;
  if (cjk > 4) return false;
  // no run of two or more words of letters (that is prose, not a figure)
  return !/[A-Za-z]{3,}\s+[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(text);
}

const QUANTITY_OR_RUN = /\d[\d.,]*[万亿千百]?(?:[A-Za-z²³·]+|[吨元人户座个台套亩米方])?(?:\/(?:[年月日天时]|[A-Za-z]+))?|[A-Za-z0-9.,:%²³⁰-⁹\-/()（）]+|./gu;

/** The pieces of a text between which a line may break. */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/\s+/)) {
    if (!part) continue;
    if (!CJK.test(part)) {
      out.push(part);
      continue;
    }
    // Chinese breaks between characters; a run of Latin letters/digits inside stays whole, and so
    // does a quantity with its unit (18万m³/年, 60万吨/年, 2.5亿元)
    for (const m of part.matchAll(QUANTITY_OR_RUN)) out.push(m[0]);
  }
  return out;
}

interface Measure {
  /** width below which the column would break a figure, a word or a short header */
  min: number;
  /** width of its widest cell on one line */
  natural: number;
  /** all body cells are figures (the column never wraps) */
  figures: boolean;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN_ALNUM = /[A-Za-z0-9\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]/;

/**
 * LibreOffice's space between Asian and non-Asian text in a line, pt: a fifth of the font size at
 * each place where a Chinese character and a Latin letter or digit meet (no space or punctuation
 * between them). Word, which reads w:autoSpaceDE="0", adds none.
 */
export function scriptGapsPt(line: string, sizePt: number): number {
  let n = 0;
  let prev = '';
  for (const ch of line) {
    if (prev && ((HAN.test(prev) && LATIN_ALNUM.test(ch)) || (LATIN_ALNUM.test(prev) && HAN.test(ch)))) n++;
    prev = ch;
  }
  return n * sizePt / 5;
}

function measureCell(text: string, f: FaceSpec, header: boolean): { min: number; natural: number; figure: boolean } {
  const lines = text.split('\n');
  let natural = 0;
  let min = 0;
  const figure = isFigure(text);
  for (const line of lines) {
    const w = textWidthPt(line, f.pdf, f.sizePt) + scriptGapsPt(line, f.sizePt);
    natural = Math.max(natural, w);
    if (figure) { min = Math.max(min, w); continue; }
    const cjk = line.match(CJK_G)?.length ?? 0;
    if (header && cjk > 0 && cjk <= 6) { min = Math.max(min, w); continue; }
    if (header && cjk > 6) { min = Math.max(min, w / 2 + f.sizePt); continue; }
    for (const t of tokens(line)) min = Math.max(min, textWidthPt(t, f.pdf, f.sizePt));
  }
  return { min, natural, figure };
}

/** Grid positions of each row's cells (spans taken into account). */
export function placed(rows: Cell[][], nCols: number): { col: number; span: number; cell: Cell }[][] {
  const covered: number[] = new Array(nCols).fill(0);
  return rows.map((row) => {
    const out: { col: number; span: number; cell: Cell }[] = [];
    let col = 0;
    for (const cell of row) {
      while (col < nCols && covered[col] > 0) col++;
      const span = cell.colSpan ?? 1;
      out.push({ col, span, cell });
      for (let k = 0; k < span; k++) if (col + k < nCols) covered[col + k] = Math.max(covered[col + k], cell.rowSpan ?? 1);
      col += span;
    }
    for (let k = 0; k < nCols; k++) if (covered[k] > 0) covered[k] -= 1;
    return out;
  });
}

const measures = new WeakMap<TableBlock, Measure[]>();

export function measureColumns(t: TableBlock, ty: Typography): Measure[] {
  const cached = measures.get(t);
  if (cached) return cached;
  const n = t.columns.length;
  const m: Measure[] = Array.from({ length: n }, () => ({ min: 0, natural: 0, figures: true }));
  const seen: Set<string>[] = Array.from({ length: n }, () => new Set());
  const header = headerRows(t);
  const spanning: { col: number; span: number; cell: Cell; isHeader: boolean }[] = [];
  const add = (rows: Cell[][], isHeader: boolean) => placed(rows, n).forEach((row) => row.forEach(({ col, span, cell }) => {
    if (col >= n) return;
    if (span !== 1) { // spanning cells (totals, group headers) take the columns' sum: below
      spanning.push({ col, span: Math.min(span, n - col), cell, isHeader });
      return;
    }
    if (!isHeader) {
      if (seen[col].has(cell.text)) return; // 5,000 rows repeat their values
      seen[col].add(cell.text);
    }
    const r = measureCell(cell.text, isHeader ? ty.tableHeader : ty.table, isHeader);
    m[col].min = Math.max(m[col].min, r.min + CELL_PAD_PT + SLACK_PT);
    m[col].natural = Math.max(m[col].natural, r.natural + CELL_PAD_PT + SLACK_PT);
    if (!isHeader && cell.text && !r.figure) m[col].figures = false;
  }));
  add(header, true);
  add(t.rows, false);
  // a spanning cell wider than its columns together widens them, evenly
  for (const { col, span, cell, isHeader } of spanning) {
    const r = measureCell(cell.text, isHeader ? ty.tableHeader : ty.table, isHeader);
    const cols = m.slice(col, col + span);
    // the columns' cells hold span - 1 inner paddings the spanning cell can use
    const inner = (span - 1) * (CELL_PAD_PT + SLACK_PT);
    const need = (key: 'min' | 'natural', w: number) => {
      const deficit = w + CELL_PAD_PT + SLACK_PT - inner - cols.reduce((a, c) => a + c[key], 0);
      if (deficit > 0) cols.forEach((c) => { c[key] += deficit / span; });
    };
    need('min', r.min);
    need('natural', r.natural);
    for (const c of cols) c.natural = Math.max(c.natural, c.min);
  }
  measures.set(t, m);
  return m;
}

/** Width for the cells of an n-column table on a text width: the PDF draws its n + 1 rules of 0.5 pt outside the cells. */
export const tableWidthPt = (textWidthPt: number, nCols: number): number => textWidthPt - (nCols + 1) * 0.5 - 0.5;

const landscapeCache = new WeakMap<TableBlock, boolean>();

/**
 * The table needs a landscape page: its template says so, its columns cannot fit a portrait page,
 * or on a portrait page a text column (names) would hold fewer than 12 characters a line.
 */
export function isLandscape(t: TableBlock, ty: Typography): boolean {
  if (t.landscape) return true;
  let v = landscapeCache.get(t);
  if (v === undefined) {
    const m = measureColumns(t, ty);
    const width = tableWidthPt(textWidthFor(false), t.columns.length);
    if (m.reduce((a, c) => a + c.min, 0) > width) v = true;
    else {
      const w = columnWidths(t, ty, width);
      const roomy = ty.table.sizePt * 12 + CELL_PAD_PT;
      v = m.some((c, i) => !c.figures && w[i] < c.natural - 0.5 && w[i] < roomy);
    }
    landscapeCache.set(t, v);
  }
  return v;
}

/** Column widths in pt, summing to `width`. */
export function columnWidths(t: TableBlock, ty: Typography, width: number): number[] {
  const m = measureColumns(t, ty);
  const natural = m.reduce((a, c) => a + c.natural, 0);
  if (natural <= width) {
    // everything fits on one line: share the spare room among the text columns (all, if none)
    const spare = width - natural;
    const text = m.map((c) => !c.figures);
    const weight = m.reduce((a, c, i) => a + (text.some(Boolean) ? (text[i] ? c.natural : 0) : c.natural), 0);
    return m.map((c, i) => c.natural + (text.some(Boolean) ? (text[i] ? spare * c.natural / weight : 0) : spare * c.natural / weight));
  }
  // Figures keep their natural width. The other columns are capped at a common width C (never
  // below their minimum): short texts (a status, a mineral) stay on one line, and only the widest
  // columns (names) wrap. C is found by bisection.
  const floor = m.map((c) => (c.figures ? c.natural : c.min));
  const used = floor.reduce((a, b) => a + b, 0);
  if (used >= width) {
    // not even the minimum fits: scale the minimums (a landscape table wider than the page)
    const min = m.reduce((a, c) => a + c.min, 0);
    return m.map((c) => (c.min * width) / min);
  }
  const at = (cap: number) => m.map((c, i) => (c.figures ? c.natural : Math.max(c.min, Math.min(c.natural, cap))));
  let lo = 0;
  let hi = Math.max(...m.map((c) => c.natural));
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (at(mid).reduce((a, b) => a + b, 0) > width) hi = mid;
    else lo = mid;
  }
  const widths = at(lo);
  // the rounding remainder goes to the widest wrapping column
  const rest = width - widths.reduce((a, b) => a + b, 0);
  let widest = 0;
  widths.forEach((w, i) => { if (!m[i].figures && w > widths[widest]) widest = i; });
  widths[widest] += rest;
  return widths;
}
