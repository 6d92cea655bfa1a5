// Generic, validated CRUD over the tables described in tables.ts. Blocks carry their corner
// points (a "points" column typed as offices type them); indicators carry per-year targets.
import { GmpError } from '../domain/errors.ts';
import { formatCornerPoints, parseCornerPoints, type CornerPoint } from '../domain/coordinates.ts';
import type { DB } from './project.ts';
import { TABLES, type ColumnSpec, type TableName, type TableSpec } from './tables.ts';
import { coerceCell, type CellValue } from './values.ts';
import { clearMarks } from './cell-marks.ts';
import { ensureLocalMineral } from './local-minerals.ts';

export type Row = Record<string, string | number | null>;

function spec(table: TableName): TableSpec {
  const s = TABLES[table];
  if (!s) throw new GmpError('api.bad_args', { detail: `table ${table}` });
  return s;
}

const storedCache = new Map<TableSpec, string[]>();
/** The columns of a table held in its own row (a block's points live in their own table). */
function storedColumns(s: TableSpec): string[] {
  let cols = storedCache.get(s);
  if (!cols) storedCache.set(s, (cols = s.columns.filter((c) => c.type !== 'points').map((c) => c.key)));
  return cols;
}

/** SQL texts built once per table or column (the statement cache is keyed by the text; an import asks per row). */
const refSql = new Map<string, string>();
const uniqueSql = new Map<ColumnSpec, string>();

function refExists(db: DB) {
  return (table: string, id: number) => {
    let text = refSql.get(table);
    if (text === undefined) refSql.set(table, (text = `SELECT 1 FROM ${table} WHERE id = ?`));
    return !!db.prepare(text).get(id);
  };
}

const knownKeys = new Map<TableName, Set<string>>();
function isKnownKey(table: TableName, key: string): boolean {
  let keys = knownKeys.get(table);
  if (!keys) knownKeys.set(table, (keys = new Set(spec(table).columns.map((c) => c.key))));
  return keys.has(key) || key === 'id' || key === 'sort' || (table === 'indicators' && key.startsWith('t:'));
}

/** Validates a full or partial row; errors carry the column. */
export function validateRow(db: DB, table: TableName, values: Record<string, CellValue | undefined>, partial: boolean): Row {
  const s = spec(table);
  const out: Row = {};
  const refs = refExists(db);
  for (const col of s.columns) {
    if (partial && !(col.key in values)) continue;
    out[col.key] = coerceCell(col, values[col.key], refs);
  }
  for (const key of Object.keys(values)) {
    if (!isKnownKey(table, key)) throw new GmpError('api.bad_args', { detail: `unknown column ${key}` }, { table, column: key });
  }
  return out;
}

export function listRows(db: DB, table: TableName, id?: number): Row[] {
  const rows = (id === undefined
    ? db.prepare(`SELECT * FROM ${table} ORDER BY sort, id`).all()
    : db.prepare(`SELECT * FROM ${table} WHERE id = ?`).all(id)) as Row[];
  if (table === 'blocks') {
    const pts = db.prepare('SELECT label, x, y FROM points WHERE block_id = ? ORDER BY seq');
    for (const r of rows) r.points = formatCornerPoints(pts.all(r.id) as CornerPoint[]);
  }
  if (table === 'indicators') {
    const tg = db.prepare('SELECT year, value_zh FROM indicator_targets WHERE indicator_id = ? ORDER BY year');
    for (const r of rows) for (const t of tg.all(r.id) as { year: number; value_zh: string }[]) r[`t:${t.year}`] = t.value_zh;
  }
  return rows;
}

/**
 * Every row of a table in a compact form for the grid: column names once, then each row's values
 * in that order (a 5,000-row table is read and sent in well under half the time of objects).
 * Blocks carry their corner points and indicators their targets as further columns, as in listRows.
 */
