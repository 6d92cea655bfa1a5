// The document model → a Word file (docx). Real paragraph styles (Title, Heading 1-6) for the
// navigation pane; East Asian and Latin font slots set apart; a TOC with its entries and page
// numbers already written; tables with explicit grid columns and repeated header rows; wide
// tables in landscape sections; page numbers "— 1 —" in the footer.
import {
  AlignmentType, Bookmark, Document, Footer, Header, LineRuleType,
  PageNumber, PageOrientation, Paragraph, TextRun, type ISectionOptions, type IStylesOptions,
} from 'docx';
import type { Block, PlanDocument, TableBlock } from '../../document/ir.ts';
import { captionText, joinNumber } from '../../document/numbering.ts';
import { appendixEntries, paginate, type BodyLayout } from '../layout/paginate.ts';
import { PLACEHOLDER, splicePackage, tableXml, zipPackage, type TableRevisions } from './table-xml.ts';
import { packageFiles } from './pack.ts';
import {
  bookmarkXml, internalLinkXml, paragraphXml, tabRunXml, tableOfContentsXml, textRunXml, type ParagraphProps,
} from './paragraph-xml.ts';
import { figureSections, MediaSink } from './figure.ts';
import { saveDiskMemos } from '../../files/disk-memo.ts';
import { PAGE, mmToTwip, typographyFor, type FaceSpec, type Typography } from '../typography.ts';
import { columnWidths, isLandscape, tableWidthPt } from '../layout/table-layout.ts';

export interface DocxOptions {
  onProgress?: (fraction: number) => void;
}

function fontOf(ty: Typography, f: FaceSpec) {
  return { ascii: ty.latin, hAnsi: ty.latin, eastAsia: f.eastAsia, cs: ty.latin };
}

