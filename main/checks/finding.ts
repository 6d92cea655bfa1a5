// A finding of the plan checks: a rule, how serious, the rows it concerns, a message in zh and en.
import type { PlanData } from '../domain/model.ts';
import type { Facts } from '../facts/plan-facts.ts';
import { tFor } from '../i18n/index.ts';
import { vocabLabel } from '../compose/filters.ts';

export type Severity = 'error' | 'warning';

export interface Finding {
  rule: string;
  severity: Severity;
  table: string;
  rowId: number | null;
  /** the mine, licence or block named in messages */
  label: string;
  message: { zh: string; en: string };
}

export interface Rule {
  id: string;
  severity: Severity;
  run(data: PlanData, facts: Facts): Finding[];
}

/** A finding whose message is checks:<rule> in both languages. */
export type Param = string | number | { zh: string; en: string };

/** A vocabulary label as a parameter worded in each language. */
export function term(code: string, vocab: string): Param {
  return { zh: vocabLabel(code, vocab, 'zh'), en: vocabLabel(code, vocab, 'en') };
}

export function finding(rule: Rule, table: string, rowId: number | null, label: string, params: Record<string, Param> = {}, severity = rule.severity): Finding {
  const msg = (lang: 'zh' | 'en') => {
    const p = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
    return tFor(lang)(`checks:${rule.id}`, { ...p, label, interpolation: { escapeValue: false } });
  };
  return { rule: rule.id, severity, table, rowId, label, message: { zh: msg('zh'), en: msg('en') } };
}
