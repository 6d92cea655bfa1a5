// Whole-row snapshots (with a block's points, an indicator's targets and the marks on the row's
// cells) for undo and restore, one by one or in bulk.
import type { DB } from './project.ts';
import type { TableName } from './tables.ts';

export interface RawRow {
  row: Record<string, unknown>;
  points?: Record<string, unknown>[];
  targets?: Record<string, unknown>[];
  /** the row's marked cells (inferred values, sample data): put back with the row */
  marks?: RowMark[];
}

/** A mark on one cell of a row, as stored in cell_marks. */
export interface RowMark { col: string; kind: string; note: string }

export function getRowRaw(db: DB, table: TableName, id: number): RawRow | null {
  const row = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  const raw: RawRow = { row };
  raw.marks = db.prepare('SELECT col, kind, note FROM cell_marks WHERE tbl = ? AND row_id = ? ORDER BY col').all(table, id) as RowMark[];
  if (table === 'blocks') raw.points = db.prepare('SELECT * FROM points WHERE block_id = ? ORDER BY seq').all(id) as Record<string, unknown>[];
  if (table === 'indicators') raw.targets = db.prepare('SELECT * FROM indicator_targets WHERE indicator_id = ?').all(id) as Record<string, unknown>[];
  return raw;
}

function insertObject(db: DB, table: string, obj: Record<string, unknown>, replace: boolean): void {
  const cols = Object.keys(obj);
  db.prepare(`INSERT ${replace ? 'OR REPLACE ' : ''}INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
    .run(...cols.map((c) => obj[c] as never));
}

/** Writes a snapshot back (the row keeps its id). */
export function putRowRaw(db: DB, table: TableName, raw: RawRow): void {
  const id = raw.row.id as number;
  const exists = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id);
  if (exists) {
    const cols = Object.keys(raw.row).filter((c) => c !== 'id');
    db.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => raw.row[c] as never), id);
  } else {
    insertObject(db, table, raw.row, false);
  }
  if (raw.points) {
    db.prepare('DELETE FROM points WHERE block_id = ?').run(id);
    for (const p of raw.points) insertObject(db, 'points', p, false);
  }
  if (raw.targets) {
    db.prepare('DELETE FROM indicator_targets WHERE indicator_id = ?').run(id);
    for (const t of raw.targets) insertObject(db, 'indicator_targets', t, false);
  }
  if (raw.marks) {
    // the marks the row had when it was taken: a mark an edit cleared comes back, one it set goes
    db.prepare('DELETE FROM cell_marks WHERE tbl = ? AND row_id = ?').run(table, id);
    const put = db.prepare('INSERT INTO cell_marks (tbl, row_id, col, kind, note) VALUES (?, ?, ?, ?, ?)');
    for (const m of raw.marks) put.run(table, id, m.col, m.kind, m.note);
  }
}

export function removeRowRaw(db: DB, table: TableName, id: number): void {
  db.prepare('DELETE FROM cell_marks WHERE tbl = ? AND row_id = ?').run(table, id);
  db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
}

const CHUNK = 500;

function chunks(ids: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(ids.slice(i, i + CHUNK) as number[]);
  return out;
}

/** The rows of `ids` that exist, as snapshots with their marks, read in chunks (a few queries per 500 rows). */
export function getRowsRaw(db: DB, table: TableName, ids: readonly number[]): Map<number, RawRow> {
  const out = new Map<number, RawRow>();
  for (const part of chunks(ids)) {
    const list = part.map(() => '?').join(', ');
    for (const row of db.prepare(`SELECT * FROM ${table} WHERE id IN (${list})`).all(...part) as Record<string, unknown>[]) out.set(row.id as number, { row, marks: [] });
    for (const m of db.prepare(`SELECT row_id, col, kind, note FROM cell_marks WHERE tbl = ? AND row_id IN (${list}) ORDER BY row_id, col`).all(table, ...part) as (RowMark & { row_id: number })[]) {
      out.get(m.row_id)?.marks?.push({ col: m.col, kind: m.kind, note: m.note });
    }
    if (table === 'blocks') {
      for (const id of part) { const r = out.get(id); if (r) r.points = []; }
      for (const p of db.prepare(`SELECT * FROM points WHERE block_id IN (${list}) ORDER BY block_id, seq`).all(...part) as Record<string, unknown>[]) out.get(p.block_id as number)?.points?.push(p);
    }
    if (table === 'indicators') {
      for (const id of part) { const r = out.get(id); if (r) r.targets = []; }
      for (const t of db.prepare(`SELECT * FROM indicator_targets WHERE indicator_id IN (${list}) ORDER BY indicator_id, year`).all(...part) as Record<string, unknown>[]) out.get(t.indicator_id as number)?.targets?.push(t);
    }
  }
  return out;
}

/** Removes the rows of `ids` (and their cell marks), in chunks. */
export function removeRowsRaw(db: DB, table: TableName, ids: readonly number[]): void {
  for (const part of chunks(ids)) {
    const list = part.map(() => '?').join(', ');
    db.prepare(`DELETE FROM cell_marks WHERE tbl = ? AND row_id IN (${list})`).run(table, ...part);
    db.prepare(`DELETE FROM ${table} WHERE id IN (${list})`).run(...part);
  }
}
