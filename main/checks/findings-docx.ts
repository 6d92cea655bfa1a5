// The findings as a short Word document for the reviewer.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { PlanData } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';
import type { Finding } from './finding.ts';
import { checkSummary } from './run-checks.ts';

export async function renderFindingsDocx(data: PlanData, findings: Finding[], lang: Lang): Promise<Buffer> {
  const zh = lang === 'zh';
  const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: zh ? '仿宋' : 'Times New Roman' };
  const cell = (text: string, w: number, bold = false) => new TableCell({ width: { size: w, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text, font, size: 21, bold })] })] });
  const widths = [600, 1100, 2000, 5300];
  const header = zh ? ['序号', '级别', '对象', '问题'] : ['No.', 'Severity', 'Concerns', 'Finding'];
  const rows = [
    new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i], true)) }),
    ...findings.map((f, i) => new TableRow({ children: [
      cell(String(i + 1), widths[0]), cell(zh ? (f.severity === 'error' ? '错误' : '警告') : f.severity, widths[1]), cell(f.label, widths[2]), cell(f.message[lang], widths[3]),
    ] })),
  ];
  const title = zh ? `《${data.plan.title_zh}》数据检查报告` : `Data check report: ${data.plan.title_en || data.plan.title_zh}`;
  const doc = new Document({
    creator: 'Green Mine Plan Studio',
    title,
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, font: { ...font, eastAsia: zh ? '黑体' : 'Times New Roman' }, size: 32 })] }),
        new Paragraph({ children: [new TextRun({ text: `${checkSummary(findings, lang)}${zh ? '生成日期：' : ' Generated: '}${new Date().toISOString().slice(0, 10)}`, font, size: 24 })] }),
        new Table({ rows, columnWidths: widths, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA } }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
