// A finding of the plan checks: a rule, how serious, the rows it concerns, a message in zh and en.
import type { PlanData } from '../domain/model.ts';
import type { Facts } from '../facts/plan-facts.ts';
import { i18nFor, localeOf } from '../i18n/index.ts';
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
  /** the column of the row the finding is about (the grid goes to that cell) */
  column?: string;
  /** for findings in chapter text: the chapter, its language and the 1-based line of its source */
  chapter?: { key: string; lang: 'zh' | 'en'; line: number | null };
}

/** The column each rule is about, where there is one. */
const RULE_COLUMN: Record<string, string> = {
  'block.too_few_points': 'points', 'block.repeated_point': 'points', 'block.self_intersection': 'points', 'block.mixed_zones': 'points',
  'block.outside_jurisdiction': 'points', 'block.area_mismatch': 'declared_area_km2',
  'licence.ends_before_target': 'valid_to', 'licence.expired': 'valid_to', 'licence.duplicate_mine': 'mine_id',
  'mine.life_under_3': 'life_years', 'mine.scale_class_mismatch': 'scale_class', 'mine.unit_mismatch': 'scale_unit', 'mine.duplicate_name': 'name_zh',
};

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

// A rule's message template per language, looked up once: thousands of findings (5,000-mine
// plans) are worded by plain substitution, not one i18next call each.
const templates = new Map<string, string>();
function template(id: string, lang: 'zh' | 'en', count?: number): string {
  // a message with a count has plural forms (i18next's _one/_other) where the language needs them
  const form = typeof count === 'number' ? (lang === 'en' && count === 1 ? '_one' : '_other') : '';
  const k = `${lang}:${id}${form}`;
  let s = templates.get(k);
  if (s === undefined) {
    const res = (key: string): unknown => i18nFor(lang).getResource(localeOf(lang), 'checks', key);
    const raw: unknown = (form ? res(id + form) : undefined) ?? res(id);
    s = typeof raw === 'string' ? raw : id;
    templates.set(k, s);
  }
  return s;
}

/** Every row of a plan table by id, built once per table array (rules look mines up per licence or block). */
const indexes = new WeakMap<readonly { id: number }[], Map<number, unknown>>();
export function byId<T extends { id: number }>(rows: readonly T[]): Map<number, T> {
  let m = indexes.get(rows) as Map<number, T> | undefined;
  if (!m) indexes.set(rows, (m = new Map(rows.map((r) => [r.id, r]))));
  return m;
}

export function finding(rule: Rule, table: string, rowId: number | null, label: string, params: Record<string, Param> = {}, severity = rule.severity): Finding {
  const msg = (lang: 'zh' | 'en') => {
    const p: Record<string, string | number> = { label };
    for (const [k, v] of Object.entries(params)) p[k] = typeof v === 'object' ? v[lang] : v;
    return template(rule.id, lang, typeof p.count === 'number' ? p.count : undefined).replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in p ? String(p[name]) : whole));
  };
  const column = RULE_COLUMN[rule.id];
  return { rule: rule.id, severity, table, rowId, label, message: { zh: msg('zh'), en: msg('en') }, ...(column ? { column } : {}) };
}
