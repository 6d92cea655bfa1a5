// The document model → PDF (pdfmake in Node). Same numbering, captions, faces' advance widths,
// exact line heights and break rules as the Word file, so both paginate alike: the page model
// (layout/paginate.ts, pdfmake's own line breaking re-done as arithmetic) gives the pages of the
// headings and appendices and the headings that must move to keep with their text; the PDF is laid
// out once with those breaks and states those pages. Pages are numbered from 1 at the body's first page.
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions, TableCell as PdfCell } from 'pdfmake/interfaces';
import { headerRows, type Block, type Cell, type PlanDocument, type TableBlock } from '../../document/ir.ts';
import { captionText, joinNumber } from '../../document/numbering.ts';
import { typographyFor, type FaceSpec, type Typography } from '../typography.ts';
import { faceFiles, type FaceName } from '../layout/faces.ts';
import { inlines, lineInline, textWidthPt, type Align, type Inline } from './pdf-text.ts';
import { roleFor } from '../layout/text-width.ts';
import { CELL_PAD_PT, columnWidths, isLandscape, tableWidthPt, textWidthFor } from '../layout/table-layout.ts';
import { breakLines } from '../layout/lines.ts';
import { appendixEntries, cellChunks, cellLineCount, CELL_PAD_V, LONG_CELL, longCellLines, paginate, RULE, type BodyLayout } from '../layout/paginate.ts';
import { pageMargins } from '../layout/geometry.ts';
import { figurePages } from './figure.ts';

export { cellChunks };

let configured = false;
export function configurePdf(): void {
  if (configured) return;
  const files = faceFiles();
  const fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {};
  for (const [name, file] of Object.entries(files)) fonts[name] = { normal: file, bold: file, italics: file, bolditalics: file };
  pdfmake.setFonts(fonts);
  // No remote resources ever; local reads only of the bundled font files.
  const allowed = new Set(Object.values(files));
  pdfmake.setUrlAccessPolicy(() => false);
  (pdfmake as unknown as { setLocalAccessPolicy(cb: (p: string) => boolean): void })
    .setLocalAccessPolicy((p: string) => allowed.has(p));
  configured = true;
}

// pdfmake lays out the words of one text node with an array shift and copy per word, so one huge
// cell (a mine's thousands of corner points) costs the square of its length: a cell longer than
// LONG_CELL becomes a stack of its lines as the page model broke them (layout/paginate.ts), each one
// word; linear, same text, same breaks.

export interface PdfOptions {
  onProgress?: (fraction: number) => void;
  /** the pages on which pdfmake set each heading, map and appendix table (by id, counted from 1 at the body), once laid out */
  onPages?: (pages: Map<string, number>) => void;
}

/** Where pdfmake put each node with an id (its first line), as body pages; the body starts at `first`. */
function printedPages(content: Content[], first: Content | null): Map<string, number> {
  const pos = (n: unknown) => (n as { positions?: { pageNumber: number }[] } | null)?.positions?.[0]?.pageNumber;
  const start = pos(first) ?? 1;
  const out = new Map<string, number>();
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    const node = n as { id?: string; section?: unknown; stack?: unknown };
    const p = pos(node);
    if (node.id && p !== undefined) out.set(node.id, p - start + 1);
    walk(node.section);
    walk(node.stack);
  };
  walk(content);
  return out;
}

/** Inlines of a text in a FaceSpec's faces, aligned as its paragraph; bold/italic pick the Latin bold/italic face. */
function styled(text: string, f: FaceSpec, linePt: number | undefined, align: Align, emphasis: { bold?: boolean; italic?: boolean } = {}, color?: string, noWrap = false): Inline[] {
  return inlines(text, roleFor(f, emphasis), f.sizePt, linePt, align, color, noWrap);
}

const textWidthOf = textWidthFor;

