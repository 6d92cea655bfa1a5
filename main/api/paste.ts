// A block of cells pasted into a table (tab-separated text copied from Excel/WPS, already split
// into rows and cells by the grid): cells hold what the grid shows — list values by their label in
// either language, references by the name of the row they refer to. The whole block is validated
// first, every bad cell located; only a block without errors is written, in one transaction.
import { GmpError } from '../domain/errors.ts';
import { describeError, tFor } from '../i18n/index.ts';
import type { Lang } from '../domain/vocabulary.ts';
import type { Project } from '../store/project.ts';
import { TABLES, type ColumnSpec, type TableName } from '../store/tables.ts';
import { insertRow, updateRow, validateRow } from '../store/row-repo.ts';
import { getRowRaw } from '../store/raw-rows.ts';
import { vocabCode } from '../import/parse-values.ts';
import type { Edit } from './undo.ts';

export interface PasteRow { id: number | null; values: Record<string, string> }
export interface PasteIssue { index: number; column: string; message: string }

const YES = new Set(['1', 'true', 'yes', 'y', '是', '√', '✓']);
const NO = new Set(['', '0', 'false', 'no', 'n', '否']);

class Rollback extends Error {}

function columnOf(table: TableName, key: string): ColumnSpec | undefined {
  return TABLES[table].columns.find((c) => c.key === key);
}

/** The stored form of a pasted cell text: list labels and row names become codes and ids. */
function resolve(p: Project, table: TableName, key: string, text: string): string | number | null {
  const v = text.trim();
  const col = columnOf(table, key);
  if (!col || v === '') return v === '' ? null : v; // indicator year columns (t:YYYY) and empties
  if (col.type === 'enum') {
    if (col.values?.includes(v)) return v;
    const code = vocabCode((col.vocab ?? '') as 'mineral', v);
    if (code && col.values?.includes(code)) return code;
    throw new GmpError('value.not_in_list', { value: v, allowed: '' }, { column: key });
  }
  if (col.type === 'bool') {
    const n = v.toLowerCase();
    if (YES.has(n)) return 1;
    if (NO.has(n)) return 0;
    throw new GmpError('value.not_in_list', { value: v, allowed: '' }, { column: key });
  }
  if (col.type === 'ref' && col.ref) {
    if (/^\d+$/.test(v) && p.db.prepare(`SELECT 1 FROM ${col.ref} WHERE id = ?`).get(Number(v))) return Number(v);
    const hit = p.db.prepare(`SELECT id FROM ${col.ref} WHERE name_zh = ? OR name_en = ? ORDER BY id LIMIT 1`).get(v, v) as { id: number } | undefined;
    if (!hit) throw new GmpError('value.unknown_ref', { value: v }, { column: key });
    return hit.id;
  }
  return v;
}

export function pasteRows(p: Project, table: TableName, rows: PasteRow[], lang: Lang): { written: boolean; errors: PasteIssue[]; ids: number[]; edits: Edit[] } {
  const errors: PasteIssue[] = [];
  const issue = (index: number, column: string, e: unknown) => {
    if (!(e instanceof GmpError)) throw e;
    // a list value the table does not know: say which values it takes, in the user's words
    let message = describeError(e, lang);
    const col = columnOf(table, e.location?.column ?? column);
    if (e.code === 'value.not_in_list' && col) {
      const t = tFor(lang);
      const sep = lang === 'zh' ? '、' : ', ';
      const allowed = col.type === 'bool' ? (lang === 'zh' ? '是、否' : 'yes, no') : (col.values ?? []).map((v) => t(`domain:${col.vocab}.${v}`, { defaultValue: v })).join(sep);
      message = describeError(new GmpError('value.not_in_list', { value: String(e.params.value), allowed }), lang);
    }
    errors.push({ index, column: e.location?.column ?? column, message });
  };
  // 1. every cell on its own, so that every bad cell is named, not only the first of a row
  const resolved = rows.map((r, index) => {
    const values: Record<string, string | number | null> = {};
    for (const [key, text] of Object.entries(r.values)) {
      try {
        if (!columnOf(table, key) && !(table === 'indicators' && /^t:\d{4}$/.test(key))) throw new GmpError('api.bad_args', { detail: `unknown column ${key}` }, { column: key });
        values[key] = resolve(p, table, key, text);
        validateRow(p.db, table, { [key]: values[key] }, true);
      } catch (e) {
        issue(index, key, e);
      }
    }
    return values;
  });
  if (errors.length) return { written: false, errors, ids: [], edits: [] };
  // 2. write in one transaction; anything refused at the row (a duplicate, a missing required
  //    cell of a new row) rolls the whole block back
  const edits: Edit[] = [];
  const ids: number[] = [];
  try {
    p.tx(() => {
      resolved.forEach((values, index) => {
        const id = rows[index].id;
        try {
          if (id == null) {
            const nid = insertRow(p.db, table, values);
            ids.push(nid);
            edits.push({ kind: 'row', table, before: null, after: getRowRaw(p.db, table, nid) });
          } else {
            const before = getRowRaw(p.db, table, id);
            updateRow(p.db, table, id, values);
            ids.push(id);
            edits.push({ kind: 'row', table, before, after: getRowRaw(p.db, table, id) });
          }
        } catch (e) {
          issue(index, Object.keys(values)[0] ?? '', e);
        }
      });
      if (errors.length) throw new Rollback();
    });
  } catch (e) {
    if (e instanceof Rollback) return { written: false, errors, ids: [], edits: [] };
    throw e;
  }
  return { written: true, errors: [], ids, edits };
}
