// Marks on single cells: a value the import inferred (a status read from 备注, a scale class derived
// from the production scale and the classification table). The mark stays until the user confirms
// the value or types another one.
import type { DB } from './project.ts';
import type { CellMark, CellMarkKind } from '../domain/model.ts';

export function listMarks(db: DB, table?: string): CellMark[] {
  const rows = (table
    ? db.prepare('SELECT tbl, row_id, col, kind, note FROM cell_marks WHERE tbl = ? ORDER BY row_id, col').all(table)
    : db.prepare('SELECT tbl, row_id, col, kind, note FROM cell_marks ORDER BY tbl, row_id, col').all()) as { tbl: string; row_id: number; col: string; kind: CellMarkKind; note: string }[];
  return rows.map((r) => ({ table: r.tbl, rowId: r.row_id, column: r.col, kind: r.kind, note: r.note }));
}

export function setMark(db: DB, m: CellMark): void {
  db.prepare(`INSERT INTO cell_marks (tbl, row_id, col, kind, note) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(tbl, row_id, col) DO UPDATE SET kind = excluded.kind, note = excluded.note`).run(m.table, m.rowId, m.column, m.kind, m.note);
}

/** Confirms a value (or forgets the marks of a changed or deleted row): returns how many marks were cleared. */
export function clearMarks(db: DB, table: string, rowId: number, columns?: readonly string[]): number {
  if (!columns) return db.prepare('DELETE FROM cell_marks WHERE tbl = ? AND row_id = ?').run(table, rowId).changes;
  const del = db.prepare('DELETE FROM cell_marks WHERE tbl = ? AND row_id = ? AND col = ?');
  return columns.reduce((n, c) => n + del.run(table, rowId, c).changes, 0);
}

export function replaceMarks(db: DB, marks: readonly CellMark[]): void {
  db.prepare('DELETE FROM cell_marks').run();
  for (const m of marks) setMark(db, m);
}

const MARKS_PER_STATEMENT = 100;
const marksSql = (n: number) => `INSERT INTO cell_marks (tbl, row_id, col, kind, note) VALUES ${Array(n).fill('(?, ?, ?, ?, ?)').join(', ')}
      ON CONFLICT(tbl, row_id, col) DO UPDATE SET kind = excluded.kind, note = excluded.note`;
/** The statement text for a full chunk, built once (the statement cache is keyed by the text). */
const FULL_CHUNK_SQL = marksSql(MARKS_PER_STATEMENT);

/** Many marks at once (an import's inferred values): multi-row statements, a later mark of a cell replacing an earlier one. */
export function setMarks(db: DB, marks: readonly CellMark[]): void {
  for (let i = 0; i < marks.length; i += MARKS_PER_STATEMENT) {
    const n = Math.min(MARKS_PER_STATEMENT, marks.length - i);
    const args: (string | number)[] = [];
    for (let j = i; j < i + n; j++) {
      const m = marks[j];
      args.push(m.table, m.rowId, m.column, m.kind, m.note);
    }
    db.prepare(n === MARKS_PER_STATEMENT ? FULL_CHUNK_SQL : marksSql(n)).run(args);
  }
}
