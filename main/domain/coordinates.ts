// Corner-point lists as offices type them: "1, 4367770.34, 37399162.38; 2, …", numbered or not,
// separated by ";" "；" or new lines, full-width commas, a trailing "。".
import { GmpError } from './errors.ts';

export interface CornerPoint {
  label: string;
  x: number; // northing, metres
  y: number; // easting with the zone number as prefix, metres
}

const FULLWIDTH: Record<string, string> = { '，': ',', '；': ';', '：': ':', '。': '', '．': '.', '、': ',' };

export function normaliseCoordinateText(text: string): string {
  return text
    .replace(/[，；：。．、]/g, (c) => FULLWIDTH[c] ?? c)
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

const DIGITS = /^\d+$/;

/**
 * Two decimal numbers run together ("4484000.0039508500.00"): digits, a point, at least two digits,
 * a point, digits. Checked by splitting, in linear time (the pattern /^\d+\.\d+\d+\.\d+$/
 * backtracks quadratically on a long cell).
 */
export function isRunOn(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 3 && parts[0].length >= 1 && parts[1].length >= 2 && parts[2].length >= 1 && parts.every((p) => DIGITS.test(p));
}

/** The fields of one point: split at commas and white space (one character class: linear). */
function fieldsOf(item: string): string[] {
  return item.split(/[\s,]+/).filter((f) => f.length > 0);
}

export function parseCornerPoints(text: string): CornerPoint[] {
  const clean = normaliseCoordinateText(text).replace(/\.$/, '');
  if (!clean) throw new GmpError('coords.empty');
  const items = clean.split(/[;\n\r]+/).map((s) => s.trim()).filter((s) => s.length > 0);
  const points: CornerPoint[] = [];
  items.forEach((item, i) => {
    const index = i + 1;
    const fields = fieldsOf(item);
    let label: string;
    let xs: string;
    let ys: string;
    if (fields.length === 3) [label, xs, ys] = fields;
    else if (fields.length === 2 && fields.some(isRunOn)) {
      throw new GmpError('coords.missing_separator', { index, text: fields.find(isRunOn)! });
    } else if (fields.length === 2) [xs, ys] = fields, (label = String(index));
    else throw new GmpError('coords.bad_point', { index, text: item });
    const x = toNumber(xs, index, 'X', item);
    const y = toNumber(ys, index, 'Y', item);
    if (!/^[A-Za-z0-9\-]+$/.test(label)) throw new GmpError('coords.bad_point', { index, text: item });
    points.push({ label, x, y });
  });
  // a numbered list with one unnumbered item: a separator is missing there
  const counts = items.map((item) => fieldsOf(item).length);
  const odd = counts.findIndex((c) => c !== counts[0]);
  if (odd >= 0) throw new GmpError('coords.inconsistent', { index: counts[0] === 3 ? odd + 1 : 1, text: items[counts[0] === 3 ? odd : 0] });
  // X is a northing of a few thousand km; Y carries its zone number (13-45) before the easting
  points.forEach((p, i) => {
    if (p.x < 1_000_000 || p.x > 9_999_999 || p.y < 13_000_000 || p.y > 45_999_999) {
      throw new GmpError('coords.out_of_range', { index: i + 1, x: p.x, y: p.y });
    }
  });
  if (points.length < 3) throw new GmpError('coords.too_few', { count: points.length });
  return points;
}

function toNumber(s: string, index: number, axis: string, item: string): number {
  if (isRunOn(s)) {
    // two numbers run together: "4484000.0039508500.00"
    throw new GmpError('coords.missing_separator', { index, text: s });
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) {
    // "4367770.3437399162.38" (a missing comma) and similar run-ons land here too.
    throw new GmpError('coords.bad_number', { index, axis, text: s || item });
  }
  return Number(s);
}

export function formatCornerPoints(points: readonly CornerPoint[]): string {
  return points.map((p) => `${p.label}, ${p.x.toFixed(2)}, ${p.y.toFixed(2)}`).join('; ');
}
