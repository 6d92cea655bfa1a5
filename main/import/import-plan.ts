// Spreadsheet rows → plan rows, all or nothing. The import runs inside a transaction through the
// same validated store code as every edit; a preview is the same run rolled back. Errors are
// located (sheet, row, column header, value) and nothing is written while any remain, unless the
// user chooses to skip the rows that have them.
import path from 'node:path';
import { GmpError } from '../domain/errors.ts';
import { parseCornerPoints } from '../domain/coordinates.ts';
import type { Project } from '../store/project.ts';
import { insertRow, updateRow } from '../store/row-repo.ts';
import { readSheets, type Sheet } from './read-sheets.ts';
import { detectTable, HEADER_ALIASES, mapTable, type HeaderMatch, type ImportKind } from './headers.ts';
import { parseArea, parseProduction, parseValidity, parseYear, vocabCode } from './parse-values.ts';
import { parseDate } from '../store/values.ts';

export interface ImportIssue {
  sheet: string;
  row: number; // spreadsheet row, 1-based
  column: string; // header text as in the sheet
  value: string;
  code: string;
  params: Record<string, string | number>;
}

export interface ImportChange {
  table: string;
  action: 'add' | 'update';
  label: string;
  row: number;
}

export interface ImportResult {
  file: string;
  sheet: string;
  kind: ImportKind;
  headerRow: number;
  unknownHeaders: string[];
  changes: ImportChange[];
  errors: ImportIssue[];
  skippedRows: number[];
  written: boolean;
}

export interface ImportOptions {
  table?: ImportKind;
  sheet?: string;
  /** write the rows without errors and skip those with errors */
  skipErrors?: boolean;
  /** only preview */
  dryRun?: boolean;
  /** for corner-point tables: the zone the block belongs to (default: the first zone) */
  zoneId?: number;
  /** manual column mapping (field → header text, column letter or number), with `table` */
  mapping?: Record<string, string>;
}

type Cells = (field: string) => string;

class RowFailure extends Error {
  constructor(readonly field: string, readonly code: string, readonly params: Record<string, string | number>) {
    super(code);
  }
}

function fail(field: string, code: string, params: Record<string, string | number>): never {
  throw new RowFailure(field, code, params);
}

/** Runs a store call, turning its located error into a failure of the field it concerns. */
function store<T>(fieldOf: (column?: string) => string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof GmpError) fail(fieldOf(e.location?.column), e.code, e.params);
    throw e;
  }
}

function mineFields(cells: Cells, row: Record<string, string | number | null>) {
  const set = (k: string, v: string | number | null) => { row[k] = v; };
  if (cells('holder')) set('holder', cells('holder'));
  if (cells('division')) set('division', cells('division'));
  const vocab = (field: string, vocabName: 'mineral' | 'method' | 'scaleClass' | 'status' | 'greenLevel', key: string) => {
    const text = cells(field);
    if (!text || text === '—' || text === '-' || text === '/') return;
    const code = vocabCode(vocabName, text);
    if (!code) fail(field, 'import.unknown_term', { value: text });
    set(key, code);
  };
  vocab('mineral', 'mineral', 'mineral');
  vocab('method', 'method', 'method');
  vocab('scale_class', 'scaleClass', 'scale_class');
  vocab('status', 'status', 'status');
  vocab('green_level', 'greenLevel', 'green_level');
  const prod = cells('production');
  if (prod && prod !== '—') {
    const p = parseProduction(prod);
    if (!p) fail('production', 'import.bad_production', { value: prod });
    set('scale_value', p.value);
    if (p.unit) set('scale_unit', p.unit);
  }
  const ty = cells('target_year');
  if (ty) {
    const y = parseYear(ty);
    if (y === null) fail('target_year', 'value.not_year', { value: ty });
    set('target_year', y);
  }
  if (cells('life_years')) set('life_years', cells('life_years').replace(/年$/, ''));
  if (cells('remarks')) set('remarks', cells('remarks'));
}

