// How a cell shows and is edited, from the column spec.
import type { TFunction } from 'i18next';
import type { ColumnSpec, Row } from '../types.ts';
import { columnLabelKey } from '../../../main/store/tables.ts';

export type RefLabels = Record<string, Map<number, string>>;

// A list value's label, looked up once per language (t is a new function when the language or the
// strings change): a grid of 5,000 rows asks for the same few labels over and over.
const labels = new WeakMap<TFunction, Map<string, string>>();
function vocabLabel(t: TFunction, vocab: string, value: string): string {
  let m = labels.get(t);
  if (!m) labels.set(t, (m = new Map()));
  const key = `${vocab}.${value}`;
  let s = m.get(key);
  if (s === undefined) m.set(key, (s = t(`domain:${key}`, { defaultValue: value })));
  return s;
}

export function display(col: ColumnSpec, value: unknown, t: TFunction, refs: RefLabels): string {
  if (value === null || value === undefined || value === '') return '';
  if (col.type === 'enum' && col.vocab) return vocabLabel(t, col.vocab, String(value));
  if (col.type === 'bool') return value ? t('grid.yes') : '';
  if (col.type === 'ref' && col.ref) return refs[col.ref]?.get(Number(value)) ?? `#${String(value)}`;
  return String(value);
}

export function columnLabel(table: string, col: ColumnSpec, t: TFunction): string {
  return t(`domain:column.${columnLabelKey(col.key)}`, { defaultValue: col.key }) + (col.required ? ' *' : '') + (table ? '' : '');
}

export function sortValue(col: ColumnSpec, row: Row, t: TFunction, refs: RefLabels): string | number {
  const v = row[col.key];
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && col.type !== 'ref' && col.type !== 'enum') return v;
  return display(col, v, t, refs);
}
