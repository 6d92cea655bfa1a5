// Licences, life, scale class, duplicates and missing fields.
import type { Mine, ScaleRule } from '../../domain/model.ts';
import { finding, term, type Rule } from '../finding.ts';

export const licenceEndsBeforeTarget: Rule = {
  id: 'licence.ends_before_target', severity: 'error',
  run: (data) => data.licences.flatMap((l) => {
    const m = data.mines.find((x) => x.id === l.mine_id);
    if (!m || m.target_year == null || !l.valid_to) return [];
    // a licence must still be valid at the end of the target year
    return l.valid_to < `${m.target_year}-12-31` ? [finding(licenceEndsBeforeTarget, 'licences', l.id, m.name_zh, { number: l.number, to: l.valid_to, year: m.target_year })] : [];
  }),
};

export const licenceExpired: Rule = {
  id: 'licence.expired', severity: 'warning',
  run: (data) => data.licences.flatMap((l) => {
    const base = `${data.plan.base_year}-12-31`;
    const m = data.mines.find((x) => x.id === l.mine_id);
    if (!l.valid_to || l.valid_to >= base || m?.status === 'closed') return [];
    return [finding(licenceExpired, 'licences', l.id, m?.name_zh ?? l.holder, { number: l.number, to: l.valid_to, base })];
  }),
};

export const shortLife: Rule = {
  id: 'mine.life_under_3', severity: 'error',
  run: (data) => data.mines.flatMap((m) => (m.target_year != null && !m.green_level && m.life_years != null && m.life_years < 3
    ? [finding(shortLife, 'mines', m.id, m.name_zh, { life: m.life_years })] : [])),
};

export function expectedClass(m: Pick<Mine, 'mineral' | 'method' | 'scale_value' | 'scale_unit'>, rules: readonly ScaleRule[]): 'large' | 'medium' | 'small' | null {
  if (m.scale_value == null || !m.scale_unit) return null;
  const rule = rules.find((r) => r.mineral === m.mineral && r.unit === m.scale_unit && (r.method == null || r.method === m.method))
    ?? rules.find((r) => r.mineral === m.mineral && r.unit === m.scale_unit && r.method == null);
  if (!rule) return null;
  return m.scale_value >= rule.large_min ? 'large' : m.scale_value >= rule.medium_min ? 'medium' : 'small';
}

export const scaleClass: Rule = {
  id: 'mine.scale_class_mismatch', severity: 'warning',
  run: (data) => data.mines.flatMap((m) => {
    const want = expectedClass(m, data.scaleRules);
    if (!want || !m.scale_class || want === m.scale_class) return [];
    return [finding(scaleClass, 'mines', m.id, m.name_zh, { value: m.scale_value!, unit: term(m.scale_unit!, 'unit'), entered: term(m.scale_class, 'scaleClass'), expected: term(want, 'scaleClass') })];
  }),
};

export const duplicateMine: Rule = {
  id: 'mine.duplicate_name', severity: 'warning',
  run: (data) => {
    const seen = new Map<string, number>();
    return data.mines.flatMap((m) => {
      const key = m.name_zh.normalize('NFKC').replace(/\s+/g, '');
      if (seen.has(key)) return [finding(duplicateMine, 'mines', m.id, m.name_zh)];
      seen.set(key, m.id);
      return [];
    });
  },
};

export const duplicateLicence: Rule = {
  id: 'licence.duplicate_mine', severity: 'warning',
  run: (data) => {
    const seen = new Map<number, string>();
    return data.licences.flatMap((l) => {
      if (l.mine_id == null) return [];
      const m = data.mines.find((x) => x.id === l.mine_id);
      if (seen.has(l.mine_id) && m?.status !== 'closed') return [finding(duplicateLicence, 'licences', l.id, m?.name_zh ?? '', { a: seen.get(l.mine_id)!, b: l.number })];
      seen.set(l.mine_id, l.number);
      return [];
    });
  },
};

export const missingFields: Rule = {
  id: 'row.missing_fields', severity: 'warning',
  run: (data) => [
    ...data.mines.flatMap((m) => {
      const missing = (['method', 'scale_class'] as const).filter((k) => m[k] == null);
      return missing.length ? [finding(missingFields, 'mines', m.id, m.name_zh, { fields: missing.join(', ') })] : [];
    }),
    ...data.licences.flatMap((l) => {
      const missing = (['area_km2', 'valid_to'] as const).filter((k) => l[k] == null);
      return missing.length ? [finding(missingFields, 'licences', l.id, l.number, { fields: missing.join(', ') })] : [];
    }),
  ],
};

export const unitMismatch: Rule = {
  id: 'mine.unit_mismatch', severity: 'warning',
  run: (data) => data.mines.flatMap((m) => {
    if (!m.scale_unit) return [];
    const want = m.mineral === 'building_stone' || m.mineral === 'construction_sand' ? '10km3_a' : m.mineral === 'coal' ? '10kt_a' : null;
    return want && want !== m.scale_unit ? [finding(unitMismatch, 'mines', m.id, m.name_zh, { unit: term(m.scale_unit, 'unit') })] : [];
  }),
};

export const indicatorTotals: Rule = {
  id: 'indicator.green_count', severity: 'warning',
  run: (data, facts) => data.indicators.flatMap((ind) => {
    if (!/绿色矿山数量/.test(ind.indicator_zh)) return [];
    return Object.entries(ind.targets).flatMap(([year, v]) => {
      if (!/^\d+$/.test(v.zh.trim())) return [];
      const target = Number(v.zh);
      const planned = data.mines.filter((m) => !m.green_level && m.target_year != null && m.target_year <= Number(year) && m.status !== 'closed').length;
      const reach = facts.green.built + planned;
      return reach === target ? [] : [finding(indicatorTotals, 'indicators', ind.id, ind.indicator_zh, { year, target, reach })];
    });
  }),
};
