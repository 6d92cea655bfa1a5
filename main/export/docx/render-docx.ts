// The document model → a Word file (docx). Real paragraph styles (Title, Heading 1-6) for the
// navigation pane; East Asian and Latin font slots set apart; a TOC with its entries and page
// numbers already written; tables with explicit grid columns and repeated header rows; wide
// tables in landscape sections; page numbers "— 1 —" in the footer.
import {
  AlignmentType, Bookmark, InternalHyperlink, Tab, TabStopType, BorderStyle, Document, Footer, HeadingLevel, LineRuleType, Packer, PageBreak,
  PageNumber, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableOfContents, TableRow,
  TextRun, VerticalAlignTable, WidthType, type ISectionOptions, type IStylesOptions,
} from 'docx';
import { headerRows, type Block, type Cell, type PlanDocument, type TableBlock } from '../../document/ir.ts';
import { joinNumber } from '../../document/numbering.ts';
import { estimateHeadingPages, frontMatterPages } from '../paginate.ts';
import { PAGE, mmToTwip, typographyFor, type FaceSpec, type Typography } from '../typography.ts';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

export interface DocxOptions {
  onProgress?: (fraction: number) => void;
}

function fontOf(ty: Typography, f: FaceSpec) {
  return { ascii: ty.latin, hAnsi: ty.latin, eastAsia: f.eastAsia, cs: ty.latin };
}

function runStyle(ty: Typography, f: FaceSpec) {
  return { font: fontOf(ty, f), size: Math.round(f.sizePt * 2), bold: f.bold };
}

function paragraphStyle(ty: Typography, f: FaceSpec, extra: { before?: number; after?: number; exact?: boolean } = {}) {
  return {
    alignment: f.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    spacing: {
      before: extra.before ?? 0,
      after: extra.after ?? 0,
      ...(extra.exact ? { line: Math.round(ty.lineHeightPt * 20), lineRule: LineRuleType.EXACT } : {}),
    },
    indent: f.indent ? { firstLine: Math.round(f.sizePt * 2 * 20) } : undefined,
  };
}

