// Spreadsheet rows → plan rows, all or nothing. The import runs inside a transaction through the
// same validated store code as every edit; a preview is the same run rolled back. It says everything
// before it writes: per row, the fields and values it will write (and what they replace), the columns
// it does not import, and every value it inferred (a status read from 备注, a scale class derived from
// the production scale and the classification table), which the project keeps marked per cell until
// the user confirms it. Errors are located (sheet, row, column header, value) and nothing is written
// while any remain, unless the user chooses to skip the rows that have them.
import path from 'node:path';
import { GmpError } from '../domain/errors.ts';
import { expectedClass, readMineral, type LocalMineralGroup } from '../domain/minerals.ts';
import type { CellMark, CellMarkKind, Mine, ScaleRule } from '../domain/model.ts';
import type { Project } from '../store/project.ts';
import { checkRow, insertChecked, insertCheckedMany, updateChecked, type CheckedRow } from '../store/row-repo.ts';
import { setMarks } from '../store/cell-marks.ts';
import type { ImportJournal, JournalTable } from './journal.ts';
import { ensureLocalMineral } from '../store/local-minerals.ts';
import { getScaleRules } from '../store/plan-repo.ts';
import { IMPORT_LIMITS, streamSheets, type Sheet } from './read-sheets.ts';
import { KeyFilter } from './key-filter.ts';
import { BATCH_ROWS, HEAD_ROWS, memorySource, stageFile, type RowSource, type SourceRow } from './staging.ts';
import { detectTable, HEADER_ALIASES, mapTable, type HeaderMatch, type ImportKind } from './headers.ts';
import { parseArea, parseProduction, parseValidity, parseYear, statusFromRemarks, vocabCode } from './parse-values.ts';
import { parseDate } from '../store/values.ts';

export interface ImportIssue {
  sheet: string;
  row: number; // spreadsheet row, 1-based
  column: string; // header text as in the sheet
  value: string;
  code: string;
  params: Record<string, string | number>;
}

type Value = string | number | null;

/** One row the import writes (or, in a preview, would write). */
export interface ImportChange {
  table: 'mines' | 'licences' | 'blocks';
  action: 'add' | 'update';
  label: string;
  row: number;
  /** column → the value written (as stored: codes, ISO dates, numbers) */
  values: Record<string, Value>;
  /** for an update: column → the value it replaces (changed columns only) */
  before?: Record<string, Value>;
  /** column → how the value was inferred (the cell is marked until the user confirms it) */
  inferred: Record<string, CellMarkKind>;
  /** for a licence: the name of the mine it is linked to */
  mine?: string;
}

