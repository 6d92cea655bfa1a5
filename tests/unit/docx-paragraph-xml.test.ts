// The paragraphs the Word export writes as text (export/docx/paragraph-xml.ts) are byte for byte
// what the docx library writes for the same paragraphs, and a section's break lands in its last one.
import { describe, expect, it } from 'vitest';
import {
  AlignmentType, Bookmark, Document, InternalHyperlink, LineRuleType, Paragraph, Tab, TabStopType, TableOfContents, TextRun,
} from 'docx';
import { strFromU8 } from 'fflate';
import { packageFiles } from '../../main/export/docx/pack.ts';
import {
  bookmarkXml, internalLinkXml, paragraphXml, tabRunXml, tableOfContentsXml, textRunXml, withSectionProperties,
} from '../../main/export/docx/paragraph-xml.ts';
import { splicePackage, PLACEHOLDER } from '../../main/export/docx/table-xml.ts';

const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' };
const run = { font, size: 32, bold: false };
const text = '第一章　总则 & <规划> "引" \'号\' \u0001控制符';

async function bodyOf(children: (Paragraph | TableOfContents)[]): Promise<string> {
  const files = await packageFiles(new Document({ sections: [{ children }] }));
  const xml = strFromU8(files['word/document.xml']);
  return xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.indexOf('<w:sectPr>'));
}
/** bookmark ids come from one counter for the whole process: compared by their order */
const ids = (xml: string) => { const seen = new Map<string, number>(); return xml.replace(/w:id="(\d+)"/g, (_m, id) => `w:id="${seen.get(id) ?? seen.set(id, seen.size).get(id)}"`); };

describe('paragraphs written as text', () => {
  it('are what docx writes for the same paragraphs', async () => {
    const pairs: [Paragraph | TableOfContents, () => string][] = [
      [new Paragraph({ children: [] }), () => paragraphXml({})],
      [new Paragraph({ style: 'Title', children: [new TextRun({ text, ...run })] }), () => paragraphXml({ style: 'Title' }, textRunXml(text, run))],
      [new Paragraph({ pageBreakBefore: true, children: [new TextRun({ text, ...run, bold: true, italics: true }), new TextRun({ text: 'b', ...run, bold: undefined, italics: undefined })] }),
        () => paragraphXml({ pageBreakBefore: true }, textRunXml(text, { ...run, bold: true, italics: true }) + textRunXml('b', { ...run, bold: undefined }))],
      [new Paragraph({ heading: 'Heading2', pageBreakBefore: true, children: [new Bookmark({ id: 'h2', children: [new TextRun({ text, ...run })] })] }),
        () => paragraphXml({ style: 'Heading2', pageBreakBefore: true }, bookmarkXml('h2', textRunXml(text, run)))],
      [new Paragraph({ style: 'TableText', alignment: AlignmentType.LEFT, spacing: { before: 60 }, children: [new TextRun(text)] }),
        () => paragraphXml({ style: 'TableText', spacing: { before: 60 }, align: 'left' }, textRunXml(text))],
      [new Paragraph({ style: 'TableText', spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: '', size: 2 })] }),
        () => paragraphXml({ style: 'TableText', spacing: { after: 0, before: 0, line: 20, lineRule: 'exact' } }, textRunXml('', { size: 2 }))],
      [new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { after: 240 }, pageBreakBefore: true, children: [new TextRun({ text, ...run })] }),
        () => paragraphXml({ pageBreakBefore: true, spacing: { after: 240 }, firstLineIndent: 0, align: 'center' }, textRunXml(text, run))],
      [new Paragraph({ style: 'ListEntry', tabStops: [{ type: TabStopType.RIGHT, position: 8844, leader: 'dot' }], children: [new InternalHyperlink({ anchor: 'at-x', children: [new TextRun({ text, ...run }), new TextRun({ children: [new Tab()], ...run }), new TextRun({ text: '12', ...run })] })] }),
        () => paragraphXml({ style: 'ListEntry', rightDotTab: 8844 }, internalLinkXml('at-x', textRunXml(text, run) + tabRunXml(run) + textRunXml('12', run)))],
      [new TableOfContents('目　录', { hyperlink: true, headingStyleRange: '1-2', beginDirty: false, contentChildren: [new Paragraph({ style: 'TOC1', children: [new TextRun({ text, ...run })] })] }),
        () => tableOfContentsXml('目　录', paragraphXml({ style: 'TOC1' }, textRunXml(text, run)))],
    ];
    for (const [p, raw] of pairs) {
      const fromDocx = await bodyOf([p]);
      expect(ids(raw()), fromDocx.slice(0, 80)).toBe(ids(fromDocx));
    }
  });

  it('take a section break into their last paragraph, where docx puts it', async () => {
    const files = await packageFiles(new Document({ sections: [
      { children: [new Paragraph({ children: [new TextRun(PLACEHOLDER(0))] })] },
      { children: [new Paragraph({ children: [new TextRun(PLACEHOLDER(1))] })] },
      { children: [new Paragraph({ children: [new TextRun('end')] })] },
    ] }));
    const xml = strFromU8(splicePackage(files, [paragraphXml({ style: 'A' }, textRunXml('a')), `${paragraphXml({ style: 'B' })}<w:p/>`])['word/document.xml']);
    const sect = /<w:sectPr>.*?<\/w:sectPr>/.exec(xml)![0];
    expect(xml).toContain(`<w:p><w:pPr><w:pStyle w:val="A"/>${sect}</w:pPr><w:r><w:t xml:space="preserve">a</w:t></w:r></w:p>`);
    expect(xml).toContain('<w:p><w:pPr><w:pStyle w:val="B"/></w:pPr></w:p><w:p><w:pPr><w:sectPr>');
    expect(xml).not.toContain('@@GMP');
    expect(withSectionProperties(paragraphXml({}, textRunXml('x')), '<w:sectPr/>')).toBe('<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t xml:space="preserve">x</w:t></w:r></w:p>');
    expect(() => withSectionProperties('<w:tbl></w:tbl>', '<w:sectPr/>')).toThrow();
  });
});
