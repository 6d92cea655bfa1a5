import { describe, expect, it } from 'vitest';
import { computeFacts } from '../../main/facts/plan-facts.ts';
import { buildDocument } from '../../main/document/build.ts';
import { samplePlan, withTestLicences } from './helpers.ts';

describe('facts of the sample banner plan (the seed figures, computed)', () => {
  it('counts and shares of mines', async () => {
    const { data } = await samplePlan();
    const f = computeFacts(data);
    expect(f.mines.total).toBe(82);
    expect(f.mines.byGroup.coal).toMatchObject({ count: 72, percent: '87.80' });
    expect(f.mines.byGroup.nonmetal).toMatchObject({ count: 10, percent: '12.20' });
    expect([f.mines.byScale.large, f.mines.byScale.medium, f.mines.byScale.small].map((s) => [s.count, s.percent]))
      .toEqual([[31, '37.80'], [28, '34.15'], [23, '28.05']]);
    expect(f.mines.byStatus.producing).toMatchObject({ count: 62, percent: '75.61' });
    expect(f.mines.notProducing.count).toBe(20);
    expect(f.mines.mineralCount).toBe(4);
  });

  it('green mines built and planned per year', async () => {
    const { data } = await samplePlan();
    const f = computeFacts(data);
    expect([f.green.built, f.green.national, f.green.regional, f.green.inZone]).toEqual([48, 6, 42, 38]);
    expect(f.green.plannedByYear).toEqual([{ year: 2022, count: 5 }, { year: 2024, count: 2 }, { year: 2025, count: 1 }]);
    expect(f.green.afterPlan).toBe(56);
  });

  it('exploration rights, reserves, zone', async () => {
    const { data } = await samplePlan();
    const f = computeFacts(data);
    expect(f.exploration).toMatchObject({ count: 7, areaKm2: 979.11 });
    expect(f.exploration.byStage.detailed.count).toBe(3);
    expect(f.exploration.byStage.exploration.count).toBe(4);
    expect(f.reserves.deposits).toBe(31);
    expect(f.zone?.computedAreaKm2).toBe(1202.625);
    expect(f.zone?.declaredAreaKm2).toBe(1202.62);
    expect(f.zone?.pointCount).toBe(23);
    // the sample has no licences (the seed lists none); with test licences the area shares make one whole
    expect(f.licences.count).toBe(0);
    const fl = computeFacts(withTestLicences(data));
    expect(Number(fl.licences.coal.percent) + Number(fl.licences.noncoal.percent)).toBeCloseTo(100, 6);
  });

  it('a changed mine changes the bound text (numbers are computed, not typed)', async () => {
    const { data } = await samplePlan();
    const changed = structuredClone(data);
    const sampleCoal = changed.mines.find((m) => m.is_sample && m.mineral === '煤')!;
    sampleCoal.mineral = '建筑用石料';
    const text = (lang: 'zh' | 'en', d = changed) => buildDocument(d, lang).body
      .filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : '')).join('\n');
    expect(text('zh', data)).toContain('煤矿 72 个，占矿山总数的 87.80%');
    expect(text('zh')).toContain('煤矿 71 个，占矿山总数的 86.59%');
    expect(text('zh')).toContain('非金属矿山 11 个，占矿山总数的 13.41%');
    expect(text('en', data)).toContain('72 coal mines (87.80% of all mines)');
  });
});

describe('document model', () => {
  it('numbers appendices in order and the list agrees with the captions', async () => {
    const { data } = await samplePlan();
    for (const lang of ['zh', 'en'] as const) {
      const doc = buildDocument(data, lang);
      // appendix maps first (附图 1-3), then the tables
      const all = [...doc.figures, ...doc.appendices];
      expect(doc.appendixList.map((a) => a.label)).toEqual(all.map((t) => t.label));
      expect(doc.appendixList.map((a) => a.title)).toEqual(all.map((t) => t.title));
      expect(doc.figures.map((f) => f.label)).toEqual([1, 2, 3].map((n) => (lang === 'zh' ? `附图 ${n}` : `Appendix Map ${n}`)));
      expect(doc.appendices.map((t) => t.label)).toEqual(doc.appendices.map((_, i) => (lang === 'zh' ? `附表 ${i + 1}` : `Appendix Table ${i + 1}`)));
    }
  });

  it('references to an appendix follow the appendix order', async () => {
    const { data } = await samplePlan();
    const reordered = structuredClone(data);
    reordered.appendices = ['zone_points', ...data.appendices.filter((k) => k !== 'zone_points')];
    const doc = buildDocument(reordered, 'zh');
    const zoneText = doc.body.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : '')).find((t) => t.includes('拐点坐标见'));
    expect(zoneText).toContain('拐点坐标见附表 1');
    expect(doc.appendices[0].title).toBe('绿色矿业发展示范区拐点坐标');
  });

  it('chapters are numbered by the builder and the unnumbered 总则 has no number', async () => {
    const { data } = await samplePlan();
    const doc = buildDocument(data, 'zh');
    const h1 = doc.body.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b.kind === 'heading' ? `${b.number}|${b.text}` : ''));
    expect(h1).toEqual(['|总　则', '第一章|现状与形势', '第二章|指导思想、基本原则与规划目标', '第三章|全面推进绿色矿山建设', '第四章|积极推进绿色勘查', '第五章|创建绿色矿业发展示范区', '第六章|保障措施']);
    expect(doc.toc[1].text).toBe('第一章　现状与形势');
  });

  it('the indicator table carries the targets per year with merged category cells', async () => {
    const { data } = await samplePlan();
    const t = buildDocument(data, 'zh').appendices.find((a) => a.key === 'indicators')!;
    expect(t.header![0].map((c) => c.text)).toEqual(['类别', '指标名称', '2023 年', '2025 年', '属性']);
    expect(t.rows[0][0]).toMatchObject({ text: '绿色矿山建设', rowSpan: 2 });
    expect(t.rows[0].map((c) => c.text)).toContain('53');
    expect(t.rows[0].map((c) => c.text)).toContain('约束性');
  });
});
