export type Lang = 'zh' | 'en';
export type Row = Record<string, string | number | null> & { id: number };

/** The rows of one table an undo or redo changed, as they are now (`reload`: too many, read it again). */
export interface ChangedRows { table: string; reload: boolean; rows: Row[]; removed: number[] }

/** Rows patched in place after an undo or redo; `seq` tells one patch from the next. */
export interface RowsPatch { seq: number; changes: ChangedRows[] }

/** A table's rows with an undo's changes applied: changed rows replaced where they are, removed rows
 * dropped, rows that came back put in their place by (sort, id), as the table lists them. */
export function patchRows(rows: Row[], c: ChangedRows): Row[] {
  const byId = new Map(c.rows.map((r) => [r.id, r]));
  const removed = new Set(c.removed);
  const out: Row[] = [];
  for (const r of rows) {
    if (removed.has(r.id)) continue;
    const next = byId.get(r.id);
    out.push(next ?? r);
    byId.delete(r.id);
  }
  // rows that were absent (an undone delete, a redone insert)
  const order = (a: Row, b: Row) => (Number(a.sort ?? 0) - Number(b.sort ?? 0)) || a.id - b.id;
  for (const r of [...byId.values()].sort(order)) {
    let i = out.length;
    while (i > 0 && order(out[i - 1], r) > 0) i--;
    out.splice(i, 0, r);
  }
  return out;
}

export interface ColumnSpec {
  key: string;
  type: 'text' | 'int' | 'real' | 'enum' | 'date' | 'year' | 'ref' | 'bool' | 'points' | 'location';
  required?: boolean;
  values?: string[];
  vocab?: string;
  ref?: string;
  width?: number;
}

export interface TableSpec {
  name: string;
  columns: ColumnSpec[];
  labelColumn: string;
}

export interface Summary {
  file: string;
  plan: Record<string, string | number | null | number[]>;
  counts: Record<string, number>;
  facts: { mines: number; coal: { count: number; percent: string | null }; producing: { count: number; percent: string | null }; green: number };
  canUndo: boolean;
  canRedo: boolean;
}

export interface Run { text: string; bold?: boolean; italic?: boolean }
export interface Cell { text: string; rowSpan?: number; colSpan?: number; align?: string }
export type Block =
  | { kind: 'heading'; id: string; level: number; number: string; text: string }
  | { kind: 'paragraph'; id: string; runs: Run[] }
  | { kind: 'table'; id: string; key: string; label: string; title: string; columns: { header: string; width: number; align?: string }[]; header?: Cell[][]; rows: Cell[][]; notes: string[] }
  | { kind: 'pageBreak' };
export interface PlanDocument {
  lang: Lang; title: string; issuer: string; date: string;
  toc: { id: string; level: number; text: string }[];
  appendixList: { label: string; title: string }[];
  body: Block[];
  appendices: Extract<Block, { kind: 'table' }>[];
  /** appendix maps: SVG drawn by the studio from the plan's coordinates */
  figures?: { id: string; label: string; title: string; svg: string }[];
  truncated: Record<string, number>;
}
