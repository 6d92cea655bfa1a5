// Reads and writes of the plan record, its profile and its chapters.
import type { DB } from './project.ts';
import type { Chapter, Plan, ScaleRule } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';

type PlanRow = Omit<Plan, 'indicator_years'> & { indicator_years: string };

export function getPlan(db: DB): Plan {
  const row = db.prepare('SELECT * FROM plan WHERE id = 1').get() as (PlanRow & { id: number }) | undefined;
  if (!row) throw new Error('plan record missing');
  const { id: _id, ...rest } = row;
  return { ...rest, indicator_years: JSON.parse(row.indicator_years) as number[] };
}

export function insertPlan(db: DB, plan: Plan): void {
  const cols = Object.keys(plan) as (keyof Plan)[];
  const values = cols.map((c) => (c === 'indicator_years' ? JSON.stringify(plan[c]) : plan[c]));
  db.prepare(`INSERT INTO plan (id, ${cols.join(', ')}) VALUES (1, ${cols.map(() => '?').join(', ')})`).run(...values);
}

export const PLAN_FIELDS: readonly (keyof Plan)[] = [
  'title_zh', 'title_en', 'jurisdiction_zh', 'jurisdiction_en', 'kind', 'parent_zh', 'parent_en', 'region_zh', 'region_en',
  'issuer_zh', 'issuer_en', 'issue_date', 'base_year', 'period_start', 'period_end', 'near_year', 'far_year',
  'indicator_years', 'area_km2', 'bbox_west', 'bbox_south', 'bbox_east', 'bbox_north',
];

export function updatePlan(db: DB, patch: Partial<Plan>): void {
  const cols = (Object.keys(patch) as (keyof Plan)[]).filter((c) => PLAN_FIELDS.includes(c));
  if (cols.length === 0) return;
  const values = cols.map((c) => (c === 'indicator_years' ? JSON.stringify(patch[c]) : patch[c]));
  db.prepare(`UPDATE plan SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = 1`).run(...values);
}

export function getProfile(db: DB): Record<string, { zh: string; en: string }> {
  const rows = db.prepare('SELECT key, value_zh, value_en FROM profile ORDER BY key').all() as { key: string; value_zh: string; value_en: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, { zh: r.value_zh, en: r.value_en }]));
}

export function setProfile(db: DB, key: string, zh: string, en: string): void {
  db.prepare('INSERT INTO profile(key, value_zh, value_en) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_zh = excluded.value_zh, value_en = excluded.value_en').run(key, zh, en);
}

export function listChapters(db: DB, lang?: Lang): Chapter[] {
  const rows = (lang
    ? db.prepare('SELECT * FROM chapters WHERE lang = ? ORDER BY sort, id').all(lang)
    : db.prepare('SELECT * FROM chapters ORDER BY sort, lang, id').all()) as (Omit<Chapter, 'numbered'> & { numbered: number })[];
  return rows.map((r) => ({ ...r, numbered: r.numbered === 1 }));
}

export function upsertChapter(db: DB, c: { key: string; lang: Lang; sort: number; title: string; numbered: boolean; body: string; origin: string }): void {
  db.prepare(`INSERT INTO chapters (sort, key, lang, title, numbered, body, origin, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(key, lang) DO UPDATE SET sort = excluded.sort, title = excluded.title, numbered = excluded.numbered,
      body = excluded.body, origin = excluded.origin, updated_at = excluded.updated_at`)
    .run(c.sort, c.key, c.lang, c.title, c.numbered ? 1 : 0, c.body, c.origin, new Date().toISOString());
}

export function updateChapterText(db: DB, key: string, lang: Lang, patch: { title?: string; body?: string }): boolean {
  const res = db.prepare(`UPDATE chapters SET title = COALESCE(?, title), body = COALESCE(?, body), updated_at = ? WHERE key = ? AND lang = ?`)
    .run(patch.title ?? null, patch.body ?? null, new Date().toISOString(), key, lang);
  return res.changes > 0;
}

export function getAppendices(db: DB): string[] {
  return (db.prepare('SELECT key FROM appendices ORDER BY sort').all() as { key: string }[]).map((r) => r.key);
}

export function setAppendices(db: DB, keys: readonly string[]): void {
  db.prepare('DELETE FROM appendices').run();
  const ins = db.prepare('INSERT INTO appendices(sort, key) VALUES (?, ?)');
  keys.forEach((k, i) => ins.run(i + 1, k));
}

export function getScaleRules(db: DB): ScaleRule[] {
  return db.prepare('SELECT mineral, method, unit, large_min, medium_min FROM scale_rules ORDER BY id').all() as ScaleRule[];
}

export function setScaleRules(db: DB, rules: readonly ScaleRule[]): void {
  db.prepare('DELETE FROM scale_rules').run();
  const ins = db.prepare('INSERT INTO scale_rules(mineral, method, unit, large_min, medium_min) VALUES (?, ?, ?, ?, ?)');
  for (const r of rules) ins.run(r.mineral, r.method, r.unit, r.large_min, r.medium_min);
}
