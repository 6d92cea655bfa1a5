// One plan = one SQLite file. Opening checks that the file is a plan this version can read,
// before anything is written to it; older files are migrated inside one transaction.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { GmpError } from '../domain/errors.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.ts';

export const APP_ID = 'gmplan';
const SQLITE_MAGIC = 'SQLite format 3\u0000';

export type DB = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
}

/**
 * The store prepares the same few SQL texts for every row it touches (an import of 200,000 rows runs
 * each of them hundreds of thousands of times): one prepared statement per text and connection.
 * No caller changes a statement's mode (pluck/raw/expand/bind), so sharing one is safe.
 */
function cacheStatements(db: DB): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      if (cache.size >= 500) cache.clear();
      s = prepare(sql);
      cache.set(sql, s);
    }
    return s;
  }) as DB['prepare'];
}

function configure(db: DB, readonly: boolean): void {
  cacheStatements(db);
  db.pragma('foreign_keys = ON');
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // statement journals (of multi-row writes: an import's new licences and marks) in memory, not in
    // temporary files (a 200k-row import: 136,000 writes to /var/tmp avoided); the plan's own WAL and
    // its crash safety are untouched. Set once: changing it drops a connection's TEMP objects.
    db.pragma('temp_store = MEMORY');
  }
}

/**
 * A read-only look must leave nothing beside the plan: SQLite creates -wal and -shm files for a WAL
 * database even for a read-only connection and cannot remove them itself. Notes which of them are
 * missing now; the returned function removes the ones the look created (unless data was written).
 */
function sidecarsOf(file: string): () => void {
  const made = ['-wal', '-shm'].filter((s) => !fs.existsSync(file + s));
  return () => {
    const wal = `${file}-wal`;
    try {
      if (made.includes('-wal') && fs.existsSync(wal) && fs.statSync(wal).size > 0) return;
      for (const s of made) fs.rmSync(file + s, { force: true });
    } catch {
      // a leftover file is untidy, not harmful
    }
  };
}

const expectedTablesCache = new Map<number, string[]>();

/** The tables a plan at schema `version` has (the migrations up to it, run on an empty database). */
function expectedTables(version: number): string[] {
  let list = expectedTablesCache.get(version);
  if (!list) {
    const mem = new Database(':memory:');
    try {
      for (let v = 0; v < Math.min(version, MIGRATIONS.length); v++) mem.exec(MIGRATIONS[v]);
      list = (mem.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    } finally {
      mem.close();
    }
    expectedTablesCache.set(version, list);
  }
  return list;
}

/** Reads the 100-byte SQLite header: a foreign or newer file is refused before SQLite opens it (which could add -wal/-shm files). */
function checkHeader(file: string): void {
  if (!fs.existsSync(file)) throw new GmpError('project.not_found', { path: file });
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = fs.readSync(fd, buf, 0, 100, 0);
    if (n < 100 || buf.toString('latin1', 0, 16) !== SQLITE_MAGIC) throw new GmpError('project.not_sqlite', { path: file });
    const version = buf.readUInt32BE(60); // PRAGMA user_version
    if (version > SCHEMA_VERSION) throw new GmpError('project.newer_version', { path: file, found: version, supported: SCHEMA_VERSION });
  } finally {
    fs.closeSync(fd);
  }
}

export class Project {
  readonly db: DB;
  readonly file: string;
  readonly readonly: boolean;

  private cleanup: (() => void) | null = null;

  private constructor(db: DB, file: string, readonly: boolean) {
    this.db = db;
    this.file = file;
    this.readonly = readonly;
  }

  /** Opens an existing plan. Throws a GmpError (and writes nothing) if it is not one this version can use. */
  static open(file: string, opts: OpenOptions = {}): Project {
    checkHeader(file);
    // First look read-only: a foreign or newer file must never be touched.
    let probe: DB;
    const cleanProbe = sidecarsOf(file);
    try {
      probe = new Database(file, { readonly: true, fileMustExist: true });
    } catch {
      cleanProbe();
      throw new GmpError('project.damaged', { path: file });
    }
    try {
      const version = Number(probe.pragma('user_version', { simple: true }));
      if (version > SCHEMA_VERSION) throw new GmpError('project.newer_version', { path: file, found: version, supported: SCHEMA_VERSION });
      const hasMeta = probe.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").get();
      const app = hasMeta ? (probe.prepare("SELECT value FROM meta WHERE key='app'").get() as { value: string } | undefined) : undefined;
      if (!app || app.value !== APP_ID || version < 1) throw new GmpError('project.not_plan', { path: file });
      const check = probe.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new GmpError('project.damaged', { path: file });
      // a plan marker over missing tables (a hollow file) is as damaged as a broken page
      const have = new Set((probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
      if (expectedTables(version).some((t) => !have.has(t))) throw new GmpError('project.damaged', { path: file });
    } catch (e) {
      probe.close();
      cleanProbe();
      if (e instanceof GmpError) throw e;
      throw new GmpError('project.damaged', { path: file });
    }
    probe.close();
    cleanProbe();
    const readonly = opts.readonly ?? false;
    const clean = readonly ? sidecarsOf(file) : null;
    const db = new Database(file, { readonly, fileMustExist: true });
    configure(db, readonly);
    const project = new Project(db, file, readonly);
    project.cleanup = clean;
    if (!readonly) project.migrate();
    return project;
  }

  /** Creates a fresh, empty plan file at `file` (which must not exist). */
  static createEmpty(file: string): Project {
    if (fs.existsSync(file)) throw new GmpError('project.exists', { path: file });
    const db = new Database(file);
    configure(db, false);
    const project = new Project(db, file, false);
    project.migrate();
    db.prepare("INSERT INTO meta(key, value) VALUES ('app', ?), ('created_at', ?)").run(APP_ID, new Date().toISOString());
    return project;
  }

  private migrate(): void {
    const current = Number(this.db.pragma('user_version', { simple: true }));
    if (current >= SCHEMA_VERSION) return;
    // A migration may rebuild a table: foreign keys are off while it runs (dropping a referenced
    // table would otherwise fire ON DELETE actions) and checked before it commits.
    this.db.pragma('foreign_keys = OFF');
    try {
      this.db.transaction(() => {
        for (let v = current; v < SCHEMA_VERSION; v++) this.db.exec(MIGRATIONS[v]);
        const broken = this.db.pragma('foreign_key_check') as unknown[];
        if (broken.length) throw new GmpError('project.corrupt', { path: this.file, detail: `foreign keys after migration: ${broken.length}` });
        this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
    } finally {
      this.db.pragma('foreign_keys = ON');
    }
  }

  tx<T>(fn: () => T): T {
    if (this.readonly) throw new GmpError('project.read_only');
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) {
      if (!this.readonly) this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
      this.cleanup?.();
    }
  }
}