export function runStyle(ty: Typography, f: FaceSpec) {
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

export function styles(ty: Typography): IStylesOptions {
  const headingStyles = ty.headings.map((f, i) => ({
    id: `Heading${i + 1}`,
    name: `heading ${i + 1}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: runStyle(ty, f),
    // every heading sits on the line grid (exact line height), with space after only: a space
    // before would be dropped at the top of a page by one engine and kept by another
    paragraph: { ...paragraphStyle(ty, f, { before: 0, after: Math.round(f.afterPt * 20), exact: true }), keepNext: true, keepLines: true, outlineLevel: i },
  }));
  return {
    default: { document: { run: runStyle(ty, ty.body), paragraph: paragraphStyle(ty, ty.body, { exact: true, after: ty.paragraphAfterPt * 20 }) } },
    paragraphStyles: [
      { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: runStyle(ty, ty.title), paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } } },
      ...headingStyles,
      { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: runStyle(ty, ty.table), paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, line: Math.round(ty.tableLineHeightPt * 20), lineRule: LineRuleType.EXACT }, indent: { firstLine: 0 } } },
      { id: 'TableHeader', name: 'Table Header', basedOn: 'TableText', run: runStyle(ty, ty.tableHeader), paragraph: { alignment: AlignmentType.CENTER } },
      { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: runStyle(ty, ty.caption), paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 160, after: 120, line: Math.round(ty.caption.sizePt * 1.5 * 20), lineRule: LineRuleType.EXACT }, indent: { firstLine: 0 } } },
      { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: runStyle(ty, ty.body), paragraph: { indent: { firstLine: 0 }, spacing: { line: Math.round(ty.listLineHeightPt * 20), lineRule: LineRuleType.EXACT } } },
      { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', run: runStyle(ty, ty.body), paragraph: { indent: { left: Math.round(ty.body.sizePt * 2 * 20), firstLine: 0 }, spacing: { line: Math.round(ty.listLineHeightPt * 20), lineRule: LineRuleType.EXACT } } },
      { id: 'ListEntry', name: 'List Entry', basedOn: 'Normal', run: runStyle(ty, ty.body), paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0 }, spacing: { line: Math.round(ty.listLineHeightPt * 20), lineRule: LineRuleType.EXACT } } },
    ],
  };
}

/**
 * Tables, and the paragraphs written as text (paragraph-xml.ts), are spliced in after packing (see
 * table-xml.ts): here each is a placeholder paragraph.
 */
export class TableSink {
  readonly xml: string[] = [];
  /** `ty`: column widths measured from the content (table-layout.ts); without it, the columns' relative widths */
  constructor(private readonly textWidthFor: (landscape: boolean) => number, private readonly ty?: Typography) {}
  add(table: TableBlock, landscape: boolean, rev?: TableRevisions): Paragraph {
    return this.chunk(this.tableXml(table, landscape, rev));
  }

  /** The table's WordprocessingML, its columns measured for a page of that orientation. */
  tableXml(table: TableBlock, landscape: boolean, rev?: TableRevisions): string {
    const width = this.textWidthFor(landscape);
    const measured = this.ty ? columnWidths(table, this.ty, tableWidthPt(width / 20, table.columns.length)).map((pt) => pt * 20) : undefined;
    return tableXml(table, width, rev, measured);
  }

  /** A placeholder for `xml` (paragraphs and tables); the last of a section's may take its section break. */
  chunk(xml: string): Paragraph {
    const n = this.xml.length;
    this.xml.push(xml);
    return new Paragraph({ children: [new TextRun(PLACEHOLDER(n))] });
  }
}

/** A section's children: its XML as one placeholder (none when it has no content). */
function sectionChildren(sink: TableSink, xml: string[]): Paragraph[] {
  return xml.length ? [sink.chunk(xml.join(''))] : [];
}

export function tableOf(table: TableBlock, ty: Typography, sink: TableSink, landscape: boolean, breakBefore = false, lang: PlanDocument['lang'] = 'zh'): string {
  // a table of a chapter's own text may have no caption
  const captioned = !!(table.label || table.title);
  let out = captioned || breakBefore
    ? paragraphXml({ style: 'Caption', pageBreakBefore: breakBefore }, bookmarkXml(table.id, textRunXml(captioned ? captionText(table.label, table.title, lang) : '', runStyle(ty, ty.caption))))
    : '';
  out += sink.tableXml(table, landscape);
  // A paragraph always follows a table (a section may not end with one, and notes go here). Without
  // notes it is 1 pt tall, so a table that fills its page does not push an empty line onto the next.
  for (const note of table.notes) out += paragraphXml({ style: 'TableText', spacing: { before: 60 }, align: 'left' }, textRunXml(note));
  if (!table.notes.length) out += paragraphXml({ style: 'TableText', spacing: { after: 0, before: 0, line: 20, lineRule: 'exact' } }, textRunXml('', { size: 2 }));
  return out;
}

/** `breakBefore`: the block starts a new page (carried by its first paragraph, so a full page never leaves an empty one). */
function blockOf(b: Exclude<Block, { kind: 'pageBreak' }>, doc: PlanDocument, ty: Typography, sink: TableSink, breakBefore: boolean, layout: BodyLayout): string {
  switch (b.kind) {
    case 'heading': {
      const level = Math.min(b.level, 6);
      const text = joinNumber(b.number, b.text, doc.lang);
      // a heading the layout moved to keep with its text starts the page in Word too
      return paragraphXml({ style: `Heading${level}`, pageBreakBefore: breakBefore || layout.breaks.has(b.id) }, bookmarkXml(b.id, textRunXml(text, runStyle(ty, ty.headings[level - 1]))));
    }
    case 'paragraph': {
      const run = runStyle(ty, ty.body);
      return paragraphXml({ pageBreakBefore: breakBefore }, b.runs.map((r) => textRunXml(r.text, { ...run, bold: ty.body.bold || (doc.lang === 'en' && r.bold), italics: r.italic })).join(''));
    }
    case 'table':
      return tableOf(b, ty, sink, false, breakBefore, doc.lang);
  }
}

export function pageProps(landscape: boolean, pageStart?: number) {
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

export function textWidth(landscape: boolean): number {
  return landscape
    ? mmToTwip(PAGE.heightMm - (PAGE.topMm - 10) - (PAGE.bottomMm - 10))
    : mmToTwip(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm);
}

export function sampleHeader(mark: string, ty: Typography): Header {
  return new Header({
    children: [new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { firstLine: 0 },
      children: [new TextRun({ text: mark, ...runStyle(ty, ty.footer), bold: true, color: 'B3261E' })],
    })],
  });
}

export function footer(ty: Typography): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0 },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], ...runStyle(ty, ty.footer) })],
    })],
  });
}

/** A TOC-style entry: the text, a dot leader to the right margin, the page; linked to its bookmark. */
function pageEntry(style: string, ty: Typography, text: string, page: number | undefined, anchor: string): string {
  const run = runStyle(ty, ty.body);
  const runs = textRunXml(text, run) + tabRunXml(run) + textRunXml(page === undefined ? '' : String(page), run);
  return paragraphXml({ style, rightDotTab: textWidth(false) }, anchor ? internalLinkXml(anchor, runs) : runs);
}

/**
 * The TOC field with its entries and page numbers already written, linked to the headings' bookmarks.
 * The pages are the page model's (layout/paginate.ts: the PDF engine's line breaking, the same
 * faces' widths, line heights and break rules as this file), counted from 1 at the body's first
 * page, as the footers count. Entries written here, so the right tab stop sits on this document's
 * own text margin.
 */
function tableOfContents(doc: PlanDocument, layout: BodyLayout): string {
  const pages = layout.pages;
  const ty = typographyFor(doc.lang);
  return tableOfContentsXml(doc.strings.toc, doc.toc.map((e) => pageEntry(`TOC${e.level}`, ty, e.text, pages.get(e.id) ?? 1, e.id)).join(''));
}

export function buildDocx(doc: PlanDocument, layout: BodyLayout, opts: DocxOptions = {}, sink = new TableSink(textWidth, typographyFor(doc.lang)), media = new MediaSink()): Document {
  const ty = typographyFor(doc.lang);
  const heading = runStyle(ty, ty.headings[0]);
  const centred: ParagraphProps = { firstLineIndent: 0, align: 'center' };
  const blank = (n: number) => '<w:p/>'.repeat(n);
  const cover: ISectionOptions = {
    properties: pageProps(false),
    children: sectionChildren(sink, [
      blank(6),
      paragraphXml({ style: 'Title' }, textRunXml(doc.title, runStyle(ty, ty.title))),
      blank(12),
      paragraphXml(centred, textRunXml(doc.issuer, heading)),
      paragraphXml(centred, textRunXml(doc.date, heading)),
    ]),
  };
  const front: ISectionOptions = {
    properties: pageProps(false),
    children: sectionChildren(sink, [
      paragraphXml({ spacing: { after: 240 }, ...centred }, textRunXml(doc.strings.toc, heading)),
      tableOfContents(doc, layout),
      paragraphXml({ pageBreakBefore: true, spacing: { after: 240 }, ...centred }, textRunXml(doc.strings.appendixList, heading)),
      // each appendix with the page it starts on, as the TOC states its headings' pages
      ...appendixEntries(doc, layout).map((a) => pageEntry('ListEntry', ty, a.text, a.page, a.id)),
    ]),
  };

  const body: string[] = [];
  let breakBefore = false;
  doc.body.forEach((b, i) => {
    if (b.kind === 'pageBreak') {
      breakBefore = true;
      return;
    }
    body.push(blockOf(b, doc, ty, sink, breakBefore, layout));
    breakBefore = false;
    if (opts.onProgress && i % 50 === 0) opts.onProgress(0.1 + 0.5 * (i / doc.body.length));
  });
  // Body pages are numbered from 1 (the cover and the front matter carry no number).
  const sections: ISectionOptions[] = [cover, front, { properties: pageProps(false, 1), footers: { default: footer(ty) }, children: sectionChildren(sink, body) }];

  // Appendix maps, each on a page of its own, before the appendix tables.
  sections.push(...figureSections(doc, {
    pageProps: (landscape) => pageProps(landscape),
    footers: { default: footer(ty) },
    caption: (text, id) => new Paragraph({ style: 'Caption', children: [new Bookmark({ id, children: [new TextRun({ text, ...runStyle(ty, ty.caption) })] })] }),
    media,
  }));

  // Appendix tables: consecutive tables of the same orientation share a section.
  let group: TableBlock[] = [];
  const flush = () => {
    if (!group.length) return;
    const landscape = isLandscape(group[0], ty);
    const children = sectionChildren(sink, group.map((t, i) => tableOf(t, ty, sink, landscape, i > 0, doc.lang)));
    sections.push({ properties: pageProps(landscape), footers: { default: footer(ty) }, children });
    group = [];
  };
  for (const t of doc.appendices) {
    if (group.length && isLandscape(group[0], ty) !== isLandscape(t, ty)) flush();
    group.push(t);
  }
  flush();

  return new Document({
    creator: doc.issuer,
    title: doc.title,
    styles: styles(ty),
    // a plan with sample rows says so at the top of every page
    sections: doc.sampleMark ? sections.map((s) => ({ ...s, headers: { default: sampleHeader(doc.sampleMark!, ty) } })) : sections,
  });
}

export async function renderDocx(doc: PlanDocument, opts: DocxOptions = {}): Promise<Buffer> {
  const sink = new TableSink(textWidth, typographyFor(doc.lang));
  const media = new MediaSink();
  const layout = paginate(doc);
  opts.onProgress?.(0.1);
  const d = buildDocx(doc, layout, opts, sink, media);
  opts.onProgress?.(0.6);
  const files = media.splice(await packageFiles(d));
  opts.onProgress?.(0.8);
  const buf = zipPackage(splicePackage(files, sink.xml));
  saveDiskMemos();
  opts.onProgress?.(1);
  return buf;
}
