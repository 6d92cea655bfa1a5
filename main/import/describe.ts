// An import's result in the user's language: located issues, per-table counts, the columns not
// imported, and per row the fields and values it writes, inferred values marked.
import { GmpError } from '../domain/errors.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { describeError, tFor } from '../i18n/index.ts';
import { vocabLabel } from '../compose/filters.ts';
import { TABLES, columnLabelKey, type TableName } from '../store/tables.ts';
import type { ImportChange, ImportIssue, ImportResult } from './import-plan.ts';

/** "表 Sheet1，第 5 行，“采矿许可证号”列：…" in the user's language. */
export function describeImportIssue(e: ImportIssue, lang: Lang): string {
  // a column named in a message is named by its label (规模类型), never by its code
  const params = typeof e.params.column === 'string' ? { ...e.params, column: columnName(e.params.column, lang) } : e.params;
  if (typeof params.value === 'string' && typeof e.params.column === 'string') params.value = displayValue('mines', e.params.column, params.value, lang);
  if (typeof params.kept === 'string' && typeof e.params.column === 'string') params.kept = displayValue('mines', e.params.column, params.kept, lang);
  const msg = describeError(new GmpError(e.code, params), lang);
  return lang === 'zh'
    ? `${e.sheet}，第 ${e.row} 行${e.column ? `，“${e.column}”列` : ''}${e.value ? `（${e.value}）` : ''}：${msg}`
    : `${e.sheet}, row ${e.row}${e.column ? `, column “${e.column}”` : ''}${e.value ? ` (${e.value})` : ''}: ${msg}`;
}

/** A stored value as the user reads it: labels for codes, the text otherwise. */
export function displayValue(table: string, column: string, value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return lang === 'zh' ? '（空）' : '(empty)';
  const col = TABLES[table as TableName]?.columns.find((c) => c.key === column);
  if (col?.type === 'enum' && col.vocab) return vocabLabel(String(value), col.vocab, lang);
  if (col?.mineral) return String(value);
  if (column === 'mine_id') return `#${String(value)}`;
  return String(value).replace(/\n/g, ' ').slice(0, 80);
}

export function columnName(column: string, lang: Lang): string {
  return tFor(lang)(`domain:column.${columnLabelKey(column)}`, { defaultValue: column });
}

/** "第 3 行 新增 矿山“甲矿”：开采矿种 建筑用花岗岩；生产状态 停产〔由备注推断〕" */
export function describeChange(c: ImportChange, lang: Lang): string {
  const t = tFor(lang);
  const fields = Object.entries(c.values).filter(([k]) => k !== 'name_zh' && k !== 'number' && k !== 'points').map(([k, v]) => {
    const before = c.before && k in c.before ? `${displayValue(c.table, k, c.before[k], lang)} → ` : '';
    const mark = c.inferred[k] ? (lang === 'zh' ? `〔${t(`domain:markKind.${c.inferred[k]}`)}〕` : ` [${t(`domain:markKind.${c.inferred[k]}`)}]`) : '';
    const shown = k === 'mine_id' && c.mine ? `“${c.mine}”` : displayValue(c.table, k, v, lang);
    return `${columnName(k, lang)} ${before}${shown}${mark}`;
  });
  const table = t(`domain:table.${c.table}`);
  const action = lang === 'zh' ? (c.action === 'add' ? '新增' : '更新') : (c.action === 'add' ? 'add' : 'update');
  return lang === 'zh'
    ? `第 ${c.row} 行 ${action}${table}“${c.label}”${fields.length ? `：${fields.join('；')}` : ''}`
    : `row ${c.row}: ${action} ${table} “${c.label}”${fields.length ? `: ${fields.join('; ')}` : ''}`;
}

/** The head line of an import: sheet, header row, kind, counts per table, errors, and whether it was written. */
export function describeImportSummary(r: ImportResult, lang: Lang): string {
  const t = tFor(lang);
  const kind = t(`domain:table.${r.kind === 'points' ? 'blocks' : r.kind}`);
  const counts = Object.entries(r.counts).map(([table, n]) => (lang === 'zh'
    ? `${t(`domain:table.${table}`)}新增 ${n.add} 条、更新 ${n.update} 条`
    : `${t(`domain:table.${table}`)}: ${n.add} to add, ${n.update} to update`));
  const none = lang === 'zh' ? '没有要写入的内容' : 'nothing to write';
  const errors = r.totals.errors;
  const notices = r.totals.notices;
  // a long list of skipped rows is named by its first rows and its count
  const skipped = (sep: string, more: (n: number) => string) => r.skippedRows.length > SKIPPED_NAMED
    ? `${r.skippedRows.slice(0, SKIPPED_NAMED).join(sep)}${more(r.skippedRows.length)}`
    : r.skippedRows.join(sep);
  const listed = (lang === 'zh'
    ? (errors > r.errors.length || notices > r.notices.length || r.totals.changes > r.changes.length ? `\n（下面列出前 ${r.changes.length} 项修改、前 ${r.errors.length} 处错误、前 ${r.notices.length} 条提示。）` : '')
    : (errors > r.errors.length || notices > r.notices.length || r.totals.changes > r.changes.length ? `\n(Listed below: the first ${r.changes.length} changes, ${r.errors.length} errors and ${r.notices.length} notices.)` : ''));
  if (lang === 'zh') {
    const head = `${r.file}（${r.sheet}，表头在第 ${r.headerRow} 行，识别为“${kind}”）：${counts.join('，') || none}；错误 ${errors} 处，提示 ${notices} 条。`;
    const state = r.written ? (r.skippedRows.length ? `已写入，跳过第 ${skipped('、', (n) => ` 等共 ${n} `)} 行。` : '已写入。') : (errors ? '未写入任何数据。' : '（预览，未写入）');
    const unknown = r.unknownHeaders.length ? `\n未导入的列：${r.unknownHeaders.map((h) => `“${h}”`).join('、')}（不认识的表头；可在导入面板的“列对应”中填写，如 number=许可编码；命令行用 --map 字段=列）。` : '';
    return head + state + unknown + listed;
  }
  const head = `${r.file} (${r.sheet}, header on row ${r.headerRow}, read as “${kind}”): ${counts.join('; ') || none}; ${errors} error(s), ${notices} notice(s).`;
  const state = r.written ? (r.skippedRows.length ? ` Written; rows ${skipped(', ', (n) => ` … (${n} in all)`)} skipped.` : ' Written.') : (errors ? ' Nothing was written.' : ' (preview, nothing written)');
  const unknown = r.unknownHeaders.length ? `\nColumns not imported: ${r.unknownHeaders.map((h) => `“${h}”`).join(', ')} (headers not recognised; map them in the import panel's column mapping, e.g. number=Permit; on the command line with --map field=column).` : '';
  return head + state + unknown + listed;
}

/** Skipped rows named one by one in a summary; more are counted. */
const SKIPPED_NAMED = 50;
