// Cell values as offices type them: "390 万吨/年", "18万m3/年", "2016.01.14-2046.01.14",
// "2024年4月20日至2025年12月20日", "露天", "自治区级", "2015 年".
import { resources } from '../i18n/index.ts';
import { parseDate } from '../store/values.ts';
import type { ScaleUnit } from '../domain/vocabulary.ts';

const SYNONYMS: Record<string, Record<string, string>> = {
  mineral: {
    煤: 'coal', 煤炭: 'coal', 原煤: 'coal', 动力煤: 'coal', 建筑石料: 'building_stone', 建筑用石料: 'building_stone', 石料: 'building_stone',
    建筑用砂石: 'building_stone', 建筑用石: 'building_stone', 建筑用花岗岩: 'building_stone', 建筑用砂: 'construction_sand', 砂石: 'construction_sand',
    石英砂: 'silica_sand', 天然石英砂: 'silica_sand', 玻璃用砂: 'glass_sand', 玻璃用石英砂: 'glass_sand', 砖瓦用粘土: 'brick_clay', 砖瓦用黏土: 'brick_clay',
    粘土: 'brick_clay', 石灰岩: 'limestone', 水泥用石灰岩: 'limestone', 高岭土: 'kaolin', 耐火粘土: 'fire_clay', 油页岩: 'oil_shale', 矿泉水: 'mineral_water',
  },
  method: { 露天: 'open_pit', 露天开采: 'open_pit', 地下: 'underground', 地下开采: 'underground', 井下: 'underground', 井下开采: 'underground', 井工: 'underground', 'open-pit': 'open_pit', openpit: 'open_pit' },
  scaleClass: { 大: 'large', 大型: 'large', 中: 'medium', 中型: 'medium', 小: 'small', 小型: 'small' },
  status: { 生产: 'producing', 正常生产: 'producing', 在产: 'producing', 停产: 'suspended', 停采: 'suspended', 停产整顿: 'suspended', 在建: 'construction', 基建: 'construction', 关闭: 'closed', 闭坑: 'closed' },
  greenLevel: { 国家级: 'national', 国家: 'national', 自治区级: 'regional', 省级: 'regional', 自治区: 'regional', 市级: 'regional' },
};

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Code of a vocabulary label in either language, or of a known synonym; null if none. */
export function vocabCode(vocab: keyof typeof SYNONYMS | 'stage', text: string): string | null {
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
