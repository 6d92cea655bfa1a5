// The import's staging area: a spreadsheet's rows, read as a stream, are kept in a private temporary
// SQLite file (not in memory), so a 200,000-row register costs the import one row at a time. The
// first rows of every sheet stay in memory for the header search; the rest are read back in batches,
// in order, each batch a cursor over the file (a row is parsed when the import takes it and is
// garbage right after). The file is deleted when the import ends, whatever happens.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { streamSheets, type ReadOptions } from './read-sheets.ts';

/** Rows the header search looks at (it reads the first 15). */
export const HEAD_ROWS = 20;
/** Rows read back, validated and written per batch (between batches the import reports progress and yields). */
export const BATCH_ROWS = 2000;

export interface SourceRow {
  rowNo: number;
  cells: string[];
}

/** One sheet's rows: the first ones in memory, then all of them in batches. */
export interface RowSource {
  name: string;
  /** rows 1… up to HEAD_ROWS; row i is spreadsheet row i + 1 (missing rows are empty) */
  head: string[][];
  /** number of the last row (0 for an empty sheet) */
  lastRow: number;
  /** whether any cell holds text */
  hasText: boolean;
  /**
   * rows from spreadsheet row `from` on, in order, `BATCH_ROWS` at a time (rows without cells are left
   * out); each batch is read as it is iterated, and must be iterated to its end before the next
   */
  batches(from: number): Iterable<Iterable<SourceRow>>;
}

/** The rows of in-memory sheets (tables taken from a document, small files) as sources. */
export function memorySource(name: string, rows: string[][]): RowSource {
  return {
    name,
    head: Array.from({ length: Math.min(rows.length, HEAD_ROWS) }, (_, i) => rows[i] ?? []),
    lastRow: rows.length,
    hasText: rows.some((r) => r?.some((c) => c)),
    *batches(from: number) {
      for (let i = Math.max(from - 1, 0); i < rows.length; i += BATCH_ROWS) {
        yield rows.slice(i, i + BATCH_ROWS).map((cells, j) => ({ rowNo: i + j + 1, cells: cells ?? [] }));
      }
    },
  };
}

export interface StagedBook {
  /** the sheets in the workbook's order */
  sheets: RowSource[];
  close(): void;
}

/** Streams a spreadsheet into the staging area; refused (and the area removed) at the first limit passed. */
export async function stageFile(file: string, opts: ReadOptions = {}): Promise<StagedBook> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmp-import-'));
  const db = new Database(path.join(dir, 'rows.db'));
  const close = () => {
    if (db.open) db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    // a scratch file: nothing here must survive a crash
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec('CREATE TABLE rows (sheet INTEGER NOT NULL, row INTEGER NOT NULL, cells TEXT NOT NULL, PRIMARY KEY (sheet, row)) WITHOUT ROWID');
    const put = db.prepare('INSERT OR REPLACE INTO rows (sheet, row, cells) VALUES (?, ?, ?)');
    const get = db.prepare('SELECT row, cells FROM rows WHERE sheet = ? AND row >= ? ORDER BY row LIMIT ?');
    const sheets: { id: number; source: RowSource }[] = [];
    // one transaction for the whole reading (no journal: a failed reading removes the file)
    db.exec('BEGIN');
    await streamSheets(file, {
      sheet(id, name) {
        const key = sheets.length;
        const head: string[][] = [];
        const source: RowSource = {
          name, head, lastRow: 0, hasText: false,
          *batches(from: number) {
            for (let at = from; at <= source.lastRow;) {
              let last = 0;
              yield (function* batch() {
                for (const r of get.iterate(key, at, BATCH_ROWS) as Iterable<{ row: number; cells: string }>) {
                  last = r.row;
                  yield { rowNo: r.row, cells: JSON.parse(r.cells) as string[] };
                }
              })();
              if (!last) return;
              at = last + 1;
            }
          },
        };
        sheets.push({ id, source });
        return (rowNo, cells) => {
          source.lastRow = Math.max(source.lastRow, rowNo);
          if (!source.hasText && cells.some((c) => c)) source.hasText = true;
          if (rowNo <= HEAD_ROWS) {
            for (let i = head.length; i < rowNo - 1; i++) head[i] = [];
            head[rowNo - 1] = cells;
          }
          if (!cells.some((c) => c)) return;
          put.run(key, rowNo, JSON.stringify(cells));
        };
      },
    }, opts);
    db.exec('COMMIT');
    return { sheets: sheets.sort((a, b) => a.id - b.id).map((s) => s.source), close };
  } catch (e) {
    close();
    throw e;
  }
}
