// Named revisions: a snapshot of the whole plan (data and chapter text) kept inside the project
// file. Restoring one first saves the current state, then writes the old one back as a new
// revision: nothing is ever lost.
import zlib from 'node:zlib';
import { GmpError } from '../domain/errors.ts';
import type { PlanData } from '../domain/model.ts';
import type { Project } from '../store/project.ts';
import { loadPlanData } from '../store/snapshot.ts';
import { replacePlanData, upgradeSnapshot } from '../store/replace-data.ts';

export interface RevisionInfo {
  id: number;
  name: string;
  note: string;
  author: string;
  created_at: string;
}

export function saveRevision(project: Project, name: string, note = '', author = ''): RevisionInfo {
  const trimmed = name.trim();
  if (!trimmed) throw new GmpError('value.required', {}, { column: 'name' });
  return project.tx(() => {
    if (project.db.prepare('SELECT 1 FROM revisions WHERE name = ?').get(trimmed)) throw new GmpError('review.name_taken', { name: trimmed });
    const snapshot = zlib.gzipSync(JSON.stringify(loadPlanData(project.db)));
    const created_at = new Date().toISOString();
    const info = project.db.prepare('INSERT INTO revisions (name, note, author, created_at, snapshot) VALUES (?, ?, ?, ?, ?)').run(trimmed, note, author, created_at, snapshot);
    return { id: Number(info.lastInsertRowid), name: trimmed, note, author, created_at };
  });
}

export function listRevisions(project: Project): RevisionInfo[] {
  return project.db.prepare('SELECT id, name, note, author, created_at FROM revisions ORDER BY id').all() as RevisionInfo[];
}

/** A revision by id or name; "current" is the working copy. */
export function revisionData(project: Project, ref: string | number): { info: RevisionInfo | null; data: PlanData } {
  if (ref === 'current') return { info: null, data: loadPlanData(project.db) };
  const row = (typeof ref === 'number' || /^\d+$/.test(String(ref))
    ? project.db.prepare('SELECT * FROM revisions WHERE id = ? OR name = ?').get(Number(ref), String(ref))
    : project.db.prepare('SELECT * FROM revisions WHERE name = ?').get(String(ref))) as (RevisionInfo & { snapshot: Buffer }) | undefined;
  if (!row) throw new GmpError('review.no_revision', { name: String(ref) });
  const { snapshot, ...info } = row;
  return { info, data: upgradeSnapshot(JSON.parse(zlib.gunzipSync(snapshot).toString('utf8')) as PlanData) };
}

export function restoreRevision(project: Project, ref: string | number, author = ''): RevisionInfo {
  const { info, data } = revisionData(project, ref);
  if (!info) throw new GmpError('review.no_revision', { name: String(ref) });
  const stamp = new Date().toISOString().replace('T', ' ').slice(0, 19);
  saveRevision(project, `${info.name} 恢复前 / before restoring (${stamp})`, '', author);
  project.tx(() => replacePlanData(project.db, data));
  return saveRevision(project, `${info.name} 已恢复 / restored (${stamp})`, `restored from revision ${info.id}`, author);
}
