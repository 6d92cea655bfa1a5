// WordprocessingML paragraphs written straight as text, byte for byte as the docx library writes the
// same paragraphs (element and attribute order, escaping, on/off values). The plan's chapters,
// captions, cover and contents are built this way and spliced in after packing, like the tables
// (table-xml.ts): a fresh export worker spent about 0.1 s in docx's object model and formatter for
// the sample's few hundred paragraphs, most of it warming up code that runs once.
// tests/unit/docx-paragraph-xml.test.ts compares each kind with what docx writes.
import { bookmarkUniqueNumericId } from 'docx';

/** As docx (its xml writer) escapes text and attribute values: markup characters, quotes, and C0 controls dropped. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
export function escapeXml(s: string): string {
  return s.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');
}

export interface RunFonts { ascii: string; hAnsi: string; eastAsia: string; cs: string }

/** The run properties the exports use (docx's IRunOptions of the same names). */
export interface RunProps {
  font?: RunFonts;
  bold?: boolean;
  italics?: boolean;
  /** half-points */
  size?: number;
}

const onOff = (name: string, v: boolean) => (v ? `<${name}/>` : `<${name} w:val="false"/>`);

export function runPropertiesXml(p: RunProps): string {
  let x = '';
  if (p.font) x += `<w:rFonts w:ascii="${escapeXml(p.font.ascii)}" w:cs="${escapeXml(p.font.cs)}" w:eastAsia="${escapeXml(p.font.eastAsia)}" w:hAnsi="${escapeXml(p.font.hAnsi)}"/>`;
  if (p.bold !== undefined) x += onOff('w:b', p.bold) + onOff('w:bCs', p.bold);
  if (p.italics !== undefined) x += onOff('w:i', p.italics) + onOff('w:iCs', p.italics);
  if (p.size !== undefined) x += `<w:sz w:val="${p.size}"/>`;
  if (p.size) x += `<w:szCs w:val="${p.size}"/>`;
  return x ? `<w:rPr>${x}</w:rPr>` : '';
}

/** A run of text (docx: new TextRun({ text, ...props })). */
export function textRunXml(text: string, p: RunProps = {}): string {
  return `<w:r>${runPropertiesXml(p)}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** A run holding one tab (docx: new TextRun({ children: [new Tab()], ...props })). */
export function tabRunXml(p: RunProps = {}): string {
  return `<w:r>${runPropertiesXml(p)}<w:tab/></w:r>`;
}

/** The paragraph properties the exports use, in the schema's (and docx's) order. */
export interface ParagraphProps {
  style?: string;
  pageBreakBefore?: boolean;
  /** a right tab stop with a dot leader at this position (twips) */
  rightDotTab?: number;
  spacing?: { after?: number; before?: number; line?: number; lineRule?: 'exact' | 'auto' | 'atLeast' };
  firstLineIndent?: number;
  align?: 'center' | 'left' | 'right' | 'both';
}

export function paragraphPropertiesXml(p: ParagraphProps): string {
  let x = '';
  if (p.style) x += `<w:pStyle w:val="${escapeXml(p.style)}"/>`;
  if (p.pageBreakBefore) x += '<w:pageBreakBefore/>';
  if (p.rightDotTab !== undefined) x += `<w:tabs><w:tab w:val="right" w:pos="${p.rightDotTab}" w:leader="dot"/></w:tabs>`;
  if (p.spacing) {
    const s = p.spacing;
    const attrs = [['w:after', s.after], ['w:before', s.before], ['w:line', s.line], ['w:lineRule', s.lineRule]]
      .filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${v}"`).join('');
    x += `<w:spacing${attrs}/>`;
  }
  if (p.firstLineIndent !== undefined) x += `<w:ind w:firstLine="${p.firstLineIndent}"/>`;
  if (p.align) x += `<w:jc w:val="${p.align}"/>`;
  return x ? `<w:pPr>${x}</w:pPr>` : '';
}

/** A paragraph of these properties holding `content` (runs, bookmarks, hyperlinks); `<w:p/>` when both are empty. */
export function paragraphXml(p: ParagraphProps, content = ''): string {
  const props = paragraphPropertiesXml(p);
  return props || content ? `<w:p>${props}${content}</w:p>` : '<w:p/>';
}

/**
 * `content` inside a bookmark named `name`. Its numeric id comes from docx's own counter, so bookmarks
 * written here and by docx (the figures' captions) stay unique and numbered in document order.
 */
export function bookmarkXml(name: string, content: string): string {
  const id = bookmarkUniqueNumericId();
  return `<w:bookmarkStart w:name="${escapeXml(name)}" w:id="${id}"/>${content}<w:bookmarkEnd w:id="${id}"/>`;
}

/** A link to the bookmark `anchor` inside the document. */
export function internalLinkXml(anchor: string, content: string): string {
  return `<w:hyperlink w:history="1" w:anchor="${escapeXml(anchor)}">${content}</w:hyperlink>`;
}

/**
 * A table of contents field (Word's TOC \h \o "1-2") in its content control, its entries written
 * already (docx: new TableOfContents(alias, { hyperlink: true, headingStyleRange: '1-2', beginDirty: false, contentChildren })).
 */
export function tableOfContentsXml(alias: string, entries: string): string {
  return `<w:sdt><w:sdtPr><w:alias w:val="${escapeXml(alias)}"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>`
    + '<w:p><w:r><w:fldChar w:fldCharType="begin" w:dirty="false"/><w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;</w:instrText><w:fldChar w:fldCharType="separate"/></w:r></w:p>'
    + `${entries}<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:sdtContent></w:sdt>`;
}

/**
 * Puts a section's properties (`<w:sectPr>…</w:sectPr>`) into the last paragraph of `xml`, where docx
 * puts them: at the end of the paragraph's properties. `xml` must end with a paragraph.
 */
export function withSectionProperties(xml: string, sectPr: string): string {
  if (xml.endsWith('<w:p/>')) return `${xml.slice(0, -'<w:p/>'.length)}<w:p><w:pPr>${sectPr}</w:pPr></w:p>`;
  if (!xml.endsWith('</w:p>')) throw new Error('a section must end with a paragraph');
  const start = Math.max(xml.lastIndexOf('<w:p>'), xml.lastIndexOf('<w:p '));
  const open = xml.indexOf('>', start) + 1;
  if (xml.startsWith('<w:pPr>', open)) {
    const end = xml.indexOf('</w:pPr>', open);
    return `${xml.slice(0, end)}${sectPr}${xml.slice(end)}`;
  }
  return `${xml.slice(0, open)}<w:pPr>${sectPr}</w:pPr>${xml.slice(open)}`;
}
