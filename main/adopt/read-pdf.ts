// A PDF (as offices download them, or LibreOffice or the studio writes them) → the intermediate form,
// from pdfjs-dist's positioned text and drawn rules: items → lines (by baseline) → paragraphs (indent,
// short last line, size change) and tables. Where the document draws its tables' rules, a table is a
// grid of rules (pdf-grid.ts: rows and columns are the bands between them, text placed in cells by
// position, so wrapped cells need no guessing) and a ruled table continued on the next page with its
// header repeated is one table; text outside the grids is text, however wide its gaps. Where no rules
// are drawn, tables are the lines whose items leave column gaps (columns rebuilt from x positions,
// rows from the lines that fill more than one column). Running headers, footers and page numbers
// (the same text at the top or bottom of most pages, "— 3 —") are dropped. The text is read in a
// worker thread (pdf-text-worker.mjs).
import { Worker } from 'node:worker_threads';
import { GmpError } from '../domain/errors.ts';
import type { SourceBlock, SourceDocument, SourceTable } from './source.ts';
import { findGrids, gridRows, inGrid, itemCentre, type PageRules } from './pdf-grid.ts';

interface Item { s: string; x: number; y: number; h: number; w: number }
interface Line { y: number; h: number; x: number; end: number; items: Item[]; page: number; gaps: boolean; rows?: string[][] }

const PAGE_NUMBER = /^[—–\-－第]?\s*\d{1,3}\s*[—–\-－页]?$/;

function toLines(items: Item[], page: number): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of sorted) {
    const l = lines.find((ln) => Math.abs(ln.y - it.y) < 0.4 * Math.max(ln.h, it.h));
    if (l) l.items.push(it);
    else lines.push({ y: it.y, h: it.h, x: 0, end: 0, items: [it], page, gaps: false });
  }
  for (const l of lines) {
    l.items.sort((a, b) => a.x - b.x);
    const text = l.items.filter((i) => i.s.trim());
    l.x = text[0]?.x ?? l.items[0].x;
    l.end = Math.max(...l.items.map((i) => i.x + i.w));
    // the line's size: the most common size of its characters (a superscript does not change it)
    const weight = new Map<number, number>();
    for (const i of text) weight.set(Math.round(i.h * 2) / 2, (weight.get(Math.round(i.h * 2) / 2) ?? 0) + i.s.length);
    l.h = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? l.h;
    l.gaps = text.some((it, k) => k > 0 && it.x - (text[k - 1].x + text[k - 1].w) > 0.8 * l.h);
  }
  return lines.sort((a, b) => b.y - a.y);
}

const HAN = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f]';
const SPACED = new RegExp(`(${HAN}) (?=${HAN})`, 'g');
const CLOSE = new RegExp(`${HAN}(?=${HAN})`, 'g');

/** A line's text; a line letter-spaced by justification (most CJK characters apart) is closed up. */
function lineText(l: Line): string {
  const s = l.items.map((i) => i.s).join('').replace(/\s+/g, ' ').trim();
  const spaced = s.match(SPACED)?.length ?? 0;
  return spaced >= 3 && spaced > (s.match(CLOSE)?.length ?? 0) ? s.replace(SPACED, '$1') : s;
}

/** Splits a line into fragments at column gaps. */
function fragments(l: Line): { x: number; text: string }[] {
  const out: { x: number; end: number; text: string }[] = [];
  for (const it of l.items) {
    if (!it.s.trim()) continue;
    const last = out[out.length - 1];
    if (last && it.x - last.end <= 0.8 * l.h) {
      last.text += (it.x - last.end > 0.15 * l.h && /[A-Za-z0-9.]$/.test(last.text) ? ' ' : '') + it.s;
      last.end = Math.max(last.end, it.x + it.w);
    } else out.push({ x: it.x, end: it.x + it.w, text: it.s });
  }
  return out.map((f) => ({ x: f.x, text: f.text.trim() })).filter((f) => f.text);
}

