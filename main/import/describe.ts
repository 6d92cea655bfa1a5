import { GmpError } from '../domain/errors.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { describeError } from '../i18n/index.ts';
import type { ImportIssue } from './import-plan.ts';

/** "表 Sheet1，第 5 行，“采矿许可证号”列：…" in the user's language. */
export function describeImportIssue(e: ImportIssue, lang: Lang): string {
  const msg = describeError(new GmpError(e.code, e.params), lang);
  return lang === 'zh'
    ? `${e.sheet}，第 ${e.row} 行${e.column ? `，“${e.column}”列` : ''}${e.value ? `（${e.value}）` : ''}：${msg}`
    : `${e.sheet}, row ${e.row}${e.column ? `, column “${e.column}”` : ''}${e.value ? ` (${e.value})` : ''}: ${msg}`;
}