export function listRowsCompact(db: DB, table: TableName): { columns: string[]; values: unknown[][] } {
  // its own SQL text: the statement is kept in raw mode, apart from listRows' cached one
  const stmt = db.prepare(`SELECT * FROM ${table} ORDER BY sort, id /* compact */`).raw(true);
  const columns = stmt.columns().map((c) => c.name);
  const values = stmt.all() as unknown[][];
  if (table === 'blocks' || table === 'indicators') {
    const idAt = columns.indexOf('id');
    const byId = new Map(listRows(db, table).map((r) => [r.id, r]));
    const extra = [...new Set([...byId.values()].flatMap((r) => Object.keys(r)))].filter((k) => !columns.includes(k));
    for (const v of values) {
      const r = byId.get(v[idAt] as number);
      for (const k of extra) v.push(r?.[k] ?? null);
    }
    columns.push(...extra);
  }
  return { columns, values };
}

export function getRow(db: DB, table: TableName, id: number): Row | undefined {
  return listRows(db, table, id)[0];
}

/** A block's corner points as typed, parsed (a located error on the points column). */
function blockPoints(table: TableName, row: Row): CornerPoint[] | undefined {
  if (table !== 'blocks' || typeof row.points !== 'string') return undefined;
  try {
    return parseCornerPoints(row.points);
  } catch (e) {
    if (e instanceof GmpError) throw new GmpError(e.code, e.params, { table, column: 'points' });
    throw e;
  }
}

function writeExtras(db: DB, table: TableName, id: number, values: Record<string, CellValue | undefined>, points: CornerPoint[] | undefined): void {
  if (points) {
    db.prepare('DELETE FROM points WHERE block_id = ?').run(id);
    const ins = db.prepare('INSERT INTO points(block_id, seq, label, x, y) VALUES (?, ?, ?, ?, ?)');
    points.forEach((p, i) => ins.run(id, i + 1, p.label, p.x, p.y));
  }
  if (table === 'indicators') {
    const up = db.prepare(`INSERT INTO indicator_targets(indicator_id, year, value_zh, value_en) VALUES (?, ?, ?, ?)
      ON CONFLICT(indicator_id, year) DO UPDATE SET value_zh = excluded.value_zh`);
    for (const [k, v] of Object.entries(values)) {
      const m = /^t:(\d{4})$/.exec(k);
      if (m) up.run(id, Number(m[1]), v == null ? '' : String(v), v == null ? '' : String(v));
    }
  }
}

/** A mineral the catalogue does not hold is recorded as the plan's own (group unknown until given). */
function noteMinerals(db: DB, table: TableName, row: Row): void {
  for (const col of spec(table).columns) if (col.mineral && typeof row[col.key] === 'string' && row[col.key]) ensureLocalMineral(db, row[col.key] as string);
}

function checkUnique(db: DB, table: TableName, row: Row, selfId?: number): void {
  for (const col of spec(table).columns) {
    if (!col.unique || row[col.key] == null) continue;
    let text = uniqueSql.get(col);
    if (text === undefined) uniqueSql.set(col, (text = `SELECT id FROM ${table} WHERE ${col.key} = ? AND id IS NOT ?`));
    const hit = db.prepare(text).get(row[col.key], selfId ?? null);
    if (hit) throw new GmpError('value.duplicate', { value: String(row[col.key]) }, { table, column: col.key });
  }
}

/** A row checked as an insert or update would check it (values, references, uniqueness); nothing is written. */
export interface CheckedRow {
  table: TableName;
  row: Row;
  /** the values as given (a block's points, an indicator's targets are written from them) */
  values: Record<string, CellValue | undefined>;
  /** a block's corner points, parsed */
  points?: CornerPoint[];
}

/**
 * Checks a new row (all columns) or a patch of one (`selfId`: the row it changes). Throws a located GmpError.
 * `uniqueKnown`: the caller has just looked the row's unique values up and found them free (an import's index).
 */
