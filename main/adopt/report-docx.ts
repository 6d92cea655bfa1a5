// The adoption report as a Word document: per chapter what was bound, left literal and
// contradicted, and what became of each table. Written to a temporary name and renamed.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Lang } from '../domain/vocabulary.ts';
import { writeFileAtomic } from '../store/atomic.ts';
import type { AdoptReport } from './adopt.ts';
import { adoptSummary } from './summary.ts';

export async function renderAdoptReportDocx(r: AdoptReport, lang: Lang): Promise<Buffer> {
  const zh = lang === 'zh';
  const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: zh ? '仿宋' : 'Times New Roman' };
  const run = (text: string, bold = false, size = 21) => new TextRun({ text, font, size, bold });
  const cell = (text: string, w: number, bold = false) => new TableCell({ width: { size: w, type: WidthType.DXA }, children: [new Paragraph({ children: [run(text, bold)] })] });
  const table = (header: string[], widths: number[], rows: string[][]) => new Table({
    columnWidths: widths, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    rows: [new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i], true)) }), ...rows.map((row) => new TableRow({ children: row.map((c, i) => cell(c, widths[i])) }))],
  });
  const status = (s: string) => (zh ? ({ bound: '已绑定', literal: '保留原文', contradicted: '与表格矛盾' } as Record<string, string>)[s] : s);
  const title = zh ? `《${r.cover.title}》导入报告` : `Adoption report: ${r.cover.title}`;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, font: { ...font, eastAsia: zh ? '黑体' : 'Times New Roman' }, size: 32 })] }),
    ...adoptSummary(r, lang).slice(0, 1).map((l) => new Paragraph({ children: [run(l, false, 24)] })),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(zh ? '表格' : 'Tables', true, 28)] }),
    table(zh ? ['表号', '表名', '结果', '行数'] : ['Label', 'Title', 'Result', 'Rows'], [1000, 4200, 2400, 1400],
      r.tables.map((t) => [t.label, t.title, t.key ?? (zh ? `保留为文字${t.errors.length ? `（${t.errors.length} 处错误）` : ''}` : `kept as text${t.errors.length ? ` (${t.errors.length} errors)` : ''}`), String(t.rows)])),
  ];
  for (const t of r.tables) for (const e of t.errors) children.push(new Paragraph({ children: [run(e.message)] }));
  for (const c of r.chapters) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(`${c.title}（${zh ? '绑定' : 'bound'} ${c.bound}，${zh ? '原文' : 'literal'} ${c.literal}，${zh ? '矛盾' : 'contradicted'} ${c.contradicted}）`, true, 28)] }));
    if (c.figures.length) {
      children.push(table(zh ? ['数字', '结果', '绑定 / 表格值', '上下文'] : ['Figure', 'Result', 'Binding / tables', 'Context'], [1300, 1500, 2700, 3500],
        c.figures.map((f) => [f.text, status(f.status), f.status === 'bound' ? f.expr! : f.status === 'contradicted' ? `${f.expected}（${f.fact}）` : '', f.context])));
    }
  }
  const doc = new Document({ creator: 'Green Mine Plan Studio', title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

export async function writeAdoptReportDocx(r: AdoptReport, file: string, lang: Lang): Promise<void> {
  writeFileAtomic(file, await renderAdoptReportDocx(r, lang));
}
