// The adoption report as a few lines of text, in the user's language.
import type { Lang } from '../domain/vocabulary.ts';
import type { AdoptReport } from './adopt.ts';

export function adoptSummary(r: AdoptReport, lang: Lang): string[] {
  const zh = lang === 'zh';
  const lines: string[] = [];
  const t = r.totals;
  lines.push(zh
    ? `${r.source}：${r.chapters.length} 章，表格 ${t.tablesAsRows} 张转为数据、${t.tablesAsText} 张保留为文字；数字 ${t.bound} 处已绑定，${t.literal} 处保留原文，${t.contradicted} 处与表格矛盾。`
    : `${r.source}: ${r.chapters.length} chapters; ${t.tablesAsRows} tables as rows, ${t.tablesAsText} kept as text; ${t.bound} figures bound, ${t.literal} literal, ${t.contradicted} contradicting the tables.`);
  for (const c of r.chapters) {
    lines.push(zh ? `  ${c.title}：绑定 ${c.bound}，原文 ${c.literal}，矛盾 ${c.contradicted}` : `  ${c.title}: ${c.bound} bound, ${c.literal} literal, ${c.contradicted} contradicted`);
  }
  for (const tb of r.tables) {
    const name = [tb.label, tb.title].filter(Boolean).join(' ');
    if (tb.key) lines.push(zh ? `  表格“${name}” → ${tb.rows} 行数据（${tb.key}）` : `  Table “${name}” → ${tb.rows} rows (${tb.key})`);
    else lines.push(zh ? `  表格“${name}”未识别为数据表，保留为文字${tb.errors.length ? `（${tb.errors.length} 处错误）` : ''}` : `  Table “${name}” not recognised as data; kept as text${tb.errors.length ? ` (${tb.errors.length} errors)` : ''}`);
    for (const e of tb.errors.slice(0, 10)) lines.push(`    ${e.message}`);
  }
  for (const f of r.findings) {
    lines.push(zh ? `  矛盾：${f.chapter}“…${f.context}…”写 ${f.text}，表格计算为 ${f.expected}（${f.fact}）` : `  Contradiction: ${f.chapter} “…${f.context}…” says ${f.text}; the tables give ${f.expected} (${f.fact})`);
  }
  return lines;
}
