// An appendix table as .xlsx with the same headers as in the plan, so an office can round-trip it.
import ExcelJS from 'exceljs';
import type { PlanData } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { GmpError } from '../domain/errors.ts';
import { buildDocument } from '../document/build.ts';
import { headerRows, type Cell } from '../document/ir.ts';
import { captionText } from '../document/numbering.ts';
import { TABLE_DEFS } from '../document/tables/registry.ts';
import { buildFileAtomic } from '../files/atomic.ts';

/** Writes IR rows from `firstRow` on, merging the cells that span rows or columns. */
function writeRows(ws: ExcelJS.Worksheet, rows: Cell[][], firstRow: number): void {
  const covered = new Set<string>();
  rows.forEach((row, r) => {
    const excelRow = firstRow + r;
    let col = 1;
    for (const cell of row) {
      while (covered.has(`${excelRow}:${col}`)) col++;
      ws.getCell(excelRow, col).value = cell.text;
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      if (rs > 1 || cs > 1) {
        ws.mergeCells(excelRow, col, excelRow + rs - 1, col + cs - 1);
        for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) covered.add(`${excelRow + i}:${col + j}`);
      }
      col += cs;
    }
  });
}

export async function exportTableXlsx(data: PlanData, key: string, lang: Lang, target: string): Promise<void> {
  if (!TABLE_DEFS[key]) throw new GmpError('template.unknown_table', { file: target, table: key });
  const doc = buildDocument({ ...data, appendices: [key], chapters: [] }, lang);
  const table = doc.appendices[0];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Green Mine Plan Studio';
  const ws = wb.addWorksheet(table.label.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  const n = table.columns.length;
  ws.addRow([captionText(table.label, table.title, lang)]);
  ws.mergeCells(1, 1, 1, n);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  const header = headerRows(table);
  const first = 2 + header.length;
  writeRows(ws, header, 2);
  header.forEach((_, r) => { ws.getRow(2 + r).font = { bold: true }; });
  writeRows(ws, table.rows, first);
  table.columns.forEach((c, i) => { ws.getColumn(i + 1).width = Math.max(6, Math.round(c.width * 4)); });
  ws.views = [{ state: 'frozen', ySplit: first - 1 }];
  await buildFileAtomic(target, async (tmp) => { await wb.xlsx.writeFile(tmp); });
}
