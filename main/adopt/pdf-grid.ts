// Ruled tables of a PDF page: the horizontal and vertical rules it draws (pdf-text-worker.mjs) →
// grids (rules that cross one another), each grid → rows and columns (the bands between its rules),
// merged cells (a band boundary with no rule drawn across it), and the page's text placed in its
// cells by position. A cell's lines are joined as the text runs: CJK without a space, Latin words
// with one. Merged cells keep their text in the first row and column of the merge, the others
// empty, as the Word reader does (gridSpan repeats nothing, vMerge continuations stay empty).

/** [y, x1, x2] */
export type HRule = [number, number, number];
/** [x, y1, y2] */
export type VRule = [number, number, number];
export interface PageRules { h: HRule[]; v: VRule[] }
export interface GridItem { s: string; x: number; y: number; h: number; w: number }

export interface Grid {
  /** row boundaries, top to bottom (PDF y grows upwards, so descending) */
  ys: number[];
  /** column boundaries, left to right */
  xs: number[];
  h: HRule[];
  v: VRule[];
}

const TOL = 1.5;

/** Collinear pieces joined: rules at the same position whose spans touch or overlap. */
function joinRules<T extends [number, number, number]>(rules: T[]): T[] {
  const sorted = [...rules].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: T[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[0] - r[0]) <= TOL && r[1] <= last[2] + TOL) last[2] = Math.max(last[2], r[2]);
    else out.push([...r] as T);
  }
  return out;
}

/** Distinct positions (within the tolerance), sorted ascending. */
function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (!out.length || v - out[out.length - 1] > TOL) out.push(v);
  return out;
}

/** The page's grids: groups of rules that cross, making at least two rows and two columns. */
export function findGrids(rules: PageRules): Grid[] {
  const h = joinRules(rules.h);
  const v = joinRules(rules.v);
  const parent = [...h.map((_, i) => i), ...v.map((_, i) => h.length + i)];
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) {
      const [y, x1, x2] = h[i];
      const [x, y1, y2] = v[j];
      if (x >= x1 - TOL && x <= x2 + TOL && y >= y1 - TOL && y <= y2 + TOL) parent[find(i)] = find(h.length + j);
    }
  }
  const groups = new Map<number, { h: HRule[]; v: VRule[] }>();
  h.forEach((r, i) => { const g = groups.get(find(i)) ?? { h: [], v: [] }; g.h.push(r); groups.set(find(i), g); });
  v.forEach((r, j) => { const g = groups.get(find(h.length + j)) ?? { h: [], v: [] }; g.v.push(r); groups.set(find(h.length + j), g); });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const ys = distinct(g.h.map((r) => r[0])).reverse();
    const xs = distinct(g.v.map((r) => r[0]));
    // a table has at least two rows and two columns (a box drawn round a note or a map is no table)
    if (ys.length < 3 || xs.length < 3) continue;
    grids.push({ ys, xs, h: g.h, v: g.v });
  }
  return grids.sort((a, b) => b.ys[0] - a.ys[0]);
}

/** Whether a point lies inside a grid's outer box. */
export function inGrid(g: Grid, x: number, y: number): boolean {
  return x >= g.xs[0] - TOL && x <= g.xs[g.xs.length - 1] + TOL && y <= g.ys[0] + TOL && y >= g.ys[g.ys.length - 1] - TOL;
}

