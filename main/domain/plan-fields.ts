// The plan's settings and jurisdiction profile: every field a template binds, its type and its
// range, in one list. The API contract, the settings form, `gmp plan set` and the template
// placeholders all read it, so a field is validated the same way whichever door it comes through.
import { z } from 'zod';
import { JURISDICTION_KINDS } from './vocabulary.ts';
import { GmpError } from './errors.ts';

export type FieldType = 'text' | 'kind' | 'month' | 'year' | 'years' | 'number' | 'int';

export interface SettingField {
  /** the key in plan.update / `gmp plan set` */
  key: string;
  /** where it is stored: a column of the plan record, or a profile entry (value_zh / value_en) */
  store: 'plan' | 'profile';
  /** the label key (domain:field.<label>), shared by a field's _zh and _en variants */
  label: string;
  /** the language of a bilingual text field */
  lang?: 'zh' | 'en';
  type: FieldType;
  min?: number;
  max?: number;
  /** a value must be given (never cleared) */
  required?: boolean;
  group: 'identity' | 'period' | 'profile';
}

export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

const both = (label: string, group: SettingField['group'], store: SettingField['store'] = 'plan', required = false): SettingField[] => [
  { key: `${label}_zh`, store, label, lang: 'zh', type: 'text', group, required },
  { key: `${label}_en`, store, label, lang: 'en', type: 'text', group },
];

export const SETTING_FIELDS: readonly SettingField[] = [
  ...both('jurisdiction', 'identity', 'plan', true),
  { key: 'kind', store: 'plan', label: 'kind', type: 'kind', group: 'identity', required: true },
  ...both('parent', 'identity'),
  ...both('region', 'identity'),
  ...both('title', 'identity', 'plan', true),
  ...both('issuer', 'identity'),
  { key: 'issue_date', store: 'plan', label: 'issue_date', type: 'month', group: 'identity' },
  { key: 'base_year', store: 'plan', label: 'base_year', type: 'year', group: 'period', required: true },
  { key: 'period_start', store: 'plan', label: 'period_start', type: 'year', group: 'period', required: true },
  { key: 'period_end', store: 'plan', label: 'period_end', type: 'year', group: 'period', required: true },
  { key: 'near_year', store: 'plan', label: 'near_year', type: 'year', group: 'period', required: true },
  { key: 'far_year', store: 'plan', label: 'far_year', type: 'year', group: 'period', required: true },
  { key: 'indicator_years', store: 'plan', label: 'indicator_years', type: 'years', group: 'period', required: true },
  { key: 'area_km2', store: 'plan', label: 'area_km2', type: 'number', min: 0.000001, max: 10_000_000, group: 'profile' },
  ...both('lon_range', 'profile', 'profile'),
  ...both('lat_range', 'profile', 'profile'),
  { key: 'bbox_west', store: 'plan', label: 'bbox_west', type: 'number', min: -180, max: 180, group: 'profile' },
  { key: 'bbox_east', store: 'plan', label: 'bbox_east', type: 'number', min: -180, max: 180, group: 'profile' },
  { key: 'bbox_south', store: 'plan', label: 'bbox_south', type: 'number', min: -90, max: 90, group: 'profile' },
  { key: 'bbox_north', store: 'plan', label: 'bbox_north', type: 'number', min: -90, max: 90, group: 'profile' },
  { key: 'towns', store: 'profile', label: 'towns', type: 'int', min: 0, max: 100_000, group: 'profile' },
  { key: 'villages', store: 'profile', label: 'villages', type: 'int', min: 0, max: 1_000_000, group: 'profile' },
  { key: 'population_10k', store: 'profile', label: 'population_10k', type: 'number', min: 0, max: 100_000, group: 'profile' },
  { key: 'gdp_100m_yuan', store: 'profile', label: 'gdp_100m_yuan', type: 'number', min: 0, max: 10_000_000, group: 'profile' },
  { key: 'gdp_growth_pct', store: 'profile', label: 'gdp_growth_pct', type: 'number', min: -100, max: 1000, group: 'profile' },
  { key: 'minerals_found', store: 'profile', label: 'minerals_found', type: 'int', min: 0, max: 1000, group: 'profile' },
];

export const SETTING_KEYS = SETTING_FIELDS.map((f) => f.key);

export function settingField(key: string): SettingField | undefined {
  return SETTING_FIELDS.find((f) => f.key === key);
}

/** The profile entry a profile field is stored under (lon_range_zh → lon_range). */
export function profileKeyOf(f: SettingField): string {
  return f.lang ? f.key.slice(0, -3) : f.key;
}

/** A field's problem: a code (errors:settings.<code>) and what the message names. */
export interface FieldIssue {
  field: string;
  code: 'type' | 'range' | 'required' | 'month' | 'years' | 'order_period' | 'order_base' | 'order_near' | 'order_far' | 'order_indicator' | 'unknown';
  params: Record<string, string | number>;
}

/** The error of a field's issue, located at the field; its message names the field's label. */
export function issueError(i: FieldIssue): GmpError {
  const f = settingField(i.field);
  return new GmpError(`settings.${i.code}`, { ...i.params, field: i.field, label: f?.label ?? i.field, type: f?.type ?? 'text' }, { field: i.field });
}

