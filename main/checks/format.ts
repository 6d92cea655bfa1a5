// Findings as lines of text (the command line, the Word report): nothing here runs a check.
import type { Lang } from '../domain/vocabulary.ts';
import type { Finding } from './finding.ts';

export function formatFinding(f: Finding, lang: Lang): string {
  const sev = lang === 'zh' ? (f.severity === 'error' ? '错误' : '警告') : f.severity;
  return `${sev}\t${f.rule}\t${f.table}${f.rowId != null ? `#${f.rowId}` : ''}\t${f.message[lang]}`;
}

export function checkSummary(findings: Finding[], lang: Lang): string {
  const e = findings.filter((f) => f.severity === 'error').length;
  const w = findings.length - e;
  return lang === 'zh' ? `共 ${e} 个错误、${w} 个警告。` : `${e} error(s), ${w} warning(s).`;
}
