// Every figure a chapter states from the data: counts, shares, sums and areas, computed here
// and bound by the templates, so the text can never disagree with its own tables.
import type { Block, Mine, PlanData } from '../domain/model.ts';
import { groupOf, isCoal, type LocalMineral } from '../domain/minerals.ts';
import { sharesOfAmounts, sharesOfWhole } from './shares.ts';
import { ringAreaKm2, round, zonesOf } from './geometry.ts';
import { subsetFacts } from './subset-facts.ts';

export interface CountShare {
  key: string;
  count: number;
  /** null when there is nothing to share (no items) */
  percent: string | null;
}

function partition<T>(items: readonly T[], keyOf: (t: T) => string, order?: readonly string[]): CountShare[] {
  const counts = new Map<string, number>();
  for (const it of items) counts.set(keyOf(it), (counts.get(keyOf(it)) ?? 0) + 1);
  const keys = order ? [...order.filter((k) => counts.has(k)), ...[...counts.keys()].filter((k) => !order.includes(k))] : [...counts.keys()];
  const shares = sharesOfWhole(keys.map((k) => counts.get(k) ?? 0), items.length);
  return keys.map((key, i) => ({ key, count: shares[i].count, percent: shares[i].percent }));
}

function asRecord(list: CountShare[], keys: readonly string[]): Record<string, CountShare> {
  const out: Record<string, CountShare> = {};
  for (const k of keys) out[k] = list.find((c) => c.key === k) ?? { key: k, count: 0, percent: list.length > 0 ? '0.00' : null };
  return out;
}

/** The groups a plan counts mines in ("煤矿 N 个，非金属矿山 M 个"): coal apart from the other energy minerals. */
export const MINE_GROUPS = ['coal', 'energy', 'metal', 'nonmetal', 'water', 'unknown'] as const;

export function mineralGroup(mineral: string, local: readonly LocalMineral[] = []): (typeof MINE_GROUPS)[number] {
  if (isCoal(mineral)) return 'coal';
  return ({ energy: 'energy', metallic: 'metal', nonmetallic: 'nonmetal', water_gas: 'water', unknown: 'unknown' } as const)[groupOf(mineral, local)];
}

export interface BlockFacts {
  id: number;
  name: string;
  pointCount: number;
  computedAreaKm2: number;
  declaredAreaKm2: number | null;
  zones: number[];
}

export function blockFacts(b: Block): BlockFacts {
  return {
    id: b.id,
    name: b.name_zh,
    pointCount: b.points.length,
    computedAreaKm2: round(ringAreaKm2(b.points), 4),
    declaredAreaKm2: b.declared_area_km2,
    zones: zonesOf(b.points),
  };
}

