// Cell values as offices type them: "390 万吨/年", "18万m3/年", "2016.01.14-2046.01.14",
// "2024年4月20日至2025年12月20日", "露天", "自治区级", "2015 年".
import { resources } from '../i18n/index.ts';
import { parseDate } from '../store/values.ts';
import type { ScaleUnit } from '../domain/vocabulary.ts';

const SYNONYMS: Record<string, Record<string, string>> = {
  method: { 露天: 'open_pit', 露天开采: 'open_pit', 地下: 'underground', 地下开采: 'underground', 井下: 'underground', 井下开采: 'underground', 井工: 'underground', 'open-pit': 'open_pit', openpit: 'open_pit' },
  scaleClass: { 大: 'large', 大型: 'large', 中: 'medium', 中型: 'medium', 小: 'small', 小型: 'small' },
  status: { 生产: 'producing', 正常生产: 'producing', 在产: 'producing', 停产: 'suspended', 停采: 'suspended', 停产整顿: 'suspended', 在建: 'construction', 基建: 'construction', 关闭: 'closed', 闭坑: 'closed' },
  greenLevel: { 国家级: 'national', 国家: 'national', 自治区级: 'regional', 省级: 'regional', 自治区: 'regional', 市级: 'regional' },
};

/**
 * The status an office writes in 备注 instead of a status column: 停产, 停建, 在建, 关闭, 闭坑… Returns the
 * status and the word it was read from, or the words when they disagree (then nothing is inferred).
 */
const REMARK_STATUS: [RegExp, string][] = [
  [/停产整顿|停产|停采|停业/, 'suspended'],
  [/停建|缓建/, 'suspended'],
  [/在建|基建|新建|筹建/, 'construction'],
  [/已关闭|关闭|闭坑|注销|废弃/, 'closed'],
  [/正常生产|在产/, 'producing'],
];
export function statusFromRemarks(text: string): { code: string; word: string } | { ambiguous: string[] } | null {
  const s = text.normalize('NFKC');
  const hits: { code: string; word: string }[] = [];
  for (const [re, code] of REMARK_STATUS) {
    const m = re.exec(s);
    // "拟关闭", "待停产", "计划关闭": a plan, not the mine's state
    if (m && !/(拟|待|将|计划|准备)$/.test(s.slice(0, m.index))) hits.push({ code, word: m[0] });
  }
  if (!hits.length) return null;
  const codes = new Set(hits.map((h) => h.code));
  return codes.size === 1 ? hits[0] : { ambiguous: hits.map((h) => h.word) };
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Code of a vocabulary label in either language, or of a known synonym; null if none. */
export function vocabCode(vocab: keyof typeof SYNONYMS | 'stage' | 'unit', text: string): string | null {
  const n = norm(text);
  if (!n) return null;
  const syn = SYNONYMS[vocab as keyof typeof SYNONYMS];
  if (syn) for (const [k, v] of Object.entries(syn)) if (norm(k) === n) return v;
  for (const lng of ['zh-CN', 'en'] as const) {
    const table = (resources[lng].domain as Record<string, Record<string, string>>)[vocab] ?? {};
    for (const [code, label] of Object.entries(table)) if (norm(label) === n || norm(code) === n) return code;
  }
  return null;
}

/** "390 万吨/年" → {390, 10kt_a}; "18万m3/年", "5万立方米/年" → 10km3_a; a bare number keeps the unit open. */
export function parseProduction(text: string): { value: number; unit: ScaleUnit | null } | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '').replace(/，/g, ',');
  const m = /^(\d+(?:\.\d+)?)(.*)$/.exec(s.replace(/,/g, ''));
  if (!m) return null;
  const value = Number(m[1]);
  const unit = m[2].replace(/[。.]$/, '');
  if (unit === '') return { value, unit: null };
  if (/^(万t|万吨)(\/a|\/年|每年)?$/i.test(unit) || /^10\^?4t\/a$/i.test(unit) || unit === '10⁴t/a') return { value, unit: '10kt_a' };
  if (/^万(m3|m³|立方米|方)(\/a|\/年|每年)?$/i.test(unit) || /^10\^?4m[3³]\/a$/i.test(unit) || unit === '10⁴m³/a') return { value, unit: '10km3_a' };
  if (/^亿(m3|m³|立方米|方)(\/a|\/年|每年)?$/i.test(unit) || /^10\^?8m[3³]\/a$/i.test(unit)) return { value, unit: '100Mm3_a' };
  if (/^万克拉(\/a|\/年|每年)?$/.test(unit)) return { value, unit: '10kct_a' };
  if (/^(t|吨)(\/a|\/年|每年)$/i.test(unit)) return { value, unit: 't_a' };
  return null;
}

/** "2016.01.14-2046.01.14", "2024年4月20日至2025年12月20日", "2016-01-14~2046-01-14". */
export function parseValidity(text: string): { from: string; to: string } | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  const parts = s.split(/至|~|～|—|–|到|(?<=\d)-(?=\d{4})/);
  if (parts.length !== 2) return null;
  const from = parseDate(parts[0]);
  const to = parseDate(parts[1]);
  if (!from || !to || to < from) return null;
  return { from, to };
}

/** "2015 年", "2015年", "2015" → 2015. */
export function parseYear(text: string): number | null {
  const m = /^(\d{4})\s*年?$/.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 1900 && y <= 2100 ? y : null;
}

/** "0.2345", "0.2345 km²", "23.45公顷" → km². */
export function parseArea(text: string): number | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '').replace(/,/g, '');
  const m = /^(\d+(?:\.\d+)?)(km2|km²|平方公里|公顷|hm2|hm²)?$/i.exec(s);
  if (!m) return null;
  const v = Number(m[1]);
  return m[2] && /公顷|hm/.test(m[2]) ? v / 100 : v;
}