function tableContent(t: TableBlock, ty: Typography, landscape: boolean, lang: PlanDocument['lang']): Content[] {
  const header = headerRows(t);
  const nCols = t.columns.length;
  const line = ty.tableLineHeightPt;
  let hasLongCell = false;
  // widths measured from the content (table-layout.ts; the Word file's widths), less the cell padding
  const widths = columnWidths(t, ty, tableWidthPt(textWidthOf(landscape), nCols)).map((w) => w - CELL_PAD_PT);
  // Inlines shared by the cells of equal text and alignment (tables repeat their values): pdfmake
  // copies them per word and never changes them, and every inline states all its style (pdf-text.ts).
  const shared = new Map<string, Inline[]>();
  const cellText = (text: string, isHeader: boolean, align: Align, oneLine = false): Inline[] => {
    const key = `${isHeader ? 'h' : 'b'}${align}${oneLine ? 1 : 0}|${text}`;
    let v = shared.get(key);
    if (!v) {
      v = styled(text, isHeader ? ty.tableHeader : ty.table, line, align, {}, undefined, oneLine);
      if (shared.size < 100_000) shared.set(key, v);
    }
    return v;
  };
  // A cell at a column: aligned as it says, else (body rows) as its column, else centred (the table's style).
  const gap = CELL_PAD_PT + RULE;
  const pdfCell = (cell: Cell, isHeader: boolean, col: number): PdfCell => {
    const align: Align = cell.align ?? (isHeader ? 'center' : t.columns[col]?.align ?? 'center');
    const long = cell.text.length > LONG_CELL;
    hasLongCell ||= long;
    // a text the page model set on one line (at the cell's width, spans included) is one word per face run
    let w = widths[col] ?? 0;
    for (let k = 1; k < (cell.colSpan ?? 1) && col + k < nCols; k++) w += widths[col + k] + gap;
    const oneLine = !long && cellLineCount(t, isHeader, w, cell.text) === 1;
    let c: Record<string, unknown>;
    if (long) {
      // a long cell (a mine's thousands of corner points) as the lines the page model broke it
      // into, one node and one word each: pdfmake neither breaks nor measures its words again
      const size = (isHeader ? ty.tableHeader : ty.table).sizePt;
      const lines = longCellLines(t, isHeader, w, cell.text);
      c = lines
        ? { stack: lines.map((l) => ({ text: l.map((seg) => lineInline(seg.text, seg.font, size, line, align)) })) }
        : { stack: cellChunks(cell.text).map((s) => ({ text: cellText(s, isHeader, align) })) };
    } else c = { text: cellText(cell.text, isHeader, align, oneLine) };
    if (cell.colSpan) c.colSpan = cell.colSpan;
    if (cell.rowSpan) c.rowSpan = cell.rowSpan;
    if (align !== 'center') c.alignment = align;
    return c as PdfCell;
  };
  // pdfmake wants a cell in every column: the places covered by column and row spans get {}.
  const fill = (rows: Cell[][], isHeader: boolean): PdfCell[][] => {
    const covered: number[] = new Array(nCols).fill(0);
    return rows.map((row) => {
      const out: PdfCell[] = [];
      let src = 0;
      for (let col = 0; col < nCols; col++) {
        if (covered[col] > 0) {
          out.push({} as PdfCell);
          covered[col] -= 1;
          continue;
        }
        const cell = row[src++];
        if (!cell) {
          out.push('' as PdfCell);
          continue;
        }
        const rs = cell.rowSpan ?? 1;
        const cs = cell.colSpan ?? 1;
        if (rs > 1) for (let k = 0; k < cs; k++) covered[col + k] = Math.max(covered[col + k], rs - 1);
        out.push(pdfCell(cell, isHeader, col));
        for (let k = 1; k < cs; k++) {
          col++;
          out.push({} as PdfCell);
        }
      }
      return out;
    });
  };
  const body = [...fill(header, true), ...fill(t.rows, false)];
  // a table of a chapter's own text may have no caption: its anchor is then an empty line
  const caption = t.label || t.title ? captionText(t.label, t.title, lang) : '';
  return [
    (caption ? { text: styled(caption, ty.caption, ty.caption.sizePt * 1.5, 'center'), style: 'caption', id: t.id } : { text: '', id: t.id, fontSize: 1 }) as Content,
    {
      // a row taller than a page (a long cell) may break across pages rather than be cut off
      table: { headerRows: header.length, widths, body, dontBreakRows: !hasLongCell },
      // the page model (layout/paginate.ts) counts these rules and paddings
      layout: { hLineWidth: () => RULE, vLineWidth: () => RULE, paddingTop: () => CELL_PAD_V, paddingBottom: () => CELL_PAD_V, paddingLeft: () => CELL_PAD_PT / 2, paddingRight: () => CELL_PAD_PT / 2 },
      style: 'table',
    },
    ...t.notes.map((n) => ({ text: styled(n, ty.table, line, 'left'), style: 'note' }) as Content),
  ];
}