/** Where an item's text sits: the middle of its box (the baseline is its y). */
export const itemCentre = (it: GridItem): [number, number] => [it.x + it.w / 2, it.y + 0.35 * it.h];

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Two pieces of a cell's text joined: Latin words (and a Latin word after a comma) with a space, all else (CJK, a number or code wrapped mid-way) without. */
function joinText(prev: string, next: string): string {
  if (!prev) return next;
  if (!next) return prev;
  return /[A-Za-z,;:]$/.test(prev) && /^[A-Za-z(]/.test(next) ? `${prev} ${next}` : prev + next;
}

/** One line of a cell: its items left to right, a space kept only where the PDF leaves one between Latin or digits. */
function lineString(items: GridItem[]): string {
  let s = '';
  let end = -Infinity;
  for (const it of [...items].sort((a, b) => a.x - b.x)) {
    if (!it.s.trim()) { if (s && !s.endsWith(' ')) s += ' '; end = Math.max(end, it.x + it.w); continue; }
    if (s && !s.endsWith(' ') && it.x - end > 0.2 * it.h) s += ' ';
    s += it.s;
    end = it.x + it.w;
  }
  // spaces the justification or the PDF put between CJK characters are not text
  return s.replace(/\s+/g, ' ').trim().replace(new RegExp(`(${CJK.source}) (?=${CJK.source})`, 'g'), '$1');
}

/** The grid's rows of cell text (none when the rules do not make a table); the items used are returned so the caller can leave them out of the running text. */
export function gridRows(g: Grid, items: GridItem[]): { rows: string[][]; used: Set<GridItem> } {
  const R = g.ys.length - 1;
  const C = g.xs.length - 1;
  // cells merged where no rule is drawn across the boundary between them
  const hasV = (x: number, y: number) => g.v.some((r) => Math.abs(r[0] - x) <= TOL && y >= r[1] - TOL && y <= r[2] + TOL);
  const hasH = (y: number, x: number) => g.h.some((r) => Math.abs(r[0] - y) <= TOL && x >= r[1] - TOL && x <= r[2] + TOL);
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => { const [ra, rb] = [find(a), find(b)]; if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb); };
  for (let r = 0; r < R; r++) {
    const my = (g.ys[r] + g.ys[r + 1]) / 2;
    for (let c = 0; c + 1 < C; c++) if (!hasV(g.xs[c + 1], my)) union(r * C + c, r * C + c + 1);
  }
  for (let c = 0; c < C; c++) {
    const mx = (g.xs[c] + g.xs[c + 1]) / 2;
    for (let r = 0; r + 1 < R; r++) if (!hasH(g.ys[r + 1], mx)) union(r * C + c, (r + 1) * C + c);
  }
  // rules that cross without closing cells (a map's frame and graticule, a drawing) are no table:
  // in a table most cells are closed by their own rules
  const cells = new Set(Array.from({ length: R * C }, (_, i) => find(i))).size;
  if (cells < 0.5 * R * C) return { rows: [], used: new Set() };
  const cellItems = new Map<number, GridItem[]>();
  const used = new Set<GridItem>();
  for (const it of items) {
    const [cx, cy] = itemCentre(it);
    if (!inGrid(g, cx, cy)) continue;
    const r = g.ys.findIndex((y, k) => k < R && cy <= y + TOL && cy >= g.ys[k + 1] - TOL);
    const c = g.xs.findIndex((x, k) => k < C && cx >= x - TOL && cx <= g.xs[k + 1] + TOL);
    if (r < 0 || c < 0) continue;
    used.add(it);
    const root = find(r * C + c);
    const list = cellItems.get(root);
    if (list) list.push(it); else cellItems.set(root, [it]);
  }
  const rows = Array.from({ length: R }, () => Array<string>(C).fill(''));
  for (const [root, list] of cellItems) {
    // the cell's lines, top to bottom, by baseline
    const lines: GridItem[][] = [];
    for (const it of [...list].sort((a, b) => b.y - a.y || a.x - b.x)) {
      const l = lines.find((ln) => Math.abs(ln[0].y - it.y) < 0.4 * Math.max(ln[0].h, it.h));
      if (l) l.push(it); else lines.push([it]);
    }
    rows[Math.floor(root / C)][root % C] = lines.map(lineString).reduce(joinText, '');
  }
  // a row band with no text at all (a rule drawn twice, a spacer) is not a row
  return { rows: rows.filter((row) => row.some(Boolean)), used };
}