/** Checks one value against its field's type and range; null / '' clear an optional field. */
export function checkFieldValue(key: string, value: unknown): FieldIssue | null {
  const f = settingField(key);
  if (!f) return { field: key, code: 'unknown', params: { value: key } };
  const shown = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const empty = value === null || value === undefined || value === '';
  if (empty) return f.required ? { field: key, code: 'required', params: {} } : null;
  switch (f.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 1000 ? null : { field: key, code: 'type', params: { value: shown } };
    case 'kind':
      return (JURISDICTION_KINDS as readonly string[]).includes(String(value)) ? null : { field: key, code: 'type', params: { value: shown } };
    case 'month':
      return typeof value === 'string' && /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(value) && inYears(Number(value.slice(0, 4)))
        ? null : { field: key, code: 'month', params: { value: shown } };
    case 'year':
      if (typeof value !== 'number' || !Number.isInteger(value)) return { field: key, code: 'type', params: { value: shown } };
      return inYears(value) ? null : { field: key, code: 'range', params: { value: shown, min: YEAR_MIN, max: YEAR_MAX } };
    case 'years':
      if (!Array.isArray(value) || value.length === 0 || value.length > 10 || !value.every((y) => typeof y === 'number' && Number.isInteger(y))) {
        return { field: key, code: 'years', params: { value: shown } };
      }
      return value.every((y: number) => inYears(y)) ? null : { field: key, code: 'range', params: { value: shown, min: YEAR_MIN, max: YEAR_MAX } };
    case 'number':
    case 'int': {
      if (typeof value !== 'number' || !Number.isFinite(value) || (f.type === 'int' && !Number.isInteger(value))) {
        return { field: key, code: 'type', params: { value: shown } };
      }
      if ((f.min !== undefined && value < f.min) || (f.max !== undefined && value > f.max)) {
        return { field: key, code: 'range', params: { value: shown, min: f.min ?? '', max: f.max ?? '' } };
      }
      return null;
    }
  }
}

function inYears(y: number): boolean {
  return Number.isInteger(y) && y >= YEAR_MIN && y <= YEAR_MAX;
}

export interface PeriodFields {
  base_year?: number; period_start?: number; period_end?: number; near_year?: number; far_year?: number; indicator_years?: number[];
}

/**
 * The plan's years in order: base year ≤ period start ≤ period end; the near-term year within the
 * period; the outlook year not before the period's end; indicator years within start..outlook.
 * `blame` names the field an issue is reported on (the one the user just changed, when known).
 */
export function checkPeriodOrder(p: PeriodFields, changed: readonly string[] = []): FieldIssue[] {
  const out: FieldIssue[] = [];
  const pick = (a: string, b: string) => (changed.includes(b) && !changed.includes(a) ? b : a);
  const { base_year: base, period_start: start, period_end: end, near_year: near, far_year: far } = p;
  if (start !== undefined && end !== undefined && end < start) out.push({ field: pick('period_end', 'period_start'), code: 'order_period', params: { start, end } });
  if (base !== undefined && start !== undefined && base > start) out.push({ field: pick('base_year', 'period_start'), code: 'order_base', params: { base, start } });
  if (near !== undefined && start !== undefined && end !== undefined && (near < start || near > end)) {
    out.push({ field: changed.includes('near_year') || !(changed.includes('period_start') || changed.includes('period_end')) ? 'near_year' : changed.includes('period_start') ? 'period_start' : 'period_end', code: 'order_near', params: { near, start, end } });
  }
  if (far !== undefined && end !== undefined && far < end) out.push({ field: pick('far_year', 'period_end'), code: 'order_far', params: { far, end } });
  if (p.indicator_years && start !== undefined) {
    const last = far ?? end ?? YEAR_MAX;
    const bad = p.indicator_years.find((y) => y < start || y > last);
    if (bad !== undefined) out.push({ field: 'indicator_years', code: 'order_indicator', params: { year: bad, start, end: last } });
  }
  return out;
}

/** Every issue of a patch taken alone: types, ranges, and the order of the years it gives. */
export function checkSettingsPatch(patch: Record<string, unknown>): FieldIssue[] {
  const issues = Object.entries(patch).map(([k, v]) => checkFieldValue(k, v)).filter((x): x is FieldIssue => x !== null);
  if (issues.length) return issues;
  return checkPeriodOrder(patch as PeriodFields, Object.keys(patch));
}

/**
 * What a person typed into a field (a form input, `key=value` on the command line) as the value
 * to send: only what clearly is a number or a list of years is converted; anything else is sent
 * as typed, so validation names the field and the reason. An empty input clears the field.
 */
export function parseFieldInput(key: string, input: string): unknown {
  const f = settingField(key);
  const raw = input.trim();
  if (!f) return raw;
  if (raw === '') return null;
  switch (f.type) {
    case 'year':
    case 'int':
    case 'number':
      return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : raw;
    case 'years': {
      const parts = raw.split(/[,，、;；\s]+/).filter(Boolean);
      return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : raw;
    }
    default:
      return raw;
  }
}

/** A settings value as an input shows it. */
export function formatFieldValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  return Array.isArray(v) ? v.join(',') : String(v);
}

/** The zod schema of a settings patch: the contract's argument of plan.update. */
export const settingsPatchSchema = z.record(z.string().max(64), z.unknown()).superRefine((patch, ctx) => {
  for (const issue of checkSettingsPatch(patch)) {
    ctx.addIssue({ code: 'custom', path: [issue.field], message: `${issue.field}: ${issue.code}`, params: { settings: issue } });
  }
});
