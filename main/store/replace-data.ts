// Writes a whole PlanData snapshot over the project's data (restoring a revision). One transaction.
import type { DB } from './project.ts';
import type { PlanData } from '../domain/model.ts';
import { replaceMarks } from './cell-marks.ts';
import { replaceLocalMinerals } from './local-minerals.ts';
import { legacyCode } from '../domain/minerals.ts';
import { insertPlan, setAppendices, setProfile, setScaleRules } from './plan-repo.ts';

const insert = (db: DB, table: string, obj: Record<string, unknown>) => {
  const cols = Object.keys(obj);
  db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => obj[c] as never));
};

/** A snapshot written before minerals were names holds codes ('coal'): read them as the names they showed. */
export function upgradeSnapshot(data: PlanData): PlanData {
  const name = (m: string) => legacyCode(m) ?? m;
  return {
    ...data,
    mines: data.mines.map((m) => ({ ...m, mineral: name(m.mineral) })),
    explorationRights: data.explorationRights.map((e) => ({ ...e, mineral: name(e.mineral) })),
    reserves: data.reserves.map((r) => ({ ...r, mineral: name(r.mineral) })),
    scaleRules: data.scaleRules.map((r) => ({ ...r, mineral: name(r.mineral) })),
    localMinerals: data.localMinerals ?? [],
    marks: data.marks ?? [],
  };
}

export function replacePlanData(db: DB, data: PlanData): void {
  db.pragma('defer_foreign_keys = ON');
  for (const t of ['points', 'blocks', 'indicator_targets', 'indicators', 'licences', 'exploration_rights', 'reserves', 'mines', 'zones', 'chapters', 'appendices', 'scale_rules', 'profile', 'plan']) {
    db.prepare(`DELETE FROM ${t}`).run();
  }
  insertPlan(db, data.plan);
  for (const [k, v] of Object.entries(data.profile)) setProfile(db, k, v.zh, v.en);
  for (const z of data.zones) insert(db, 'zones', { ...z });
  for (const m of data.mines) insert(db, 'mines', { ...m });
  for (const l of data.licences) insert(db, 'licences', { ...l });
  for (const e of data.explorationRights) insert(db, 'exploration_rights', { ...e });
  for (const r of data.reserves) insert(db, 'reserves', { ...r });
  for (const { targets, ...ind } of data.indicators) {
    insert(db, 'indicators', ind);
    for (const [year, v] of Object.entries(targets)) insert(db, 'indicator_targets', { indicator_id: ind.id, year: Number(year), value_zh: v.zh, value_en: v.en });
  }
  for (const { points, ...b } of data.blocks) {
    insert(db, 'blocks', b);
    points.forEach((p, i) => insert(db, 'points', { block_id: b.id, seq: i + 1, label: p.label, x: p.x, y: p.y }));
  }
  for (const c of data.chapters) insert(db, 'chapters', { ...c, numbered: c.numbered ? 1 : 0 });
  setAppendices(db, data.appendices);
  setScaleRules(db, data.scaleRules);
  replaceLocalMinerals(db, data.localMinerals ?? []);
  replaceMarks(db, data.marks ?? []);
}
