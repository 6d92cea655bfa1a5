// Reads a spreadsheet into plain rows of cell text: .xlsx through exceljs's streaming reader (merged
// title rows, dates, rich text), .csv streamed through csv-parse in UTF-8, UTF-8 with BOM, or
// GB18030/GBK (as offices still save it). Memory stays bounded: the limits below are published
// (README, the import panel) and checked while reading, so an oversized or hostile file is refused
// early, with the reason and the limit — never read whole first.
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { parse as parseCsvStream } from 'csv-parse';
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { GmpError } from '../domain/errors.ts';

export interface Sheet {
  name: string;
  /** rows of trimmed cell text; row i is spreadsheet row i + 1 */
  rows: string[][];
}

export interface ReadLimits {
  /** rows per sheet */
  rows: number;
  /** columns per row */
  columns: number;
  /** characters per cell */
  cellChars: number;
  /** bytes of spreadsheet data once unpacked (an .xlsx's XML, a .csv's file size) */
  unpackedBytes: number;
}

/** What an import reads at most; refused beyond, naming the limit. */
export const IMPORT_LIMITS: ReadLimits = { rows: 200_000, columns: 1_000, cellChars: 100_000, unpackedBytes: 512 * 1024 * 1024 };

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  /** the share of the file read so far, 0-1 */
  onProgress?: (fraction: number) => void;
}

