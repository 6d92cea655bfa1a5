// The adoption report as a Word document, in the user's language: per chapter what was bound, left
// literal and contradicted, and what became of each table. Written to a temporary name and renamed.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Lang } from '../domain/vocabulary.ts';
import { tFor } from '../i18n/index.ts';
import { writeFileAtomic } from '../files/atomic.ts';
import type { AdoptReport } from './adopt.ts';
import { adoptSummary } from './summary.ts';

export async function renderAdoptReportDocx(r: AdoptReport, lang: Lang): Promise<Buffer> {
  const t = tFor(lang);
  const k = (key: string, params: Record<string, unknown> = {}) => t(`document:adoptReport.${key}`, params);
  // the old plan's own words (chapter titles, contexts) are Chinese in either language: an East Asian face for them
  const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: lang === 'zh' ? '仿宋' : '宋体' };
  const run = (text: string, bold = false, size = 21) => new TextRun({ text, font, size, bold });
  const cell = (text: string, w: number, bold = false) => new TableCell({ width: { size: w, type: WidthType.DXA }, children: [new Paragraph({ children: [run(text, bold)] })] });
  const table = (header: string[], widths: number[], rows: string[][]) => new Table({
    columnWidths: widths, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    rows: [new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i], true)) }), ...rows.map((row) => new TableRow({ children: row.map((c, i) => cell(c, widths[i])) }))],
  });
  const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(text, true, 28)] });
  const title = k('reportTitle', { title: r.cover.title || r.source });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, font: { ...font, eastAsia: '黑体' }, size: 32 })] }),
    new Paragraph({ children: [run(adoptSummary(r, lang)[0], false, 24)] }),
    heading(k('tables')),
    table([k('col.label'), k('col.title'), k('col.result'), k('col.rows')], [1000, 4200, 2400, 1400],
      r.tables.map((tb) => [tb.label, tb.title, tb.table ? t(`domain:table.${tb.table}`) : tb.errors.length ? k('keptAsTextErrors', { count: tb.errors.length }) : k('keptAsText'), String(tb.rows)])),
  ];
  for (const tb of r.tables) for (const e of tb.errors) children.push(new Paragraph({ children: [run(e.message)] }));
  if (r.notices.length) {
    children.push(heading(k('notices')));
    for (const n of r.notices) children.push(new Paragraph({ children: [run(n.message)] }));
  }
  children.push(heading(k('findings')));
  if (!r.findings.length) children.push(new Paragraph({ children: [run(k('noFindings'))] }));
  for (const f of r.findings) children.push(new Paragraph({ children: [run(k('contradiction', { chapter: f.chapter, context: f.context, text: f.text, expected: f.expected, fact: f.factLabel }))] }));
  for (const c of r.chapters) {
    children.push(heading(k('chapterHeading', c as unknown as Record<string, unknown>)));
    if (c.figures.length) {
      children.push(table([k('col.figure'), k('col.status'), k('col.binding'), k('col.context')], [1300, 1500, 2700, 3500],
        c.figures.map((f) => [f.text, k(`status.${f.status}`), f.status === 'bound' ? f.expr! : f.status === 'contradicted' ? `${f.expected} (${f.fact})` : '', f.context])));
    }
  }
  const doc = new Document({ creator: 'Green Mine Plan Studio', title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

export async function writeAdoptReportDocx(r: AdoptReport, file: string, lang: Lang): Promise<void> {
  writeFileAtomic(file, await renderAdoptReportDocx(r, lang));
}
