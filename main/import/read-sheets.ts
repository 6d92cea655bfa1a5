// Reads a spreadsheet into plain rows of cell text: .xlsx through exceljs (merged cells, dates,
// rich text), .csv in UTF-8, UTF-8 with BOM, or GB18030/GBK (as offices still save it).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { GmpError } from '../domain/errors.ts';

export interface Sheet {
  name: string;
  /** rows of trimmed cell text; row i is spreadsheet row i + 1 */
  rows: string[][];
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

export async function readSheets(file: string): Promise<Sheet[]> {
  if (!fs.existsSync(file)) throw new GmpError('io.not_found', { detail: file });
  const buf = fs.readFileSync(file);
  const ext = path.extname(file).toLowerCase();
  const base = path.basename(file);
  if (ext === '.csv' || ext === '.txt') {
    const text = decodeText(buf);
    let records: string[][];
    try {
      records = parseCsv(text, { relax_column_count: true, skip_empty_lines: false, bom: true, trim: true }) as string[][];
    } catch (e) {
      throw new GmpError('import.bad_csv', { detail: (e as Error).message.split('\n')[0] }, { file: base });
    }
    return [{ name: base, rows: records.map((r) => r.map((c) => String(c ?? '').trim())) }];
  }
  if (ext === '.xlsx') {
    if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw new GmpError('import.not_spreadsheet', { file: base }, { file: base });
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
    } catch {
      throw new GmpError('import.not_spreadsheet', { file: base }, { file: base });
    }
    return wb.worksheets.map((ws) => {
      const rows: string[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          // a merged cell reads as its master's value only at the master
          cells[c - 1] = cell.isMerged && cell.master !== cell ? '' : cellText(cell.value).trim();
        });
        rows[n - 1] = cells.map((c) => c ?? '');
      });
      for (let i = 0; i < rows.length; i++) rows[i] ??= [];
      return { name: ws.name, rows };
    });
  }
  throw new GmpError('import.not_spreadsheet', { file: base }, { file: base });
}