export interface ImportResult {
  file: string;
  sheet: string;
  kind: ImportKind;
  headerRow: number;
  /** the sheet's columns that are imported: header → field */
  columns: { header: string; field: string }[];
  /** columns not recognised, by header: not imported (map them with --map / the mapping field) */
  unknownHeaders: string[];
  changes: ImportChange[];
  /** per table, honestly: rows added and rows updated */
  counts: Record<string, { add: number; update: number }>;
  errors: ImportIssue[];
  /** what the writer should know but that does not stop the import: plan-local minerals, synonyms, values kept, inferences */
  notices: ImportIssue[];
  /** minerals the catalogue does not hold, kept as typed */
  localMinerals: string[];
  skippedRows: number[];
  written: boolean;
  /** how many changes, errors and notices there are in all (the lists above hold the first LISTED of each) */
  totals: { changes: number; errors: number; notices: number };
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
  /** the group the writer gives a mineral the catalogue does not hold */
  mineralGroups?: Record<string, LocalMineralGroup>;
  /** progress of a long import: reading the file, then its rows (each 0-1) */
  onProgress?: (stage: 'read' | 'rows', fraction: number) => void;
  /** told, for undo, which rows the import added and the prior state of those it changed (filled as it writes) */
  journal?: ImportJournal;
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

const isBlank = (t: string) => !t || t === '—' || t === '-' || t === '/' || t === '－';

interface RowContext {
  cells: Cells;
  rowNo: number;
  /** a notice about a field of this row */
  note: (field: string, code: string, params?: Record<string, string | number>) => void;
  rules: readonly ScaleRule[];
}

/** A column of a fixed list (method, scale class, status, green level): its code, or a failure naming the term. */
function vocabField(cells: Cells, row: Record<string, Value>, field: string, vocabName: 'method' | 'scaleClass' | 'status' | 'greenLevel', key: string): void {
  const text = cells(field);
  if (isBlank(text)) return;
  const code = vocabCode(vocabName, text);
  if (!code) fail(field, 'import.unknown_term', { value: text });
  row[key] = code;
}

/** The mine fields a row gives, as stored values; inferred ones are returned apart. */
function mineFields(ctx: RowContext, row: Record<string, Value>, opts: { holder: boolean; remarks: boolean }) {
  const { cells } = ctx;
  const inferred: Record<string, { kind: CellMarkKind; note: string }> = {};
  if (opts.holder && cells('holder')) row.holder = cells('holder');
  if (cells('division')) row.division = cells('division');
  const mineral = cells('mineral');
  if (!isBlank(mineral)) {
    const r = readMineral(mineral);
    row.mineral = r.name;
    if (r.how === 'synonym') ctx.note('mineral', 'import.synonym', { value: mineral, name: r.name });
    if (r.how === 'local') ctx.note('mineral', 'import.local_mineral', { value: r.name });
  }
  vocabField(cells, row, 'method', 'method', 'method');
  vocabField(cells, row, 'scale_class', 'scaleClass', 'scale_class');
  vocabField(cells, row, 'status', 'status', 'status');
  vocabField(cells, row, 'green_level', 'greenLevel', 'green_level');
  const prod = cells('production');
  if (!isBlank(prod)) {
    const p = parseProduction(prod);
    if (!p) fail('production', 'import.bad_production', { value: prod });
    row.scale_value = p.value;
    if (p.unit) row.scale_unit = p.unit;
  }
  const ty = cells('target_year');
  if (ty) {
    const y = parseYear(ty);
    if (y === null) fail('target_year', 'value.not_year', { value: ty });
    row.target_year = y;
  }
  if (cells('life_years')) row.life_years = cells('life_years').replace(/年$/, '');
  const remarks = cells('remarks');
  if (opts.remarks && remarks) row.remarks = remarks;
  // no status column, or an empty one: the status an office writes in 备注 (停产, 在建, 关闭…), marked as inferred
  if (row.status === undefined && remarks) {
    const s = statusFromRemarks(remarks);
    if (s && 'code' in s) inferred.status = { kind: 'status_from_remarks', note: s.word };
    if (s && 'ambiguous' in s) ctx.note('remarks', 'import.status_ambiguous', { value: remarks, words: s.ambiguous.join('、') });
    if (s && 'code' in s) row.status = s.code;
  }
  return inferred;
}

/** A scale class the row does not give, derived from the production scale and the plan's classification table. */
function inferClass(ctx: RowContext, merged: Pick<Mine, 'mineral' | 'method' | 'scale_value' | 'scale_unit' | 'scale_class'>) {
  if (merged.scale_class != null || merged.scale_value == null) return null;
  const cls = expectedClass(merged, ctx.rules);
  return cls ? { cls, note: `${merged.scale_value} ${merged.scale_unit}` } : null;
}

/**
 * Lookups by name, holder and number, answered by the plan's indexes. Most rows of a large import
 * name a mine or licence the plan does not hold yet: a filter of the keys, kept in step with the rows
 * the import writes, proves such a key new without a query (its "maybe" is decided by the query).
 * Sized for the rows the plan holds and the most a file may bring: a few hundred KB, not the keys.
 */
class Index {
  private readonly db: Project['db'];
  private readonly names: KeyFilter;
  private readonly holders: KeyFilter;
  private readonly numbers: KeyFilter;
  constructor(project: Project) {
    this.db = project.db;
    const count = (t: string) => (this.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    const mines = count('mines') + IMPORT_LIMITS.rows;
    this.names = new KeyFilter(mines);
    this.holders = new KeyFilter(mines);
    this.numbers = new KeyFilter(count('licences') + IMPORT_LIMITS.rows);
    for (const m of this.db.prepare('SELECT name_zh, holder FROM mines').iterate() as Iterable<{ name_zh: string; holder: string }>) this.addMine(m.name_zh, m.holder);
    for (const l of this.db.prepare('SELECT number FROM licences').iterate() as Iterable<{ number: string }>) this.addLicence(l.number);
  }
  private sorts = new Map<string, number>();
  /** The place of a new row at the end of its table (asked once per table, then counted). */
  nextSort(table: 'mines' | 'licences'): number {
    const next = this.sorts.get(table) ?? (this.db.prepare(`SELECT COALESCE(MAX(sort), 0) + 1 AS s FROM ${table}`).get() as { s: number }).s;
    this.sorts.set(table, next + 1);
    return next;
  }
  /** A mine written (added, or given a holder): its name and holder may be asked for from now on. */
  addMine(name: string, holder: string | null | undefined) {
    if (name) this.names.add(name);
    if (holder) this.holders.add(holder);
  }
  /** The first mine of that name, or null. */
  mine(name: string): number | null {
    if (!this.names.mayHave(name)) return null;
    const hit = this.db.prepare('SELECT id FROM mines WHERE name_zh = ? ORDER BY id LIMIT 1').get(name) as { id: number } | undefined;
    return hit?.id ?? null;
  }
  /** Called before the licences table is read (the writes hold new licences back to write many at once). */
  beforeLicenceQuery: () => void = () => {};
  licence(number: string): number | null {
    if (!this.numbers.mayHave(number)) return null;
    this.beforeLicenceQuery();
    const hit = this.db.prepare('SELECT id FROM licences WHERE number = ?').get(number) as { id: number } | undefined;
    return hit?.id ?? null;
  }
  addLicence(number: string) {
    this.numbers.add(number);
  }
  /** The mine a licence holder owns: named after it, held by it, or the one mine whose name begins with it. */
  mineOfHolder(holder: string): { name: string; id?: number } | null {
    if (!holder) return null;
    // the mines named after it or held by it: exactly one is the answer, several leave it open
    let one = this.mine(holder);
    if (this.holders.mayHave(holder)) {
      for (const { id } of this.db.prepare('SELECT id FROM mines WHERE holder = ? ORDER BY id LIMIT 2').all(holder) as { id: number }[]) {
        if (one === null) one = id;
        else if (id !== one) return null;
      }
    }
    if (one !== null) return { id: one, name: (this.db.prepare('SELECT name_zh FROM mines WHERE id = ?').get(one) as { name_zh: string }).name_zh };
    // names beginning with the holder: a range of the name index (U+10FFFF sorts after every
    // character), not a scan of every name per row
    const prefixed = this.db.prepare('SELECT DISTINCT name_zh FROM mines WHERE name_zh >= ? AND name_zh < ? || char(1114111) LIMIT 2').all(holder, holder) as { name_zh: string }[];
    return prefixed.length === 1 ? { name: prefixed[0].name_zh } : null;
  }
}

/** How many changes, notices and errors a result lists (first ones, in row order); its counts and totals are complete. */
export const LISTED = 500;

/**
 * Imports a spreadsheet file, never held whole in memory, validated and written inside one
 * transaction committed only at the end, so a refused or failed import leaves the plan untouched.
 * A CSV (one sheet) is imported as it is read; an .xlsx (whose best sheet may come last) is streamed
 * into a staging area first. The event loop turns while it runs (progress is reported; a caller
 * that serves other requests must keep other writers out until it resolves).
 */
export async function importFile(project: Project, file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return importCsv(project, file, opts);
  const book = await stageFile(file, { onProgress: opts.onProgress && ((f) => opts.onProgress!('read', f)) });
  try {
    return await new RowRun(project, chooseSheet(book.sheets, path.basename(file), opts), opts).runAsync();
  } finally {
    book.close();
  }
}

/**
 * A CSV imported as the reader passes its rows, without a staging area: the first HEAD_ROWS rows are
 * kept for the header search, then each row goes to the run at once (the reader's chunks are the
 * batches between which the event loop turns). If the reader refuses the file further on (a limit
 * passed, a malformed line), the run's transaction is rolled back: nothing of it stays.
 */
async function importCsv(project: Project, file: string, opts: ImportOptions): Promise<ImportResult> {
  const base = path.basename(file);
  const head: string[][] = [];
  const state: {
    run: RowRun | null;
    /** a corner-point table: its rows are gathered, then imported at once (one block) */
    points: string[][] | null;
    /** the first rows hold no text: the file is empty, unless a later row holds some */
    empty: GmpError | null;
    /** the share of the file read */
    read: number;
  } = { run: null, points: null, empty: null, read: 0 };
  const start = () => {
    for (let i = 0; i < head.length; i++) head[i] ??= [];
    let chosen: Chosen;
    try {
      chosen = chooseSheet([memorySource(base, head)], base, opts);
    } catch (e) {
      if (e instanceof GmpError && e.code === 'import.empty') {
        state.empty = e;
        return;
      }
      throw e;
    }
    if (chosen.match.kind === 'points') {
      state.points = head;
      return;
    }
    const run = (state.run = new RowRun(project, chosen, opts));
    run.open();
    for (let rowNo = run.firstDataRow; rowNo <= head.length; rowNo++) run.take(head[rowNo - 1], rowNo, state.read);
  };
  try {
    await streamSheets(file, {
      sheet: () => (rowNo, cells) => {
        if (state.run) return state.run.take(cells, rowNo, state.read);
        if (state.points) {
          state.points[rowNo - 1] = cells;
          return;
        }
        if (state.empty) {
          if (cells.some((c) => c)) throw new GmpError('import.unknown_table', { file: base }, { file: base });
          return;
        }
        head[rowNo - 1] = cells;
        if (rowNo >= HEAD_ROWS) start();
      },
    }, {
      onProgress: (f) => {
        state.read = f;
        if (!state.run) opts.onProgress?.('read', f);
      },
    });
    if (!state.run && !state.points && !state.empty) start();
    if (state.empty) throw state.empty;
    if (state.points) {
      const rows = state.points;
      for (let i = 0; i < rows.length; i++) rows[i] ??= [];
      return await new RowRun(project, chooseSheet([memorySource(base, rows)], base, opts), opts).runAsync();
    }
    return state.run!.close();
  } catch (e) {
    state.run?.abort();
    throw e;
  }
}

/** The same import over sheets already read (e.g. tables taken from a plan document), in one synchronous transaction. */
export function importSheets(project: Project, sheets: Sheet[], base: string, opts: ImportOptions = {}): ImportResult {
  return new RowRun(project, chooseSheet(sheets.map((s) => memorySource(s.name, s.rows)), base, opts), opts).runSync();
}

interface Chosen {
  base: string;
  source: RowSource;
  match: HeaderMatch;
}

/** The sheet and header row to import: the best recognised table (or the one the mapping names). */
function chooseSheet(sources: RowSource[], base: string, opts: ImportOptions): Chosen {
  let chosen: Chosen | null = null;
  for (const source of sources) {
    if (opts.sheet && source.name !== opts.sheet) continue;
    if (opts.mapping) {
      const kind = opts.table ?? (('number' in opts.mapping) ? 'licences' : ('x' in opts.mapping) ? 'points' : 'mines');
      const mapped = mapTable(source.head, kind, opts.mapping);
      if ('unknownField' in mapped) throw new GmpError('import.unknown_field', { field: mapped.unknownField, fields: Object.keys(HEADER_ALIASES[kind]).join(', ') }, { file: base });
      if ('missingColumn' in mapped) continue;
      if (!chosen) chosen = { base, source, match: mapped };
      continue;
    }
    const match = detectTable(source.head, opts.table);
    if (match && (!chosen || match.score > chosen.match.score)) chosen = { base, source, match };
  }
  if (!chosen && opts.mapping) throw new GmpError('import.mapping_column', { file: base }, { file: base });
  if (!chosen) {
    const empty = sources.every((s) => !s.hasText);
    throw new GmpError(empty ? 'import.empty' : 'import.unknown_table', { file: base }, { file: base });
  }
  return chosen;
}

/** What one row writes, kept apart until the row has passed (a failing row leaves nothing behind). */
interface RowOut {
  changes: ImportChange[];
}

/** One run of the import over the chosen sheet's rows: compact results (counts, first rows listed). */
class RowRun {
  readonly result: ImportResult;
  private readonly db: Project['db'];
  private readonly errorRows = new Set<number>();
  private readonly localMinerals = new Set<string>();
  private rules: readonly ScaleRule[] = [];
  private writes!: Writes;