function tableRows(lines: Line[]): string[][] {
  const starts: number[] = [];
  for (const l of lines) {
    if (!l.gaps) continue;
    for (const f of fragments(l)) if (!starts.some((s) => Math.abs(s - f.x) < 6)) starts.push(f.x);
  }
  starts.sort((a, b) => a - b);
  const tableRight = Math.max(...lines.map((l) => l.end));
  const colOf = (x: number) => {
    let c = 0;
    starts.forEach((s, i) => { if (s <= x + 6) c = i; });
    return c;
  };
  // the widest text of each column: a cell whose line reaches it has wrapped
  const maxEnd = starts.map(() => 0);
  for (const l of lines) for (const f of fragments(l)) { const c = colOf(f.x); maxEnd[c] = Math.max(maxEnd[c], fragmentEnd(l, f)); }
  const join = (prev: string, next: string) => (!prev ? next : /[A-Za-z]$/.test(prev) && /^[A-Za-z]/.test(next) ? `${prev} ${next}` : prev + next);
  const headerKey = fragments(lines[0]).map((f) => f.text).join('|');
  const seqTable = /^序号$/.test(fragments(lines[0])[0]?.text ?? '');
  const rows: string[][] = [];
  // per column: the row whose cell the column's last fragment went to, where it ended and on which line
  const last: ({ row: string[]; end: number; y: number; page: number } | null)[] = starts.map(() => null);
  let current: string[] | null = null;
  let skipping = false;
  const headerLines = new Set<string>();
  for (const l of lines) {
    const frs = fragments(l);
    if (current && frs.map((f) => f.text).join('|') === headerKey) {
      skipping = true; // the header repeated after a page break
      continue;
    }
    const wraps = (c: number) => {
      const p = last[c];
      return !!p && p.end >= Math.min(maxEnd[c] - 0.6 * l.h, (c + 1 < starts.length ? starts[c + 1] : tableRight + 4) - 2.1 * l.h) && (p.page === l.page ? p.y - l.y <= 1.6 * l.h : true);
    };
    const newRow = !current || (seqTable
      ? frs.some((f) => colOf(f.x) === 0 && /^\d+$/.test(f.text))
      : frs.some((f) => !wraps(colOf(f.x))));
    if (skipping && !newRow && headerLines.has(frs.map((f) => f.text).join('|'))) continue;
    skipping = false;
    if (newRow) {
      current = Array(starts.length).fill('');
      rows.push(current);
    }
    for (const f of frs) {
      const c = colOf(f.x);
      const target = newRow ? current! : (last[c]?.row ?? current!);
      if (rows.length === 1) headerLines.add(frs.map((x) => x.text).join('|'));
      target[c] = join(target[c], f.text);
      last[c] = { row: target, end: fragmentEnd(l, f), y: l.y, page: l.page };
    }
  }
  return rows;
}

/** Where a fragment's text ends on its line. */
function fragmentEnd(l: Line, f: { x: number; text: string }): number {
  let end = f.x;
  for (const it of l.items) if (it.s.trim() && it.x >= f.x - 0.5 && it.x <= end + 0.8 * l.h) end = Math.max(end, it.x + it.w);
  return end;
}

type PageText = { items: Item[]; height: number; rules: PageRules };
type WorkerMessage = { id?: number; type: string; page?: number; pages?: number; height?: number; items?: Item[]; rules?: PageRules; message?: string };

/** How long a PDF reader stays ready after its last PDF (pdfjs loaded, nothing read). */
const KEEP_MS = 120_000;

/**
 * The PDF reader's worker thread, kept between adoptions so pdfjs's modules load once: started on the
 * first PDF (or by warmPdfReader when a PDF is chosen), stopped after two idle minutes. It never holds
 * the process open (unref'd), and a worker that fails is dropped and the next PDF starts a new one.
 */
class PdfReader {
  private static current: PdfReader | null = null;
  private readonly worker: Worker;
  private readonly handlers = new Map<number, (m: WorkerMessage) => void>();
  private next = 1;
  private idle: NodeJS.Timeout | null = null;

