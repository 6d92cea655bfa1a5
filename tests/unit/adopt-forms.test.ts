// The same plan as text and as a styled Word file becomes the same project, and its PDF (LibreOffice's
// rendering of the Word file) gives the same chapters and the tables the PDF reader can rebuild: the seed banner plan and a district plan of a different shape (five chapters, quarries in
// 万m³/年, licence validity periods, a plan table with corner points and target years).
// The .docx and .pdf fixtures are written by tests/fixtures/adopt/make-adopt-fixtures.ts.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { adoptPlan, type AdoptReport } from '../../main/adopt/adopt.ts';
import { computeFacts } from '../../main/facts/plan-facts.ts';
import { composeChapters } from '../../main/compose/compose.ts';
import type { PlanData } from '../../main/domain/model.ts';
import { readPlanFile, tmpDir } from './helpers.ts';

const FX = path.resolve(__dirname, '../fixtures/adopt');
const FORMS = ['txt', 'docx', 'pdf'] as const;

/** What must be the same whatever form the plan came in (text compared without whitespace: PDFs drop the spaces around numbers). */
function essence(d: PlanData) {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  return {
    plan: { ...d.plan },
    chapters: d.chapters.map((c) => [c.key, c.lang, c.title, c.numbered, squeeze(c.body)]),
    mines: d.mines.map((m) => ({ ...m, id: 0 })),
    licences: d.licences.map((l) => ({ ...l, id: 0 })),
    reserves: d.reserves.map((r) => ({ ...r, id: 0 })),
    indicators: d.indicators.map((i) => ({ ...i, id: 0 })),
    zones: d.zones.map((z) => ({ ...z, id: 0 })),
    blocks: d.blocks.map((b) => ({ ...b, id: 0 })),
    appendices: d.appendices,
  };
}

async function adoptAll(stem: string) {
  const out = {} as Record<(typeof FORMS)[number], { report: AdoptReport; data: PlanData }>;
  const dir = tmpDir();
  for (const form of FORMS) {
    const file = path.join(dir, `${stem}-${form}.gmplan`);
    const report = await adoptPlan(path.join(FX, `${stem}.${form}`), file);
    out[form] = { report, data: readPlanFile(file) };
  }
  return out;
}

describe('the seed banner plan in three forms', () => {
  let r: Awaited<ReturnType<typeof adoptAll>>;
  beforeAll(async () => { r = await adoptAll('banner-seed'); }, 300_000);

  it('gives the same project from .txt and .docx', () => {
    expect(r.txt.data.chapters.filter((c) => c.lang === 'zh')).toHaveLength(7);
    expect(r.txt.data.mines).toHaveLength(48);
    expect(essence(r.docx.data)).toEqual(essence(r.txt.data));
    expect(r.docx.report.totals).toEqual(r.txt.report.totals);
  });

  it('gives from the PDF the same chapters, figures and tables as rows', () => {
    const t = essence(r.txt.data);
    const p = essence(r.pdf.data);
    expect({ ...p.plan, indicator_years: [] }).toEqual({ ...t.plan, indicator_years: [] });
    expect(p.chapters.map((c) => c.slice(0, 4))).toEqual(t.chapters.map((c) => c.slice(0, 4)));
    expect(p.mines).toEqual(t.mines);
    expect(p.reserves).toEqual(t.reserves);
    expect(p.zones).toEqual(t.zones);
    expect(p.blocks).toEqual(t.blocks);
    expect(r.pdf.report.totals).toEqual(r.txt.report.totals);
    // the indicator table (no 序号 column, wrapped and merged cells) is rebuilt from the rules the PDF draws
    expect(r.pdf.report.tables.find((x) => x.label === '附表 4')).toMatchObject({ key: 'indicators', rows: 8, errors: [] });
    expect(p.indicators).toEqual(t.indicators);
  });

  it('reads the Word file\'s heading styles and merged cells, and drops the PDF\'s running header and page numbers', () => {
    expect(r.docx.report.format).toBe('docx');
    expect(r.pdf.report.format).toBe('pdf');
    const all = r.pdf.data.chapters.map((c) => c.body).join('\n');
    expect(all).not.toMatch(/— \d+ —/);
    expect(all).not.toContain('伊金霍洛旗绿色矿山建设规划\n');
    expect(r.pdf.report.tables.find((t) => t.label === '附表 2')).toMatchObject({ key: 'green_mines', rows: 48, continuations: 2 });
  });
});