function blockContent(b: Block, doc: PlanDocument, ty: Typography): Content[] {
  switch (b.kind) {
    case 'heading': {
      const lvl = Math.min(b.level, 6);
      const f = ty.headings[lvl - 1];
      return [{
        text: styled(joinNumber(b.number, b.text, doc.lang), f, ty.lineHeightPt, f.align, { bold: f.bold }),
        style: `h${lvl}`,
        id: b.id,
        headlineLevel: lvl,
      } as Content];
    }
    case 'paragraph':
      return [{
        text: b.runs.flatMap((r) => styled(r.text, ty.body, ty.lineHeightPt, 'justify', { bold: doc.lang === 'en' && r.bold, italic: r.italic })),
        style: 'body',
      } as Content];
    case 'table':
      return tableContent(b, ty, false, doc.lang);
    case 'pageBreak':
      return [];
  }
}

/** The body's blocks as pdfmake content; `breaks`: ids of headings that start a new page to keep with their text. */
function bodyContent(doc: PlanDocument, ty: Typography, breaks: Set<string>, startsDocument: boolean): { content: Content[]; first: Content | null } {
  const content: Content[] = [];
  let first: Content | null = null;
  // A page break is carried by the block after it, so a full page never leaves an empty one behind.
  // After the front matter the body starts a new page.
  let breakBefore = !startsDocument;
  for (const b of doc.body) {
    if (b.kind === 'pageBreak') {
      breakBefore = true;
      continue;
    }
    const parts = blockContent(b, doc, ty);
    if (!parts.length) continue;
    const id = (parts[0] as { id?: string }).id;
    if (breakBefore || (id && breaks.has(id))) parts[0] = { ...(parts[0] as object), pageBreak: 'before' } as Content;
    breakBefore = false;
    first ??= parts[0];
    content.push(...parts);
  }
  return { content, first };
}

function styles(doc: PlanDocument, ty: Typography): TDocumentDefinitions['styles'] {
  const zh = doc.lang === 'zh';
  const h = ty.headings;
  const style = (i: number) => ({
    fontSize: h[i].sizePt, alignment: h[i].align,
    leadingIndent: h[i].indent ? h[i].sizePt * 2 : 0,
    margin: [0, 0, 0, h[i].afterPt] as [number, number, number, number],
  });
  return {
    title: { fontSize: ty.title.sizePt, alignment: 'center' },
    coverLine: { fontSize: h[0].sizePt, alignment: 'center' },
    frontTitle: { fontSize: h[0].sizePt, alignment: 'center', margin: [0, 0, 0, 16] },
    listItem: { fontSize: ty.body.sizePt },
    h1: style(0), h2: style(1), h3: style(2), h4: style(3), h5: style(4), h6: style(5),
    body: { fontSize: ty.body.sizePt, leadingIndent: zh ? ty.body.sizePt * 2 : 0, alignment: 'justify', margin: [0, 0, 0, ty.paragraphAfterPt] },
    caption: { fontSize: ty.caption.sizePt, alignment: 'center', margin: [0, 8, 0, 6] },
    table: { fontSize: ty.table.sizePt, alignment: 'center' },
    note: { fontSize: ty.table.sizePt, margin: [0, 4, 0, 0] },
  };
}

/**
 * A TOC line: the entry, a dot leader, the page number at the right margin, on the entry's last
 * line and on its baseline. pdfmake sets a line's baseline below its top by the largest ascender of
 * the faces in it: the number (Latin digits) is given an empty run in the entry's East Asian face
 * when that face is on the entry's last line, or it would sit higher than the entry's text.
 */
function tocLine(text: string, page: number | undefined, level: number, ty: Typography): Content {
  const f = ty.body;
  const width = textWidthOf(false);
  const indent = level > 1 ? f.sizePt * 2 : 0;
  const numW = 3 * f.sizePt * 0.5 + 4;
  const dotW = textWidthPt('.', f.pdf, f.sizePt);
  const room = width - indent - numW - textWidthPt(text, f.pdf, f.sizePt) - f.sizePt * 0.5;
  const dots = room > dotW * 2 ? ' ' + '.'.repeat(Math.floor(room / dotW) - 1) : '';
  const entry = styled(text + dots, f, ty.listLineHeightPt, 'left');
  let num: Inline[] | string = '';
  if (page !== undefined) {
    const lines = breakLines(entry.map((i) => ({ text: i.text, font: i.font, sizePt: f.sizePt })), width - numW - indent);
    const last = lines[lines.length - 1] ?? [];
    const cjk = last.find((seg) => seg.font !== f.pdf.latin && seg.text.trim())?.font;
    num = [
      // empty lines down to the last (breakable: a one-word inline would not break at the newlines)
      ...(lines.length > 1 ? [{ ...lineInline('\n'.repeat(lines.length - 1), f.pdf.latin, f.sizePt, ty.listLineHeightPt, 'right'), noWrap: false }] : []),
      ...(cjk ? [lineInline('', cjk, f.sizePt, ty.listLineHeightPt, 'right')] : []),
      ...styled(String(page), f, ty.listLineHeightPt, 'right'),
    ];
  }
  return {
    columns: [
      { width: '*', text: entry, margin: [indent, 0, 0, 0] },
      { width: numW, text: num, alignment: 'right' },
    ],
  } as Content;
}