export function computeFacts(data: PlanData) {
  const { mines, licences, explorationRights, zones, blocks, indicators, reserves } = data;
  const minesById = new Map<number, Mine>(mines.map((m) => [m.id, m]));

  const mineralsByCount = partition(mines, (m) => m.mineral).sort((a, b) => b.count - a.count).map((c) => c.key);
  const local = data.localMinerals ?? [];
  const groups = partition(mines, (m) => mineralGroup(m.mineral, local), MINE_GROUPS);
  const scales = partition(mines, (m) => m.scale_class ?? 'unknown', ['large', 'medium', 'small', 'unknown']);
  const statuses = partition(mines, (m) => m.status ?? 'unknown', ['producing', 'suspended', 'construction', 'closed', 'unknown']);
  const statusUnknown = mines.filter((m) => m.status == null).length;
  const methods = partition(mines, (m) => m.method ?? 'unknown', ['underground', 'open_pit', 'unknown']);
  const producing = statuses.find((s) => s.key === 'producing')?.count ?? 0;
  // mines known not to produce: suspended, under construction or closed (an unknown status is not counted here)
  const notProducingCount = mines.length - producing - statusUnknown;
  const notProducingShare = sharesOfWhole([producing, notProducingCount, statusUnknown], mines.length);

  const green = mines.filter((m) => m.green_level);
  const planned = mines.filter((m) => !m.green_level && m.target_year != null && m.status !== 'closed');
  const years = [...new Set(planned.map((m) => m.target_year as number))].sort((a, b) => a - b);
  const plannedByYear = years.map((year) => ({ year, count: planned.filter((m) => m.target_year === year).length }));
  const greenBy = (year: number) => green.length + planned.filter((m) => (m.target_year as number) <= year).length;

  const licenceArea = licences.reduce((a, l) => a + (l.area_km2 ?? 0), 0);
  const isCoalLicence = (l: (typeof licences)[number]) => (l.mine_id != null && isCoal(minesById.get(l.mine_id)?.mineral ?? ''));
  const coalArea = licences.filter(isCoalLicence).reduce((a, l) => a + (l.area_km2 ?? 0), 0);
  const [coalAreaShare, noncoalAreaShare] = sharesOfAmounts([coalArea, licenceArea - coalArea]);

  const explArea = explorationRights.reduce((a, e) => a + (e.area_km2 ?? 0), 0);
  const stages = partition(explorationRights, (e) => e.stage, ['general', 'detailed', 'exploration']);

  const zoneFacts = zones.map((z) => {
    const zb = blocks.filter((b) => b.zone_id === z.id).map(blockFacts);
    const computed = round(zb.reduce((a, b) => a + b.computedAreaKm2, 0), 4);
    const zoneMines = mines.filter((m) => m.zone_id === z.id);
    return {
      id: z.id,
      name_zh: z.name_zh,
      name_en: z.name_en,
      location_zh: z.location_zh,
      location_en: z.location_en,
      targetYear: z.target_year,
      declaredAreaKm2: z.declared_area_km2,
      computedAreaKm2: computed,
      pointCount: zb.reduce((a, b) => a + b.pointCount, 0),
      blocks: zb,
      mines: zoneMines.length,
      greenMines: zoneMines.filter((m) => m.green_level).length,
    };
  });

  return {
    mines: {
      total: mines.length,
      minerals: mineralsByCount,
      mineralCount: mineralsByCount.length,
      groups,
      byGroup: asRecord(groups, MINE_GROUPS),
      scales: scales.filter((s) => s.key !== 'unknown'),
      byScale: asRecord(scales, ['large', 'medium', 'small', 'unknown']),
      statuses: statuses.filter((s) => s.key !== 'unknown'),
      byStatus: asRecord(statuses, ['producing', 'suspended', 'construction', 'closed', 'unknown']),
      notProducing: { count: notProducingCount, percent: notProducingShare[1].percent },
      /** mines whose status or scale class was not given: the text says how many a figure leaves out */
      statusUnknown,
      scaleUnknown: mines.filter((m) => m.scale_class == null).length,
      byMethod: asRecord(methods, ['underground', 'open_pit', 'unknown']),
    },
    green: {
      built: green.length,
      national: green.filter((m) => m.green_level === 'national').length,
      regional: green.filter((m) => m.green_level === 'regional').length,
      inZone: green.filter((m) => m.zone_id != null).length,
      planned: planned.length,
      plannedByYear,
      afterPlan: green.length + planned.length,
      byNearYear: greenBy(data.plan.near_year),
      // the mines not yet green and not closed, that the plan must still bring up to standard
      remaining: mines.filter((m) => !m.green_level && m.status !== 'closed').length - planned.length,
    },
    exploration: {
      count: explorationRights.length,
      areaKm2: round(explArea, 2),
      stages,
      byStage: asRecord(stages, ['general', 'detailed', 'exploration']),
      minerals: [...new Set(explorationRights.map((e) => e.mineral))],
    },
    licences: {
      count: licences.length,
      areaKm2: round(licenceArea, 4),
      coal: { count: licences.filter(isCoalLicence).length, areaKm2: round(coalArea, 4), percent: coalAreaShare },
      noncoal: { count: licences.length - licences.filter(isCoalLicence).length, areaKm2: round(licenceArea - coalArea, 4), percent: noncoalAreaShare },
    },
    reserves: { count: reserves.length, minerals: reserves.map((r) => r.mineral), deposits: reserves.reduce((a, r) => a + (r.deposits ?? 0), 0) },
    indicators: {
      count: indicators.length,
      binding: indicators.filter((i) => i.attribute === 'binding').length,
      expected: indicators.filter((i) => i.attribute === 'expected').length,
    },
    zones: zoneFacts,
    zone: zoneFacts[0] ?? null,
    /** scale shares within subsets (producing, suspended, under construction, green) */
    subsets: subsetFacts(mines),
  };
}

export type Facts = ReturnType<typeof computeFacts>;