function styles(ty: Typography): IStylesOptions {
  const headingStyles = ty.headings.map((f, i) => ({
    id: `Heading${i + 1}`,
    name: `heading ${i + 1}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: runStyle(ty, f),
    paragraph: { ...paragraphStyle(ty, f, { before: i < 2 ? 240 : 0, after: i < 2 ? 240 : 0, exact: i >= 2 }), keepNext: true, keepLines: true, outlineLevel: i },
  }));
  return {
    default: { document: { run: runStyle(ty, ty.body), paragraph: paragraphStyle(ty, ty.body, { exact: true }) } },
    paragraphStyles: [
      { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: runStyle(ty, ty.title), paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } } },
      ...headingStyles,
      { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: runStyle(ty, ty.table), paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO }, indent: { firstLine: 0 } } },
      { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: runStyle(ty, ty.caption), paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 120, line: 360, lineRule: LineRuleType.AUTO }, indent: { firstLine: 0 } } },
      { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: runStyle(ty, ty.body), paragraph: { indent: { firstLine: 0 }, spacing: { line: Math.round(ty.listLineHeightPt * 20), lineRule: LineRuleType.EXACT } } },
      { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', run: runStyle(ty, ty.body), paragraph: { indent: { left: Math.round(ty.body.sizePt * 2 * 20), firstLine: 0 }, spacing: { line: Math.round(ty.listLineHeightPt * 20), lineRule: LineRuleType.EXACT } } },
      { id: 'ListEntry', name: 'List Entry', basedOn: 'Normal', run: runStyle(ty, ty.body), paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0 }, spacing: { line: Math.round(ty.listLineHeightPt * 20), lineRule: LineRuleType.EXACT } } },
    ],
  };
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

function textLines(text: string, ty: Typography, f: FaceSpec): TextRun[] {
  const lines = text.split('\n');
  return lines.map((line, i) => new TextRun({ text: line, ...runStyle(ty, f), break: i > 0 ? 1 : undefined }));
}

function cellOf(cell: Cell, widthTwip: number, ty: Typography, header: boolean, colAlign: 'left' | 'center' | 'right' | undefined): TableCell {
  const f = header ? ty.tableHeader : ty.table;
  const align = cell.align ?? (header ? 'center' : colAlign ?? 'center');
  return new TableCell({
    children: [new Paragraph({
      style: 'TableText',
      alignment: align === 'left' ? AlignmentType.LEFT : align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
      children: textLines(cell.text, ty, f),
    })],
    width: { size: widthTwip, type: WidthType.DXA },
    columnSpan: cell.colSpan,
    rowSpan: cell.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

/** Column widths in twips, summing exactly to the text width. */
export function columnTwips(table: TableBlock, textWidthTwip: number): number[] {
  const total = table.columns.reduce((a, c) => a + c.width, 0);
  const widths = table.columns.map((c) => Math.floor((c.width / total) * textWidthTwip));
  widths[widths.length - 1] += textWidthTwip - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function spanWidth(widths: number[], start: number, span: number): number {
  return widths.slice(start, start + span).reduce((a, b) => a + b, 0);
}

/** Lays out rows with spans: returns, per row, the column index each cell starts at. */
export function cellColumns(rows: Cell[][], nCols: number): number[][] {
  const occupied: number[] = new Array(nCols).fill(0); // rows still covered by a rowSpan above
  return rows.map((row) => {
    const starts: number[] = [];
    let col = 0;
    for (const cell of row) {
      while (col < nCols && occupied[col] > 0) col++;
      starts.push(col);
      const span = cell.colSpan ?? 1;
      for (let k = 0; k < span; k++) if (col + k < nCols) occupied[col + k] = Math.max(occupied[col + k], cell.rowSpan ?? 1);
      col += span;
    }
    for (let k = 0; k < nCols; k++) if (occupied[k] > 0) occupied[k] -= 1;
    return starts;
  });
}

function tableOf(table: TableBlock, ty: Typography, textWidthTwip: number, breakBefore = false): (Paragraph | Table)[] {
  const widths = columnTwips(table, textWidthTwip);
  const header = headerRows(table);
  const all = [...header, ...table.rows];
  const starts = cellColumns(all, widths.length);
  const rows = all.map((row, r) => new TableRow({
    tableHeader: r < header.length,
    cantSplit: true,
    children: row.map((cell, i) => cellOf(cell, spanWidth(widths, starts[r][i], cell.colSpan ?? 1), ty, r < header.length, table.columns[starts[r][i]]?.align)),
  }));
  const out: (Paragraph | Table)[] = [
    new Paragraph({ style: 'Caption', pageBreakBefore: breakBefore || undefined, children: [new TextRun({ text: `${table.label}　${table.title}`, ...runStyle(ty, ty.caption) })] }),
    new Table({ rows, columnWidths: widths, width: { size: textWidthTwip, type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: BORDERS, alignment: AlignmentType.CENTER }),
  ];
  for (const note of table.notes) {
    out.push(new Paragraph({ style: 'TableText', spacing: { before: 60 }, children: [new TextRun({ text: note, ...runStyle(ty, ty.table) })] }));
  }
  return out;
}

/** `breakBefore`: the block starts a new page (carried by its first paragraph, so a full page never leaves an empty one). */
function blockOf(b: Block, doc: PlanDocument, ty: Typography, textWidthTwip: number, breakBefore = false): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading': {
      const f = ty.headings[Math.min(b.level, 6) - 1];
      const text = joinNumber(b.number, b.text, doc.lang);
      return [new Paragraph({
        heading: HEADINGS[Math.min(b.level, 6) - 1],
        pageBreakBefore: breakBefore || undefined,
        children: [new Bookmark({ id: b.id, children: [new TextRun({ text, ...runStyle(ty, f) })] })],
      })];
    }
    case 'paragraph':
      return [new Paragraph({
        pageBreakBefore: breakBefore || undefined,
        children: b.runs.map((r) => new TextRun({ text: r.text, ...runStyle(ty, ty.body), bold: ty.body.bold || (doc.lang === 'en' && r.bold), italics: r.italic })),
      })];
    case 'table':
      return tableOf(b, ty, textWidthTwip, breakBefore);
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

function pageProps(landscape: boolean, pageStart?: number) {
  const w = mmToTwip(PAGE.widthMm);
  const h = mmToTwip(PAGE.heightMm);
  return {
    page: {
      size: { width: w, height: h, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: landscape
        ? { top: mmToTwip(PAGE.leftMm), bottom: mmToTwip(PAGE.rightMm), left: mmToTwip(PAGE.topMm - 10), right: mmToTwip(PAGE.bottomMm - 10) }
        : { top: mmToTwip(PAGE.topMm), bottom: mmToTwip(PAGE.bottomMm), left: mmToTwip(PAGE.leftMm), right: mmToTwip(PAGE.rightMm) },
      pageNumbers: pageStart ? { start: pageStart } : undefined,
    },
  };
}

function textWidth(landscape: boolean): number {
  return landscape
    ? mmToTwip(PAGE.heightMm - (PAGE.topMm - 10) - (PAGE.bottomMm - 10))
    : mmToTwip(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm);
}

function footer(ty: Typography): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0 },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], ...runStyle(ty, ty.footer) })],
    })],
  });
}

/** The TOC field with its entries and estimated page numbers already written, linked to the headings' bookmarks. */
function tableOfContents(doc: PlanDocument): TableOfContents {
  // Pages are numbered from the cover on, as in the PDF; the footer shows from the body on.
  const pages = estimateHeadingPages(doc);
  const offset = frontMatterPages(doc);
  const ty = typographyFor(doc.lang);
  const right = textWidth(false);
  return new TableOfContents(doc.strings.toc, {
    hyperlink: true,
    headingStyleRange: '1-2',
    beginDirty: false,
    // Entries written here, so the right tab stop sits on this document's own text margin.
    contentChildren: doc.toc.map((e) => new Paragraph({
      style: `TOC${e.level}`,
      tabStops: [{ type: TabStopType.RIGHT, position: right, leader: 'dot' }],
      children: [new InternalHyperlink({
        anchor: e.id,
        children: [new TextRun({ text: e.text, ...runStyle(ty, ty.body) }), new TextRun({ children: [new Tab()], ...runStyle(ty, ty.body) }),
          new TextRun({ text: String((pages.get(e.id) ?? 1) + offset), ...runStyle(ty, ty.body) })],
      })],
    })),
  });
}

export function buildDocx(doc: PlanDocument, opts: DocxOptions = {}): Document {
  const ty = typographyFor(doc.lang);
  const blank = (n: number) => Array.from({ length: n }, () => new Paragraph({ children: [] }));
  const cover: ISectionOptions = {
    properties: pageProps(false),
    children: [
      ...blank(6),
      new Paragraph({ style: 'Title', children: [new TextRun({ text: doc.title, ...runStyle(ty, ty.title) })] }),
      ...blank(12),
      new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, children: [new TextRun({ text: doc.issuer, ...runStyle(ty, ty.headings[0]) })] }),
      new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, children: [new TextRun({ text: doc.date, ...runStyle(ty, ty.headings[0]) })] }),
    ],
  };
  const front: ISectionOptions = {
    properties: pageProps(false),
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { after: 240 }, children: [new TextRun({ text: doc.strings.toc, ...runStyle(ty, ty.headings[0]) })] }),
      tableOfContents(doc),
      new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { after: 240 }, pageBreakBefore: true, children: [new TextRun({ text: doc.strings.appendixList, ...runStyle(ty, ty.headings[0]) })] }),
      ...doc.appendixList.map((a) => new Paragraph({ style: 'ListEntry', children: [new TextRun({ text: `${a.label}　${a.title}`, ...runStyle(ty, ty.body) })] })),
    ],
  };

  const body: (Paragraph | Table)[] = [];
  const tw = textWidth(false);
  let breakBefore = false;
  doc.body.forEach((b, i) => {
    if (b.kind === 'pageBreak') {
      breakBefore = true;
      return;
    }
    const parts = blockOf(b, doc, ty, tw, breakBefore);
    breakBefore = false;
    body.push(...parts);
    if (opts.onProgress && i % 50 === 0) opts.onProgress(0.1 + 0.5 * (i / doc.body.length));
  });
  const sections: ISectionOptions[] = [cover, front, { properties: pageProps(false), footers: { default: footer(ty) }, children: body }];

  // Appendix tables: consecutive tables of the same orientation share a section.
  let group: TableBlock[] = [];
  const flush = () => {
    if (!group.length) return;
    const landscape = group[0].landscape;
    const children: (Paragraph | Table)[] = [];
    group.forEach((t, i) => children.push(...tableOf(t, ty, textWidth(landscape), i > 0)));
    sections.push({ properties: pageProps(landscape), footers: { default: footer(ty) }, children });
    group = [];
  };
  for (const t of doc.appendices) {
    if (group.length && group[0].landscape !== t.landscape) flush();
    group.push(t);
  }
  flush();

  return new Document({
    creator: doc.issuer,
    title: doc.title,
    styles: styles(ty),
    sections,
  });
}

export async function renderDocx(doc: PlanDocument, opts: DocxOptions = {}): Promise<Buffer> {
  const d = buildDocx(doc, opts);
  opts.onProgress?.(0.7);
  const buf = await Packer.toBuffer(d);
  opts.onProgress?.(1);
  return buf;
}