export async function importFile(project: Project, file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const sheets = await readSheets(file);
  const base = path.basename(file);
  let chosen: { sheet: Sheet; match: HeaderMatch } | null = null;
  for (const sheet of sheets) {
    if (opts.sheet && sheet.name !== opts.sheet) continue;
    if (opts.mapping) {
      const kind = opts.table ?? (('number' in opts.mapping) ? 'licences' : ('x' in opts.mapping) ? 'points' : 'mines');
      const mapped = mapTable(sheet.rows, kind, opts.mapping);
      if ('unknownField' in mapped) throw new GmpError('import.unknown_field', { field: mapped.unknownField, fields: Object.keys(HEADER_ALIASES[kind]).join(', ') }, { file: base });
      if ('missingColumn' in mapped) continue;
      if (!chosen) chosen = { sheet, match: mapped };
      continue;
    }
    const match = detectTable(sheet.rows, opts.table);
    if (match && (!chosen || match.score > chosen.match.score)) chosen = { sheet, match };
  }
  if (!chosen && opts.mapping) throw new GmpError('import.mapping_column', { file: base }, { file: base });
  if (!chosen) {
    const empty = sheets.every((s) => s.rows.every((r) => r.every((c) => !c)));
    throw new GmpError(empty ? 'import.empty' : 'import.unknown_table', { file: base }, { file: base });
  }
  const { sheet, match } = chosen;
  const result: ImportResult = {
    file: base, sheet: sheet.name, kind: match.kind, headerRow: match.headerRow + 1, unknownHeaders: match.unknown,
    changes: [], errors: [], skippedRows: [], written: false,
  };
  const db = project.db;
  const header = (field: string) => match.headers[field] ?? field;

  const runRows = (skip: Set<number>): void => {
    result.changes = [];
    const failures: ImportIssue[] = [];
    const dataRows = sheet.rows.slice(match.headerRow + 1);
    if (match.kind === 'points') {
      importPoints(project, sheet, match, dataRows, opts, result, failures);
    } else {
      dataRows.forEach((cellsRow, i) => {
        const rowNo = match.headerRow + 2 + i;
        if (skip.has(rowNo) || cellsRow.every((c) => !c)) return;
        const cells: Cells = (field) => (match.columns[field] !== undefined ? (cellsRow[match.columns[field]] ?? '').trim() : '');
        // title or total rows inside the table ("合计", "续表") are not data
        if (/^(合计|总计|小计|续表|total)/i.test(cellsRow.find((c) => c) ?? '')) return;
        const savepoint = `r${rowNo}`;
        const changesBefore = result.changes.length;
        db.exec(`SAVEPOINT ${savepoint}`);
        try {
          if (match.kind === 'mines') importMineRow(project, cells, rowNo, result);
          else importLicenceRow(project, cells, rowNo, result);
          db.exec(`RELEASE ${savepoint}`);
        } catch (e) {
          db.exec(`ROLLBACK TO ${savepoint}`);
          db.exec(`RELEASE ${savepoint}`);
          result.changes.length = changesBefore;
          if (!(e instanceof RowFailure)) throw e;
          failures.push({ sheet: sheet.name, row: rowNo, column: header(e.field), value: cells(e.field), code: e.code, params: e.params });
        }
      });
    }
    result.errors = failures;
  };

  // Dry run inside a transaction that is always rolled back: the preview and the error list.
  const preview = db.transaction(() => {
    runRows(new Set());
    throw new RollbackSignal();
  });
  try {
    preview();
  } catch (e) {
    if (!(e instanceof RollbackSignal)) throw e;
  }
  if (opts.dryRun || (result.errors.length && !opts.skipErrors)) return result;
  const skip = new Set(result.errors.map((e) => e.row));
  const errors = result.errors;
  project.tx(() => runRows(skip));
  result.errors = errors;
  result.skippedRows = [...skip].sort((a, b) => a - b);
  result.written = true;
  return result;
}

class RollbackSignal extends Error {}

function findMine(project: Project, name: string): number | null {
  const r = project.db.prepare('SELECT id FROM mines WHERE name_zh = ?').get(name) as { id: number } | undefined;
  return r?.id ?? null;
}