  constructor(private readonly project: Project, private readonly chosen: Chosen, private readonly opts: ImportOptions) {
    const { source, match, base } = chosen;
    this.db = project.db;
    this.result = {
      file: base, sheet: source.name, kind: match.kind, headerRow: match.headerRow + 1,
      columns: Object.entries(match.headers).map(([field, header]) => ({ header, field })),
      unknownHeaders: match.unknown,
      changes: [], counts: {}, errors: [], notices: [], localMinerals: [], skippedRows: [], written: false,
      totals: { changes: 0, errors: 0, notices: 0 },
    };
  }

  get firstDataRow() {
    return this.chosen.match.headerRow + 2;
  }

  private begin(): void {
    this.rules = getScaleRules(this.db);
    this.opts.journal?.start(this.db);
    this.writes = new Writes(this.db, new Index(this.project), this.opts.journal);
    for (const [name, group] of Object.entries(this.opts.mineralGroups ?? {})) ensureLocalMineral(this.db, name, group);
  }

  private fail(issue: ImportIssue): void {
    this.result.totals.errors++;
    this.errorRows.add(issue.row);
    if (this.result.errors.length < LISTED) this.result.errors.push(issue);
  }

  private notice(issue: ImportIssue): void {
    this.result.totals.notices++;
    if (issue.code === 'import.local_mineral') this.localMinerals.add(String(issue.params.value));
    if (this.result.notices.length < LISTED) this.result.notices.push(issue);
  }

