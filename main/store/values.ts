// Turns what a user typed in a cell (or a spreadsheet held) into the stored value of a column,
// or a located error in the user's language. Nothing is stored until every value passes.
import { GmpError } from '../domain/errors.ts';
import type { ColumnSpec } from './tables.ts';
import { readMineral } from '../domain/minerals.ts';
import { formatLocation, parseLocation } from '../domain/location.ts';

export type CellValue = string | number | boolean | null;

export function isLicenceNumber(s: string): boolean {
  return /^C\d{22}$/.test(s) || /^\d{13}$/.test(s);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DATE_TYPED = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$/;
const DATE_DIGITS = /^(\d{4})(\d{2})(\d{2})$/;

/** Parses a date typed as 2016-01-14, 2016.01.14, 2016/1/14 or 2016年1月14日 into ISO form. */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  const m = DATE_TYPED.exec(s) ?? DATE_DIGITS.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // (years below 100 were never dates here: the calendar's two-digit years)
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && isLeap(y) ? 29 : DAYS[mo - 1])) return null;
  return `${y}-${mo < 10 ? '0' : ''}${mo}-${d < 10 ? '0' : ''}${d}`;
}

export function normaliseNumberText(raw: string): string {
  return raw
    .replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/[,，\s]/g, '')
    .trim();
}

/**
 * Validates one cell. `refExists` answers whether a referenced row exists.
 * Returns the value to store (null for an empty optional cell).
 */
export function coerceCell(
  col: ColumnSpec,
  input: CellValue | undefined,
  refExists: (table: string, id: number) => boolean = () => true,
): string | number | null {
  const empty = input === null || input === undefined || (typeof input === 'string' && input.trim() === '');
  if (empty) {
    if (col.required) throw new GmpError('value.required', {}, { column: col.key });
    if (col.type === 'bool') return 0;
    return col.type === 'text' || col.type === 'location' ? '' : null;
  }
  const text = typeof input === 'string' ? input.trim() : String(input);
  const loc = { column: col.key };
  switch (col.type) {
    case 'text':
      if (col.licenceNumber && !isLicenceNumber(text)) throw new GmpError('value.licence_number', { value: text }, loc);
      if (col.mineral) return readMineral(text).name;
      return text;
    case 'bool':
      return input === true || text === '1' || text === 'true' || text === '是' ? 1 : 0;
    case 'real':
    case 'int':
    case 'year':
    case 'ref': {
      const n = typeof input === 'number' ? input : Number(normaliseNumberText(text.replace(/年$/, '')));
      if (!Number.isFinite(n) || (typeof input !== 'number' && normaliseNumberText(text) === '')) {
        throw new GmpError('value.not_number', { value: text }, loc);
      }
      if (col.type !== 'real' && !Number.isInteger(n)) {
        throw new GmpError(col.type === 'year' ? 'value.not_year' : 'value.not_integer', { value: text }, loc);
      }
      if (col.type === 'year' && (n < 1900 || n > 2100)) throw new GmpError('value.not_year', { value: text }, loc);
      if (col.min !== undefined && n < col.min) throw new GmpError('value.too_small', { value: n, min: col.min }, loc);
      if (col.max !== undefined && n > col.max) throw new GmpError('value.too_large', { value: n, max: col.max }, loc);
      if (col.type === 'ref' && col.ref && !refExists(col.ref, n)) throw new GmpError('value.unknown_ref', { value: n }, loc);
      return n;
    }
    case 'date': {
      const d = parseDate(text);
      if (!d) throw new GmpError('value.not_date', { value: text }, loc);
      return d;
    }
    case 'enum': {
      if (!col.values?.includes(text)) {
        throw new GmpError('value.not_in_list', { value: text, allowed: (col.values ?? []).join(', ') }, loc);
      }
      return text;
    }
    case 'points':
      return text; // parsed by the block repository
    case 'location':
      try {
        return formatLocation(parseLocation(text));
      } catch (e) {
        if (e instanceof GmpError) throw new GmpError(e.code, e.params, loc);
        throw e;
      }
  }
}
