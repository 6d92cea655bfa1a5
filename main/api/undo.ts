// Undo and redo of the last edits. Every edit is committed at once (nothing to "save"); the
// stack keeps, per edit, the rows before and after so it can be reversed and replayed. Row edits,
// deletes (with what they changed elsewhere), pastes and imports (a group of row edits), chapter
// text and plan settings are all steps; each step knows the place it changed, so undo and redo
// can take the user back there.
import type { DB } from '../store/project.ts';
import type { TableName } from '../store/tables.ts';
import { getRowRaw, getRowsRaw, putRowRaw, removeRowRaw, removeRowsRaw, type RawRow } from '../store/raw-rows.ts';
import { updateChapterText } from '../store/plan-repo.ts';
import { writeSettings, type SettingsValues } from '../store/settings-repo.ts';
import { putLocalMineral } from '../store/local-minerals.ts';
import type { LocalMineral } from '../domain/minerals.ts';
import type { Lang } from '../domain/vocabulary.ts';

/** Where a change was made: the view, and in it the table, row and column, or chapter, or field. */
export interface Place {
  view: 'data' | 'chapters' | 'overview';
  table?: TableName;
  rowId?: number;
  column?: string;
  key?: string;
  lang?: Lang;
  field?: string;
  /** in a chapter: the first line (1-based) where its text changed */
  line?: number;
}

/** The first line (1-based) where two texts differ. */
export function firstChangedLine(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  let line = 1;
  for (let k = 0; k < i; k++) if (a.charCodeAt(k) === 10) line++;
  return line;
}

export type Edit =
  | { kind: 'row'; table: TableName; before: RawRow | null; after: RawRow | null; at?: Place }
  | { kind: 'chapter'; key: string; lang: Lang; before: { title: string; body: string }; after: { title: string; body: string }; at?: Place }
  | { kind: 'plan'; before: SettingsValues; after: SettingsValues; at?: Place }
  | { kind: 'mineral'; name: string; before: LocalMineral | null; after: LocalMineral | null; at?: Place }
  | { kind: 'group'; edits: Edit[]; what?: 'delete' | 'paste' | 'import'; at?: Place }
  | RowsSwap;

/**
 * Many rows of a few tables (an import): the rows touched, by id, and the state that is not in the
 * plan now — the rows as they were, with their cell marks (absent: the row did not exist). Undo and
 * redo are the same step: the kept state is written, and the state it replaces becomes the kept one.
 * An import of 200,000 rows keeps their ids, and the prior rows of only those it changed.
 */
export interface RowsSwap {
  kind: 'rows';
  what: 'import';
  /** parents before children (mines before the blocks and licences that name them) */
  tables: { table: TableName; ids: number[]; kept: Map<number, RawRow> }[];
  at?: Place;
}

/** The place of an edit: given when it was recorded, else the first changed cell it holds. */
export function placeOf(e: Edit): Place | null {
  if (e.at) return e.at;
  if (e.kind === 'chapter') return { view: 'chapters', key: e.key, lang: e.lang, line: firstChangedLine(e.before.body, e.after.body) };
  if (e.kind === 'plan') return { view: 'overview', field: Object.keys(e.after)[0] };
  if (e.kind === 'mineral') return { view: 'overview', field: `mineral:${e.name}` };
  if (e.kind === 'group') return e.edits.length ? placeOf(e.edits[0]) : null;
  if (e.kind === 'rows') return null;
  const row = (e.after ?? e.before)?.row;
  const rowId = row ? Number(row.id) : undefined;
  let column: string | undefined;
  if (e.before && e.after) column = Object.keys(e.after.row).find((k) => k !== 'sort' && JSON.stringify(e.after!.row[k]) !== JSON.stringify(e.before!.row[k]));
  if (!column && e.before && e.after && JSON.stringify(e.before.points) !== JSON.stringify(e.after.points)) column = 'points';
  return { view: 'data', table: e.table, rowId, column };
}

/** The rows a step changes, per table (ids of rows written or removed). */
export function rowsOf(e: Edit, out = new Map<TableName, Set<number>>()): Map<TableName, Set<number>> {
  if (e.kind === 'group') for (const x of e.edits) rowsOf(x, out);
  else if (e.kind === 'rows') {
    for (const t of e.tables) {
      let ids = out.get(t.table);
      if (!ids) out.set(t.table, (ids = new Set()));
      for (const id of t.ids) ids.add(id);
    }
  } else if (e.kind === 'row') {
    const row = (e.after ?? e.before)?.row;
    if (row) {
      let ids = out.get(e.table);
      if (!ids) out.set(e.table, (ids = new Set()));
      ids.add(Number(row.id));
    }
  }
  return out;
}

const LIMIT = 200;

export class UndoStack {
  private done: Edit[] = [];
  private undone: Edit[] = [];

  push(e: Edit): void {
    this.done.push(e);
    if (this.done.length > LIMIT) this.done.shift();
    this.undone = [];
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }

  get canUndo(): boolean { return this.done.length > 0; }
  get canRedo(): boolean { return this.undone.length > 0; }

  undo(db: DB): Edit | null {
    const e = this.done[this.done.length - 1];
    if (!e) return null;
    apply(db, e, 'before');
    this.done.pop();
    this.undone.push(e);
    return e;
  }

  redo(db: DB): Edit | null {
    const e = this.undone[this.undone.length - 1];
    if (!e) return null;
    apply(db, e, 'after');
    this.undone.pop();
    this.done.push(e);
    return e;
  }
}

function apply(db: DB, e: Edit, side: 'before' | 'after'): void {
  db.transaction(() => {
    // rows come back in any order (a licence before its mine): check references at commit
    db.pragma('defer_foreign_keys = ON');
    applyIn(db, e, side);
  })();
}

function swap(db: DB, e: RowsSwap): void {
  const now = e.tables.map((t) => getRowsRaw(db, t.table, t.ids));
  // rows absent in the kept state go first, children before parents; then the kept rows (and their marks) are written
  for (const t of [...e.tables].reverse()) removeRowsRaw(db, t.table, t.ids.filter((id) => !t.kept.has(id)));
  for (const t of e.tables) for (const raw of t.kept.values()) putRowRaw(db, t.table, raw);
  e.tables.forEach((t, i) => {
    t.kept = now[i];
  });
}

function applyIn(db: DB, e: Edit, side: 'before' | 'after'): void {
  if (e.kind === 'rows') {
    swap(db, e);
    return;
  }
  if (e.kind === 'group') {
    // undo in reverse order, redo in order
    const list = side === 'before' ? [...e.edits].reverse() : e.edits;
    for (const x of list) applyIn(db, x, side);
    return;
  }
  if (e.kind === 'chapter') {
    updateChapterText(db, e.key, e.lang, e[side]);
    return;
  }
  if (e.kind === 'plan') {
    writeSettings(db, e[side]);
    return;
  }
  if (e.kind === 'mineral') {
    putLocalMineral(db, e.name, e[side]);
    return;
  }
  const target = e[side];
  const other = e[side === 'before' ? 'after' : 'before'];
  if (target) putRowRaw(db, e.table, target);
  else if (other) removeRowRaw(db, e.table, Number(other.row.id));
}

export { getRowRaw };
