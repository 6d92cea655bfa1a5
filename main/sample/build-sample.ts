// Writes the bundled banner sample plan (see banner-data.ts for what is the seed's and what is sample).
import type { Project } from '../store/project.ts';
import { createPlanFile } from '../compose/new-plan.ts';
import { insertRow } from '../store/row-repo.ts';
import { setProfile } from '../store/plan-repo.ts';
import { addSampleGeometry } from './sample-geometry.ts';
import type { ScaleClass } from '../domain/vocabulary.ts';
import {
  BANNER_PLAN, BANNER_PROFILE, BUILT_GREEN_MINES, EXPLORATION_AREAS, GREEN_IN_ZONE, INDICATORS, RESERVES, ZONE_POINTS,
  type SampleMineSpec,
} from './banner-data.ts';

const rep = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

/** 34 unnamed mines: 24 coal + 10 non-metal; 2 large, 12 medium, 20 small; 14 producing. */
export function sampleMineSpecs(): SampleMineSpec[] {
  const coal: Omit<SampleMineSpec, 'status' | 'target_year'>[] = [
    ...rep(2, () => ({ mineral: '煤', method: 'underground' as const, scale: 'large' as ScaleClass })),
    ...rep(7, () => ({ mineral: '煤', method: 'underground' as const, scale: 'medium' as ScaleClass })),
    ...rep(3, () => ({ mineral: '煤', method: 'open_pit' as const, scale: 'medium' as ScaleClass })),
    ...rep(8, () => ({ mineral: '煤', method: 'underground' as const, scale: 'small' as ScaleClass })),
    ...rep(4, () => ({ mineral: '煤', method: 'open_pit' as const, scale: 'small' as ScaleClass })),
  ];
  const nonmetal: Omit<SampleMineSpec, 'status' | 'target_year'>[] = [
    { mineral: '天然石英砂', method: 'open_pit', scale: 'medium' },
    ...rep(4, () => ({ mineral: '天然石英砂', method: 'open_pit' as const, scale: 'small' as ScaleClass })),
    ...rep(2, () => ({ mineral: '砖瓦用粘土', method: 'open_pit' as const, scale: 'small' as ScaleClass })),
    { mineral: '建筑用石料', method: 'open_pit', scale: 'medium' },
    ...rep(2, () => ({ mineral: '建筑用石料', method: 'open_pit' as const, scale: 'small' as ScaleClass })),
  ];
  // The green mines the plan schedules (seed: 2022: 5, 2024: 2, 2025: 1), all producing coal mines.
  const targets = [2022, 2022, 2022, 2022, 2022, 2024, 2024, 2025];
  const coalSpecs = coal.map((c, i) => ({
    ...c,
    status: (i < 12 ? 'producing' : i % 2 === 0 ? 'suspended' : 'construction') as SampleMineSpec['status'],
    target_year: targets[i] ?? null,
  }));
  const nonmetalSpecs = nonmetal.map((c, i) => ({
    ...c,
    status: (i < 2 ? 'producing' : i % 2 === 0 ? 'suspended' : 'construction') as SampleMineSpec['status'],
    target_year: null,
  }));
  return [...coalSpecs, ...nonmetalSpecs];
}

/** A production scale that agrees with the class under the default classification table. */
function sampleScale(s: { mineral: string; method: string; scale: ScaleClass }, i: number): { value: number; unit: '10kt_a' | '10km3_a' } {
  if (s.mineral === '煤') {
    // stays inside its class: underground 120 / 45, open-pit 400 / 100 (10⁴ t/a)
    const table = s.method === 'open_pit' ? { large: 500, medium: 180, small: 60 } : { large: 300, medium: 90, small: 20 };
    return { value: table[s.scale] + (i % 5) * 4, unit: '10kt_a' };
  }
  if (s.mineral === '建筑用石料') return { value: s.scale === 'medium' ? 6 : 3, unit: '10km3_a' };
  return { value: s.scale === 'medium' ? 15 : 5 + (i % 3), unit: '10kt_a' };
}

