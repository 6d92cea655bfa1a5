// Repairs what text extraction does to tables: cells wrapped over lines ("某某区 二号 石料矿"),
// licence numbers split by a break ("C15010020160371301 22841"), headers cut into pieces
// ("面积 km ²", "开采 矿种", "首次发 证时间"), continuation rows of a wrapped cell, and header rows
// repeated after a page break.

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g');

/** Removes the spaces a line break left between Chinese characters (and before superscripts). */
export function healText(s: string): string {
  return s.replace(BETWEEN_CJK, '').replace(/\s+(?=[²³])/g, '').replace(/\s+/g, ' ').trim();
}

/** A header cell: pieces joined ("开采 矿种" → "开采矿种", "面积 （km ² ）" → "面积（km²）"). */
export function healHeader(s: string): string {
  return healText(s).replace(/\s*([（(])\s*/g, '$1').replace(/\s*([）)])/g, '$1').replace(/(?<=[（(][^）)]*)\s+(?=[^（(]*[）)])/g, '');
}

/** A licence number split by a line break, in a cell: "C15010020160371301 22841" → one number. */
export function healLicenceNumber(s: string): string {
  const joined = s.normalize('NFKC').replace(/\s+/g, '');
  return /^C\d{22}$/.test(joined) || /^\d{13}$/.test(joined) ? joined : s;
}

export function healCell(s: string): string {
  return healLicenceNumber(healText(s));
}

const norm = (row: string[]) => row.map((c) => c.replace(/\s+/g, '')).join('|');

/** How many rows at the top are header rows: the first, and those below that only label its empty columns. */
export function headerRowCount(rows: string[][]): number {
  if (!rows.length) return 0;
  let n = 1;
  while (n < rows.length && n < 3) {
    const r = rows[n];
    const filled = r.filter((c) => c.trim());
    const numeric = filled.some((c) => /^[-+]?\d+(\.\d+)?%?$/.test(c.trim()));
    if (!filled.length || numeric || r[0]?.trim()) break;
    n += 1;
  }
  return n;
}

/**
 * Heals a table read from a document: cells and headers joined, repeated header rows dropped,
 * continuation rows of a wrapped cell appended to the row they continue.
 */
export function healTable(rows: string[][]): string[][] {
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array(width - r.length).fill('')]);
  const h = headerRowCount(padded);
  const header = padded.slice(0, h).map((r) => r.map(healHeader));
  const headerKeys = new Set(header.map(norm));
  const seqColumn = /^序号$/.test(header[0][0] ?? '');
  const body: string[][] = [];
  for (const r of padded.slice(h)) {
    const cells = r.map(healCell);
    if (headerKeys.has(norm(cells.map(healHeader)))) continue; // header repeated after a page break
    const filled = cells.map((c, i) => (c ? i : -1)).filter((i) => i >= 0);
    if (!filled.length) continue;
    const prev = body[body.length - 1];
    const continuation = prev && (seqColumn
      ? !cells[0] && filled.length <= width / 2
      : filled.length <= 2 && filled.length < width / 3 && filled.every((i) => !/^\d/.test(cells[i])));
    if (continuation) {
      for (const i of filled) prev[i] = joinWrapped(prev[i], cells[i]);
      continue;
    }
    body.push(cells);
  }
  return [...header, ...body];
}

/** Joins the two halves of a wrapped cell: no space between Chinese characters or digits of one number. */
export function joinWrapped(a: string, b: string): string {
  if (!a) return b;
  const joined = /[\u3000-\u9fff\uff00-\uffef\d]$/.test(a) && /^[\u3000-\u9fff\uff00-\uffef\d]/.test(b) ? a + b : `${a} ${b}`;
  return healLicenceNumber(joined);
}