describe('a district plan of another shape in three forms', () => {
  let r: Awaited<ReturnType<typeof adoptAll>>;
  beforeAll(async () => { r = await adoptAll('district-plan'); }, 300_000);

  it('gives the same project from .txt and .docx, and the same chapters and licences from the PDF', () => {
    expect(essence(r.docx.data)).toEqual(essence(r.txt.data));
    expect(r.docx.report.totals).toEqual(r.txt.report.totals);
    const p = essence(r.pdf.data);
    const t = essence(r.txt.data);
    expect(p.chapters.map((c) => c.slice(0, 4))).toEqual(t.chapters.map((c) => c.slice(0, 4)));
    expect(p.licences).toEqual(t.licences);
    expect(r.pdf.data.mines.map((m) => m.name_zh)).toEqual(r.txt.data.mines.map((m) => m.name_zh));
  });

  it('has five numbered chapters, the licence and plan tables as rows', () => {
    const d = r.txt.data;
    expect(d.plan).toMatchObject({ jurisdiction_zh: '青山区', kind: 'district', base_year: 2024, near_year: 2028, far_year: 2030, issue_date: '2025-03', indicator_years: [2028, 2030] });
    expect(d.chapters.filter((c) => c.lang === 'zh').map((c) => [c.title, c.numbered])).toEqual([['总则', true], ['现状与形势', true], ['规划目标', true], ['主要任务', true], ['保障措施', true]]);
    expect(d.licences.map((l) => l.number)[0]).toBe('C1301002010087120071234'); // split number healed
    expect(d.licences[0]).toMatchObject({ valid_from: '2016-01-14', valid_to: '2046-01-14', area_km2: 0.235 });
    expect(d.mines).toHaveLength(6);
    expect(d.mines[0]).toMatchObject({ name_zh: '甲建材有限公司东山石料厂', scale_value: 18, scale_unit: '10km3_a', target_year: 2028, division: '东山镇' });
    expect(d.mines.map((m) => m.status)).toEqual(['producing', 'producing', 'producing', 'producing', 'suspended', 'producing']);
    expect(d.blocks.filter((b) => b.mine_id != null)).toHaveLength(6);
    expect(d.appendices).toEqual(['indicators', 'plan_table']);
  });

  it('binds counts, shares of the whole and of a subset, totals, areas and counts by target year; reports a contradiction', () => {
    const d = r.txt.data;
    const status = d.chapters.find((c) => c.lang === 'zh' && c.title === '现状与形势')!.body;
    expect(status).toContain('全区共有矿山 {{ f.mines.total }} 个');
    expect(status).toContain('分别占矿山总数的 {{ f.mines.byScale.large.percent }}%、{{ f.mines.byScale.medium.percent }}%、{{ f.mines.byScale.small.percent }}%');
    expect(status).toContain('生产矿山 {{ f.mines.byStatus.producing.count }} 个，占矿山总数的 {{ f.mines.byStatus.producing.percent }}%');
    expect(status).toContain('生产矿山中大型 {{ f.subsets.producing.large.count }} 家，占 {{ f.subsets.producing.large.percent }}%');
    expect(status).toContain('矿区总面积 {{ f.licences.areaKm2 | num: 4 }}km²');
    expect(status).toContain('其中停产矿山 2 个');
    const targets = d.chapters.find((c) => c.lang === 'zh' && c.title === '规划目标')!.body;
    expect(targets).toContain('规划期内新建绿色矿山 {{ f.green.planned }} 个');
    expect(targets).toContain('2028 年建设完成 {{ f.green.plannedByYear[1].count }} 个绿色矿山');
    expect(r.txt.report.findings).toEqual([expect.objectContaining({ text: '2个', fact: 'f.mines.byStatus.suspended.count', expected: '1' })]);
    // the rendered text still reads as written
    const text = composeChapters(d, 'zh', (k) => k, computeFacts(d)).map((c) => c.markdown).join('\n');
    expect(text).toContain('大型矿山 2 个、中型矿山 3 个、小型矿山 1 个，分别占矿山总数的 33.33%、50.00%、16.67%');
    expect(text).toContain('生产矿山中大型 2 家，占 40.00%');
    expect(text).toContain('矿区总面积 1.1550km²');
    expect(text).toContain('2027 年建设完成 1 个绿色矿山，2028 年建设完成 3 个绿色矿山');
  });
});
