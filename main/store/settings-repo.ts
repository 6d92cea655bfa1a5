// The plan's settings as one flat record of the settings fields (plan columns and profile
// entries), read and written together so that a change can be validated as a whole and undone.
import type { DB } from './project.ts';
import {
  SETTING_FIELDS, checkFieldValue, checkPeriodOrder, issueError, profileKeyOf, settingField, type PeriodFields,
} from '../domain/plan-fields.ts';
import type { Plan } from '../domain/model.ts';
import { getPlan, getProfile, setProfile, updatePlan } from './plan-repo.ts';

export type SettingsValues = Record<string, string | number | number[] | null>;

export function getSettings(db: DB): SettingsValues {
  const plan = getPlan(db) as unknown as Record<string, unknown>;
  const profile = getProfile(db);
  const out: SettingsValues = {};
  for (const f of SETTING_FIELDS) {
    if (f.store === 'plan') {
      const v = plan[f.key] ?? null;
      out[f.key] = (v === '' ? null : v) as SettingsValues[string];
    } else {
      const entry = profile[profileKeyOf(f)];
      const text = entry ? (f.lang === 'en' ? entry.en : entry.zh) : '';
      out[f.key] = text === '' ? null : f.type === 'text' ? text : Number.isFinite(Number(text)) ? Number(text) : text;
    }
  }
  return out;
}

/**
 * Validates `patch` against its fields and against the plan's other years, then writes it.
 * Nothing is written when any value is refused. Returns the values before and after.
 */
export function applySettings(db: DB, patch: Record<string, unknown>): { before: SettingsValues; after: SettingsValues } {
  for (const [k, v] of Object.entries(patch)) {
    const issue = checkFieldValue(k, v);
    if (issue) throw issueError(issue);
  }
  const before = getSettings(db);
  const merged = { ...before, ...patch } as PeriodFields & SettingsValues;
  const order = checkPeriodOrder(merged, Object.keys(patch));
  if (order.length) throw issueError(order[0]);
  writeSettings(db, patch as SettingsValues);
  return { before, after: getSettings(db) };
}

/** Writes values already validated (also the undo of a settings change). */
export function writeSettings(db: DB, values: SettingsValues): void {
  const planPatch: Partial<Record<keyof Plan, unknown>> = {};
  for (const [k, v] of Object.entries(values)) {
    const f = settingField(k);
    if (!f) continue;
    if (f.store === 'plan') {
      planPatch[k as keyof Plan] = f.type === 'text' || f.type === 'month' ? (v ?? '') : v;
    } else {
      const key = profileKeyOf(f);
      const cur = getProfile(db)[key] ?? { zh: '', en: '' };
      const text = v === null || v === undefined ? '' : String(v);
      if (f.lang === 'zh') setProfile(db, key, text, cur.en);
      else if (f.lang === 'en') setProfile(db, key, cur.zh, text);
      else setProfile(db, key, text, text);
    }
  }
  updatePlan(db, planPatch as Partial<Plan>);
}
