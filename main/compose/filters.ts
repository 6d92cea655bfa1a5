// Domain filters for chapter templates. Pure functions of (value, language): no I/O, no code from templates.
import type { Lang } from '../domain/vocabulary.ts';
import { tFor } from '../i18n/index.ts';
import { mineralLabel, type LocalMineral } from '../domain/minerals.ts';

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CN_YEAR_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 0–99 999 as Chinese numerals: 23 → 二十三, 10 → 十, 105 → 一百零五. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99999) return String(n);
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  const units = ['', '十', '百', '千', '万'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = true;
    } else {
      if (zero && out) out += '零';
      zero = false;
      out += CN_DIGITS[d] + unit;
    }
  });
  return out;
}

/** 2023 → 二〇二三 */
export function chineseYear(y: number | string): string {
  return String(y).split('').map((d) => CN_YEAR_DIGITS[Number(d)] ?? d).join('');
}

/** "2023-07" → 二〇二三年七月 (zh) / July 2023 (en) */
export function formatIssueDate(v: string, lang: Lang): string {
  const m = /^(\d{4})(?:-(\d{1,2}))?/.exec(String(v));
  if (!m) return String(v);
  const month = m[2] ? Number(m[2]) : null;
  if (lang === 'zh') return `${chineseYear(m[1])}年${month ? `${chineseNumeral(month)}月` : ''}`;
  return month ? `${EN_MONTHS[month - 1]} ${m[1]}` : m[1];
}

/**
 * Fixed decimals, grouped per language: Chinese plans write 7026354.67 ungrouped (the seed's usage),
 * English text groups thousands with commas from 10 000 up.
 */
export function formatNumber(v: unknown, digits: number | undefined, lang: Lang): string {
  if (v === null || v === undefined || v === '') return lang === 'zh' ? '/' : '–';
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) return String(v);
  const fixed = digits === undefined ? String(n) : n.toFixed(digits);
  if (lang === 'zh' || Math.abs(n) < 10000) return fixed;
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length === 0) return '';
  if (lang === 'zh') return items.join('、');
  if (items.length === 1) return items[0];
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const labelCache = new Map<string, string>();

/** The label of a vocabulary code in a language (memoised: tables ask for it per cell). */
export function vocabLabel(code: unknown, vocab: string, lang: Lang, localMinerals: readonly LocalMineral[] = []): string {
  if (code === null || code === undefined || code === '') return '';
  // minerals are names (the catalogue's, the plan's own with the English name given, or as typed), not codes
  if (vocab === 'mineral') return mineralLabel(String(code), lang, localMinerals);
  const key = `${lang}\u0000${vocab}\u0000${String(code)}`;
  let label = labelCache.get(key);
  if (label === undefined) {
    label = tFor(lang)(`domain:${vocab}.${String(code)}`, { defaultValue: String(code) });
    labelCache.set(key, label);
  }
  return label;
}

export function unitLabel(code: unknown, lang: Lang): string {
  return vocabLabel(code, 'unit', lang);
}

/**
 * A figure counted in one Chinese unit, restated in an English one by a power of ten, keeping its
 * precision: 25.36 (万人, 10⁴ people) × 10 → "253.6" (thousand); 990.77 (亿元, 10⁸ yuan) ÷ 10 →
 * "99.077" (billion yuan). Empty for a missing value, so `default:` shows the placeholder.
 */
export function rescale(v: unknown, power: number, lang: Lang): string {
  if (v === null || v === undefined || v === '') return '';
  const s = String(v).trim();
  const n = Number(s);
  if (!Number.isFinite(n)) return s;
  const decimals = (/\.(\d+)$/.exec(s)?.[1].length ?? 0) - power;
  return formatNumber(n * 10 ** power, Math.max(0, decimals), lang);
}

/** "87.80" → "87.80%" */
export function percentText(v: unknown): string {
  return `${String(v)}%`;
}
