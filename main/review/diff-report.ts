// The change list as readers want it: a compact Word summary, and a side-by-side PDF for readers
// who do not use Word.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import pdfmake from 'pdfmake';
import type { Content, TableCell as PdfCell } from 'pdfmake/interfaces';
import type { Lang } from '../domain/vocabulary.ts';
import { tFor } from '../i18n/index.ts';
import { configurePdf } from '../export/pdf/render-pdf.ts';
import type { PlanDiff } from './compare.ts';
import { columnLabelKey, TABLES, type TableName } from '../store/tables.ts';
import { vocabLabel } from '../compose/filters.ts';
import { factText } from '../compose/catalog.ts';

/** The two sides as the title names them: the plan as it is now is 当前稿 / working copy, not "current". */
function sideNames(meta: { from: string; to: string }, t: (key: string) => string): { from: string; to: string } {
  const name = (s: string) => (s === 'current' ? t('review:current') : s);
  return { from: name(meta.from), to: name(meta.to) };
}

export interface DiffMeta { from: string; to: string; lang: Lang }

interface Line { object: string; kind: string; before: string; after: string }

/**
 * A derived figure named in words (never its path): the change list's own names first, then the
 * label the chapter editor's list of figures gives it, then names built from its parts.
 */
export function derivedName(fact: string, lang: Lang): string {
  const t = tFor(lang);
  const own = t(`review:facts.${fact}`, { defaultValue: '' });
  if (own) return own;
  const known = factText(`f.${fact}`, lang);
  if (known) return known.label;
  let m = /^subsets\.(\w+)\.(large|medium|small)\.(count|percent)$/.exec(fact);
  if (m) {
    const subset = m[1] === 'green' ? t('review:subset.green') : vocabLabel(m[1], 'status', lang);
    return t(`review:subset.${m[3]}`, { scale: vocabLabel(m[2], 'scaleClass', lang), subset });
  }
  m = /^subsets\.(\w+)\.total$/.exec(fact);
  if (m) return t('review:subset.total', { subset: m[1] === 'green' ? t('review:subset.green') : vocabLabel(m[1], 'status', lang) });
  m = /^green\.plannedByYear\[(\d+)\]\.count$/.exec(fact);
  if (m) return t('review:subset.plannedIn', { year: m[1] });
  m = /^(.*)\[([^\]]+)\](?:\.(.*))?$/.exec(fact);
  if (m) {
    const list = factText(`f.${m[1]}`, lang)?.label ?? t('review:subset.list');
    const part = m[3] ? factText(`f.zone.${m[3]}`, lang)?.label ?? '' : '';
    return t(part ? 'review:subset.itemPart' : 'review:subset.item', { list, item: /^\d+$/.test(m[2]) && !m[3] ? Number(m[2]) + 1 : m[2], part });
  }
  return t('review:subset.other');
}

/** `lang`: the words of the list; `docLang`: the language whose chapters were compared. */
export function diffLines(diff: PlanDiff, lang: Lang, docLang: Lang = lang): { chapters: Line[]; rows: Line[]; derived: Line[] } {
  const t = tFor(lang);
  const sep = t('review:sep');
  const kind = (k: string) => t(`review:kinds.${k}`);
  const col = (c: string) => (c.startsWith('t:') ? c.slice(2) : t(`domain:column.${columnLabelKey(c)}`, { defaultValue: c }));
  const s = (v: unknown) => (v === null || v === undefined ? '—' : String(v));
  const value = (table: string, column: string, v: unknown) => {
    const spec = TABLES[table as TableName]?.columns.find((c) => c.key === column);
    return spec?.type === 'enum' && spec.vocab && typeof v === 'string' ? vocabLabel(v, spec.vocab, lang) : s(v);
  };
  return {
    chapters: diff.chapters.filter((c) => c.lang === docLang).map((c) => ({ object: c.title, kind: kind(c.kind), before: s(c.before), after: s(c.after) })),
    rows: diff.rows.map((r) => ({
      object: `${t(`domain:table.${r.table}`)}${sep}${r.key}`,
      kind: kind(r.kind),
      before: r.cells.map((c) => `${col(c.column)}${sep}${value(r.table, c.column, c.before)}`).join('\n') || (r.kind === 'removed' ? r.key : ''),
      after: r.cells.map((c) => `${col(c.column)}${sep}${value(r.table, c.column, c.after)}`).join('\n') || (r.kind === 'added' ? r.key : ''),
    })),
    derived: diff.derived.map((d) => ({ object: derivedName(d.fact, lang), kind: kind('changed'), before: s(d.before), after: s(d.after) })),
  };
}

