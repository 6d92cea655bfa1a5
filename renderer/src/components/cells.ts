// How a cell shows and is edited, from the column spec.
import type { TFunction } from 'i18next';
import type { ColumnSpec, Row } from '../types.ts';
import { columnLabelKey } from '../../../main/store/tables.ts';

export type RefLabels = Record<string, Map<number, string>>;

export function display(col: ColumnSpec, value: unknown, t: TFunction, refs: RefLabels): string {
  if (value === null || value === undefined || value === '') return '';
  if (col.type === 'enum' && col.vocab) return t(`domain:${col.vocab}.${String(value)}`, { defaultValue: String(value) });
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
