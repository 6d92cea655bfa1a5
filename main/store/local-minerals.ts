// Minerals a plan names that the national catalogue does not hold: kept exactly as typed, with the
// group the user gives them (or 'unknown' until then).
import type { DB } from './project.ts';
import { LOCAL_MINERAL_GROUPS, catalogueEntry, type LocalMineral, type LocalMineralGroup } from '../domain/minerals.ts';
import { GmpError } from '../domain/errors.ts';

export function listLocalMinerals(db: DB): LocalMineral[] {
  return (db.prepare('SELECT name, grp, name_en FROM local_minerals ORDER BY name').all() as { name: string; grp: LocalMineralGroup; name_en: string }[])
    .map((r) => ({ name: r.name, group: r.grp, name_en: r.name_en }));
}

/** Records a plan-local mineral (keeps an existing group unless one is given). */
export function ensureLocalMineral(db: DB, name: string, group?: LocalMineralGroup, nameEn?: string): void {
  if (catalogueEntry(name)) return;
  if (group !== undefined && !LOCAL_MINERAL_GROUPS.includes(group)) throw new GmpError('value.not_in_list', { value: group, allowed: LOCAL_MINERAL_GROUPS.join(', ') }, { column: 'group' });
  db.prepare(`INSERT INTO local_minerals (name, grp, name_en) VALUES (?, ?, ?)
    ON CONFLICT(name) DO UPDATE SET grp = COALESCE(?, grp), name_en = COALESCE(?, name_en)`)
    .run(name, group ?? 'unknown', nameEn ?? '', group ?? null, nameEn ?? null);
}

/** The plan-local mineral of that name as stored, or null. */
export function getLocalMineral(db: DB, name: string): LocalMineral | null {
  const r = db.prepare('SELECT name, grp, name_en FROM local_minerals WHERE name = ?').get(name) as { name: string; grp: LocalMineralGroup; name_en: string } | undefined;
  return r ? { name: r.name, group: r.grp, name_en: r.name_en } : null;
}

/** Writes one plan-local mineral exactly (undo and redo), or removes it when `m` is null. */
export function putLocalMineral(db: DB, name: string, m: LocalMineral | null): void {
  if (!m) {
    db.prepare('DELETE FROM local_minerals WHERE name = ?').run(name);
    return;
  }
  db.prepare('INSERT INTO local_minerals (name, grp, name_en) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET grp = excluded.grp, name_en = excluded.name_en')
    .run(m.name, m.group, m.name_en);
}

export function replaceLocalMinerals(db: DB, list: readonly LocalMineral[]): void {
  db.prepare('DELETE FROM local_minerals').run();
  for (const m of list) ensureLocalMineral(db, m.name, m.group, m.name_en);
}
