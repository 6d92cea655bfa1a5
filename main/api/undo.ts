// Undo and redo of the last edits. Every edit is committed at once (nothing to "save"); the
// stack keeps, per edit, the rows before and after so it can be reversed and replayed.
import type { DB } from '../store/project.ts';
import type { TableName } from '../store/tables.ts';
import { getRowRaw, putRowRaw, removeRowRaw, type RawRow } from '../store/raw-rows.ts';
import { updateChapterText } from '../store/plan-repo.ts';
import type { Lang } from '../domain/vocabulary.ts';

export type Edit =
  | { kind: 'row'; table: TableName; before: RawRow | null; after: RawRow | null }
  | { kind: 'chapter'; key: string; lang: Lang; before: { title: string; body: string }; after: { title: string; body: string } }
  | { kind: 'group'; edits: Edit[] };

const LIMIT = 200;

export class UndoStack {
  private done: Edit[] = [];
  private undone: Edit[] = [];

  push(e: Edit): void {
    this.done.push(e);
    if (this.done.length > LIMIT) this.done.shift();
    this.undone = [];
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }

  get canUndo(): boolean { return this.done.length > 0; }
  get canRedo(): boolean { return this.undone.length > 0; }

  undo(db: DB): Edit | null {
    const e = this.done[this.done.length - 1];
    if (!e) return null;
    apply(db, e, 'before');
    this.done.pop();
    this.undone.push(e);
    return e;
  }

  redo(db: DB): Edit | null {
    const e = this.undone[this.undone.length - 1];
    if (!e) return null;
    apply(db, e, 'after');
    this.undone.pop();
    this.done.push(e);
    return e;
  }
}

function apply(db: DB, e: Edit, side: 'before' | 'after'): void {
  db.transaction(() => {
    // rows come back in any order (a licence before its mine): check references at commit
    db.pragma('defer_foreign_keys = ON');
    if (e.kind === 'group') {
      // undo in reverse order, redo in order
      const list = side === 'before' ? [...e.edits].reverse() : e.edits;
      for (const x of list) apply(db, x, side);
      return;
    }
    if (e.kind === 'chapter') {
      updateChapterText(db, e.key, e.lang, e[side]);
      return;
    }
    const target = e[side];
    const other = e[side === 'before' ? 'after' : 'before'];
    if (target) putRowRaw(db, e.table, target);
    else if (other) removeRowRaw(db, e.table, Number(other.row.id));
  })();
}

export { getRowRaw };