  private constructor() {
    this.worker = new Worker(new URL('./pdf-text-worker.mjs', import.meta.url), { execArgv: [] });
    this.worker.unref();
    this.worker.on('message', (m: WorkerMessage) => { if (m.id != null) this.handlers.get(m.id)?.(m); });
    const fail = (e: unknown) => {
      if (PdfReader.current === this) PdfReader.current = null;
      for (const h of [...this.handlers.values()]) h({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      this.handlers.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', () => fail(new Error('PDF reader stopped')));
    this.rest();
  }

  static get(): PdfReader {
    return (PdfReader.current ??= new PdfReader());
  }

  /** Ends the kept worker (tests, shutdown). */
  static async stop(): Promise<void> {
    const r = PdfReader.current;
    PdfReader.current = null;
    if (r) await r.worker.terminate();
  }

  private rest() {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (this.handlers.size) return;
    this.idle = setTimeout(() => { if (PdfReader.current === this) PdfReader.current = null; void this.worker.terminate(); }, KEEP_MS);
    this.idle.unref();
  }

  read(buf: Uint8Array, onPage?: (fraction: number) => void): Promise<PageText[]> {
    const id = this.next++;
    const data = new Uint8Array(buf);
    return new Promise((resolve, reject) => {
      const pages: PageText[] = [];
      this.handlers.set(id, (m) => {
        if (m.type === 'page') {
          pages.push({ items: m.items!, height: m.height!, rules: m.rules ?? { h: [], v: [] } });
          onPage?.(m.page! / m.pages!);
          return;
        }
        this.handlers.delete(id);
        this.worker.unref();
        this.rest();
        if (m.type === 'done') resolve(pages);
        else if (m.type === 'bad') reject(new GmpError('adopt.bad_pdf', {}));
        else reject(new GmpError('adopt.bad_pdf', { detail: m.message ?? '' }));
      });
      // while a PDF is read the worker keeps the process alive
      this.worker.ref();
      this.rest();
      this.worker.postMessage({ id, data }, [data.buffer]);
    });
  }
}

/** Starts the PDF reader ahead of its first PDF (its modules load while the rest of the adoption gets ready). */
export function warmPdfReader(): void {
  PdfReader.get();
}

/** Stops the kept PDF reader. */
export const stopPdfReader = (): Promise<void> => PdfReader.stop();

/** The pages' positioned text and drawn rules, from pdfjs-dist in the kept worker thread (pdf-text-worker.mjs, without the TypeScript loader). */
function pageTexts(buf: Uint8Array, onPage?: (fraction: number) => void): Promise<PageText[]> {
  return PdfReader.get().read(buf, onPage);
}

export async function readPdf(buf: Uint8Array, onPage?: (fraction: number) => void): Promise<SourceDocument> {
  const read = await pageTexts(buf, onPage);
  // the ruled tables of each page, and the text outside them
  const ruledPages = read.map((pg, i) => {
    const tables: Line[] = [];
    let items = pg.items;
    for (const g of findGrids(pg.rules)) {
      const { rows, used } = gridRows(g, items);
      if (!rows.length) continue;
      // the grid's own text (and blanks inside it) leave the running text
      items = items.filter((it) => !used.has(it) && !inGrid(g, ...itemCentre(it)));
      tables.push({ y: g.ys[0], h: 0, x: g.xs[0], end: g.xs[g.xs.length - 1], items: [], page: i + 1, gaps: false, rows });
    }
    return { tables, items };
  });
  // a document that draws its tables' rules: its tables are its grids, all other text is text
  const ruled = ruledPages.some((p) => p.tables.length > 0);
  const pages = read.map((pg, i) => {
    const { tables, items } = ruledPages[i];
    const lines = toLines(items, i + 1);
    if (ruled) for (const l of lines) l.gaps = false;
    return { lines: [...lines, ...tables].sort((a, b) => b.y - a.y), height: pg.height };
  });
  // running headers and footers: the same text in the top or bottom band of several pages, page numbers
  const band = (l: Line, height: number) => (l.rows ? null : l.y > height - 80 ? 'top' : l.y < 80 ? 'bottom' : null);
  const seen = new Map<string, number>();
  for (const pg of pages) for (const l of pg.lines) if (band(l, pg.height)) { const k = lineText(l).replace(/\d+/g, '#'); seen.set(k, (seen.get(k) ?? 0) + 1); }
  const running = (l: Line, height: number) => !!band(l, height) && (PAGE_NUMBER.test(lineText(l)) || (seen.get(lineText(l).replace(/\d+/g, '#')) ?? 0) >= Math.max(2, pages.length / 3));
  const lines = pages.flatMap((pg) => pg.lines.filter((l) => !running(l, pg.height)));
  if (!lines.length) return { format: 'pdf', blocks: [] };

  // the body's size, left margin and right edge
  const sizes = new Map<number, number>();
  for (const l of lines) if (!l.rows) sizes.set(Math.round(l.h), (sizes.get(Math.round(l.h)) ?? 0) + 1);
  const body = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const bodyLines = lines.filter((l) => Math.round(l.h) === body && !l.gaps && !l.rows);
  const margin = Math.min(...bodyLines.map((l) => l.x));
  const right = Math.max(...bodyLines.map((l) => l.end));

  const blocks: SourceBlock[] = [];
  let para: { text: string; h: number; open: boolean } | null = null;
  const flush = () => {
    if (para?.text.trim()) blocks.push({ kind: 'para', text: para.text.trim() });
    para = null;
  };
  // the last ruled table, while nothing has followed it: a grid on a later page with as many columns continues it
  let ruledTable: { block: SourceTable; page: number; columns: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.rows) {
      flush();
      const columns = l.rows[0].length;
      if (ruledTable && blocks[blocks.length - 1] === ruledTable.block && l.page > ruledTable.page && columns === ruledTable.columns) {
        // the header rows repeated after the page break are dropped
        const prev = ruledTable.block.rows;
        let k = 0;
        while (k < l.rows.length - 1 && k < prev.length && l.rows[k].join('\u0001') === prev[k].join('\u0001')) k++;
        prev.push(...l.rows.slice(k));
        ruledTable.page = l.page;
      } else {
        const block: SourceTable = { kind: 'table', rows: l.rows };
        blocks.push(block);
        ruledTable = { block, page: l.page, columns };
      }
      continue;
    }
    // a table: from a line with column gaps, the lines of the same size that follow
    if (l.gaps) {
      flush();
      const region = [l];
      while (i + 1 < lines.length) {
        const n = lines[i + 1];
        const prev = region[region.length - 1];
        const samePage = n.page === prev.page;
        if (Math.abs(n.h - l.h) > 0.5 || (samePage && prev.y - n.y > 3.2 * l.h) || (!n.gaps && Math.round(n.h) === body && n.x <= margin + 2 && l.h !== n.h)) break;
        if (!n.gaps && Math.round(l.h) === body && (n.x <= margin + 2 || n.end > right - 2 * n.h)) break;
        region.push(n);
        i++;
      }
      blocks.push({ kind: 'table', rows: tableRows(region) });
      continue;
    }
    const text = lineText(l);
    const indented = l.x > margin + 1.2 * l.h;
    const startsNew = !para || indented || Math.abs(l.h - para.h) > 0.5 || !para.open;
    if (startsNew) {
      flush();
      para = { text: '', h: l.h, open: true };
    }
    const p = para!;
    p.text += p.text && /[A-Za-z0-9,.]$/.test(p.text) && /^[A-Za-z0-9]/.test(text) ? ` ${text}` : text;
    // a line that stops short of the right edge ends its paragraph, as does a contents line (leaders, page number)
    p.open = l.end > right - 1.5 * l.h && !/[.·…]{3,}\s*\d{1,3}$/.test(text);
  }
  flush();
  return { format: 'pdf', blocks };
}