export async function renderDiffSummaryDocx(diff: PlanDiff, meta: DiffMeta): Promise<Buffer> {
  const t = tFor(meta.lang);
  const zh = meta.lang === 'zh';
  const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: zh ? '仿宋' : 'Times New Roman' };
  const widths = [2600, 900, 2750, 2750];
  const cell = (text: string, i: number, bold = false) => new TableCell({ width: { size: widths[i], type: WidthType.DXA }, children: text.split('\n').map((l) => new Paragraph({ children: [new TextRun({ text: l, font, size: 20, bold })] })) });
  const table = (lines: Line[]) => new Table({
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    rows: [
      new TableRow({ tableHeader: true, children: [t('review:object'), t('review:kind'), t('review:before'), t('review:after')].map((h, i) => cell(h, i, true)) }),
      ...lines.map((l) => new TableRow({ children: [cell(l.object, 0), cell(l.kind, 1), cell(l.before, 2), cell(l.after, 3)] })),
    ],
  });
  const lines = diffLines(diff, meta.lang);
  const heading = (text: string) => new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text, font: { ...font, eastAsia: zh ? '黑体' : 'Times New Roman' }, size: 28 })] });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t('review:title', sideNames(meta, t)), font: { ...font, eastAsia: zh ? '黑体' : 'Times New Roman' }, size: 32 })] }),
    new Paragraph({ children: [new TextRun({ text: t('review:summaryLine', { chapters: lines.chapters.length, rows: lines.rows.length, derived: lines.derived.length }), font, size: 24 })] }),
  ];
  for (const [key, list] of [['chapter', lines.chapters], ['table', lines.rows], ['derived', lines.derived]] as const) {
    if (!list.length) continue;
    children.push(heading(t(`review:${key}`)), table(list));
  }
  return Packer.toBuffer(new Document({ creator: 'Green Mine Plan Studio', title: t('review:title', sideNames(meta, t)), sections: [{ children }] }));
}

export async function renderDiffPdf(diff: PlanDiff, meta: DiffMeta): Promise<Buffer> {
  configurePdf();
  const t = tFor(meta.lang);
  const lines = diffLines(diff, meta.lang);
  const section = (title: string, list: Line[]): Content[] => (list.length ? [
    { text: title, fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
    {
      table: {
        headerRows: 1,
        widths: ['22%', '8%', '35%', '35%'],
        body: [
          [t('review:object'), t('review:kind'), t('review:before'), t('review:after')].map((h) => ({ text: h, bold: true }) as PdfCell),
          ...list.map((l) => [l.object, l.kind, { text: l.before, color: '#9b1c1c' }, { text: l.after, color: '#1c5d2a' }] as PdfCell[]),
        ],
      },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
      fontSize: 9,
    },
  ] : []);
  const def = {
    pageSize: 'A4' as const,
    pageOrientation: 'landscape' as const,
    pageMargins: [36, 36, 36, 36] as [number, number, number, number],
    defaultStyle: { font: 'serif', fontSize: 10 },
    content: [
      { text: t('review:title', sideNames(meta, t)), fontSize: 16, bold: true, alignment: 'center' as const },
      { text: t('review:summaryLine', { chapters: lines.chapters.length, rows: lines.rows.length, derived: lines.derived.length }), margin: [0, 8, 0, 0] as [number, number, number, number] },
      ...section(t('review:chapter'), lines.chapters),
      ...section(t('review:table'), lines.rows),
      ...section(t('review:derived'), lines.derived),
    ],
    footer: (page: number, count: number) => ({ text: `${page} / ${count}`, alignment: 'center' as const, fontSize: 8 }),
  };
  const buf = await (pdfmake.createPdf(def) as unknown as { getBuffer(): Promise<Buffer> }).getBuffer();
  return Buffer.from(buf);
}