export function checkRow(db: DB, table: TableName, values: Record<string, CellValue | undefined>, selfId?: number, opts: { uniqueKnown?: boolean } = {}): CheckedRow {
  const row = validateRow(db, table, values, selfId !== undefined);
  if (!opts.uniqueKnown) checkUnique(db, table, row, selfId);
  return { table, row, values, points: blockPoints(table, row) };
}

const insertSql = new Map<TableName, string>();

/** Writes a row `checkRow` passed (`sort`: its place; by default the end of the table). Returns its id. */
export function insertChecked(db: DB, c: CheckedRow, sort?: number): number {
  const { table, row, values, points } = c;
  const cols = storedColumns(spec(table));
  let sql = insertSql.get(table);
  if (!sql) insertSql.set(table, (sql = `INSERT INTO ${table} (sort, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`));
  const at = sort ?? (db.prepare(`SELECT COALESCE(MAX(sort), 0) + 1 AS s FROM ${table}`).get() as { s: number }).s;
  const info = db.prepare(sql).run(at, ...cols.map((col) => row[col] ?? null));
  const id = Number(info.lastInsertRowid);
  writeExtras(db, table, id, values, points);
  noteMinerals(db, table, row);
  return id;
}

const manySql = new Map<string, string>();

/**
 * Writes rows `checkRow` passed, many per statement, with the ids and places the caller chose (an
 * import's new licences: one statement per 50 rows instead of one per row). Only for tables whose rows
 * are whole in their own row (no corner points, targets or minerals to note); all of one table.
 */
export function insertCheckedMany(db: DB, rows: readonly { id: number; sort: number; checked: CheckedRow }[]): void {
  if (!rows.length) return;
  const table = rows[0].checked.table;
  const s = spec(table);
  if (table === 'indicators' || s.columns.some((c) => c.type === 'points' || c.mineral)) throw new Error(`insertCheckedMany: ${table} rows have extras`);
  const cols = storedColumns(s);
  const key = `${table}:${rows.length}`;
  let sql = manySql.get(key);
  if (!sql) {
    const one = `(?, ?, ${cols.map(() => '?').join(', ')})`;
    manySql.set(key, (sql = `INSERT INTO ${table} (id, sort, ${cols.join(', ')}) VALUES ${Array(rows.length).fill(one).join(', ')}`));
  }
  const args: (string | number | null)[] = [];
  for (const r of rows) {
    if (r.checked.table !== table) throw new Error('insertCheckedMany: rows of several tables');
    args.push(r.id, r.sort);
    for (const col of cols) args.push(r.checked.row[col] ?? null);
  }
  db.prepare(sql).run(args);
}

/** Writes a patch `checkRow` passed to the row `id` (which must exist). */
export function updateChecked(db: DB, id: number, c: CheckedRow): void {
  const { table, row, values, points } = c;
  const cols = storedColumns(spec(table)).filter((col) => col in row);
  if (cols.length) db.prepare(`UPDATE ${table} SET ${cols.map((col) => `${col} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((col) => row[col] ?? null), id);
  writeExtras(db, table, id, values, points);
  noteMinerals(db, table, row);
  // a value typed over an inferred one is the user's own
  clearMarks(db, table, id, Object.keys(row));
}

export function insertRow(db: DB, table: TableName, values: Record<string, CellValue | undefined>): number {
  return insertChecked(db, checkRow(db, table, values), typeof values.sort === 'number' ? values.sort : undefined);
}

export function updateRow(db: DB, table: TableName, id: number, patch: Record<string, CellValue | undefined>): void {
  if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id)) throw new GmpError('value.unknown_ref', { value: id }, { table });
  updateChecked(db, id, checkRow(db, table, patch, id));
}

export function deleteRow(db: DB, table: TableName, id: number): boolean {
  clearMarks(db, table, id);
  return db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id).changes > 0;
}