const SAMPLE_NAME: Record<string, [string, string]> = {
  煤: ['示例煤矿', 'Sample coal mine'],
  天然石英砂: ['示例石英砂矿', 'Sample quartz sand mine'],
  砖瓦用粘土: ['示例砖瓦用粘土矿', 'Sample brick clay pit'],
  建筑用石料: ['示例建筑石料矿', 'Sample building stone quarry'],
};

export function fillBannerSample(project: Project): void {
  const db = project.db;
  project.tx(() => {
    for (const [k, [zh, en]] of Object.entries(BANNER_PROFILE)) setProfile(db, k, zh, en);

    const zoneId = insertRow(db, 'zones', {
      name_zh: '伊金霍洛旗绿色矿业发展示范区', name_en: 'Ejin Horo Banner Green Mining Demonstration Zone',
      location_zh: '乌兰木伦镇和纳林陶亥镇', location_en: 'Ulan Moron and Narin Taohai towns',
      declared_area_km2: 1202.62, target_year: 2023,
    });
    insertRow(db, 'blocks', { name_zh: '示范区范围', zone_id: zoneId, crs: 'xian80', declared_area_km2: 1202.62, points: ZONE_POINTS });

    let n = 0;
    BUILT_GREEN_MINES.forEach(([name, method, scale, level], i) => {
      // the seed names the mine, its method, scale class and level: no holder, production scale,
      // licence, year built or remaining life, so those stay empty
      insertRow(db, 'mines', {
        name_zh: name, mineral: '煤', method, scale_class: scale,
        status: 'producing', green_level: level, zone_id: i < GREEN_IN_ZONE ? zoneId : null,
      });
      n++;
    });
    const perMineral = new Map<string, number>();
    sampleMineSpecs().forEach((s, i) => {
      const k = (perMineral.get(s.mineral) ?? 0) + 1;
      perMineral.set(s.mineral, k);
      const [zh, en] = SAMPLE_NAME[s.mineral];
      const scale = sampleScale(s, i);
      insertRow(db, 'mines', {
        name_zh: `${zh} ${String(k).padStart(2, '0')}`, name_en: `${en} ${String(k).padStart(2, '0')}`,
        holder: `示例矿业有限公司${String(i + 1).padStart(2, '0')}`, mineral: s.mineral, method: s.method,
        scale_value: scale.value, scale_unit: scale.unit, scale_class: s.scale, status: s.status,
        target_year: s.target_year, life_years: 6 + (i % 25), is_sample: 1, remarks: '示例数据',
      });
      n++;
    });

    // The seed lists no mining licence (no number, date or area): the sample has none.

    EXPLORATION_AREAS.forEach(([stage, area], i) => {
      insertRow(db, 'exploration_rights', {
        name_zh: `示例煤炭${stage === 'detailed' ? '详查' : '勘探'}区 ${String(i + 1).padStart(2, '0')}`,
        name_en: `Sample coal ${stage === 'detailed' ? 'detailed survey' : 'exploration'} area ${String(i + 1).padStart(2, '0')}`,
        mineral: '煤', stage, area_km2: area, is_sample: 1, remarks: '示例数据：规划只给出探矿权个数、阶段和总面积',
      });
    });

    for (const r of RESERVES) insertRow(db, 'reserves', r);

    for (const ind of INDICATORS) {
      const id = insertRow(db, 'indicators', {
        category_zh: ind.category[0], category_en: ind.category[1], indicator_zh: ind.indicator[0], indicator_en: ind.indicator[1],
        sub_zh: ind.sub?.[0] ?? '', sub_en: ind.sub?.[1] ?? '', attribute: ind.attribute,
      });
      const up = db.prepare('INSERT INTO indicator_targets(indicator_id, year, value_zh, value_en) VALUES (?, ?, ?, ?)');
      for (const [year, [zh, en]] of Object.entries(ind.targets)) up.run(id, Number(year), zh, en);
    }
    void n;
    addSampleGeometry(db, BANNER_PLAN);
  });
}

export async function writeBannerSample(file: string, overwrite = false): Promise<void> {
  await createPlanFile(file, BANNER_PLAN, fillBannerSample, overwrite);
}