function importMineRow(project: Project, cells: Cells, rowNo: number, result: ImportResult): void {
  const db = project.db;
  const name = cells('name_zh');
  if (!name) fail('name_zh', 'value.required', {});
  const values: Record<string, string | number | null> = {};
  mineFields(cells, values);
  const existing = findMine(project, name);
  const fieldOf = (col?: string) => (col === 'scale_value' || col === 'scale_unit' ? 'production' : col ?? 'name_zh');
  let id: number;
  if (existing) {
    store(fieldOf, () => updateRow(db, 'mines', existing, values));
    id = existing;
    result.changes.push({ table: 'mines', action: 'update', label: name, row: rowNo });
  } else {
    if (!values.mineral) fail('mineral', 'value.required', {});
    id = store(fieldOf, () => insertRow(db, 'mines', { status: 'producing', ...values, name_zh: name }));
    result.changes.push({ table: 'mines', action: 'add', label: name, row: rowNo });
  }
  const pts = cells('points');
  if (pts) {
    try {
      parseCornerPoints(pts);
    } catch (e) {
      if (e instanceof GmpError) fail('points', e.code, e.params);
      throw e;
    }
    const area = cells('area_km2') ? parseArea(cells('area_km2')) : null;
    if (cells('area_km2') && area === null) fail('area_km2', 'value.not_number', { value: cells('area_km2') });
    db.prepare('DELETE FROM blocks WHERE mine_id = ?').run(id);
    store(() => 'points', () => insertRow(db, 'blocks', { name_zh: name, mine_id: id, crs: 'cgcs2000', declared_area_km2: area, points: pts }));
  }
}

function importLicenceRow(project: Project, cells: Cells, rowNo: number, result: ImportResult): void {
  const db = project.db;
  const number = cells('number').normalize('NFKC').replace(/\s+/g, '');
  if (!number) fail('number', 'value.required', {});
  const mineName = cells('mine') || mineOfHolder(project, cells('holder')) || cells('holder');
  const mineValues: Record<string, string | number | null> = {};
  mineFields((f) => (f === 'holder' || f === 'remarks' ? '' : cells(f)), mineValues);
  const lic: Record<string, string | number | null> = { number };
  if (cells('holder')) lic.holder = cells('holder');
  if (cells('area_km2')) {
    const a = parseArea(cells('area_km2'));
    if (a === null) fail('area_km2', 'value.not_number', { value: cells('area_km2') });
    lic.area_km2 = a;
  }
  if (cells('first_issued')) {
    const d = parseDate(cells('first_issued').replace(/年|月/g, '.').replace(/日/, ''));
    if (!d) fail('first_issued', 'value.not_date', { value: cells('first_issued') });
    lic.first_issued = d;
  }
  if (cells('validity')) {
    const v = parseValidity(cells('validity'));
    if (!v) fail('validity', 'import.bad_validity', { value: cells('validity') });
    lic.valid_from = v.from;
    lic.valid_to = v.to;
  }
  if (cells('remarks')) lic.remarks = cells('remarks');
  const fieldOf = (col?: string) => (col === 'scale_value' || col === 'scale_unit' ? 'production' : col === 'mine_id' ? 'mine' : col === 'valid_from' || col === 'valid_to' ? 'validity' : col ?? 'number');
  // the licence number must be a licence number before anything is written for this row
  store(fieldOf, () => insertRowCheckOnly(lic.number as string));
  if (mineName) {
    const existing = findMine(project, mineName);
    if (existing) {
      const held = db.prepare('SELECT holder FROM mines WHERE id = ?').get(existing) as { holder: string };
      if (!held.holder && cells('holder')) mineValues.holder = cells('holder');
      if (Object.keys(mineValues).length) store(fieldOf, () => updateRow(db, 'mines', existing, mineValues));
      lic.mine_id = existing;
    } else {
      if (!mineValues.mineral) fail('mineral', 'value.required', {});
      lic.mine_id = store(fieldOf, () => insertRow(db, 'mines', { status: 'producing', ...mineValues, name_zh: mineName, holder: cells('holder') }));
      result.changes.push({ table: 'mines', action: 'add', label: mineName, row: rowNo });
    }
  }
  const existing = db.prepare('SELECT id FROM licences WHERE number = ?').get(number) as { id: number } | undefined;
  if (existing) {
    store(fieldOf, () => updateRow(db, 'licences', existing.id, lic));
    result.changes.push({ table: 'licences', action: 'update', label: number, row: rowNo });
  } else {
    store(fieldOf, () => insertRow(db, 'licences', lic));
    result.changes.push({ table: 'licences', action: 'add', label: number, row: rowNo });
  }
}

