// WordprocessingML for the plan's tables, written straight as text. A province-scale plan has
// appendix tables of thousands of rows; building them as docx objects costs seconds and a
// gigabyte, so the document is built with a placeholder paragraph per table and the tables are
// spliced in after packing. Element order follows the schema (CT_Tbl, CT_Row, CT_Tc).
import { unzipSync, strFromU8, strToU8 } from 'fflate';
import { zipFiles } from './zip.ts';
import { headerRows, type Cell, type TableBlock } from '../../document/ir.ts';
import { fontTableXml, withDefaults, withSettings } from './package-parts.ts';
import { escapeXml as esc, withSectionProperties } from './paragraph-xml.ts';

export const PLACEHOLDER = (n: number) => `@@GMP-TABLE-${n}@@`;

/** Column widths in twips, summing exactly to the text width. */
export function columnTwips(table: TableBlock, textWidthTwip: number): number[] {
  const total = table.columns.reduce((a, c) => a + c.width, 0);
  const widths = table.columns.map((c) => Math.floor((c.width / total) * textWidthTwip));
  widths[widths.length - 1] += textWidthTwip - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Whole twips, rounded down so the table never grows past its width. */
function roundTwips(widths: number[]): number[] {
  return widths.map((w) => Math.floor(w));
}

/** For rows with spans: the column each cell starts at. */
export function cellColumns(rows: Cell[][], nCols: number): number[][] {
  const covered: number[] = new Array(nCols).fill(0);
  return rows.map((row) => {
    const starts: number[] = [];
    let col = 0;
    for (const cell of row) {
      while (col < nCols && covered[col] > 0) col++;
      starts.push(col);
      const span = cell.colSpan ?? 1;
      for (let k = 0; k < span; k++) if (col + k < nCols) covered[col + k] = Math.max(covered[col + k], cell.rowSpan ?? 1);
      col += span;
    }
    for (let k = 0; k < nCols; k++) if (covered[k] > 0) covered[k] -= 1;
    return starts;
  });
}

function paragraphXml(text: string, style: string, align: string | undefined): string {
  const jc = align && align !== 'center' ? `<w:jc w:val="${align}"/>` : '';
  const runs = text.split('\n').map((line, i) => `<w:r>${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(line)}</w:t></w:r>`).join('');
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${jc}</w:pPr>${runs}</w:p>`;
}

export interface RowMark {
  /** tracked insertion or deletion of a whole row */
  kind: 'ins' | 'del';
  id: number;
  author: string;
  date: string;
}

/** Tracked changes in a table: whole rows inserted or deleted, or the text of single cells changed. */
export interface TableRevisions {
  rowMark(bodyRow: number): RowMark | undefined;
  cellParts(bodyRow: number, cell: number): { value: string; added?: boolean; removed?: boolean }[] | undefined;
  /** author, date and the next unique change id */
  author: string;
  date: string;
  nextId(): number;
}

function partsXml(parts: { value: string; added?: boolean; removed?: boolean }[], rev: TableRevisions): string {
  return parts.map((p) => {
    const text = esc(p.value);
    if (p.added) return `<w:ins w:id="${rev.nextId()}" w:author="${esc(rev.author)}" w:date="${rev.date}"><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:ins>`;
    if (p.removed) return `<w:del w:id="${rev.nextId()}" w:author="${esc(rev.author)}" w:date="${rev.date}"><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
    return `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
  }).join('');
}

/** `measured`: column widths in twips from table-layout.ts (else the columns' relative widths). */
export function tableXml(table: TableBlock, textWidthTwip: number, rev?: TableRevisions, measured?: number[]): string {
  const rowMarks = rev ? (i: number) => rev.rowMark(i) : undefined;
  const widths = measured ? roundTwips(measured) : columnTwips(table, textWidthTwip);
  textWidthTwip = widths.reduce((a, b) => a + b, 0);
  const nCols = widths.length;
  const header = headerRows(table);
  const all = [...header, ...table.rows];
  const starts = cellColumns(all, nCols);
  // vertical merges: a cell with rowSpan n restarts; the n-1 places below continue
  const cont = new Map<string, number>(); // "row:col" -> gridSpan of the continuing cell
  all.forEach((row, r) => row.forEach((cell, i) => {
    const rs = cell.rowSpan ?? 1;
    for (let k = 1; k < rs; k++) cont.set(`${r + k}:${starts[r][i]}`, cell.colSpan ?? 1);
  }));
  const out: string[] = [];
  const border = '<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>';
  out.push(`<w:tbl><w:tblPr><w:tblW w:w="${textWidthTwip}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${border}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>`);
  out.push(`<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`);
  all.forEach((row, r) => {
    const isHeader = r < header.length;
    const mark = !isHeader && rowMarks ? rowMarks(r - header.length) : undefined;
    const markXml = mark ? `<w:${mark.kind} w:id="${mark.id}" w:author="${esc(mark.author)}" w:date="${mark.date}"/>` : '';
    out.push(`<w:tr><w:trPr><w:cantSplit/>${isHeader ? '<w:tblHeader/>' : ''}${markXml}</w:trPr>`);
    // walk the grid, emitting continuation cells for vertical merges
    let i = 0;
    for (let col = 0; col < nCols;) {
      const c = cont.get(`${r}:${col}`);
      if (c !== undefined) {
        const w = widths.slice(col, col + c).reduce((a, b) => a + b, 0);
        out.push(`<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/>${c > 1 ? `<w:gridSpan w:val="${c}"/>` : ''}<w:vMerge/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p></w:tc>`);
        col += c;
        continue;
      }
      const cell = row[i++];
      if (!cell) break;
      const span = cell.colSpan ?? 1;
      const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      const align = cell.align ?? (isHeader ? 'center' : table.columns[col]?.align ?? 'center');
      const props = `<w:tcW w:w="${w}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${(cell.rowSpan ?? 1) > 1 ? '<w:vMerge w:val="restart"/>' : ''}<w:vAlign w:val="center"/>`;
      let para = paragraphXml(cell.text, isHeader ? 'TableHeader' : 'TableText', align);
      const parts = !isHeader && rev ? rev.cellParts(r - header.length, i - 1) : undefined;
      if (parts) {
        const jc = align !== 'center' ? `<w:jc w:val="${align}"/>` : '';
        para = `<w:p><w:pPr><w:pStyle w:val="TableText"/>${jc}</w:pPr>${partsXml(parts, rev!)}</w:p>`;
      }
      if (mark) para = markRuns(para, { ...mark, id: rev ? rev.nextId() : mark.id + 1_000_000 });
      out.push(`<w:tc><w:tcPr>${props}</w:tcPr>${para}</w:tc>`);
      col += span;
    }
    out.push('</w:tr>');
  });
  out.push('</w:tbl>');
  return out.join('');
}

/** In a row inserted or deleted as a whole, its runs are inserted or deleted too (Word needs both marks). */
function markRuns(para: string, mark: RowMark): string {
  const attrs = `w:id="${mark.id}" w:author="${esc(mark.author)}" w:date="${mark.date}"`;
  if (mark.kind === 'ins') return para.replace(/(<w:r>.*<\/w:r>)/, `<w:ins ${attrs}>$1</w:ins>`);
  return para
    .replace(/<w:t xml:space="preserve">/g, '<w:delText xml:space="preserve">').replace(/<\/w:t>/g, '</w:delText>')
    .replace(/(<w:r>.*<\/w:r>)/, `<w:del ${attrs}>$1</w:del>`);
}

/** Replaces each placeholder paragraph in word/document.xml by its table (or paragraphs), and writes the font table, languages and settings (package-parts.ts). */
export function spliceTables(docx: Uint8Array, tables: string[]): Buffer {
  return zipPackage(splicePackage(unzipSync(docx), tables));
}

/** The package's files with the tables in place of their placeholders and the rewritten parts (package-parts.ts). */
export function splicePackage(files: Record<string, Uint8Array>, tables: string[]): Record<string, Uint8Array> {
  let xml = strFromU8(files['word/document.xml']);
  const parts: string[] = [];
  let pos = 0;
  for (let n = 0; n < tables.length; n++) {
    const at = xml.indexOf(PLACEHOLDER(n), pos);
    if (at < 0) throw new Error(`table placeholder ${n} missing`);
    const start = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
    const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
    // the last placeholder of a section carries the section's break: it moves into the last paragraph put in its place
    const sect = xml.indexOf('<w:sectPr', start);
    const chunk = sect >= 0 && sect < at ? withSectionProperties(tables[n], xml.slice(sect, xml.indexOf('</w:sectPr>', sect) + '</w:sectPr>'.length)) : tables[n];
    parts.push(xml.slice(pos, start), chunk);
    pos = end;
  }
  parts.push(xml.slice(pos));
  xml = parts.join('');
  files['word/document.xml'] = strToU8(xml);
  files['word/fontTable.xml'] = strToU8(fontTableXml());
  if (files['word/styles.xml']) files['word/styles.xml'] = strToU8(withDefaults(strFromU8(files['word/styles.xml'])));
  if (files['word/settings.xml']) files['word/settings.xml'] = strToU8(withSettings(strFromU8(files['word/settings.xml'])));
  return files;
}

/** Zipped once: XML parts deflated quickly, images (already compressed) stored (zip.ts). */
export function zipPackage(files: Record<string, Uint8Array>): Buffer {
  return zipFiles(files);
}