  private change(c: ImportChange): void {
    this.result.totals.changes++;
    const k = (this.result.counts[c.table] ??= { add: 0, update: 0 });
    k[c.action]++;
    if (this.result.changes.length < LISTED) this.result.changes.push(c);
  }

  /** A corner-point table: all its rows at once (one block; such tables are small, and capped like any sheet). */
  private points(): void {
    const { source, match } = this.chosen;
    const rows: string[][] = source.head.slice();
    for (const batch of source.batches(source.head.length + 1)) for (const r of batch) rows[r.rowNo - 1] = r.cells;
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    const failures: ImportIssue[] = [];
    const out: RowOut = { changes: [] };
    importPoints(this.writes, { name: source.name, rows }, match, rows.slice(match.headerRow + 1), this.opts, out, failures);
    for (const f of failures) this.fail(f);
    if (!failures.length) for (const c of out.changes) this.change(c);
  }

  private row(cellsRow: string[], rowNo: number): void {
    const { match, source } = this.chosen;
    if (cellsRow.every((c) => !c)) return;
    const cells: Cells = (field) => (match.columns[field] !== undefined ? (cellsRow[match.columns[field]] ?? '').trim() : '');
    // title or total rows inside the table ("合计", "续表") are not data
    if (/^(合计|总计|小计|续表|total)/i.test(cellsRow.find((c) => c) ?? '')) return;
    const notices: ImportIssue[] = [];
    const ctx: RowContext = {
      cells, rowNo, rules: this.rules,
      note: (field, code, params = {}) => notices.push({ sheet: source.name, row: rowNo, column: match.headers[field] ?? '', value: cells(field), code, params }),
    };
    const out: RowOut = { changes: [] };
    // a row is checked whole before it writes anything: a failure leaves nothing of it behind
    try {
      if (match.kind === 'mines') importMineRow(this.writes, ctx, out);
      else importLicenceRow(this.writes, ctx, out);
    } catch (e) {
      if (!(e instanceof RowFailure)) throw e;
      this.fail({ sheet: source.name, row: rowNo, column: match.headers[e.field] ?? e.field, value: cells(e.field), code: e.code, params: e.params });
      return;
    }
    for (const c of out.changes) this.change(c);
    for (const n of notices) this.notice(n);
  }