/** The mine a licence holder owns: named after it, held by it, or the one mine whose name begins with it. */
function mineOfHolder(project: Project, holder: string): string | null {
  if (!holder) return null;
  const db = project.db;
  const exact = db.prepare('SELECT name_zh FROM mines WHERE name_zh = ? OR holder = ?').all(holder, holder) as { name_zh: string }[];
  if (exact.length === 1) return exact[0].name_zh;
  const prefixed = db.prepare("SELECT name_zh FROM mines WHERE substr(name_zh, 1, length(?)) = ?").all(holder, holder) as { name_zh: string }[];
  return prefixed.length === 1 ? prefixed[0].name_zh : null;
}

function insertRowCheckOnly(number: string): void {
  if (!/^C\d{22}$/.test(number) && !/^\d{13}$/.test(number)) throw new GmpError('value.licence_number', { value: number }, { column: 'number' });
}

function importPoints(project: Project, sheet: Sheet, match: HeaderMatch, dataRows: string[][], opts: ImportOptions, result: ImportResult, failures: ImportIssue[]): void {
  const db = project.db;
  const zone = (opts.zoneId
    ? db.prepare('SELECT id, name_zh, declared_area_km2 FROM zones WHERE id = ?').get(opts.zoneId)
    : db.prepare('SELECT id, name_zh, declared_area_km2 FROM zones ORDER BY sort, id LIMIT 1').get()) as { id: number; name_zh: string; declared_area_km2: number | null } | undefined;
  if (!zone) {
    failures.push({ sheet: sheet.name, row: match.headerRow + 1, column: '', value: '', code: 'import.no_zone', params: {} });
    return;
  }
  // side-by-side groups: (编号, X, Y) repeated across the row
  const headerRow = sheet.rows[match.headerRow].map((c, i) => c || sheet.rows[match.headerRow - 1]?.[i] || '');
  const groups: { label: number; x: number; y: number }[] = [];
  headerRow.forEach((h, i) => {
    if (h.normalize('NFKC').trim().toUpperCase() === 'X' && headerRow[i + 1]?.normalize('NFKC').trim().toUpperCase() === 'Y') groups.push({ label: i - 1, x: i, y: i + 1 });
  });
  const points: string[] = [];
  for (const g of groups) {
    dataRows.forEach((r, j) => {
      const x = (r[g.x] ?? '').trim();
      const y = (r[g.y] ?? '').trim();
      if (!x && !y) return;
      const label = (r[g.label] ?? '').trim() || String(points.length + 1);
      points.push(`${label}, ${x}, ${y}`);
      for (const [v, col] of [[x, 'X'], [y, 'Y']] as const) {
        if (!/^\d+(\.\d+)?$/.test(v)) failures.push({ sheet: sheet.name, row: match.headerRow + 2 + j, column: col, value: v, code: 'coords.bad_number', params: { index: label, axis: col, text: v } });
      }
    });
  }
  if (failures.length) return;
  db.prepare('DELETE FROM blocks WHERE zone_id = ?').run(zone.id);
  try {
    insertRow(db, 'blocks', { name_zh: zone.name_zh, zone_id: zone.id, crs: 'xian80', declared_area_km2: zone.declared_area_km2, points: points.join('; ') });
  } catch (e) {
    if (!(e instanceof GmpError)) throw e;
    failures.push({ sheet: sheet.name, row: match.headerRow + 2, column: 'X/Y', value: '', code: e.code, params: e.params });
    return;
  }
  result.changes.push({ table: 'blocks', action: 'add', label: `${zone.name_zh} (${points.length})`, row: match.headerRow + 2 });
}
