// The adoption report as a few lines of text, in the user's language (locales/*/document.json).
import type { Lang } from '../domain/vocabulary.ts';
import { tFor } from '../i18n/index.ts';
import type { AdoptReport } from './adopt.ts';

/** A table's name in the report: its label and caption as the document gave them. */
export const tableName = (tb: { label: string; title: string }) => [tb.label, tb.title].filter(Boolean).join(' ');

export function adoptSummary(r: AdoptReport, lang: Lang): string[] {
  const t = tFor(lang);
  const k = (key: string, params: Record<string, unknown>) => t(`document:adoptReport.${key}`, params);
  const lines: string[] = [];
  const tot = r.totals;
  lines.push(k('summary', { source: r.source, chapters: r.chapters.length, rows: tot.tablesAsRows, text: tot.tablesAsText, bound: tot.bound, literal: tot.literal, contradicted: tot.contradicted }));
  for (const c of r.chapters) lines.push(`  ${k('chapterLine', c as unknown as Record<string, unknown>)}`);
  for (const tb of r.tables) {
    const name = tableName(tb);
    if (tb.table) lines.push(`  ${k('tableRows', { name, rows: tb.rows, table: t(`domain:table.${tb.table}`) })}`);
    else lines.push(`  ${tb.errors.length ? k('tableTextErrors', { name, count: tb.errors.length }) : k('tableText', { name })}`);
    for (const e of tb.errors.slice(0, 10)) lines.push(`    ${e.message}`);
  }
  for (const n of r.notices) lines.push(`  ${n.message}`);
  for (const f of r.findings) lines.push(`  ${k('contradiction', { chapter: f.chapter, context: f.context, text: f.text, expected: f.expected, fact: f.factLabel })}`);
  return lines;
}