  /** Rows of one batch; the fraction of the sheet done is reported after it. */
  private batch(rows: Iterable<SourceRow>): void {
    let last = 0;
    for (const r of rows) {
      this.row(r.cells, r.rowNo);
      last = r.rowNo;
    }
    this.writes.flush();
    if (last) this.opts.onProgress?.('rows', this.chosen.source.lastRow ? Math.min(1, last / this.chosen.source.lastRow) : 1);
  }

  /** Whether what the run did is to be kept: no errors, or the user skips the rows that have them. */
  private get keep(): boolean {
    return !this.opts.dryRun && (this.result.totals.errors === 0 || !!this.opts.skipErrors);
  }

  private finish(written: boolean): ImportResult {
    this.result.localMinerals = [...this.localMinerals];
    if (written) {
      this.result.skippedRows = [...this.errorRows].sort((a, b) => a - b);
      this.result.written = true;
    }
    return this.result;
  }

  runSync(): ImportResult {
    const once = () => {
      this.begin();
      if (this.chosen.match.kind === 'points') this.points();
      else for (const b of this.chosen.source.batches(this.firstDataRow)) this.batch(b);
      if (!this.keep) throw new RollbackSignal();
    };
    try {
      if (this.opts.dryRun) this.db.transaction(once)();
      else this.project.tx(once);
    } catch (e) {
      if (!(e instanceof RollbackSignal)) throw e;
      return this.finish(false);
    }
    return this.finish(true);
  }

  /** Ends the transaction `open` began, when the run fails: nothing of it stays. */
  private rollback: (() => void) | null = null;
  private taken = 0;

