// Licences, life, scale class, duplicates and missing fields.
import { byId, finding, term, type Param, type Rule } from '../finding.ts';
import type { Mine, PlanData } from '../../domain/model.ts';
import { catalogueEntry, expectedClass, groupOf, mineralLabel, rulesFor } from '../../domain/minerals.ts';

export { expectedClass };

export const licenceEndsBeforeTarget: Rule = {
  id: 'licence.ends_before_target', severity: 'error',
  run: (data) => data.licences.flatMap((l) => {
    const m = byId(data.mines).get(l.mine_id as number);
    if (!m || m.target_year == null || !l.valid_to) return [];
    // a licence must still be valid at the end of the target year
    return l.valid_to < `${m.target_year}-12-31` ? [finding(licenceEndsBeforeTarget, 'licences', l.id, m.name_zh, { number: l.number, to: l.valid_to, year: m.target_year })] : [];
  }),
};

export const licenceExpired: Rule = {
  id: 'licence.expired', severity: 'warning',
  run: (data) => data.licences.flatMap((l) => {
    const base = `${data.plan.base_year}-12-31`;
    const m = byId(data.mines).get(l.mine_id as number);
    if (!l.valid_to || l.valid_to >= base || m?.status === 'closed') return [];
    return [finding(licenceExpired, 'licences', l.id, m?.name_zh ?? l.holder, { number: l.number, to: l.valid_to, base })];
  }),
};

export const shortLife: Rule = {
  id: 'mine.life_under_3', severity: 'error',
  run: (data) => data.mines.flatMap((m) => (m.target_year != null && !m.green_level && m.life_years != null && m.life_years < 3
    ? [finding(shortLife, 'mines', m.id, m.name_zh, { life: m.life_years, count: m.life_years })] : [])),
};

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
      const m = byId(data.mines).get(l.mine_id as number);
      if (seen.has(l.mine_id) && m?.status !== 'closed') return [finding(duplicateLicence, 'licences', l.id, m?.name_zh ?? '', { a: seen.get(l.mine_id)!, b: l.number })];
      seen.set(l.mine_id, l.number);
      return [];
    });
  },
};

/** Columns named by their labels in each language (规模类型, scale class), never by code. */
function columnList(keys: readonly string[]): Param {
  const labels = keys.map((k) => term(k, 'column') as { zh: string; en: string });
  return { zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') };
}

export const missingFields: Rule = {
  id: 'row.missing_fields', severity: 'warning',
  run: (data) => [
    ...data.mines.flatMap((m) => {
      // an unknown status has its own finding (mine.status_unknown)
      const missing = (['method', 'scale_class'] as const).filter((k) => m[k] == null);
      return missing.length ? [{ ...finding(missingFields, 'mines', m.id, m.name_zh, { fields: columnList(missing) }), column: missing[0] }] : [];
    }),
    ...data.licences.flatMap((l) => {
      const missing = (['area_km2', 'valid_to'] as const).filter((k) => l[k] == null);
      return missing.length ? [{ ...finding(missingFields, 'licences', l.id, l.number, { fields: columnList(missing) }), column: missing[0] }] : [];
    }),
  ],
};

/** A mine whose status was not given is left out of the text's figures by status: one finding says how many. */
export const statusUnknown: Rule = {
  id: 'mine.status_unknown', severity: 'warning',
  run: (data) => {
    const list = data.mines.filter((m) => m.status == null);
    if (!list.length) return [];
    const names = list.slice(0, 5).map((m) => m.name_zh).join('、') + (list.length > 5 ? '…' : '');
    return [finding(statusUnknown, 'mines', list[0].id, names, { count: list.length, total: data.mines.length })];
  },
};

/** The same for the scale class (the figures by scale count only the mines whose class is known). */
export const scaleUnknown: Rule = {
  id: 'mine.scale_unknown', severity: 'warning',
  run: (data) => {
    const list = data.mines.filter((m) => m.scale_class == null);
    if (!list.length) return [];
    const names = list.slice(0, 5).map((m) => m.name_zh).join('、') + (list.length > 5 ? '…' : '');
    return [finding(scaleUnknown, 'mines', list[0].id, names, { count: list.length, total: data.mines.length })];
  },
};

/** A value the import inferred and nobody has confirmed yet. */
export const inferredValues: Rule = {
  id: 'row.inferred_unconfirmed', severity: 'warning',
  run: (data) => (data.marks ?? []).flatMap((mk) => {
    const m = mk.table === 'mines' ? data.mines.find((x) => x.id === mk.rowId) : undefined;
    if (!m) return [];
    const value = mk.column === 'status' ? term(String(m.status ?? ''), 'status') : mk.column === 'scale_class' ? term(String(m.scale_class ?? ''), 'scaleClass') : String((m as unknown as Record<string, unknown>)[mk.column] ?? '');
    const kind = term(mk.kind, 'markKind') as { zh: string; en: string };
    return [finding(inferredValues, 'mines', m.id, m.name_zh, { column: term(mk.column, 'column'), value, how: { zh: `${kind.zh}（${mk.note}）`, en: `${kind.en} (${mk.note})` } })];
  }),
};

/** The first mine working each mineral the national catalogue does not hold (one finding per mineral). */
function firstMinePerLocalMineral(data: PlanData): Mine[] {
  const seen = new Set<string>();
  return data.mines.filter((m) => {
    if (!m.mineral || catalogueEntry(m.mineral) || seen.has(m.mineral)) return false;
    seen.add(m.mineral);
    return true;
  });
}

/** A mineral the national catalogue does not hold: kept as typed, its group asked for. */
export const localMineral: Rule = {
  id: 'mine.local_mineral', severity: 'warning',
  run: (data) => firstMinePerLocalMineral(data).map((m) =>
    finding(localMineral, 'mines', m.id, m.name_zh, { mineral: m.mineral, group: term(groupOf(m.mineral, data.localMinerals ?? []), 'mineralCatalogueGroup') })),
};

/** A plan-local mineral with no English name: the English edition prints it as typed (what mineralLabel gives). */
export const localMineralEnglish: Rule = {
  id: 'mine.local_mineral_english', severity: 'warning',
  run: (data) => firstMinePerLocalMineral(data)
    .filter((m) => mineralLabel(m.mineral, 'en', data.localMinerals ?? []) === m.mineral)
    .map((m) => finding(localMineralEnglish, 'mines', m.id, m.name_zh, { mineral: m.mineral })),
};

/** A licence whose mine is gone (deleted) or was never named. */
export const licenceWithoutMine: Rule = {
  id: 'licence.no_mine', severity: 'warning',
  run: (data) => data.licences.flatMap((l) => (l.mine_id == null || !data.mines.some((m) => m.id === l.mine_id)
    ? [finding(licenceWithoutMine, 'licences', l.id, l.number, { holder: l.holder || '—' })] : [])),
};

export const unitMismatch: Rule = {
  id: 'mine.unit_mismatch', severity: 'warning',
  run: (data) => data.mines.flatMap((m) => {
    if (!m.scale_unit) return [];
    // the classification table gives the units a mineral's scale is stated in
    const units = new Set(rulesFor(m.mineral, data.scaleRules).map((r) => r.unit));
    return units.size && !units.has(m.scale_unit) ? [finding(unitMismatch, 'mines', m.id, m.name_zh, { unit: term(m.scale_unit, 'unit') })] : [];
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
