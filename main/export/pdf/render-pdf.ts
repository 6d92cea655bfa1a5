// The document model → PDF (pdfmake in Node). Same numbering and captions as the Word file;
// the bundled CJK font embedded as a subset; header rows repeated; landscape pages for wide tables.
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions, TableCell as PdfCell } from 'pdfmake/interfaces';
import { headerRows, type Block, type Cell, type PlanDocument, type TableBlock } from '../../document/ir.ts';
import { joinNumber } from '../../document/numbering.ts';
import { PAGE, mmToPt, typographyFor, type Typography } from '../typography.ts';
import { frontMatterPages } from '../paginate.ts';
import { fontFiles } from './fonts.ts';

let configured = false;
export function configurePdf(): void {
  if (configured) return;
  const f = fontFiles();
  pdfmake.setFonts({ Plan: { normal: f.normal, bold: f.bold, italics: f.normal, bolditalics: f.bold } });
  // No remote resources ever; local reads only of the bundled font files.
  pdfmake.setUrlAccessPolicy(() => false);
  (pdfmake as unknown as { setLocalAccessPolicy(cb: (p: string) => boolean): void })
    .setLocalAccessPolicy((p: string) => p === f.normal || p === f.bold);
  configured = true;
}

/** Superscript digits the CJK face lacks (⁴ in "10⁴ t/a") are set as raised ordinary digits. */
const SUPERSCRIPT: Record<string, string> = { '⁰': '0', '¹': '1', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
const SUP_RE = /[⁰¹⁴-⁹]+/g;

export const PDF_SUBSTITUTED = Object.keys(SUPERSCRIPT);

export function pdfText(text: string): string | { text: string; sup?: boolean }[] {
  if (!SUP_RE.test(text)) return text;
  SUP_RE.lastIndex = 0;
  const out: { text: string; sup?: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(SUP_RE)) {
    if (m.index! > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: [...m[0]].map((c) => SUPERSCRIPT[c]).join(''), sup: true });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

export interface PdfOptions {
  onProgress?: (fraction: number) => void;
}

function tableContent(t: TableBlock, ty: Typography, landscape: boolean): Content[] {
  const header = headerRows(t);
  const nCols = t.columns.length;
  const toRow = (row: Cell[], isHeader: boolean): PdfCell[] => {
    // pdfmake wants a cell in every column: spanned-over places get {}. Plain cells stay plain
    // strings (a 5,000-row table is large); the table's style centres them.
    const out: PdfCell[] = [];
    for (const cell of row) {
      const text = pdfText(cell.text);
      if (!isHeader && !cell.colSpan && !cell.rowSpan && !cell.align) {
        out.push(typeof text === 'string' ? text : ({ text } as PdfCell));
        continue;
      }
      const c: Record<string, unknown> = { text };
      if (cell.colSpan) c.colSpan = cell.colSpan;
      if (cell.rowSpan) c.rowSpan = cell.rowSpan;
      if (cell.align) c.alignment = cell.align;
      if (isHeader) c.bold = true;
      out.push(c as PdfCell);
      for (let k = 1; k < (cell.colSpan ?? 1); k++) out.push({} as PdfCell);
    }
    return out;
  };
  // Fill the places covered by row spans from above.
  const fill = (rows: Cell[][], isHeader: boolean): PdfCell[][] => {
    const covered: number[] = new Array(nCols).fill(0);
    return rows.map((row) => {
      const cells = toRow(row, isHeader);
      const out: PdfCell[] = [];
      let src = 0;
      for (let col = 0; col < nCols; col++) {
        if (covered[col] > 0) {
          out.push({} as PdfCell);
          covered[col] -= 1;
          continue;
        }
        const cell = cells[src++] ?? ('' as PdfCell);
        const rs = typeof cell === 'object' ? ((cell as { rowSpan?: number }).rowSpan ?? 1) : 1;
        const cs = typeof cell === 'object' ? ((cell as { colSpan?: number }).colSpan ?? 1) : 1;
        if (rs > 1) for (let k = 0; k < cs; k++) covered[col + k] = Math.max(covered[col + k], rs - 1);
        out.push(cell);
        for (let k = 1; k < cs; k++) {
          col++;
          out.push(cells[src++] ?? ({} as PdfCell));
        }
      }
      return out;
    });
  };
  const total = t.columns.reduce((a, c) => a + c.width, 0);
  const pageW = landscape ? mmToPt(PAGE.heightMm - (PAGE.topMm - 10) - (PAGE.bottomMm - 10)) : mmToPt(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm);
  const widths = t.columns.map((c) => ((c.width / total) * (pageW - nCols * 8.5)));
  const body = [...fill(header, true), ...fill(t.rows, false)];
  for (const row of body.slice(header.length)) {
    row.forEach((cell, i) => {
      const align = t.columns[i]?.align ?? 'center';
      if (align === 'center') return;
      if (typeof cell === 'string') row[i] = { text: cell, alignment: align } as PdfCell;
      else if (Array.isArray((cell as { text?: unknown }).text) && !(cell as { alignment?: string }).alignment) (cell as { alignment?: string }).alignment = align;
      else {
        const c = cell as { alignment?: string; text?: string };
        if (c.text !== undefined && !c.alignment) c.alignment = align;
      }
    });
  }
  return [
    { text: pdfText(`${t.label}　${t.title}`), style: 'caption', id: t.id },
    {
      table: { headerRows: header.length, widths, body, dontBreakRows: true },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2 },
      style: 'table',
    },
    ...t.notes.map((n) => ({ text: pdfText(n), style: 'note' }) as Content),
  ];
}

function blockContent(b: Block, doc: PlanDocument, ty: Typography): Content[] {
  switch (b.kind) {
    case 'heading': {
      const lvl = Math.min(b.level, 6);
      return [{
        text: joinNumber(b.number, b.text, doc.lang),
        style: `h${lvl}`,
        id: b.id,
        tocItem: b.level <= 2,
        tocStyle: b.level === 1 ? 'toc1' : 'toc2',
        tocMargin: b.level === 1 ? [0, 0, 0, 0] : [ty.body.sizePt * 2, 0, 0, 0],
        headlineLevel: lvl,
      } as Content];
    }
    case 'paragraph':
      return [{ text: b.runs.flatMap((r) => {
        const t = pdfText(r.text);
        const style = { bold: doc.lang === 'en' ? r.bold : false, italics: r.italic };
        return typeof t === 'string' ? [{ text: t, ...style }] : t.map((x) => ({ ...x, ...style }));
      }), style: 'body' }];
    case 'table':
      return tableContent(b, ty, false);
    case 'pageBreak':
      return [];
  }
}

export function pdfDefinition(doc: PlanDocument): TDocumentDefinitions {
  const ty = typographyFor(doc.lang);
  const zh = doc.lang === 'zh';
  const lh = (size: number) => ty.lineHeightPt / (size * 1.3);
  const indent = (size: number) => (zh ? size * 2 : 0);
  const front = frontMatterPages(doc);
  const content: Content[] = [
    { text: doc.title, style: 'title', margin: [0, 160, 0, 0] },
    { text: doc.issuer, style: 'coverLine', margin: [0, 300, 0, 8] },
    { text: doc.date, style: 'coverLine', pageBreak: 'after' },
    { toc: { title: { text: doc.strings.toc, style: 'frontTitle' } } } as Content,
    { text: doc.strings.appendixList, style: 'frontTitle', pageBreak: 'before' },
    ...doc.appendixList.map((a) => ({ text: `${a.label}　${a.title}`, style: 'listItem' }) as Content),
  ];
  // A page break is carried by the block after it, so a full page never leaves an empty one behind.
  let breakBefore = true; // the body starts on a new page after the list of appendices
  for (const b of doc.body) {
    if (b.kind === 'pageBreak') {
      breakBefore = true;
      continue;
    }
    const parts = blockContent(b, doc, ty);
    if (breakBefore && parts.length) parts[0] = { ...(parts[0] as object), pageBreak: 'before' } as Content;
    breakBefore = false;
    content.push(...parts);
  }
  let orientation: 'portrait' | 'landscape' = 'portrait';
  doc.appendices.forEach((t) => {
    const o = t.landscape ? 'landscape' : 'portrait';
    content.push({ text: '', pageBreak: 'before', pageOrientation: o } as Content);
    orientation = o;
    content.push(...tableContent(t, ty, t.landscape));
  });
  void orientation;
  const h = ty.headings;
  const style = (i: number) => ({
    fontSize: h[i].sizePt, bold: h[i].bold || (zh && i === 0), alignment: h[i].align,
    margin: (i < 2 ? [0, 12, 0, 12] : zh ? [indent(h[i].sizePt), 0, 0, 0] : [0, 8, 0, 3]) as [number, number, number, number],
    lineHeight: i < 2 ? 1.2 : lh(h[i].sizePt),
  });
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [mmToPt(PAGE.leftMm), mmToPt(PAGE.topMm), mmToPt(PAGE.rightMm), mmToPt(PAGE.bottomMm)],
    info: { title: doc.title, author: doc.issuer, creator: 'Green Mine Plan Studio' },
    defaultStyle: { font: 'Plan', fontSize: ty.body.sizePt, lineHeight: lh(ty.body.sizePt) },
    footer: (currentPage: number) => (currentPage > front
      ? { text: `— ${currentPage} —`, alignment: 'center', fontSize: zh ? 12 : 10, margin: [0, 20, 0, 0] }
      : { text: '' }),
    content,
    styles: {
      title: { fontSize: ty.title.sizePt, bold: true, alignment: 'center', lineHeight: 1.3 },
      coverLine: { fontSize: h[0].sizePt, alignment: 'center' },
      frontTitle: { fontSize: h[0].sizePt, bold: true, alignment: 'center', margin: [0, 0, 0, 16] },
      listItem: { fontSize: ty.body.sizePt, lineHeight: ty.listLineHeightPt / (ty.body.sizePt * 1.3) },
      toc1: { fontSize: ty.body.sizePt, lineHeight: ty.listLineHeightPt / (ty.body.sizePt * 1.3) },
      toc2: { fontSize: ty.body.sizePt, lineHeight: ty.listLineHeightPt / (ty.body.sizePt * 1.3) },
      h1: style(0), h2: style(1), h3: style(2), h4: style(3), h5: style(4), h6: style(5),
      body: { leadingIndent: indent(ty.body.sizePt), alignment: 'left', margin: zh ? [0, 0, 0, 0] : [0, 0, 0, 6] },
      caption: { fontSize: ty.caption.sizePt, bold: true, alignment: 'center', margin: [0, 8, 0, 6], lineHeight: 1.2 },
      table: { fontSize: ty.table.sizePt, lineHeight: 1.15, alignment: 'center' },
      note: { fontSize: ty.table.sizePt, margin: [0, 4, 0, 0], lineHeight: 1.2 },
    },
  };
}

export async function renderPdf(doc: PlanDocument, opts: PdfOptions = {}): Promise<Buffer> {
  configurePdf();
  opts.onProgress?.(0.1);
  const def = pdfDefinition(doc);
  const out = pdfmake.createPdf(def);
  const buf = await (out as unknown as { getBuffer(): Promise<Buffer> }).getBuffer();
  opts.onProgress?.(1);
  return Buffer.from(buf);
}