  /** Begins the run's transaction (a savepoint inside a caller's), committed by `close` only. */
  open(): void {
    if (this.project.readonly && !this.opts.dryRun) throw new GmpError('project.read_only');
    const db = this.db;
    const outer = db.inTransaction;
    // (statement journals stay in memory: temp_store, set with the connection, store/project.ts)
    db.exec(outer ? 'SAVEPOINT import_run' : 'BEGIN IMMEDIATE');
    this.rollback = () => {
      this.rollback = null;
      if (outer) db.exec('ROLLBACK TO import_run; RELEASE import_run');
      else if (db.inTransaction) db.exec('ROLLBACK');
    };
    this.commit = () => {
      this.rollback = null;
      db.exec(outer ? 'RELEASE import_run' : 'COMMIT');
    };
    try {
      this.begin();
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  private commit: () => void = () => {};

  /** One row as it is read (`read`: the share of the file read so far, for progress every batch). */
  take(cells: string[], rowNo: number, read: number): void {
    this.row(cells, rowNo);
    if (++this.taken % BATCH_ROWS === 0) {
      this.writes.flush();
      this.opts.onProgress?.('rows', read);
    }
  }

  /** Ends the run: kept (committed) when it may be, else rolled back. */
  close(): ImportResult {
    try {
      this.writes.flush();
    } catch (e) {
      this.abort();
      throw e;
    }
    if (this.taken) this.opts.onProgress?.('rows', 1);
    if (!this.keep) {
      this.abort();
      return this.finish(false);
    }
    this.commit();
    return this.finish(true);
  }

  abort(): void {
    this.rollback?.();
  }

  async runAsync(): Promise<ImportResult> {
    this.open();
    try {
      if (this.chosen.match.kind === 'points') this.points();
      else {
        for (const b of this.chosen.source.batches(this.firstDataRow)) {
          this.batch(b);
          await new Promise((r) => setImmediate(r));
        }
      }
    } catch (e) {
      this.abort();
      throw e;
    }
    this.writes.flush();
    if (!this.keep) {
      this.abort();
      return this.finish(false);
    }
    this.commit();
    return this.finish(true);
  }
}

class RollbackSignal extends Error {}

const MINE_COLUMNS = ['name_zh', 'holder', 'mineral', 'method', 'scale_value', 'scale_unit', 'scale_class', 'status', 'green_level', 'target_year', 'life_years', 'division', 'remarks'] as const;
const MINE_ROW_SQL = `SELECT ${MINE_COLUMNS.join(', ')} FROM mines WHERE id = ?`;

function mineRow(db: Project['db'], id: number): Record<string, Value> {
  return db.prepare(MINE_ROW_SQL).get(id) as Record<string, Value>;
}

/** The columns a write changes, with the values they replace. */
function changedFrom(before: Record<string, Value>, values: Record<string, Value>) {
  const changed: Record<string, Value> = {};
  const old: Record<string, Value> = {};
  for (const [k, v] of Object.entries(values)) {
    if (String(before[k] ?? '') === String(v ?? '')) continue;
    changed[k] = v;
    old[k] = before[k] ?? null;
  }
  return { changed, old };
}

type Inferred = Record<string, { kind: CellMarkKind; note: string }>;

/** The marks of the inferred values a write stores. */
function inferredIn(inferred: Inferred, values: Record<string, Value>): Record<string, CellMarkKind> {
  const out: Record<string, CellMarkKind> = {};
  for (const [column, m] of Object.entries(inferred)) if (column in values) out[column] = m.kind;
  return out;
}

/**
 * The writes of the import: rows checked first (a row that fails leaves nothing behind, so no
 * savepoint per row), then written with the store's statements, each row it changes noted in the
 * journal for undo. Marks of inferred values are gathered and written in bulk.
 */
const LICENCES_PER_STATEMENT = 50;

export class Writes {
  private readonly marks: CellMark[] = [];
  /** new licences not yet written (their ids are chosen here): written 50 at a time, before any read of the table */
  private readonly licences: { id: number; sort: number; checked: CheckedRow }[] = [];
  private nextLicenceId = 0;
  constructor(readonly db: Project['db'], readonly index: Index, readonly journal?: ImportJournal) {
    index.beforeLicenceQuery = () => this.flushLicences();
  }

  /** A new licence, written with the next ones (its id is the next after the table's highest, as SQLite would give). */
  insertLicence(c: CheckedRow): number {
    this.nextLicenceId ||= (this.db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM licences').get() as { m: number }).m + 1;
    const id = this.nextLicenceId++;
    this.licences.push({ id, sort: this.index.nextSort('licences'), checked: c });
    if (this.licences.length >= LICENCES_PER_STATEMENT) this.flushLicences();
    this.journal?.added('licences', id);
    return id;
  }

  flushLicences(): void {
    if (!this.licences.length) return;
    insertCheckedMany(this.db, this.licences);
    this.licences.length = 0;
  }

  /** Everything gathered is written (before the run ends or reads what it wrote). */
  flush(): void {
    this.flushLicences();
    this.flushMarks();
  }

  insert(c: CheckedRow, table: 'mines' | 'licences', inferred?: Inferred): number {
    const id = insertChecked(this.db, c, this.index.nextSort(table));
    this.journal?.added(table, id);
    if (inferred) this.mark(id, inferred, c.values);
    return id;
  }

  update(c: CheckedRow, table: JournalTable, id: number, inferred?: Inferred): void {
    this.journal?.keep(table, id);
    // the update clears the marks of the columns it writes: the marks gathered so far are written first
    if (table === 'mines') this.flushMarks();
    updateChecked(this.db, id, c);
    // a mine given a holder is found by it from now on
    if (table === 'mines' && typeof c.row.holder === 'string') this.index.addMine('', c.row.holder);
    if (inferred) this.mark(id, inferred, c.values);
  }

  /** The blocks of a mine or zone are replaced: they are removed here (kept in the journal). */
  removeBlocks(column: 'mine_id' | 'zone_id', owner: number): boolean {
    const ids = (this.db.prepare(`SELECT id FROM blocks WHERE ${column} = ?`).all(owner) as { id: number }[]).map((r) => r.id);
    for (const id of ids) this.journal?.keep('blocks', id);
    if (!ids.length) return false;
    this.db.prepare(`DELETE FROM blocks WHERE ${column} = ?`).run(owner);
    return true;
  }

  insertBlock(c: CheckedRow): number {
    const id = insertChecked(this.db, c);
    this.journal?.added('blocks', id);
    return id;
  }

  private mark(id: number, inferred: Inferred, row: Record<string, unknown>): void {
    for (const [column, m] of Object.entries(inferred)) if (column in row) this.marks.push({ table: 'mines', rowId: id, column, kind: m.kind, note: m.note });
    if (this.marks.length >= 500) this.flushMarks();
  }

  flushMarks(): void {
    if (!this.marks.length) return;
    setMarks(this.db, this.marks);
    this.marks.length = 0;
  }
}

const mineFieldOf = (col?: string) => (col === 'scale_value' || col === 'scale_unit' ? 'production' : col ?? 'name_zh');

function importMineRow(w: Writes, ctx: RowContext, out: RowOut): void {
  const { db, index } = w;
  const name = ctx.cells('name_zh');
  if (!name) fail('name_zh', 'value.required', {});
  const values: Record<string, Value> = {};
  const inferred = mineFields(ctx, values, { holder: true, remarks: true });
  const existing = index.mine(name);
  const before = existing ? mineRow(db, existing) : {};
  const cls = inferClass(ctx, { ...(before as unknown as Mine), ...(values as unknown as Mine) });
  if (cls) {
    values.scale_class = cls.cls;
    inferred.scale_class = { kind: 'class_from_scale', note: cls.note };
  }
  if (!existing && !values.mineral) fail('mineral', 'value.required', {});
  // everything the row writes is checked before anything is written
  const { changed, old } = existing ? changedFrom(before, values) : { changed: values, old: {} };
  const mine = existing
    ? (Object.keys(changed).length ? store(mineFieldOf, () => checkRow(db, 'mines', changed, existing)) : null)
    : store(mineFieldOf, () => checkRow(db, 'mines', { ...values, name_zh: name }));
  const pts = ctx.cells('points');
  let block: CheckedRow | null = null;
  if (pts) {
    const areaText = ctx.cells('area_km2');
    const area = areaText ? parseArea(areaText) : null;
    // the mine's id is set when it is written (a new mine has none yet)
    block = store(() => 'points', () => checkRow(db, 'blocks', { name_zh: name, crs: 'cgcs2000', declared_area_km2: area, points: pts }));
    if (areaText && area === null) fail('area_km2', 'value.not_number', { value: areaText });
  }
  let id: number;
  if (existing) {
    id = existing;
    if (mine) {
      w.update(mine, 'mines', id, inferred);
      out.changes.push({ table: 'mines', action: 'update', label: name, row: ctx.rowNo, values: changed, before: old, inferred: inferredIn(inferred, changed) });
    }
  } else {
    id = w.insert(mine!, 'mines', inferred);
    index.addMine(name, String(values.holder ?? ''));
    out.changes.push({ table: 'mines', action: 'add', label: name, row: ctx.rowNo, values: { name_zh: name, ...values }, inferred: inferredIn(inferred, values) });
  }
  if (values.status == null && !existing) ctx.note('status', 'import.status_unknown', {});
  if (block) {
    const replaced = w.removeBlocks('mine_id', id);
    block.row.mine_id = id;
    w.insertBlock(block);
    out.changes.push({ table: 'blocks', action: replaced ? 'update' : 'add', label: name, row: ctx.rowNo, values: { name_zh: name, mine_id: id, crs: 'cgcs2000', declared_area_km2: block.row.declared_area_km2, points: pts }, inferred: {} });
  }
}

/** The import column a licence row's store error concerns. */
const licenceFieldOf = (col?: string) => (col === 'scale_value' || col === 'scale_unit' ? 'production' : col === 'mine_id' ? 'mine' : col === 'valid_from' || col === 'valid_to' ? 'validity' : col ?? 'number');

function importLicenceRow(w: Writes, ctx: RowContext, out: RowOut): void {
  const { db, index } = w;
  const { cells } = ctx;
  const number = cells('number').normalize('NFKC').replace(/\s+/g, '');
  if (!number) fail('number', 'value.required', {});
  // the holder's own mine, when the row names none: found once, by id where the holder's lookup knew it
  const held = cells('mine') ? null : index.mineOfHolder(cells('holder'));
  const mineName = cells('mine') || held?.name || cells('holder');
  const mineValues: Record<string, Value> = {};
  const inferred = mineFields(ctx, mineValues, { holder: false, remarks: false });
  const lic: Record<string, Value> = { number };
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
  // the licence number must be a licence number before anything is written for this row
  if (!/^C\d{22}$/.test(number) && !/^\d{13}$/.test(number)) fail('number', 'value.licence_number', { value: number });

  // 1. check everything the row writes: the mine it names (filled in, or added), then the licence
  type MineWrite = { kind: 'fill'; id: number; checked: CheckedRow; values: Record<string, Value>; old: Record<string, Value> } | { kind: 'add'; checked: CheckedRow; values: Record<string, Value> } | { kind: 'link'; id: number };
  let mine: MineWrite | null = null;
  if (mineName) {
    const existing = held?.id ?? index.mine(mineName);
    if (existing) {
      // a licence table fills what the mine lacks; where it says otherwise, the mine keeps its value and the writer is told
      const before = mineRow(db, existing);
      if (!before.holder && cells('holder')) mineValues.holder = cells('holder');
      const fill: Record<string, Value> = {};
      for (const [k, v] of Object.entries(mineValues)) {
        if (before[k] == null || before[k] === '') fill[k] = v;
        else if (String(before[k]) !== String(v)) ctx.note(k === 'scale_value' || k === 'scale_unit' ? 'production' : k === 'status' && inferred.status ? 'remarks' : k, 'import.kept_value', { column: k, kept: String(before[k]), value: String(v) });
      }
      const cls = inferClass(ctx, { ...(before as unknown as Mine), ...(fill as unknown as Mine) });
      if (cls) {
        fill.scale_class = cls.cls;
        inferred.scale_class = { kind: 'class_from_scale', note: cls.note };
      }
      mine = Object.keys(fill).length
        ? { kind: 'fill', id: existing, checked: store(licenceFieldOf, () => checkRow(db, 'mines', fill, existing)), values: fill, old: changedFrom(before, fill).old }
        : { kind: 'link', id: existing };
      lic.mine_id = existing;
    } else {
      if (!mineValues.mineral) fail('mineral', 'value.required', {});
      const cls = inferClass(ctx, mineValues as unknown as Mine);
      if (cls) {
        mineValues.scale_class = cls.cls;
        inferred.scale_class = { kind: 'class_from_scale', note: cls.note };
      }
      const values: Record<string, Value> = { ...mineValues, name_zh: mineName, holder: cells('holder') };
      mine = { kind: 'add', checked: store(licenceFieldOf, () => checkRow(db, 'mines', values)), values };
    }
  }
  const existingLicence = index.licence(number);
  let licence: { checked: CheckedRow; changed: Record<string, Value>; old: Record<string, Value> } | null;
  if (existingLicence) {
    const before = db.prepare('SELECT * FROM licences WHERE id = ?').get(existingLicence) as Record<string, Value>;
    const { changed, old } = changedFrom(before, lic);
    // a licence linked to a mine the row adds: its id is set when the mine is written
    if (mine?.kind === 'add') old.mine_id = before.mine_id ?? null;
    licence = Object.keys(changed).length || mine?.kind === 'add' ? { checked: store(licenceFieldOf, () => checkRow(db, 'licences', changed, existingLicence)), changed, old } : null;
  } else {
    // the index has just found no licence of this number: its uniqueness needs no second query
    licence = { checked: store(licenceFieldOf, () => checkRow(db, 'licences', lic, undefined, { uniqueKnown: true })), changed: lic, old: {} };
  }

  // 2. write them
  if (mine?.kind === 'fill') {
    w.update(mine.checked, 'mines', mine.id, inferred);
    out.changes.push({ table: 'mines', action: 'update', label: mineName, row: ctx.rowNo, values: mine.values, before: mine.old, inferred: inferredIn(inferred, mine.values) });
  } else if (mine?.kind === 'add') {
    const id = w.insert(mine.checked, 'mines', inferred);
    index.addMine(mineName, cells('holder'));
    lic.mine_id = id;
    if (licence) licence.checked.row.mine_id = licence.changed.mine_id = id;
    out.changes.push({ table: 'mines', action: 'add', label: mineName, row: ctx.rowNo, values: mine.values, inferred: inferredIn(inferred, mine.values) });
    // a licence row that does not state a status leaves it unknown, never "producing"
    if (mine.values.status == null) ctx.note('status', 'import.status_unknown', {});
  }
  if (existingLicence) {
    if (licence) {
      w.update(licence.checked, 'licences', existingLicence);
      out.changes.push({ table: 'licences', action: 'update', label: number, row: ctx.rowNo, values: licence.changed, before: licence.old, inferred: {}, mine: mineName || undefined });
    }
  } else {
    w.insertLicence(licence!.checked);
    index.addLicence(number);
    out.changes.push({ table: 'licences', action: 'add', label: number, row: ctx.rowNo, values: lic, inferred: {}, mine: mineName || undefined });
  }
}

function importPoints(w: Writes, sheet: Sheet, match: HeaderMatch, dataRows: string[][], opts: ImportOptions, out: RowOut, failures: ImportIssue[]): void {
  const db = w.db;
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
  const block = { name_zh: zone.name_zh, zone_id: zone.id, crs: 'xian80', declared_area_km2: zone.declared_area_km2, points: points.join('; ') };
  let checked: CheckedRow;
  try {
    checked = checkRow(db, 'blocks', block);
  } catch (e) {
    if (!(e instanceof GmpError)) throw e;
    failures.push({ sheet: sheet.name, row: match.headerRow + 2, column: 'X/Y', value: '', code: e.code, params: e.params });
    return;
  }
  const replaced = w.removeBlocks('zone_id', zone.id);
  w.insertBlock(checked);
  out.changes.push({ table: 'blocks', action: replaced ? 'update' : 'add', label: `${zone.name_zh} (${points.length})`, row: match.headerRow + 2, values: block, inferred: {} });
}