export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}-${String(v.getUTCDate()).padStart(2, '0')}`;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

/** Title and header rows above a table's data, not counted against the row limit. */
const HEADER_ROWS = 20;

/** Refuses the first row past a limit (rows, columns, characters per cell). */
class RowGuard {
  private count = 0;
  constructor(private readonly limits: ReadLimits, private readonly file: string, private readonly sheet: string) {}

  check(rowNo: number, cells: string[]): void {
    this.count++;
    if (this.count > this.limits.rows + HEADER_ROWS || rowNo > this.limits.rows + HEADER_ROWS) {
      throw new GmpError('import.too_many_rows', { file: this.file, sheet: this.sheet, limit: this.limits.rows }, { file: this.file });
    }
    if (cells.length > this.limits.columns) {
      throw new GmpError('import.too_many_columns', { file: this.file, sheet: this.sheet, row: rowNo, limit: this.limits.columns }, { file: this.file, row: rowNo });
    }
    for (const c of cells) {
      if (c.length > this.limits.cellChars) {
        throw new GmpError('import.cell_too_long', { file: this.file, sheet: this.sheet, row: rowNo, limit: this.limits.cellChars }, { file: this.file, row: rowNo });
      }
    }
  }
}

/**
 * Where a reader puts the rows it has checked: one sheet at a time, in order. `readSheets` keeps
 * them in memory; the import's staging (`staging.ts`) keeps them on disk.
 */
export interface RowSinkFactory {
  /** a new sheet begins: `id` is its place in the workbook (the tabs' order) */
  sheet(id: number, name: string): (rowNo: number, cells: string[]) => void;
}

/** Reads every sheet of a file row by row into `sinks`, refusing it at the first limit passed. */
export async function streamSheets(file: string, sinks: RowSinkFactory, opts: ReadOptions = {}): Promise<void> {
  const limits = { ...IMPORT_LIMITS, ...opts.limits };
  const base = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new GmpError('io.not_found', { detail: base });
  }
  if (!stat.isFile()) throw new GmpError('import.not_spreadsheet', { file: base }, { file: base });
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return readCsv(file, base, stat.size, limits, sinks, opts.onProgress);
  if (ext === '.xlsx') return readXlsx(file, base, stat.size, limits, sinks, opts.onProgress);
  throw new GmpError('import.not_spreadsheet', { file: base }, { file: base });
}

/** Reads a whole spreadsheet into memory (small files: documents' tables, tests); imports stream through `streamSheets`. */
export async function readSheets(file: string, opts: ReadOptions = {}): Promise<Sheet[]> {
  const sheets: { id: number; sheet: Sheet }[] = [];
  await streamSheets(file, {
    sheet(id, name) {
      const rows: string[][] = [];
      sheets.push({ id, sheet: { name, rows } });
      return (rowNo, cells) => { rows[rowNo - 1] = cells; };
    },
  }, opts);
  for (const { sheet } of sheets) for (let i = 0; i < sheet.rows.length; i++) sheet.rows[i] ??= [];
  // in the workbook's order, as the user sees the tabs
  return sheets.sort((a, b) => a.id - b.id).map((s) => s.sheet);
}

// --- CSV --------------------------------------------------------------------------------------

/**
 * The text encoding of a CSV: UTF-8 (with or without BOM) when the whole file is valid UTF-8, else
 * GB18030. The whole file is checked (a fast pass, nothing kept), so the rows are read once, in the
 * right encoding: an import takes them as they are read.
 */
function sniffEncoding(file: string): 'utf-8' | 'gb18030' {
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    // a UTF-8 byte-order mark says so, as decodeText takes it (a stray bad byte later stays one bad character)
    const head = fs.readSync(fd, chunk, 0, 3, 0);
    if (head === 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return 'utf-8';
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      // a multi-byte character may be cut at the end of a chunk: decode in stream mode
      decoder.decode(chunk.subarray(0, n), { stream: n > 0 });
      if (n === 0) return 'utf-8';
    }
  } catch {
    return 'gb18030';
  } finally {
    fs.closeSync(fd);
  }
}

/** An error thrown by a row sink, passed through the reader unchanged. */
class SinkFailure extends Error {
  constructor(readonly error: unknown) {
    super('row sink failed');
  }
}

function binaryRefusal(base: string) {
  return new GmpError('import.not_text', { file: base }, { file: base });
}

async function readCsv(file: string, base: string, size: number, limits: ReadLimits, sinks: RowSinkFactory, onProgress?: (f: number) => void): Promise<void> {
  if (size > limits.unpackedBytes) throw new GmpError('import.too_large', { file: base, limit: Math.round(limits.unpackedBytes / 2 ** 20) }, { file: base });
  const run = async (encoding: 'utf-8' | 'gb18030'): Promise<void> => {
    const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
    let read = 0;
    const decode = new Transform({
      readableObjectMode: false,
      transform(chunk: Buffer, _enc, cb) {
        // a NUL byte is never in a text table: binary junk is refused without echoing it
        if (chunk.includes(0)) return cb(binaryRefusal(base));
        read += chunk.length;
        onProgress?.(size ? read / size : 1);
        try {
          cb(null, decoder.decode(chunk, { stream: true }));
        } catch (e) {
          cb(e as Error);
        }
      },
      flush(cb) {
        try {
          cb(null, decoder.decode());
        } catch (e) {
          cb(e as Error);
        }
      },
    });
    const guard = new RowGuard(limits, base, base);
    let rowNo = 0;
    const parser = parseCsvStream({
      relax_column_count: true, skip_empty_lines: false, bom: true, trim: true,
      // one record may hold at most `columns` cells of `cellChars` characters, bounded once more for memory
      max_record_size: Math.min(limits.cellChars * 4, 16 * 1024 * 1024),
    });
    const collect = new Transform({
      objectMode: true,
      transform(record: string[], _enc, cb) {
        rowNo++;
        let cells: string[];
        try {
          cells = record.map((c) => String(c ?? '').trim());
          guard.check(rowNo, cells);
        } catch (e) {
          return cb(e as Error);
        }
        try {
          emit(rowNo, cells);
        } catch (e) {
          // what the sink throws (an import writing the row) is its own error, not the file's
          return cb(new SinkFailure(e));
        }
        cb();
      },
    });
    try {
      await pipeline(fs.createReadStream(file, { highWaterMark: 256 * 1024 }), decode, parser, collect);
    } catch (e) {
      if (e instanceof SinkFailure) throw e.error;
      if (e instanceof GmpError) throw e;
      const err = e as { code?: string; lines?: number; name?: string };
      // (the whole file was valid UTF-8 when its encoding was chosen: it changed while read)
      if (err.code === 'ERR_ENCODING_INVALID_ENCODED_DATA' || err.name === 'TypeError') throw binaryRefusal(base);
      if (err.code === 'CSV_MAX_RECORD_SIZE') {
        throw new GmpError('import.cell_too_long', { file: base, sheet: base, row: (err.lines ?? rowNo + 1), limit: limits.cellChars }, { file: base, row: err.lines ?? rowNo + 1 });
      }
      // csv-parse's own message quotes the file's content: name the line only
      throw new GmpError('import.bad_csv_line', { line: err.lines ?? rowNo + 1 }, { file: base });
    }
  };
  const emit = sinks.sheet(0, base);
  await run(sniffEncoding(file));
}

// --- xlsx -------------------------------------------------------------------------------------

const SHEET_FILE = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** Sheet file → sheet name, from the small workbook.xml and its relationships. */
function sheetNames(buf: Uint8Array): Map<string, string> {
  const names = new Map<string, string>();
  try {
    const parts = unzipSync(buf, { filter: (f) => f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' });
    const wb = new TextDecoder().decode(parts['xl/workbook.xml'] ?? new Uint8Array());
    const rels = new TextDecoder().decode(parts['xl/_rels/workbook.xml.rels'] ?? new Uint8Array());
    const target = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
      const t = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
      if (id && t) target.set(id, `xl/${t.replace(/^\/?xl\//, '').replace(/^\//, '')}`);
    }
    for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
      const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1];
      const t = rid ? target.get(rid) : undefined;
      if (name && t) names.set(t, name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
    }
  } catch {
    // names are a courtesy for messages; the reader below decides whether the file is readable
  }
  return names;
}

