// Each check rule: a case that must fire and one that must not.
import { describe, expect, it } from 'vitest';
import type { PlanData } from '../../main/domain/model.ts';
import { RULES, runChecks } from '../../main/checks/run-checks.ts';
import { areaTolerance, firstCrossing, segmentsMeet } from '../../main/checks/rules/blocks.ts';
import { toLonLat } from '../../main/facts/projection.ts';
import { parseCornerPoints } from '../../main/domain/coordinates.ts';
import { ZONE_POINTS } from '../../main/sample/banner-data.ts';
import { samplePlan, withTestLicences } from './helpers.ts';

const square = (x0: number, y0: number, side: number) => parseCornerPoints(
  `1, ${x0}, ${y0}; 2, ${x0 + side}, ${y0}; 3, ${x0 + side}, ${y0 + side}; 4, ${x0}, ${y0 + side}`);

async function base(): Promise<PlanData> {
  const { data } = await samplePlan();
  return structuredClone(data);
}

const fired = (data: PlanData, rule: string) => runChecks(data, RULES.filter((r) => r.id === rule));

describe('check rules', () => {
  it('the sample plan is clean but for its marked sample rows and the licence table it lacks', async () => {
    const found = runChecks(await base()).map((f) => `${f.rule} ${f.table} ${f.message.en}`);
    expect(found).toEqual([
      'row.sample_data mines The table “Mines” holds 34 sample (demonstration) rows, not official data; every exported page is marked “示例数据 / sample data”.',
      'row.sample_data exploration_rights The table “Exploration rights” holds 7 sample (demonstration) rows, not official data; every exported page is marked “示例数据 / sample data”.',
      expect.stringMatching(/^template\.missing_data chapters Chapter “现状与形势” \(Chinese\), line \d+: 【待填：采矿权现状（采矿权表）】/),
      expect.stringMatching(/^template\.missing_data chapters Chapter “Status and Situation” \(English\), line \d+: \[to fill: mining licences \(the licence table\)\]/),
    ]);
    expect(runChecks(withTestLicences(await base())).filter((f) => f.rule !== 'row.sample_data')).toEqual([]);
  });

  it('plan.period_order and row.validity_order, worded with the fields\' labels', async () => {
    const d = withTestLicences(await base());
    expect(fired(d, 'plan.period_order')).toEqual([]);
    expect(fired(d, 'row.validity_order')).toEqual([]);
    d.plan.period_end = 2019;
    expect(fired(d, 'plan.period_order').map((f) => f.message.zh)).toContain('规划期末年 2019 早于规划期起始年 2021。');
    d.plan.period_end = 2025;
    d.plan.near_year = 2030;
    expect(fired(d, 'plan.period_order').map((f) => f.message.en)).toContain('The near-term year 2030 is outside the plan period 2021–2025.');
    d.licences[0].valid_to = '2010-01-01';
    const v = fired(d, 'row.validity_order');
    expect(v).toHaveLength(1);
    expect(v[0].message.zh).toContain('的“有效期止”（2010-01-01）早于“有效期起”（2016-03-01）');
  });

  it('projection: the seed zone lies in Ejin Horo Banner', () => {
    const [lon, lat] = toLonLat('xian80', 4367770.34, 37399162.38);
    expect(lon).toBeGreaterThan(108.96);
    expect(lon).toBeLessThan(110.42);
    expect(lat).toBeGreaterThan(38.93);
    expect(lat).toBeLessThan(39.82);
    // central meridian of zone 37 is 111°E: easting 500 000 m is on it
    expect(toLonLat('cgcs2000', 4400000, 37500000)[0]).toBeCloseTo(111, 6);
  });

  it('block.too_few_points', async () => {
    const d = await base();
    expect(fired(d, 'block.too_few_points')).toEqual([]);
    d.blocks[0].points = d.blocks[0].points.slice(0, 2);
    expect(fired(d, 'block.too_few_points')).toHaveLength(1);
    // the count is worded with English plural forms
    const msg = () => runChecks(d).find((f) => f.rule === 'block.too_few_points')!.message;
    expect(msg().en).toMatch(/has 2 corner points;/);
    expect(msg().zh).toMatch(/只有 2 个拐点/);
    d.blocks[0].points = d.blocks[0].points.slice(0, 1);
    expect(msg().en).toMatch(/has 1 corner point;/);
  });

  it('block.repeated_point', async () => {
    const d = await base();
    expect(fired(d, 'block.repeated_point')).toEqual([]);
    d.blocks[0].points[5] = { ...d.blocks[0].points[2], label: '6' };
    expect(fired(d, 'block.repeated_point')[0].message.zh).toContain('拐点 6 与拐点 3 坐标相同');
  });

  it('block.self_intersection (crossing and touching)', async () => {
    const d = await base();
    expect(fired(d, 'block.self_intersection')).toEqual([]);
    const bowtie = parseCornerPoints('1, 4380000, 37400000; 2, 4381000, 37401000; 3, 4380000, 37401000; 4, 4381000, 37400000');
    d.blocks[0].points = bowtie;
    expect(fired(d, 'block.self_intersection')).toHaveLength(1);
    expect(segmentsMeet({ x: 0, y: 0 }, { x: 2, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 5 })).toBe(true); // touching
    expect(segmentsMeet({ x: 0, y: 0 }, { x: 2, y: 0 }, { x: 0, y: 1 }, { x: 2, y: 1 })).toBe(false);
  });

  it('block.self_intersection on a ring of thousands of points finds the same first crossing as comparing every pair', () => {
    // a wavy circle of 3,000 corners (simple), then the same ring with two corners swapped (crossing edges)
    const n = 3000;
    const ring = Array.from({ length: n }, (_, k) => {
      const a = (2 * Math.PI * k) / n;
      const r = 1000 + 30 * Math.sin(17 * a);
      return { x: r * Math.cos(a), y: r * Math.sin(a) };
    });
    const brute = (pts: { x: number; y: number }[]): [number, number] | null => {
      const m = pts.length;
      for (let i = 0; i < m; i++) {
        for (let j = i + 1; j < m; j++) {
          if (j === i + 1 || (i === 0 && j === m - 1)) continue;
          if (segmentsMeet(pts[i], pts[(i + 1) % m], pts[j], pts[(j + 1) % m])) return [i, j];
        }
      }
      return null;
    };
    expect(firstCrossing(ring)).toBeNull();
    expect(brute(ring)).toBeNull();
    const crossed = ring.slice();
    [crossed[1200], crossed[1203]] = [crossed[1203], crossed[1200]];
    const expected = brute(crossed);
    expect(expected).not.toBeNull();
    expect(firstCrossing(crossed)).toEqual(expected);
  });

  it('block.mixed_zones', async () => {
    const d = await base();
    expect(fired(d, 'block.mixed_zones')).toEqual([]);
    d.blocks[0].points[3] = { ...d.blocks[0].points[3], y: d.blocks[0].points[3].y + 1_000_000 };
    expect(fired(d, 'block.mixed_zones')[0].message.en).toContain('37、38');
  });

  it('block.outside_jurisdiction', async () => {
    const d = await base();
    expect(fired(d, 'block.outside_jurisdiction')).toEqual([]);
    d.blocks[0].points = square(4200000, 37450000, 1000); // about 1.5° further south
    expect(fired(d, 'block.outside_jurisdiction')).toHaveLength(1);
  });

  it('block.area_mismatch, with a tolerance from projection distortion and rounding', async () => {
    const d = await base();
    expect(fired(d, 'block.area_mismatch')).toEqual([]); // 1202.625 against 1202.62
    expect(areaTolerance(1202.62)).toBeCloseTo(0.601 + 0.005, 3);
    d.blocks[0].declared_area_km2 = 1190;
    expect(fired(d, 'block.area_mismatch')[0].message.zh).toContain('1202.6250');
  });

  it('licence.ends_before_target and licence.expired', async () => {
    const d = withTestLicences(await base());
    expect(fired(d, 'licence.ends_before_target')).toEqual([]);
    expect(fired(d, 'licence.expired')).toEqual([]);
    const m = d.mines.find((x) => x.target_year === 2025)!;
    const l = d.licences.find((x) => x.mine_id === m.id)!;
    l.valid_to = '2024-06-30';
    expect(fired(d, 'licence.ends_before_target')).toHaveLength(1);
    l.valid_to = '2020-06-30';
    expect(fired(d, 'licence.expired')).toHaveLength(1);
  });

  it('mine.life_under_3', async () => {
    const d = await base();
    expect(fired(d, 'mine.life_under_3')).toEqual([]);
    const m = d.mines.find((x) => x.target_year === 2024)!;
    m.life_years = 2;
    expect(fired(d, 'mine.life_under_3')).toHaveLength(1);
    expect(fired(d, 'mine.life_under_3')[0].message.en).toContain('only 2 years of life left');
    m.life_years = 1;
    expect(fired(d, 'mine.life_under_3')[0].message.en).toContain('only 1 year of life left');
    expect(fired(d, 'mine.life_under_3')[0].message.zh).toContain('只有 1 年');
  });

  it('mine.scale_class_mismatch follows the editable classification table', async () => {
    const d = await base();
    expect(fired(d, 'mine.scale_class_mismatch')).toEqual([]);
    const m = d.mines.find((x) => x.mineral === '煤' && x.method === 'underground' && x.scale_class === 'small' && x.scale_value != null)!;
    m.scale_value = 130;
    const f = fired(d, 'mine.scale_class_mismatch');
    expect(f[0].message.zh).toContain('应为大型，但填写为小型');
    expect(f[0].message.en).toContain('makes large, but it is entered as small');
    d.scaleRules = d.scaleRules.map((r) => (r.mineral === '煤' && r.method === 'underground' ? { ...r, large_min: 200 } : r));
    expect(fired(d, 'mine.scale_class_mismatch')[0].message.zh).toContain('应为中型');
  });

  it('mine.unit_mismatch, duplicates and missing fields', async () => {
    const d = withTestLicences(await base());
    for (const r of ['mine.unit_mismatch', 'mine.duplicate_name', 'licence.duplicate_mine', 'row.missing_fields']) expect(fired(d, r)).toEqual([]);
    d.mines.find((x) => x.mineral === '建筑用石料')!.scale_unit = '10kt_a';
    d.mines[1].name_zh = d.mines[0].name_zh;
    d.licences[1].mine_id = d.licences[0].mine_id;
    d.mines[5].method = null;
    expect(fired(d, 'mine.unit_mismatch')).toHaveLength(1);
    expect(fired(d, 'mine.duplicate_name')).toHaveLength(1);
    expect(fired(d, 'licence.duplicate_mine')).toHaveLength(1);
    expect(fired(d, 'row.missing_fields')).toHaveLength(1);
  });

  it('indicator.green_count: the indicator table against built and planned green mines', async () => {
    const d = await base();
    expect(fired(d, 'indicator.green_count')).toEqual([]); // 48 + 5 planned for 2022 = 53 in 2023
    d.indicators[0].targets['2023'] = { zh: '55', en: '55' };
    expect(fired(d, 'indicator.green_count')[0].message.zh).toContain('合计 53 个');
  });

  it('chapter.figure_mismatch: a number typed by hand that the data contradicts', async () => {
    const d = await base();
    expect(fired(d, 'chapter.figure_mismatch')).toEqual([]);
    const ch = d.chapters.find((c) => c.key === 'status' && c.lang === 'zh')!;
    ch.body += '\n\n全旗现有煤矿 72 个。\n'; // typed by hand: true today, so nothing yet
    expect(fired(d, 'chapter.figure_mismatch')).toEqual([]);
    d.mines.find((m) => m.is_sample && m.mineral === '煤')!.mineral = '石灰岩';
    const f = fired(d, 'chapter.figure_mismatch');
    expect(f.map((x) => x.message.zh)).toContain('章节“现状与形势”（中文）写有“煤矿 72 个”，与数据不符：按数据应为 71。');
  });

  it('zone points of the seed parse as 23 points', () => {
    expect(parseCornerPoints(ZONE_POINTS)).toHaveLength(23);
  });
});