const printed = new WeakMap<Content[], Content | null>();

export function pdfDefinition(doc: PlanDocument, layout: BodyLayout): TDocumentDefinitions {
  const ty = typographyFor(doc.lang);
  const front: Content[] = [
    { text: styled(doc.title, ty.title, ty.title.sizePt * 1.5, 'center'), style: 'title', margin: [0, 160, 0, 0] },
    { text: styled(doc.issuer, ty.headings[0], ty.lineHeightPt, 'center'), style: 'coverLine', margin: [0, 300, 0, 8] },
    { text: styled(doc.date, ty.headings[0], ty.lineHeightPt, 'center'), style: 'coverLine', pageBreak: 'after' },
    { text: styled(doc.strings.toc, ty.headings[0], ty.lineHeightPt, 'center'), style: 'frontTitle' },
    ...doc.toc.map((e) => tocLine(e.text, layout.pages.get(e.id) ?? 1, e.level, ty)),
    { text: styled(doc.strings.appendixList, ty.headings[0], ty.lineHeightPt, 'center'), style: 'frontTitle', pageBreak: 'before' },
    // each appendix with the page it starts on, as the TOC states its headings' pages
    ...appendixEntries(doc, layout).map((a) => tocLine(a.text, a.page, 1, ty)),
  ];
  const { content: body, first } = bodyContent(doc, ty, layout.breaks, false);
  const content: Content[] = [...front, ...body];
  content.push(...figurePages(doc, (text) => ({ text: styled(text, ty.caption, ty.caption.sizePt * 1.5, 'center'), style: 'caption' }) as Content, pageMargins));
  doc.appendices.forEach((t) => {
    // each appendix table starts a page, with the Word file's margins for its orientation
    const landscape = isLandscape(t, ty);
    content.push({ section: tableContent(t, ty, landscape, doc.lang), pageOrientation: landscape ? 'landscape' : 'portrait', pageMargins: pageMargins(landscape) } as unknown as Content);
  });
  // The body's first page, known once the content is laid out (footers are laid out after it).
  const bodyStart = () => (first as { positions?: { pageNumber: number }[] } | null)?.positions?.[0]?.pageNumber ?? Infinity;
  printed.set(content, first);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: pageMargins(),
    info: { title: doc.title, author: doc.issuer, creator: 'Green Mine Plan Studio' },
    defaultStyle: { font: 'serif', fontSize: ty.body.sizePt },
    // a plan with sample rows says so at the top of every page
    ...(doc.sampleMark ? {
      header: () => ({ text: styled(doc.sampleMark!, ty.footer, undefined, 'right', {}, '#b3261e'), alignment: 'right', color: '#b3261e', fontSize: ty.footer.sizePt, margin: [0, 24, 48, 0] }),
    } : {}),
    footer: (currentPage: number) => {
      const start = bodyStart();
      if (currentPage < start) return { text: '' };
      return { text: styled(`— ${currentPage - start + 1} —`, ty.footer, undefined, 'center'), alignment: 'center', fontSize: ty.footer.sizePt, margin: [0, 20, 0, 0] };
    },
    content,
    styles: styles(doc, ty),
  };
}

export async function renderPdf(doc: PlanDocument, opts: PdfOptions = {}): Promise<Buffer> {
  configurePdf();
  opts.onProgress?.(0.05);
  const layout = paginate(doc);
  opts.onProgress?.(0.2);
  const def = pdfDefinition(doc, layout);
  const out = pdfmake.createPdf(def);
  const buf = await (out as unknown as { getBuffer(): Promise<Buffer> }).getBuffer();
  if (opts.onPages) opts.onPages(printedPages(def.content as Content[], printed.get(def.content as Content[]) ?? null));
  opts.onProgress?.(1);
  return Buffer.from(buf);
}

export type { BodyLayout, FaceName };