const ROW_TAG = Buffer.from('<row');

/**
 * The zip-bomb guard, before exceljs sees the file: the uncompressed sizes the archive declares, then
 * the real ones (inflated and counted, never kept), and the rows of each sheet counted on the way;
 * refused as soon as a limit is passed.
 */
export function guardXlsx(buf: Uint8Array, base: string, limits: ReadLimits): void {
  const notSheet = () => new GmpError('import.not_spreadsheet', { file: base }, { file: base });
  const tooLarge = () => new GmpError('import.too_large', { file: base, limit: Math.round(limits.unpackedBytes / 2 ** 20) }, { file: base });
  let declared = 0;
  try {
    unzipSync(buf, {
      filter: (f) => {
        declared += f.originalSize;
        return false;
      },
    });
  } catch {
    throw notSheet();
  }
  if (declared > limits.unpackedBytes) throw tooLarge();
  const names = sheetNames(buf);
  let total = 0;
  let refusal: GmpError | null = null;
  const unzip = new Unzip((f) => {
    const sheet = SHEET_FILE.test(f.name);
    let rows = 0;
    let tail = Buffer.alloc(0);
    f.ondata = (err, data) => {
      if (refusal) return;
      if (err) {
        refusal = notSheet();
        return;
      }
      total += data.length;
      if (total > limits.unpackedBytes) {
        refusal = tooLarge();
        f.terminate();
        return;
      }
      if (!sheet) return;
      const chunk = tail.length ? Buffer.concat([tail, data]) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      // rows that hold cells (a self-closing <row …/> is only formatting and is not read)
      let i = chunk.indexOf(ROW_TAG);
      let last = 0;
      for (; i >= 0 && i + 4 < chunk.length; i = chunk.indexOf(ROW_TAG, i + 4)) {
        const next = chunk[i + 4];
        if (next !== 0x20 && next !== 0x3e && next !== 0x09 && next !== 0x0a && next !== 0x0d) continue;
        const gt = chunk.indexOf(0x3e, i + 4);
        if (gt < 0) break; // the tag goes on in the next piece: look again there
        if (chunk[gt - 1] !== 0x2f) rows++;
        last = gt + 1;
      }
      const keep = i >= 0 ? i : Math.max(last, chunk.length - 4);
      tail = Buffer.from(chunk.subarray(keep));
      if (tail.length > 4096) tail = Buffer.from(tail.subarray(tail.length - 4));
      if (rows > limits.rows + HEADER_ROWS) {
        refusal = new GmpError('import.too_many_rows', { file: base, sheet: names.get(f.name) ?? f.name, limit: limits.rows }, { file: base });
        f.terminate();
      }
    };
    f.start();
  });
  unzip.register(UnzipInflate);
  // small pieces: one push inflates at most ~1,000 times its size
  const STEP = 16 * 1024;
  try {
    for (let i = 0; i < buf.length && !refusal; i += STEP) unzip.push(buf.subarray(i, i + STEP), i + STEP >= buf.length);
  } catch {
    if (!refusal) throw notSheet();
  }
  if (refusal) throw refusal;
}

async function readXlsx(file: string, base: string, size: number, limits: ReadLimits, sinks: RowSinkFactory, onProgress?: (f: number) => void): Promise<void> {
  if (size > limits.unpackedBytes) throw new GmpError('import.too_large', { file: base, limit: Math.round(limits.unpackedBytes / 2 ** 20) }, { file: base });
  const buf = fs.readFileSync(file);
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw new GmpError('import.not_spreadsheet', { file: base }, { file: base });
  guardXlsx(buf, base, limits);
  let read = 0;
  const source = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  source.on('data', (c) => {
    read += c.length;
    onProgress?.(size ? read / size : 1);
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  try {
    for await (const ws of reader) {
      const w = ws as unknown as { id: number | string; name: string } & AsyncIterable<ExcelJS.Row>;
      const guard = new RowGuard(limits, base, w.name);
      const emit = sinks.sheet(Number(w.id), w.name);
      for await (const row of w) {
        // a row with no value (formatting only) is neither read nor counted
        if (!row.hasValues) continue;
        if (row.number > limits.rows + HEADER_ROWS) guard.check(row.number, []);
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          if (c > limits.columns) return;
          cells[c - 1] = cellText(cell.value).trim();
        });
        if (row.cellCount > limits.columns) guard.check(row.number, new Array(row.cellCount).fill(''));
        for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        guard.check(row.number, cells);
        emit(row.number, cells);
      }
    }
  } catch (e) {
    if (e instanceof GmpError) throw e;
    throw new GmpError('import.not_spreadsheet', { file: base }, { file: base });
  } finally {
    source.destroy();
  }
}
