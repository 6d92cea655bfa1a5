// What an import changed, kept compact for its undo: the ids of the rows it added, and the prior
// state of only the rows it changed or removed (never a copy of whole tables). A 200,000-row
// register costs the journal two arrays of ids.
import type { DB } from '../store/project.ts';
import { getRowRaw, type RawRow } from '../store/raw-rows.ts';

export type JournalTable = 'mines' | 'licences' | 'blocks';
export const JOURNAL_TABLES: readonly JournalTable[] = ['mines', 'licences', 'blocks'];

export interface TableJournal {
  /** every row the import touched (added, changed or removed), once each */
  ids: number[];
  /** the rows as they were before the import (with their cell marks), for the touched rows that existed then */
  before: Map<number, RawRow>;
}

export class ImportJournal {
  readonly tables: Record<JournalTable, TableJournal> = {
    mines: { ids: [], before: new Map() },
    licences: { ids: [], before: new Map() },
    blocks: { ids: [], before: new Map() },
  };
  private db: DB | null = null;
  /** per table, the highest id when the import began: a higher id is a row the import added */
  private startMax: Record<JournalTable, number> = { mines: 0, licences: 0, blocks: 0 };

  /** Called by the import inside its transaction, before it writes. */
  start(db: DB): void {
    this.db = db;
    const max = (t: JournalTable) => (db.prepare(`SELECT COALESCE(MAX(id), 0) AS m FROM ${t}`).get() as { m: number }).m;
    this.startMax = { mines: max('mines'), licences: max('licences'), blocks: max('blocks') };
  }

  /**
   * A row the import is about to change or remove: its state now is kept, unless the import added it
   * or kept it already. (A row the import added has an id above the start's highest, or reuses the id
   * of a row it removed, which is kept then.)
   */
  keep(table: JournalTable, id: number): void {
    const t = this.tables[table];
    if (id > this.startMax[table] || t.before.has(id)) return;
    const raw = getRowRaw(this.db!, table, id);
    if (!raw) return;
    t.before.set(id, raw);
    t.ids.push(id);
  }

  /** A row the import added. */
  added(table: JournalTable, id: number): void {
    const t = this.tables[table];
    if (!t.before.has(id)) t.ids.push(id);
  }

  get empty(): boolean {
    return JOURNAL_TABLES.every((t) => this.tables[t].ids.length === 0);
  }
}
